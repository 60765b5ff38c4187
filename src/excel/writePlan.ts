/**
 * A sheet plan's data written into a worksheet, in two passes: `writeLayout` (values, widths, number formats,
 * formats, merges) and, once every sheet of the apply exists under its final name, `writeReferences` (formulas,
 * validation, conditional formats, charts, names, protection). Cosmetics that some Excel builds refuse (frozen
 * panes, tab colour, print setup) are not here: cosmetics.ts applies them after the data, on their own.
 */
import { parseCell, parseRange, rangeRef } from '../domain/a1';
import { heldRows, isFormula, type Block, type CellStyle, type ChartKind, type SheetPlan } from '../domain/sheetPlan';
import { ExcelActionError } from './errors';
import { payloadBytes, toExcelInput } from './excelValues';
import type { RequestQueue } from './requestQueue';

type Box = ReturnType<typeof parseRange>;

/** Charts the add-in makes are named with this prefix, so a regeneration removes its own and no one else's. */
export const CHART_PREFIX = 'ПК_';

/** A rectangular 2-D array of a block's cells, ragged rows padded. Cells formatted as text ("@") need no mark. */
function blockMatrix(b: Block, textCells: Box[]): (string | number | boolean)[][] {
  const rows = heldRows(b.rows);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const at = parseCell(b.at);
  const isText = (r: number, c: number) => textCells.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
  return rows.map((row, i) => Array.from({ length: width }, (_, j) => toExcelInput(row[j] ?? null, textCells.length > 0 && isText(at.row + i, at.col + j))));
}

const hasFormulas = (b: Block): boolean => heldRows(b.rows).some((row) => row.some((c) => isFormula(c)));

const textRanges = (p: SheetPlan): Box[] => p.styles.filter((s) => s.style.numberFormat === '@').map((s) => parseRange(s.range));

/** Writes a block in row chunks of at most half a request, so each leaves room for the rest of its request. */
async function writeBlock(ws: Excel.Worksheet, b: Block, q: RequestQueue, prop: 'values' | 'formulas', textCells: Box[]): Promise<void> {
  if (b.rows.length === 0) return;
  const m = blockMatrix(b, textCells);
  const at = parseCell(b.at);
  const width = m[0].length;
  let start = 0;
  let size = 0;
  const emit = async (end: number) => {
    if (end <= start) return;
    const chunk = m.slice(start, end);
    await q.reserve(size + 64);
    ws.getRange(rangeRef(at.row + start, at.col, at.row + end - 1, at.col + width - 1))[prop] = chunk as never;
    start = end;
    size = 0;
  };
  const budget = q.chunkLimit / 2;
  for (let i = 0; i < m.length; i++) {
    const rowBytes = payloadBytes(m[i]) + 1;
    if (size > 0 && size + rowBytes > budget) await emit(i);
    size += rowBytes;
  }
  await emit(m.length);
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Sets a style's formats; returns how many operations that queued (each property set is one). */
function setFormat(target: { format: Excel.RangeFormat }, s: CellStyle): number {
  const f = target.format;
  let ops = 0;
  const set = (apply: () => void) => {
    apply();
    ops++;
  };
  if (s.bold !== undefined) set(() => (f.font.bold = s.bold!));
  if (s.italic !== undefined) set(() => (f.font.italic = s.italic!));
  if (s.fontSize !== undefined) set(() => (f.font.size = s.fontSize!));
  if (s.fontColor) set(() => (f.font.color = `#${s.fontColor}`));
  if (s.fill) set(() => (f.fill.color = `#${s.fill}`));
  if (s.wrap !== undefined) set(() => (f.wrapText = s.wrap!));
  if (s.hAlign) set(() => (f.horizontalAlignment = H_ALIGN[s.hAlign!]));
  if (s.vAlign) set(() => (f.verticalAlignment = V_ALIGN[s.vAlign!]));
  if (s.border) for (const e of EDGES) set(() => (f.borders.getItem(e).style = 'Continuous'));
  if (s.locked !== undefined) set(() => (f.protection.locked = s.locked!));
  return ops;
}

/** Values, number formats, formats and merges (column widths and row heights are cosmetics: cosmetics.ts). */
export async function writeLayout(ws: Excel.Worksheet, p: SheetPlan, q: RequestQueue): Promise<void> {
  // Number formats first, so text-formatted cells receive the values as text.
  for (const s of p.styles) {
    if (!s.style.numberFormat) continue;
    const r = parseRange(s.range);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const fmt = Array.from({ length: rows }, () => Array<string>(cols).fill(s.style.numberFormat!));
    await q.reserve(payloadBytes(s.style.numberFormat) * rows * cols + rows * 3 + 64);
    ws.getRange(s.range).numberFormat = fmt;
  }
  const text = textRanges(p);
  for (const b of p.blocks) if (!hasFormulas(b)) await writeBlock(ws, b, q, 'values', text);

  // Formats grouped by style, one Range per area, all queued into as few requests as the size limit allows.
  // Not Worksheet.getRanges("A1:B2,D4"): Excel on Windows parses that address with the user's list separator, so
  // in a Russian (or German, Czech…) locale, where it is «;», a comma-joined address fails with InvalidArgument
  // (office-js #1167, reproduced by Microsoft and in its backlog; #1985). Every Russian coordinator has «;».
  const groups = new Map<string, { style: CellStyle; ranges: string[] }>();
  for (const s of p.styles) {
    const { numberFormat: _nf, ...rest } = s.style;
    if (Object.keys(rest).length === 0) continue;
    const k = JSON.stringify(rest);
    const g = groups.get(k) ?? { style: rest as CellStyle, ranges: [] as string[] };
    g.ranges.push(s.range);
    groups.set(k, g);
  }
  for (const g of groups.values())
    for (const addr of g.ranges) {
      const ops = setFormat(ws.getRange(addr), g.style);
      await q.reserve(payloadBytes(g.style) + ops * payloadBytes(addr), ops);
    }
  for (const m of p.merges) ws.getRange(m).merge(false);
  await q.reserve(payloadBytes(p.merges), p.merges.length);
}

const CHART_TYPE: Record<ChartKind, string> = { column: 'ColumnClustered', bar: 'BarClustered', line: 'Line', pie: 'Pie' };

/** "'Показатели'!$B$5:$B$11" → sheet and address. */
export function splitQualified(ref: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref.trim());
  if (!m) throw new ExcelActionError(`Неверная ссылка на диапазон: «${ref}».`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3].replace(/\$/g, '') };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface ReferenceContext {
  ctx: Excel.RequestContext;
  /** Suffix of this apply's chart names. */
  stamp: string;
}

