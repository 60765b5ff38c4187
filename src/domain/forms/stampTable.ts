/**
 * Writes one form table into a sheet plan from its layout: merged header laid out from the header tree, data rows
 * (prefilled from `fill`), the «Проверка» formula of every row, per-row merges of wide columns, and the row tint.
 */
import { cellRef, columnLetter, rangeRef } from '../a1';
import type { CellInput, SheetPlan } from '../sheetPlan';
import { CHECK_COLUMN_TITLE, leaves, type HeaderNode } from './headers';
import { checkFormula, ERROR_FILL, rowHasErrors, rowHasInput, rowHasWarningsOnly, WARNING_FILL, type RowRule } from './rowChecks';
import { headerCellRange, isMerged, layoutHeader, type FormTableLayout } from './tableLayout';
import { textHeight } from './textHeight';

export interface TableStamp {
  tree: HeaderNode[];
  layout: FormTableLayout;
  /** Column widths of the sheet (characters, from column A). */
  widths: number[];
  title?: string;
  fill?: Record<string, CellInput>[];
  /** Rules of data row `row` (1-based sheet row). */
  rules: (row: number) => RowRule[];
  /** Range of the row that decides whether it is empty (the check stays blank then). */
  inputRange: (row: number) => string;
}

const HEADER_FONT = 10;
const spanWidth = (widths: number[], left: number, right: number): number =>
  widths.slice(left - 1, right).reduce((a, b) => a + b, 0);

export function stampTable(plan: SheetPlan, t: TableStamp): void {
  const L = t.layout;
  const heights: Record<number, number> = { ...plan.rowHeights };
  if (t.title) {
    plan.blocks.push({ at: cellRef(L.titleRow, 1), rows: [[t.title]] });
    const r = rangeRef(L.titleRow, 1, L.titleRow, L.lastColumn);
    plan.merges.push(r);
    plan.styles.push({ range: r, style: { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle' } });
    heights[L.titleRow] = textHeight(t.title, spanWidth(t.widths, 1, L.lastColumn), 11, true);
  }

  // Header: the tree, then «Проверка» over all header rows.
  const depth = L.headerBottom - L.headerTop + 1;
  const spans = L.spans;
  const { cells } = layoutHeader(t.tree, L.headerTop, L.firstColumn, depth, spans);
  cells.push({ text: CHECK_COLUMN_TITLE, top: L.headerTop, left: L.checkColumn, bottom: L.headerBottom, right: L.lastColumn });
  for (const c of cells) {
    plan.blocks.push({ at: cellRef(c.top, c.left), rows: [[c.text]] });
    if (isMerged(c)) plan.merges.push(headerCellRange(c));
  }
  const headerRange = rangeRef(L.headerTop, L.firstColumn, L.headerBottom, L.lastColumn);
  plan.styles.push({
    range: headerRange,
    style: { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: true, fontSize: HEADER_FONT, fill: 'DDEBF7' },
  });
  // Rows are sized from the text: one-row cells first, then cells over several rows add what they still lack.
  for (let r = L.headerTop; r <= L.headerBottom; r++) heights[r] = 15;
  const need = (c: (typeof cells)[number]) => textHeight(c.text, spanWidth(t.widths, c.left, c.right), HEADER_FONT, true);
  for (const c of cells.filter((c) => c.top === c.bottom)) heights[c.top] = Math.max(heights[c.top], need(c));
  for (const c of cells.filter((c) => c.top !== c.bottom)) {
    let have = 0;
    for (let r = c.top; r <= c.bottom; r++) have += heights[r];
    if (have < need(c)) heights[c.bottom] += need(c) - have;
  }
  plan.rowHeights = heights;

  // Data rows: one block over the whole table, so each row is one write.
  const ls = leaves(t.tree);
  const width = L.lastColumn - L.firstColumn + 1;
  const rows: CellInput[][] = [];
  for (let r = L.firstDataRow; r <= L.lastDataRow; r++) {
    const values: CellInput[] = new Array(width).fill(null);
    const fill = t.fill?.[r - L.firstDataRow] ?? {};
    for (const l of ls) {
      const v = fill[l.key];
      if (v !== undefined) values[L.columns[l.key] - L.firstColumn] = v;
    }
    values[L.checkColumn - L.firstColumn] = { formula: checkFormula(t.rules(r), rowHasInput(t.inputRange(r))) };
    rows.push(values);
    for (const l of ls) {
      const s = spans[l.key] ?? 1;
      if (s > 1) plan.merges.push(rangeRef(r, L.columns[l.key], r, L.columns[l.key] + s - 1));
    }
    if (L.checkSpan > 1) plan.merges.push(rangeRef(r, L.checkColumn, r, L.lastColumn));
  }
  plan.blocks.push({ at: cellRef(L.firstDataRow, L.firstColumn), rows });

  // Styles by column kind: counts right-aligned whole numbers, text wrapped; all input cells editable.
  const colRange = (col: number, span = 1) => rangeRef(L.firstDataRow, col, L.lastDataRow, col + span - 1);
  plan.styles.push({
    range: rangeRef(L.firstDataRow, L.firstColumn, L.lastDataRow, L.lastColumn),
    style: { border: true, vAlign: 'top', locked: false },
  });
  for (const l of ls) {
    const range = colRange(L.columns[l.key], spans[l.key]);
    if (l.kind === 'count') plan.styles.push({ range, style: { numberFormat: '0', hAlign: 'right' } });
    else plan.styles.push({ range, style: { wrap: true } });
  }
  plan.styles.push({
    range: colRange(L.checkColumn, L.checkSpan),
    style: { wrap: true, fontSize: 9, locked: true, fill: 'F2F2F2' },
  });

  // Tint a row whose check is not «ОК»: red for errors, yellow for warnings only.
  const check = columnFixed(L.firstDataRow, L.checkColumn);
  const rowRange = rangeRef(L.firstDataRow, L.firstColumn, L.lastDataRow, L.lastColumn);
  plan.conditionalFormats.push(
    { range: rowRange, formula: `=${rowHasErrors(check)}`, style: { fill: ERROR_FILL } },
    { range: rowRange, formula: `=${rowHasWarningsOnly(check)}`, style: { fill: WARNING_FILL } },
  );
}

/** `$AA13`-style reference: column fixed, row relative (for formulas written for the top-left cell of a range). */
export const columnFixed = (row: number, col: number): string => `$${columnLetter(col)}${row}`;
