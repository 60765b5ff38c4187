/**
 * Where a form's table sits on its sheet: title row, header rows (laid out from a header tree), data rows and the
 * column of every leaf. Both the stampers and everyone who refers to a stamped form (samples, the consolidated
 * report, the reader's tests) use these numbers, so the layout is computed in one place.
 */
import { cellRef, rangeRef } from '../a1';
import { headerDepth, leaves, type HeaderNode } from './headers';

export interface FormTableLayout {
  /** Row of the table's title line (the order's heading above the table). */
  titleRow: number;
  headerTop: number;
  headerBottom: number;
  firstDataRow: number;
  lastDataRow: number;
  firstColumn: number;
  /** Last column the table uses, the «Проверка» column's span included. */
  lastColumn: number;
  /** Leaf key → first column of the leaf (1-based). */
  columns: Record<string, number>;
  /** Leaf key → columns the leaf spans; >1 means the leaf's cell is merged across columns in every data row. */
  spans: Record<string, number>;
  /** The «Проверка» column (first column of its span). */
  checkColumn: number;
  checkSpan: number;
}

/** One header cell of a laid-out tree: its text and the rectangle it covers. */
export interface HeaderCell {
  text: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Columns a node covers: a leaf its span (default 1), a group the sum over its children. */
function nodeWidth(n: HeaderNode, spans: Record<string, number>): number {
  if (n.children?.length) return n.children.reduce((s, c) => s + nodeWidth(c, spans), 0);
  return spans[n.key ?? ''] ?? 1;
}

/**
 * Lay a header tree out from (top, left): a group takes one row and is merged over its children; a leaf runs down to
 * the last header row, so every data cell under it holds one value.
 */
export function layoutHeader(
  nodes: HeaderNode[],
  top: number,
  left: number,
  depth: number,
  spans: Record<string, number> = {},
): { cells: HeaderCell[]; columns: Record<string, number>; right: number } {
  const cells: HeaderCell[] = [];
  const columns: Record<string, number> = {};
  const bottom = top + depth - 1;
  const place = (n: HeaderNode, row: number, col: number): number => {
    const width = nodeWidth(n, spans);
    if (n.children?.length) {
      cells.push({ text: n.title, top: row, left: col, bottom: row, right: col + width - 1 });
      let c = col;
      for (const child of n.children) c = place(child, row + 1, c);
    } else {
      cells.push({ text: n.title, top: row, left: col, bottom, right: col + width - 1 });
      columns[n.key as string] = col;
    }
    return col + width;
  };
  let col = left;
  for (const n of nodes) col = place(n, top, col);
  return { cells, columns, right: col - 1 };
}

export const headerCellRange = (c: HeaderCell): string => rangeRef(c.top, c.left, c.bottom, c.right);
export const isMerged = (c: HeaderCell): boolean => c.top !== c.bottom || c.left !== c.right;

/**
 * The layout of one table: title at `titleRow`, header below it, then `rows` data rows; `checkSpan` columns of
 * «Проверка» at the right (spanning the header rows).
 */
export function tableLayout(
  tree: HeaderNode[],
  titleRow: number,
  rows: number,
  spans: Record<string, number> = {},
  checkSpan = 1,
): FormTableLayout {
  const depth = headerDepth(tree);
  const headerTop = titleRow + 1;
  const headerBottom = headerTop + depth - 1;
  const { columns, right } = layoutHeader(tree, headerTop, 1, depth, spans);
  const allSpans: Record<string, number> = {};
  for (const l of leaves(tree)) allSpans[l.key] = spans[l.key] ?? 1;
  const checkColumn = right + 1;
  return {
    titleRow,
    headerTop,
    headerBottom,
    firstDataRow: headerBottom + 1,
    lastDataRow: headerBottom + Math.max(rows, 1),
    firstColumn: 1,
    lastColumn: checkColumn + checkSpan - 1,
    columns,
    spans: allSpans,
    checkColumn,
    checkSpan,
  };
}

/** A1 address of a leaf's cell in the i-th data row (0-based). */
export const dataCell = (t: FormTableLayout, key: string, i: number): string => {
  const col = t.columns[key];
  if (col === undefined) throw new Error(`В таблице нет столбца «${key}»`);
  return cellRef(t.firstDataRow + i, col);
};