/** What refers to names: formulas, validation, conditional formats, charts; then protection. */
export async function writeReferences(ws: Excel.Worksheet, p: SheetPlan, q: RequestQueue, r: ReferenceContext): Promise<void> {
  const text = textRanges(p);
  for (const b of p.blocks) if (hasFormulas(b)) await writeBlock(ws, b, q, 'formulas', text);

  if (q.support.validation)
    for (const v of p.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = validationRule(v.rule);
      dv.ignoreBlanks = v.allowBlank ?? true;
      // Excel caps an alert's title at 32 characters and its text at 225 (DataValidationErrorAlert); a file's
      // error text at 224 (MS-OI29500 2.1.613): 224 keeps both.
      dv.errorAlert = { showAlert: true, style: v.severity === 'stop' ? 'Stop' : 'Warning', title: clip(v.title, 32), message: clip(v.message, 224) };
      if (v.prompt) dv.prompt = { showPrompt: true, title: clip(v.title, 32), message: clip(v.prompt, 255) };
      await q.reserve(payloadBytes(v), 5);
    }

  for (const c of p.conditionalFormats) {
    const cf = ws.getRange(c.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
    if (c.style.fill) cf.custom.format.fill.color = `#${c.style.fill}`;
    if (c.style.fontColor) cf.custom.format.font.color = `#${c.style.fontColor}`;
    if (c.style.bold !== undefined) cf.custom.format.font.bold = c.style.bold;
    await q.reserve(payloadBytes(c), 5);
  }

  p.charts.forEach((ch, i) => {
    const [first, ...rest] = ch.series;
    if (!first) return;
    const rangeOf = (ref: string) => {
      const { sheet, address } = splitQualified(ref);
      return r.ctx.workbook.worksheets.getItem(sheet).getRange(address);
    };
    const chart = ws.charts.add(CHART_TYPE[ch.kind] as Excel.ChartType, rangeOf(first.values), 'Columns' as Excel.ChartSeriesBy);
    chart.name = `${CHART_PREFIX}${r.stamp}_${i + 1}`;
    chart.title.text = ch.title;
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(rangeOf(first.categories));
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(rangeOf(s.values));
      series.setXAxisValues(rangeOf(s.categories));
    }
    chart.setPosition(ch.from, ch.to);
  });
  if (p.charts.length) await q.reserve(payloadBytes(p.charts), p.charts.length * 12);


  if (p.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });
  if (p.hidden) ws.visibility = 'Hidden' as Excel.SheetVisibility;
  await q.reserve(0, 2);
}

function validationRule(r: SheetPlan['validations'][number]['rule']): Excel.DataValidationRule {
  const bounds = (min?: number | string, max?: number | string) =>
    min !== undefined && max !== undefined
      ? { formula1: min, formula2: max, operator: 'Between' as Excel.DataValidationOperator }
      : min !== undefined
        ? { formula1: min, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator }
        : max !== undefined
          ? { formula1: max, operator: 'LessThanOrEqualTo' as Excel.DataValidationOperator }
          : { formula1: -1e15, formula2: 1e15, operator: 'Between' as Excel.DataValidationOperator };
  switch (r.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: r.items.join(',') } };
    case 'wholeNumber':
      return { wholeNumber: bounds(r.min, r.max) };
    case 'decimal':
      return { decimal: bounds(r.min, r.max) };
    case 'date':
      return { date: bounds(r.min, r.max) as Excel.DateTimeDataValidation };
    case 'custom':
      return { custom: { formula: r.formula.startsWith('=') ? r.formula : `=${r.formula}` } };
  }
}
