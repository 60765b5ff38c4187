/**
 * The sample schools' workbooks as another hand writes them: exceljs's in-memory writer, as the add-in wrote them
 * until the one writer (src/files/xlsxWriter.ts) took over. The sample stands for what schools send, saved by Excel,
 * not by us: a writer other than ours keeps the readers honest (shared strings, styles, spans, a theme part, the
 * order of attributes, all spelled another way), and keeps the bench's sample what it has been. Test and bench side
 * only — nothing shipped imports it (test/shipped.exceljs.test.ts); exceljs is a devDependency.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseRange, rangeRef } from '../src/domain/a1';
import { fitCellText } from '../src/domain/cellLimit';
import {
  isFormula,
  type CellStyle,
  type ConditionalFormatPlan,
  type DataValidationPlan,
  type FormulaCell,
  type SheetPlan,
  type WorkbookPlan,
  heldRows,
} from '../src/domain/sheetPlan';
import { documentDate } from '../src/files/xlsxWriter';

/**
 * The plan as a school's workbook: every sheet with its cells, styles, merges, validations, conditional formats,
 * protection and print setup. Schools' workbooks have no charts (exceljs cannot write them): a plan with charts is
 * refused rather than written without them.
 */
export async function writeSchoolWorkbook(plan: WorkbookPlan, modified?: string | Date): Promise<Uint8Array> {
  const charted = plan.sheets.find((s) => s.charts.length > 0);
  if (charted) throw new Error(`Лист «${charted.name}» с диаграммами: exceljs их не пишет, книгу с диаграммами пишет xlsxWriter.ts.`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Профкампания';
  const date = documentDate(modified);
  wb.created = date;
  wb.modified = date;
  // Formulas are written without cached results: make Excel compute them all on opening.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) await writeSheet(wb, sheet);
  const buffer = await wb.xlsx.writeBuffer();
  // Zipped once more with one date on every entry (the zip writer stamps each with the clock): repeatable bytes.
  const zip = await JSZip.loadAsync(buffer);
  zip.forEach((_, file) => {
    file.date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const argb = (rgb: string): string => `FF${rgb.replace(/^#/, '').toUpperCase()}`;
const noEquals = (f: string): string => f.replace(/^=/, '');

/** One sheet: its setup, validations, formats and protection, then the cells row by row. */
async function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    state: plan.hidden ? 'hidden' : 'visible',
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: plan.freeze
      ? [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }]
      : [{ state: 'normal' }],
    pageSetup: pageSetupOf(plan),
  });
  plan.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });

  // exceljs has worksheet.dataValidations (keyed by address, ranges allowed) but leaves it out of its typings.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  // Keyed as a range even for one cell: exceljs squeezes single-cell keys into rectangles after sorting them as
  // text ("AA12" before "Z12"), so equal neighbours Z12, AA12 came out as AA12 and Z12:AA12 — overlapping
  // validations, which Excel treats as a damaged file (one validation a cell: the "Data validation" dialog).
  for (const v of plan.validations) validations.add(validationRange(v.range), validation(v));
  plan.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting(conditionalFormat(cf, i + 1)));

  if (plan.protect) {
    // No password: the protection guards the form against slips, not people. Resizing stays allowed.
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  writeCells(ws, plan);
}

/**
 * Print setup: A4, the plan's orientation, one page wide and as many down as needed (fitToWidth 1, fitToHeight 0
 * only act with sheetPr/pageSetUpPr fitToPage — ECMA-376 Part 1, 18.3.1.65 pageSetup and 18.3.1.63 pageSetUpPr).
 * A sheet without a print plan gets no fit numbers at all, rather than exceljs's 1 × 1 that nothing switches on.
 */
