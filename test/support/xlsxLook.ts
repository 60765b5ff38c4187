/**
 * What a written .xlsx says, independent of how a writer spells it: every sheet's cells (value, formula, cached value
 * and look — font, fill, border, alignment, number format, protection), merges, widths, heights, frozen panes,
 * validations, conditional formats with their looks, protection, print setup and print titles, charts: what
 * test/writer.libreoffice.test.ts compares with the plan after LibreOffice has saved our file. Style ids, string
 * indices, attribute order and empty unstyled cells do not count; an empty cell with a look does.
 */
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, parseTagValue: false, trimValues: false });
type Node = Record<string, unknown>;
const one = (n: unknown, tag: string): Node | undefined => ((n as Node | undefined)?.[tag] as Node[] | undefined)?.[0];
const all = (n: unknown, tag: string): Node[] => ((n as Node | undefined)?.[tag] as Node[] | undefined) ?? [];
const attr = (n: Node | undefined, a: string): string | undefined => (n?.[a] as string | undefined) ?? undefined;
const text = (n: Node | string | undefined): string => {
  if (typeof n === 'string') return n;
  const t = n?.['#text'];
  return Array.isArray(t) ? t.join('') : ((t as string | undefined) ?? '');
};

const BUILT_IN: Record<string, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy', 49: '@' };
const truthy = (v: string | undefined) => v !== undefined && v !== '0' && v !== 'false';
const color = (n: Node | undefined) => attr(n, 'rgb')?.toUpperCase();

function fontLook(f: Node | undefined) {
  return { bold: one(f, 'b') ? truthy(attr(one(f, 'b'), 'val') ?? '1') : false, italic: one(f, 'i') ? truthy(attr(one(f, 'i'), 'val') ?? '1') : false, size: Number(attr(one(f, 'sz'), 'val') ?? 11), color: color(one(f, 'color')) };
}
function fillLook(f: Node | undefined) {
  const p = one(f, 'patternFill');
  if (!p || attr(p, 'patternType') !== 'solid') return undefined;
  return color(one(p, 'fgColor')) ?? color(one(p, 'bgColor'));
}
function borderLook(b: Node | undefined) {
  return ['left', 'right', 'top', 'bottom'].map((e) => `${attr(one(b, e), 'style') ?? ''}${color(one(one(b, e), 'color')) ?? ''}`).join('|');
}

/** Each cell format id → its look, from styles.xml. */
function styleLooks(stylesXml: string) {
  const st = one(parser.parse(stylesXml), 'styleSheet');
  const numFmts = new Map(all(one(st, 'numFmts'), 'numFmt').map((n) => [attr(n, 'numFmtId')!, attr(n, 'formatCode')!]));
  const fonts = all(one(st, 'fonts'), 'font');
  const fills = all(one(st, 'fills'), 'fill');
  const borders = all(one(st, 'borders'), 'border');
  const looks = all(one(st, 'cellXfs'), 'xf').map((xf) => {
    const al = one(xf, 'alignment');
    const fmt = attr(xf, 'numFmtId') ?? '0';
    const v = attr(al, 'vertical');
    return JSON.stringify({
      font: fontLook(fonts[Number(attr(xf, 'fontId') ?? 0)]),
      fill: fillLook(fills[Number(attr(xf, 'fillId') ?? 0)]),
      border: borderLook(borders[Number(attr(xf, 'borderId') ?? 0)]),
      numFmt: numFmts.get(fmt) ?? BUILT_IN[fmt] ?? fmt,
      h: attr(al, 'horizontal'),
      v: v === 'middle' ? 'center' : v,
      wrap: truthy(attr(al, 'wrapText')),
      locked: truthy(attr(one(xf, 'protection'), 'locked') ?? '1'),
    });
  });
  const dxfs = all(one(st, 'dxfs'), 'dxf').map((d) => JSON.stringify({ font: one(d, 'font') ? { b: !!one(one(d, 'font'), 'b'), c: color(one(one(d, 'font'), 'color')) } : undefined, fill: color(one(one(one(d, 'fill'), 'patternFill'), 'bgColor')) }));
  return { looks, dxfs, plain: looks[0] };
}

/** "A1:B2 C3" → sorted cell ranges written the short way ("B7:B7" is "B7"). */
const refs = (sqref: string | undefined) =>
  (sqref ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => {
      const [a, b] = r.replace(/\$/g, '').split(':');
      return b && b !== a ? `${a}:${b}` : a;
    })
    .sort();

