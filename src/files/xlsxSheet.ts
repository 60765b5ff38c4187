/**
 * One sheet plan as worksheet XML (ECMA-376 Part 1, 18.3), for the one writer (xlsxWriter.ts). The rows are made
 * one at a time, sweeping the plan's blocks and styled ranges down the sheet, written as bytes (xmlBytes.ts) and
 * handed on in pieces of ~64 KB: a region's plan sheet of 180,000 rows is never held as XML, only as the plan it is
 * made from.
 */
import { columnLetter, parseRange, quoteSheet } from '../domain/a1';
import { fitCellText } from '../domain/cellLimit';
import {
  isFormula,
  type Block,
  type RowSource,
  type CellInput,
  type CellStyle,
  type ConditionalFormatPlan,
  type DataValidationPlan,
  type SheetPlan,
  type ValidationRule,
} from '../domain/sheetPlan';
import type { StyleRegister } from './xlsxStyles';
import { XmlBytes } from './xmlBytes';
import { xmlAttr, xmlText } from './xlsxXml';

/** The workbook's shared strings (18.4.9): one entry per distinct text, in the order first met. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  /** How many cells refer to the table (its `count`). */
  refs = 0;
  add(text: string): number {
    this.refs++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }
  get size(): number {
    return this.index.size;
  }
  /** The part, in pieces of ~64 KB. */
  *xml(): Generator<string> {
    let xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.refs}" uniqueCount="${this.index.size}">`;
    for (const text of this.index.keys()) {
      // Leading or trailing spaces and line breaks are kept only where the text says so (xml:space, as Excel writes).
      xml += /^\s|\s$|\n/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`;
      if (xml.length > PIECE) {
        yield xml;
        xml = '';
      }
    }
    yield `${xml}</sst>`;
  }
}

const PIECE = 64 * 1024;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** `_xlnm.Print_Titles` of a sheet (18.2.5 definedName): the rows repeated on each printed page. */
export function printTitles(plan: SheetPlan): string | undefined {
  const rows = plan.print?.repeatRows;
  if (!rows) return undefined;
  const [from, to = from] = rows.split(':');
  return `${quoteSheet(plan.name)}!$${from}:$${to}`;
}

/**
 * The sheet's XML, piece by piece. `drawing` is the relationship id of the sheet's charts' drawing part, if any.
 * Cells: every cell with a value, and every cell with a style other than the default (borders and fills of empty
 * cells, the unlocked input cells of a form). Overlapping styled ranges merge in the plan's order; overlapping
 * blocks: the later block's value wins, null leaves the cell to earlier blocks (as Range.values does).
 */
export function* sheetXml(plan: SheetPlan, styles: StyleRegister, strings: SharedStrings, drawing?: string): Generator<Uint8Array> {
  const out = new XmlBytes();
  out.text('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` + sheetHead(plan) + '<sheetData>');
  for (const _full of rowsInto(plan, styles, strings, out)) yield out.piece();
  let xml = '</sheetData>';
  if (plan.protect)
    // No password: the protection guards the form against slips, not people. Resizing columns and rows stays
    // allowed (formatColumns/formatRows="0": not protected, 18.3.1.85).
    xml += '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>';
  if (plan.merges.length) xml += `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${normalRange(m)}"/>`).join('')}</mergeCells>`;
  plan.conditionalFormats.forEach((cf, i) => (xml += conditionalFormatXml(cf, i + 1, styles)));
  if (plan.validations.length)
    xml += `<dataValidations count="${plan.validations.length}">${plan.validations.map(validationXml).join('')}</dataValidations>`;
  xml += pageXml(plan);
  if (drawing) xml += `<drawing r:id="${drawing}"/>`;
  out.text(`${xml}</worksheet>`);
  yield out.piece();
}

/** Everything before the cells: tab colour, fit to page, frozen panes, column widths (CT_Worksheet's order). */
function sheetHead(plan: SheetPlan): string {
  let xml = '';
  const fit = plan.print?.fitToWidth;
  if (plan.tabColor || fit)
    // fitToWidth/fitToHeight act only with pageSetUpPr fitToPage (ECMA-376 Part 1, 18.3.1.65 and 18.3.1.63).
    xml += `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor.replace(/^#/, '').toUpperCase()}"/>` : ''}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`;
  const rows = plan.freeze?.rows ?? 0;
  const cols = plan.freeze?.columns ?? 0;
  if (rows || cols) {
    const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
    const split = `${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''}`;
    xml +=
      `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${columnLetter(cols + 1)}${rows + 1}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}"/></sheetView></sheetViews>`;
  } else xml += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  xml += '<sheetFormatPr defaultRowHeight="15"/>';
  // Equal neighbouring widths share one <col>; a width of 0 (or none) leaves the column at Excel's default.
  let cols_ = '';
  const w = plan.columnWidths;
  for (let i = 0; i < w.length; ) {
    let j = i;
    while (j + 1 < w.length && w[j + 1] === w[i]) j++;
    if (w[i] > 0) cols_ += `<col min="${i + 1}" max="${j + 1}" width="${w[i]}" customWidth="1"/>`;
    i = j + 1;
  }
  if (cols_) xml += `<cols>${cols_}</cols>`;
  return xml;
}