function pageSetupOf(plan: SheetPlan): Partial<ExcelJS.PageSetup> {
  if (!plan.print) return { fitToWidth: undefined, fitToHeight: undefined };
  return {
    paperSize: 9, // A4
    orientation: plan.print.orientation,
    fitToPage: plan.print.fitToWidth,
    fitToWidth: plan.print.fitToWidth ? 1 : undefined,
    fitToHeight: plan.print.fitToWidth ? 0 : undefined, // as many pages down as needed
    printTitlesRow: plan.print.repeatRows,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/** The merges, then the cells row by row. */
function writeCells(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  // Merges before the cells: exceljs copies a master's style onto its merged cells when merging, which would undo styles.
  for (const m of plan.merges) ws.mergeCells(m);
  const values = new Map<number, Map<number, ExcelJS.CellValue>>();
  for (const block of plan.blocks) {
    const { top, left } = parseRange(block.at);
    heldRows(block.rows).forEach((cells, i) => {
      let row = values.get(top + i);
      cells.forEach((v, j) => {
        if (v === null || v === undefined) return; // null leaves the cell as it is (as Range.values does)
        if (!row) values.set(top + i, (row = new Map()));
        // Only a FormulaCell becomes a formula; text that looks like one ("=HYPERLINK(…)") stays text.
        // Text longer than a cell holds (a CSV may bring a megabyte) is cut, or Excel would call the file damaged.
        // A known result is stored as the cached value, so a reader that does not calculate (the level above
        // merging this file, SheetJS) still sees the number.
        row.set(left + j, isFormula(v) ? formulaValue(v) : typeof v === 'string' ? fitCellText(v) : v);
      });
    });
  }
  const styles = styleGrid(plan);
  const heights = new Map(Object.entries(plan.rowHeights ?? {}).map(([r, h]) => [Number(r), h]));
  const rows = [...new Set([...values.keys(), ...styles.keys(), ...heights.keys()])].sort((a, b) => a - b);
  for (const r of rows) {
    const row = ws.getRow(r);
    const h = heights.get(r);
    if (h !== undefined) row.height = h;
    for (const [c, v] of values.get(r) ?? []) row.getCell(c).value = v;
    styles.get(r)?.forEach((style, c) => {
      row.getCell(c).style = style;
    });
  }
}

/** "b7" / "$B$7:$D$9" → "B7:B7" / "B7:D9": a validation's key that exceljs writes as it is (never re-squeezed). */
function validationRange(range: string): string {
  const r = parseRange(range);
  return `${rangeRef(r.top, r.left, r.top, r.left).split(':')[0]}:${rangeRef(r.bottom, r.right, r.bottom, r.right).split(':')[0]}`;
}

/** "b7:d9" / "$B$7" → "B7:D9" / "B7": exceljs keys validations by address and merges equal neighbours by it. */
function normalRange(range: string): string {
  const r = parseRange(range);
  return r.top === r.bottom && r.left === r.right ? rangeRef(r.top, r.left, r.top, r.left).split(':')[0] : rangeRef(r.top, r.left, r.bottom, r.right);
}

/**
 * Styles by row, then column (sparse arrays): several styled ranges may cover a cell and merge in order. Each distinct
 * combination becomes one shared exceljs style object (never mutated afterwards).
 */
function styleGrid(plan: SheetPlan): Map<number, Partial<ExcelJS.Style>[]> {
  const combined: CellStyle[] = [{}];
  // (combination a cell had, styled range over it) → the combination it gets, keyed was × ranges + range.
  const combos = new Map<number, number>();
  const ranges = plan.styles.length;
  const cellStyle = new Map<number, number[]>();
  plan.styles.forEach((s, si) => {
    const { top, left, bottom, right } = parseRange(s.range);
    for (let r = top; r <= bottom; r++) {
      let row = cellStyle.get(r);
      if (!row) cellStyle.set(r, (row = []));
      for (let c = left; c <= right; c++) {
        const was = row[c] ?? 0;
        const comboKey = was * ranges + si;
        let id = combos.get(comboKey);
        if (id === undefined) {
          id = combined.push({ ...combined[was], ...s.style }) - 1;
          combos.set(comboKey, id);
        }
        row[c] = id;
      }
    }
  });
  const excelStyles = combined.map(excelStyle);
  const out = new Map<number, Partial<ExcelJS.Style>[]>();
  for (const [r, row] of cellStyle) {
    const styles: Partial<ExcelJS.Style>[] = [];
    row.forEach((id, c) => {
      styles[c] = excelStyles[id];
    });
    out.set(r, styles);
  }
  return out;
}

function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: 'Calibri',
      size: s.fontSize ?? 11,
      bold: s.bold,
      italic: s.italic,
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    },
  };
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap || s.hAlign || s.vAlign)
    out.alignment = { wrapText: s.wrap, horizontal: s.hAlign, vertical: s.vAlign };
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  if (s.locked !== undefined) out.protection = { locked: s.locked };
  return out;
}

function validation(v: DataValidationPlan): ExcelJS.DataValidation {
  const common = {
    allowBlank: v.allowBlank ?? true,
    showErrorMessage: true,
    errorStyle: v.severity === 'stop' ? 'stop' : 'warning',
    errorTitle: v.title,
    error: v.message,
    showInputMessage: Boolean(v.prompt),
    promptTitle: v.prompt ? v.title : undefined,
    prompt: v.prompt,
  } as const;
  const rule = v.rule;
  switch (rule.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [`"${rule.items.join(',')}"`] };
    case 'wholeNumber':
    case 'decimal':
      return { ...common, type: rule.kind === 'wholeNumber' ? 'whole' : 'decimal', ...bounds(rule.min, rule.max) };
    case 'date': {
      const b = bounds(rule.min ? new Date(rule.min) : undefined, rule.max ? new Date(rule.max) : undefined);
      return { ...common, type: 'date', ...b };
    }
    case 'custom':
      return { ...common, type: 'custom', formulae: [noEquals(rule.formula)] };
  }
}

/** min/max → the operator Excel needs; without either, any value of the type passes. */
function bounds<T extends number | Date>(
  min: T | undefined,
  max: T | undefined,
): { operator: ExcelJS.DataValidationOperator; formulae: unknown[] } {
  if (min !== undefined && max !== undefined) return { operator: 'between', formulae: [min, max] };
  if (min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [min] };
  if (max !== undefined) return { operator: 'lessThanOrEqual', formulae: [max] };
  return { operator: 'greaterThanOrEqual', formulae: [-1e15] };
}

function conditionalFormat(cf: ConditionalFormatPlan, priority: number): ExcelJS.ConditionalFormattingOptions {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } };
  if (cf.style.fontColor || cf.style.bold)
    style.font = { bold: cf.style.bold, ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}) };
  return {
    ref: normalRange(cf.range),
    rules: [{ type: 'expression', priority, formulae: [noEquals(cf.formula)], style }],
  };
}

function formulaValue(v: FormulaCell): ExcelJS.CellValue {
  const formula = { formula: noEquals(v.formula), date1904: false };
  return (v.result === undefined || v.result === null ? formula : { ...formula, result: v.result }) as ExcelJS.CellValue;
}