export async function xlsxLook(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (p: string) => zip.file(p)!.async('string');
  const { looks, dxfs, plain } = styleLooks(await read('xl/styles.xml'));
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellStyles: true });
  const workbookXml = one(parser.parse(await read('xl/workbook.xml')), 'workbook');
  const relsXml = one(parser.parse(await read('xl/_rels/workbook.xml.rels')), 'Relationships');
  const targets = new Map(all(relsXml, 'Relationship').map((r) => [attr(r, 'Id')!, attr(r, 'Target')!.replace(/^\/?(xl\/)?/, 'xl/')]));
  const names = all(one(workbookXml, 'definedNames'), 'definedName')
    .map((n) => `${attr(n, 'name')}@${attr(n, 'localSheetId') ?? ''}=${text(n)}`)
    .sort();
  const calc = truthy(attr(one(workbookXml, 'calcPr'), 'fullCalcOnLoad'));
  const sheets = [];
  for (const s of all(one(workbookXml, 'sheets'), 'sheet')) {
    const name = attr(s, 'name')!;
    const path = targets.get(attr(s, 'id')!)!;
    const ws = one(parser.parse(await read(path)), 'worksheet');
    const cells: Record<string, unknown> = {};
    const sheet = wb.Sheets[name];
    for (const row of all(one(ws, 'sheetData'), 'row'))
      for (const c of all(row, 'c')) {
        const ref = attr(c, 'r')!;
        const look = looks[Number(attr(c, 's') ?? 0)];
        const cell = sheet[ref] as XLSX.CellObject | undefined;
        const value = cell && cell.t !== 'z' ? { t: cell.t, v: cell.v, f: cell.f } : undefined;
        if (!value && look === plain) continue;
        cells[ref] = { ...value, look: look === plain ? undefined : look };
      }
    const widths: Record<number, number> = {};
    for (const col of all(one(ws, 'cols'), 'col'))
      for (let i = Number(attr(col, 'min')); i <= Number(attr(col, 'max')); i++) widths[i] = Number(attr(col, 'width'));
    const heights: Record<string, number> = {};
    for (const row of all(one(ws, 'sheetData'), 'row')) if (truthy(attr(row, 'customHeight'))) heights[attr(row, 'r')!] = Number(attr(row, 'ht'));
    const pane = one(one(one(ws, 'sheetViews'), 'sheetView'), 'pane');
    const setup = one(ws, 'pageSetup');
    const protection = one(ws, 'sheetProtection');
    sheets.push({
      name,
      hidden: attr(s, 'state') ?? 'visible',
      cells,
      merges: all(one(ws, 'mergeCells'), 'mergeCell').map((m) => attr(m, 'ref')).sort(),
      widths,
      heights,
      frozen: pane && attr(pane, 'state') === 'frozen' ? { x: Number(attr(pane, 'xSplit') ?? 0), y: Number(attr(pane, 'ySplit') ?? 0), topLeft: attr(pane, 'topLeftCell') } : undefined,
      tab: color(one(one(ws, 'sheetPr'), 'tabColor')),
      fitToPage: truthy(attr(one(one(ws, 'sheetPr'), 'pageSetUpPr'), 'fitToPage')),
      print: setup && attr(setup, 'paperSize') ? { paper: attr(setup, 'paperSize'), orientation: attr(setup, 'orientation'), w: attr(setup, 'fitToWidth') ?? '1', h: attr(setup, 'fitToHeight') ?? '1' } : undefined,
      protection: protection ? Object.fromEntries(Object.entries(protection).filter(([k]) => !k.startsWith('#')).sort()) : undefined,
      validations: all(one(ws, 'dataValidations'), 'dataValidation')
        .map((v) =>
          JSON.stringify({
            type: attr(v, 'type'),
            operator: attr(v, 'operator') ?? (['whole', 'decimal', 'date', 'time', 'textLength'].includes(attr(v, 'type')!) ? 'between' : undefined),
            blank: truthy(attr(v, 'allowBlank')),
            style: attr(v, 'errorStyle') ?? 'stop',
            title: attr(v, 'errorTitle'),
            error: attr(v, 'error'),
            prompt: truthy(attr(v, 'showInputMessage')) ? [attr(v, 'promptTitle'), attr(v, 'prompt')] : undefined,
            showError: truthy(attr(v, 'showErrorMessage')),
            sqref: refs(attr(v, 'sqref')),
            formulas: [text(one(v, 'formula1')), text(one(v, 'formula2'))],
          }),
        )
        .sort(),
      conditionalFormats: all(ws, 'conditionalFormatting')
        .flatMap((cf) => all(cf, 'cfRule').map((r) => JSON.stringify({ sqref: refs(attr(cf, 'sqref')), type: attr(r, 'type'), priority: attr(r, 'priority'), look: dxfs[Number(attr(r, 'dxfId'))], formula: text(one(r, 'formula')) })))
        .sort(),
      drawing: !!one(ws, 'drawing'),
    });
  }
  const charts = [];
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) charts.push(await read(p));
  return { sheets, names, calc, charts };
}