/** Print setup: A4, the plan's orientation, one page wide and as many down as needed; default margins otherwise. */
function pageXml(plan: SheetPlan): string {
  const p = plan.print;
  if (!p) return '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  return (
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`
  );
}

/** "b7:d9" / "$B$7" / "B7:B7" → "B7:D9" / "B7" / "B7". */
function normalRange(range: string): string {
  const r = parseRange(range);
  const a = `${columnLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom}`;
}

const noEquals = (f: string): string => f.replace(/^=/, '');

function conditionalFormatXml(cf: ConditionalFormatPlan, priority: number, styles: StyleRegister): string {
  return (
    `<conditionalFormatting sqref="${normalRange(cf.range)}"><cfRule type="expression" dxfId="${styles.differentialFormat(cf.style)}" priority="${priority}">` +
    `<formula>${xmlAttr(noEquals(cf.formula))}</formula></cfRule></conditionalFormatting>`
  );
}

/** Days since 1899-12-30: a date as Excel's validation formulas compare it. */
const excelDate = (iso: string): number => Math.round((Date.parse(iso.slice(0, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** The operator and formulas of a validation (18.3.1.32); without bounds any value of the type passes. */
function ruleXml(rule: ValidationRule): { type: string; operator?: string; formulas: string[] } {
  switch (rule.kind) {
    case 'list':
      return { type: 'list', formulas: [`"${rule.items.join(',')}"`] };
    case 'custom':
      return { type: 'custom', formulas: [noEquals(rule.formula)] };
    case 'wholeNumber':
    case 'decimal':
    case 'date': {
      const type = rule.kind === 'wholeNumber' ? 'whole' : rule.kind;
      const value = (v: number | string | undefined) => (v === undefined ? undefined : typeof v === 'string' ? String(excelDate(v)) : String(v));
      const [min, max] = [value(rule.min), value(rule.max)];
      if (min !== undefined && max !== undefined) return { type, operator: 'between', formulas: [min, max] };
      if (min !== undefined) return { type, operator: 'greaterThanOrEqual', formulas: [min] };
      if (max !== undefined) return { type, operator: 'lessThanOrEqual', formulas: [max] };
      return { type, operator: 'greaterThanOrEqual', formulas: ['-1000000000000000'] };
    }
  }
}

function validationXml(v: DataValidationPlan): string {
  const { type, operator, formulas } = ruleXml(v.rule);
  let attrs = `type="${type}"${operator ? ` operator="${operator}"` : ''}`;
  if (v.allowBlank ?? true) attrs += ' allowBlank="1"';
  if (v.prompt) attrs += ` showInputMessage="1" promptTitle="${xmlAttr(v.title)}" prompt="${xmlAttr(v.prompt)}"`;
  attrs += ` showErrorMessage="1" errorStyle="${v.severity === 'stop' ? 'stop' : 'warning'}" errorTitle="${xmlAttr(v.title)}" error="${xmlAttr(v.message)}"`;
  attrs += ` sqref="${normalRange(v.range)}"`;
  return `<dataValidation ${attrs}>${formulas.map((f, i) => `<formula${i + 1}>${xmlAttr(f)}</formula${i + 1}>`).join('')}</dataValidation>`;
}

interface PlacedBlock {
  top: number;
  bottom: number;
  left: number;
  /** Row i of the block, held or made: one shape for both, as one sweep meets both (rowAt would deoptimise it). */
  row: (i: number) => CellInput[];
  order: number;
}
interface PlacedRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
  style: CellStyle;
  order: number;
}

/**
 * What the sweep meets, in order: the blocks and styled ranges by their first row (then plan order), the row
 * heights, and the rows from first to last. Apart from rowsInto: each sheet's plan has objects of its own shapes,
 * which would deoptimise the sweep (recompiled five times a Свод, ~70 ms of compiling each).
 */
function sweepOf(plan: SheetPlan) {
  const blocks: PlacedBlock[] = plan.blocks
    .filter((b) => b.rows.length > 0)
    .map(placed)
    .sort((a, b) => a.top - b.top || a.order - b.order);
  const ranges: PlacedRange[] = plan.styles
    .map((s, order): PlacedRange => {
      const { top, bottom, left, right } = parseRange(s.range);
      return { top, bottom, left, right, style: s.style, order };
    })
    .sort((a, b) => a.top - b.top || a.order - b.order);
  const heights = new Map(Object.entries(plan.rowHeights ?? {}).map(([r, h]) => [Number(r), h]));
  const heightRows = [...heights.keys()].sort((a, b) => a - b);

  let first = Infinity;
  let last = 0;
  for (const b of blocks) [first, last] = [Math.min(first, b.top), Math.max(last, b.bottom)];
  for (const s of ranges) [first, last] = [Math.min(first, s.top), Math.max(last, s.bottom)];
  if (heightRows.length) [first, last] = [Math.min(first, heightRows[0]), Math.max(last, heightRows[heightRows.length - 1])];

  return { blocks, ranges, heights, heightRows, first, last };
}

/**
 * The rows' XML, written into `out` one row at a time; a step of the generator each time a piece is full. Blocks
 * and styled ranges become active as the sweep reaches their first row and are dropped after their last, so a row
 * costs the blocks and ranges over it, not all of the sheet's.
 */
function* rowsInto(plan: SheetPlan, styles: StyleRegister, strings: SharedStrings, out: XmlBytes): Generator<void> {
  const { blocks, ranges, heights, heightRows, first, last } = sweepOf(plan);
  const combos = new StyleCombinations(ranges.length);
  let activeBlocks: PlacedBlock[] = [];
  let activeRanges: PlacedRange[] = [];
  let nextBlock = 0;
  let nextRange = 0;
  let rowStyles: number[] = [];
  const letters: string[] = [];
  const values: CellInput[] = [];
  for (let r = first; r <= last; r++) {
    // Blocks and ranges that start here join; those that ended leave (kept in plan order: later ones win).
    let changed = false;
    if (activeBlocks.some((b) => b.bottom < r)) activeBlocks = activeBlocks.filter((b) => b.bottom >= r);
    let joined = false;
    while (nextBlock < blocks.length && blocks[nextBlock].top === r) {
      activeBlocks.push(blocks[nextBlock++]);
      joined = true;
    }
    // Sorted only when one joined (leaving keeps the order): a sort a row was a tenth of writing a Свод's rows.
    if (joined && activeBlocks.length > 1) activeBlocks.sort((a, b) => a.order - b.order);
    if (activeRanges.some((s) => s.bottom < r)) {
      activeRanges = activeRanges.filter((s) => s.bottom >= r);
      changed = true;
    }
    while (nextRange < ranges.length && ranges[nextRange].top === r) {
      activeRanges.push(ranges[nextRange++]);
      changed = true;
    }
    if (changed) {
      activeRanges.sort((a, b) => a.order - b.order);
      rowStyles = combos.row(activeRanges, styles);
    }
    if (activeBlocks.length === 0 && activeRanges.length === 0 && !heights.has(r)) {
      // Nothing until the next block, range or height: skip straight there.
      const next = Math.min(blocks[nextBlock]?.top ?? Infinity, ranges[nextRange]?.top ?? Infinity, heightRows.find((h) => h > r) ?? Infinity);
      if (next === Infinity) break;
      r = next - 1;
      continue;
    }

    rowInto(r, activeBlocks, rowStyles, heights.get(r), letters, values, strings, out);
    if (out.length > PIECE) yield;
  }
}

/** A block placed on the sheet for the sweep. */
function placed(b: Block, order: number): PlacedBlock {
  const { top, left } = parseRange(b.at);
  const rows = b.rows;
  // One closure site for held and made rows: a call through closures of two sites deoptimises rowInto.
  return { top, bottom: top + rows.length - 1, left, row: (i) => (Array.isArray(rows) ? rows[i] : (rows as RowSource).row(i)), order };
}

/**
 * Row r's XML: the values of the blocks over it (later blocks win), with the row's cell formats. Apart from the
 * sweep, so that V8 optimises it once for all sheets (the sweep's set-up meets each sheet's own shapes).
 */
function rowInto(r: number, blocks: PlacedBlock[], rowStyles: number[], height: number | undefined, letters: string[], values: CellInput[], strings: SharedStrings, out: XmlBytes): void {
  values.length = 0;
  for (const b of blocks) {
    const line = b.row(r - b.top);
    for (let j = 0; j < line.length; j++) if (line[j] !== null && line[j] !== undefined) values[b.left + j] = line[j];
  }
  // The row's span comes before its cells: the columns that hold a value or a style, found first.
  const styled = rowStyles.length;
  const width = Math.max(values.length, styled);
  let min = 0;
  let max = 0;
  for (let c = 1; c < width; c++)
    if (values[c] !== undefined || (c < styled && rowStyles[c])) {
      if (!min) min = c;
      max = c;
    }
  if (!min && height === undefined) return;
  out.ascii('<row r="');
  out.count(r);
  out.ascii('"');
  if (min) {
    out.ascii(' spans="');
    out.count(min);
    out.ascii(':');
    out.count(max);
    out.ascii('"');
  }
  if (height !== undefined) out.ascii(` ht="${height}" customHeight="1"`);
  if (!min) {
    out.ascii('/>');
    return;
  }
  out.ascii('>');
  for (let c = min; c <= max; c++) {
    const v = values[c];
    const s = c < styled ? (rowStyles[c] ?? 0) : 0;
    if (v === undefined && !s) continue;
    out.ascii('<c r="');
    out.ascii((letters[c] ??= columnLetter(c)));
    out.count(r);
    out.ascii('"');
    if (s) {
      out.ascii(' s="');
      out.count(s);
      out.ascii('"');
    }
    if (v === undefined) out.ascii('/>');
    else cellInto(v, strings, out);
  }
  out.ascii('</row>');
}

/** A cell's type attribute and content, after its address and style: texts and numbers byte by byte, the rest as text. */
function cellInto(v: CellInput, strings: SharedStrings, out: XmlBytes): void {
  if (typeof v === 'string') {
    out.ascii(' t="s"><v>');
    out.count(strings.add(fitCellText(v)));
    out.ascii('</v></c>');
  } else if (typeof v === 'number' && Number.isFinite(v)) {
    out.ascii('><v>');
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) out.count(v);
    else out.ascii(String(v));
    out.ascii('</v></c>');
  } else out.text(cellXml(v));
}

/** The type attribute and content of a cell cellInto does not write byte by byte: not a text nor a finite number. */
function cellXml(v: CellInput): string {
  if (typeof v === 'number') return ` t="e"><v>#NUM!</v></c>`; // not finite
  if (typeof v === 'boolean') return ` t="b"><v>${v ? 1 : 0}</v></c>`;
  if (isFormula(v)) {
    // Only a FormulaCell becomes a formula; text that looks like one ("=HYPERLINK(…)") stays text. A known
    // result is stored as the cached value, so a reader that does not calculate (SheetJS, the level above
    // merging this file unopened) sees it; Excel and LibreOffice recalculate on opening (fullCalcOnLoad).
    const f = `<f>${xmlAttr(noEquals(v.formula))}</f>`;
    const r = v.result;
    if (typeof r === 'string') return ` t="str">${f}<v>${xmlText(fitCellText(r))}</v></c>`;
    if (typeof r === 'number' && Number.isFinite(r)) return `>${f}<v>${r}</v></c>`;
    if (typeof r === 'boolean') return ` t="b">${f}<v>${r ? 1 : 0}</v></c>`;
    return `>${f}</c>`;
  }
  return '/>';
}

/**
 * The cell format of each column of a row, from the styled ranges over it merged in order: one style object per
 * distinct sequence of ranges, so a large sheet registers each combination once.
 */
class StyleCombinations {
  private readonly combined: CellStyle[] = [{}];
  private readonly next = new Map<number, number>();
  private readonly formats: number[] = [];
  constructor(private readonly ranges: number) {}
  row(active: PlacedRange[], styles: StyleRegister): number[] {
    const ids: number[] = [];
    for (const s of active)
      for (let c = s.left; c <= s.right; c++) {
        const was = ids[c] ?? 0;
        const key = was * this.ranges + s.order;
        let id = this.next.get(key);
        if (id === undefined) {
          id = this.combined.push({ ...this.combined[was], ...s.style }) - 1;
          this.next.set(key, id);
        }
        ids[c] = id;
      }
    const out: number[] = [];
    ids.forEach((id, c) => (out[c] = this.formats[id] ??= id === 0 ? 0 : styles.cellFormat(this.combined[id])));
    return out;
  }
}
