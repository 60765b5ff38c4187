/**
 * The same .xlsx as writeWorkbook (writeXlsx.ts), through exceljs's streaming writer: rows are turned into XML as
 * they are written and zipped by Node's zlib, so a region's consolidated workbook (a plan sheet of 60,000 rows for
 * 1,000 schools) is written without holding the whole sheet's XML in memory.
 * Node only (the streaming writer needs Node streams): the command line uses it, the pane keeps writeWorkbook.
 *
 * Two shortcuts keep a region's workbook under a second, both giving the parts writeWorkbook gives:
 * - the cells go straight to the sheet's XML (`writeCellsDirect`) instead of through an exceljs Row and Cell object
 *   per cell, with exceljs's own style and shared-string registers, in its order;
 * - the charts and the calculation flag are added in one re-packing of the zip (`repackZip`), whose untouched
 *   parts keep their compressed bytes.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { columnLetter, parseRange } from '../domain/a1';
import { fitCellText } from '../domain/cellLimit';
import { isFormula, type CellInput, type CellStyle, type FormulaCell, type SheetPlan, type WorkbookPlan } from '../domain/sheetPlan';
import { documentDate, excelStyle, noEquals, planCharts, repackZip, writePlanSheets, type WriteOptions } from './writeXlsx';
import { addChartsToParts, jszipParts, type XlsxParts } from './xlsxCharts';

/**
 * Of exceljs only its streaming writer and its value types: the whole package (its readers, CSV, the in-memory
 * workbook and their dependencies) took three times as long to load, on the command line's main thread.
 */
function loadStreamWriter(): { stream: { xlsx: { WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter } }; ValueType: typeof ExcelJS.ValueType } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
  const { ValueType } = require('exceljs/lib/doc/enums') as { ValueType: typeof ExcelJS.ValueType };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { stream: { xlsx: { WorkbookWriter } }, ValueType };
}

export async function writeWorkbookStreaming(plan: WorkbookPlan, options: WriteOptions = {}): Promise<Uint8Array> {
  const ExcelJS = loadStreamWriter();
  const date = documentDate(options.modified);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = 'Профкампания';
  wb.created = date;
  wb.modified = date;
  await writePlanSheets(wb as unknown as Parameters<typeof writePlanSheets>[0], plan, (ws, sheet) =>
    writeCellsDirect(ws as unknown as StreamSheet, sheet, ExcelJS.ValueType),
  );
  await wb.commit();
  let bytes: Uint8Array = new Uint8Array(Buffer.concat(chunks));
  // A caller's own steps work on bytes; by default the charts are added while re-packing.
  for (const step of options.postProcess ?? []) bytes = await step(bytes, plan);
  return repackZip(bytes, date, async (zip) => {
    const parts = jszipParts(zip);
    if (!options.postProcess) await addChartsToParts(parts, planCharts(plan));
    await fullCalcOnLoad(parts);
  });
}

/**
 * Formulas are written without cached results, so Excel must compute them all on opening; the streaming writer
 * has no calcProperties, so the flag is set in workbook.xml afterwards.
 */
async function fullCalcOnLoad(parts: XlsxParts): Promise<void> {
  if (!parts.has('xl/workbook.xml')) return;
  const xml = await parts.read('xl/workbook.xml');
  const calc = /<calcPr\b[^>]*?\/>/.exec(xml)?.[0];
  if (calc?.includes('fullCalcOnLoad')) return;
  const fixed = calc
    ? xml.replace(calc, calc.replace(/\/>$/, ' fullCalcOnLoad="1"/>'))
    : xml.replace('</workbook>', '<calcPr fullCalcOnLoad="1"/></workbook>');
  parts.write('xl/workbook.xml', fixed);
}

// ---------------------------------------------------------------------------------------------------------------
// Cells straight to the sheet's XML.

/** What of exceljs 4.4.0's streaming worksheet (and its workbook) the direct writer uses. */
interface StreamSheet {
  stream: { write(xml: string): void };
  startedData?: boolean;
  useSharedStrings?: boolean;
  _merges: { toString(): string }[];
  _workbook: {
    styles: { addStyleModel(style: object | undefined, cellType?: number): number };
    sharedStrings: SharedStrings;
  };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

type ValueTypes = typeof ExcelJS.ValueType;

/** exceljs 4.4.0's shared-strings table: the texts in order, and how many cells refer to them. */
interface SharedStrings {
  add(text: string): number;
  _totalRefs: number;
}

/**
 * Each table's texts by index in a Map: exceljs keys them in a plain object, whose lookups of long Cyrillic keys
 * were a sixth of writing a region's workbook. Same indices, same count of references, same part.
 */
const stringIndex = new WeakMap<SharedStrings, Map<string, number>>();
function sharedStringsOf(table: SharedStrings): { add(text: string): number } {
  let index = stringIndex.get(table);
  if (!index) stringIndex.set(table, (index = new Map()));
  const known = index;
  return {
    add(text) {
      const i = known.get(text);
      if (i === undefined) {
        const added = table.add(text);
        known.set(text, added);
        return added;
      }
      table._totalRefs++;
      return i;
    },
  };
}

/**
 * The merges and cells of one sheet, written as exceljs's WorksheetWriter would write them after mergeCells, Cell
 * values and styles and Row.commit(): the same rows (a row is written when it holds a value or a merged cell, or
 * has a height), the same cells (every cell given a value, a style or a place in a merge), the same style ids and
 * shared strings, registered in the same order (rows in order, cells left to right). Merged cells take their
 * master's style object when merging, as in exceljs. Rows are produced one at a time, sweeping the blocks and styled
 * ranges down the sheet, so a sheet of 60,000 rows leaves nothing behind but its XML.
 * Returns false, leaving the sheet to exceljs, for what exceljs does differently and plans do not do: overlapping
 * merges (exceljs refuses them), a value in a merged cell other than the master (exceljs hands it to the master),
 * formulas with empty text and values of other types.
 */
export function writeCellsDirect(ws: StreamSheet, plan: SheetPlan, T: ValueTypes): boolean {
  if (ws.startedData || !Array.isArray(ws._merges) || ws._merges.length > 0) return false;
  // Merged cells by row (sparse by column): the style object the merge gives them, and whether each is the master.
  const merged = new Map<number, (object | undefined)[]>();
  const masters = new Map<number, boolean[]>();
  const merges: { toString(): string }[] = [];
  for (const m of plan.merges) {
    const { top, left, bottom, right } = parseRange(m);
    const ref = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
    const style = {};
    for (let r = top; r <= bottom; r++) {
      let row = merged.get(r);
      if (!row) merged.set(r, (row = []));
      for (let c = left; c <= right; c++) {
        if (row[c] !== undefined) return false;
        row[c] = style;
      }
    }
    let row = masters.get(top);
    if (!row) masters.set(top, (row = []));
    row[left] = true;
    merges.push({ toString: () => ref });
  }
  const blocks = plan.blocks.map((b) => ({ ...parseRange(b.at), rows: b.rows }));
  for (const b of blocks)
    for (let i = 0; i < b.rows.length; i++)
      for (let j = 0; j < b.rows[i].length; j++) {
        const v = b.rows[i][j];
        if (v === null || v === undefined) continue;
        if (isFormula(v) ? !noEquals(v.formula) : typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
          return false;
        const r = b.top + i;
        const c = b.left + j;
        if (merged.get(r)?.[c] !== undefined && !masters.get(r)?.[c]) return false;
      }
  const ranges = plan.styles.map((s) => ({ ...parseRange(s.range), style: s.style }));
  const heights = new Map(Object.entries(plan.rowHeights ?? {}).map(([r, h]) => [Number(r), h]));
  let first = Infinity;
  let last = 0;
  const span = (top: number, bottom: number) => {
    first = Math.min(first, top);
    last = Math.max(last, bottom);
  };
  for (const r of merged.keys()) span(r, r);
  for (const r of heights.keys()) span(r, r);
  for (const b of blocks) if (b.rows.length) span(b.top, b.top + b.rows.length - 1);
  for (const s of ranges) span(s.top, s.bottom);
  ws._merges.push(...merges);

  const register = ws._workbook.styles;
  const strings = ws.useSharedStrings ? sharedStringsOf(ws._workbook.sharedStrings) : undefined;
  // A cell nobody styled has a fresh {} of its own, whose id depends only on the cell's type.
  const plainIds = new Map<number, number>();
  const plainId = (type: number): number => {
    let id = plainIds.get(type);
    if (id === undefined) plainIds.set(type, (id = register.addStyleModel({}, type)));
    return id;
  };
  // Styles: where ranges overlap they merge in order, one shared object per distinct sequence of ranges (as in
  // styleGrid). The ranges over a row change only where one begins or ends, so a row's styles are recomputed there.
  const combined: CellStyle[] = [{}];
  const objects: Partial<ExcelJS.Style>[] = [];
  const combos = new Map<number, number>();
  let rowStyles: Partial<ExcelJS.Style>[] = [];
  const styleRow = (r: number): Partial<ExcelJS.Style>[] => {
    const ids: number[] = [];
    ranges.forEach((s, si) => {
      if (r < s.top || r > s.bottom) return;
      for (let c = s.left; c <= s.right; c++) {
        const was = ids[c] ?? 0;
        const key = was * ranges.length + si;
        let id = combos.get(key);
        if (id === undefined) {
          id = combined.push({ ...combined[was], ...s.style }) - 1;
          combos.set(key, id);
        }
        ids[c] = id;
      }
    });
    const out: Partial<ExcelJS.Style>[] = [];
    ids.forEach((id, c) => {
      out[c] = objects[id] ??= excelStyle(combined[id]);
    });
    return out;
  };
  const changes = new Set<number>();
  for (const s of ranges) changes.add(s.top).add(s.bottom + 1);

  let started = false;
  let rowStyleId: number | undefined;
  const letters: string[] = [];
  const rowValues: CellInput[] = [];
  let xml = '';
  for (let r = first; r <= last; r++) {
    if (changes.has(r)) rowStyles = styleRow(r);
    rowValues.length = 0;
    for (const b of blocks) {
      if (r < b.top) continue;
      const values = b.rows[r - b.top];
      if (!values) continue;
      for (let j = 0; j < values.length; j++) if (values[j] !== null && values[j] !== undefined) rowValues[b.left + j] = values[j];
    }
    const rowMerged = merged.get(r) ?? [];
    const rowMasters = masters.get(r);
    const height = heights.get(r);
    // The cells exceljs would have created in this row, left to right.
    const width = Math.max(rowValues.length, rowMerged.length, rowStyles.length);
    let min = 0;
    let max = 0;
    let hasValues = false;
    for (let c = 1; c < width; c++) {
      if (rowValues[c] === undefined && rowMerged[c] === undefined && rowStyles[c] === undefined) continue;
      if (!min) min = c;
      max = c;
      if (rowValues[c] !== undefined || (rowMerged[c] !== undefined && !rowMasters?.[c])) hasValues = true;
    }
    if (!min && height === undefined) continue; // no row here in exceljs
    if (!started) {
      // exceljs writes the columns and opens the sheet's data when the first row is committed.
      ws._writeColumns();
      ws._writeOpenSheetData();
      ws.startedData = started = true;
    }
    if (!hasValues && !height) continue;
    // Row.style is a fresh {} (no number format) in every row: the same id each time.
    if (rowStyleId === undefined) rowStyleId = register.addStyleModel({});
    xml += `<row r="${r}"`;
    if (height) xml += ` ht="${height}" customHeight="1"`;
    if (min > 0 && max > 0 && min <= max) xml += ` spans="${min}:${max}"`;
    if (rowStyleId) xml += ` s="${rowStyleId}" customFormat="1"`;
    xml += ' x14ac:dyDescent="0.25"';
    let open = true;
    for (let c = min; c <= max; c++) {
      const value = rowValues[c];
      const inMerge = rowMerged[c];
      const style = rowStyles[c];
      if (value === undefined && inMerge === undefined && style === undefined) continue;
      let type: number;
      let effective: number;
      if (value === undefined) type = effective = inMerge !== undefined && !rowMasters?.[c] ? T.Merge : T.Null;
      else if (isFormula(value)) {
        type = T.Formula;
        effective = value.result === null || value.result === undefined ? T.Null : typeOf(value.result, T);
      } else type = effective = typeOf(value as string | number | boolean, T);
      const object = style ?? inMerge;
      const styleId = object ? register.addStyleModel(object, effective) : plainId(effective);
      if (type === T.Null && !styleId) continue;
      if (open) {
        xml += '>';
        open = false;
      }
      xml += `<c r="${(letters[c] ??= columnLetter(c))}${r}"`;
      if (styleId) xml += ` s="${styleId}"`;
      xml += cellXml(value, type, effective, T, strings);
    }
    xml += open ? '/>' : '</row>';
    if (xml.length > 65536) {
      ws.stream.write(xml);
      xml = '';
    }
  }
  if (xml) ws.stream.write(xml);
  return true;
}

function typeOf(v: string | number | boolean, T: ValueTypes): number {
  return typeof v === 'string' ? T.String : typeof v === 'number' ? T.Number : T.Boolean;
}

/** The rest of a cell's XML after its address and style, as exceljs's CellXform renders it. */
function cellXml(
  value: CellInput | undefined,
  type: number,
  effective: number,
  T: ValueTypes,
  strings: { add(text: string): number } | undefined,
): string {
  switch (type) {
    case T.Number:
      return `><v>${xmlEncode(String(value))}</v></c>`;
    case T.Boolean:
      return ` t="b"><v>${value ? '1' : '0'}</v></c>`;
    case T.String: {
      // Text longer than a cell holds (a CSV may bring a megabyte) is cut, or Excel would call the file damaged.
      const text = fitCellText(value as string);
      return strings ? ` t="s"><v>${strings.add(text)}</v></c>` : ` t="str"><v>${xmlEncode(text)}</v></c>`;
    }
    case T.Formula: {
      const { formula, result } = value as FormulaCell;
      const f = `<f>${xmlEncode(noEquals(formula))}</f>`;
      switch (effective) {
        case T.String:
          return ` t="str">${f}<v>${xmlEncode(result as string)}</v></c>`;
        case T.Number:
          return `>${f}<v>${xmlEncode(String(result))}</v></c>`;
        case T.Boolean:
          return ` t="b">${f}<v>${result ? 1 : 0}</v></c>`;
        default:
          return `>${f}</c>`;
      }
    }
    default: // Null and Merge: the address and style only
      return '/>';
  }
}

// eslint-disable-next-line no-control-regex
const NEEDS_ENCODING = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex
const ENCODED = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** exceljs's xmlEncode: the five entities, and characters XML cannot hold dropped. */
function xmlEncode(text: string): string {
  return NEEDS_ENCODING.test(text) ? text.replace(ENCODED, (ch) => ENTITY[ch] ?? '') : text;
}
