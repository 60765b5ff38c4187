/**
 * A sheet as plain data: what both adapters (files via @e965/xlsx, the open workbook via office.js) hand to the
 * reader, so finding and reading the forms is the same code for a received file and for the open workbook.
 */

export type CellValue = string | number | boolean | null;

/** A merged area, 1-based and inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** cells[r][c] is row r+1, column c+1. Rows may be ragged; a missing cell is null. Formula cells hold their cached value. */
  cells: CellValue[][];
  /** formulas[r][c] is the cell's formula without `=` where the source has one, else null. Optional. */
  formulas?: (string | null)[][];
  merges: MergedArea[];
  /** True when the sheet is hidden in the source workbook (e.g. the add-in's settings sheet). Optional. */
  hidden?: boolean;
  /**
   * True when the grid is a text document's paragraphs and tables (Word, OpenDocument) laid one under another: it
   * has no cells like A1, so the reader names places by table, row and column (read/documentPlaces.ts).
   */
  document?: boolean;
}

export interface WorkbookGrid {
  /** File name as received (or the open workbook's name). */
  file: string;
  sheets: SheetGrid[];
}

/** Number of rows and the widest row of a sheet. */
export function gridSize(sheet: SheetGrid): { rows: number; cols: number } {
  let cols = 0;
  for (const r of sheet.cells) if (r && r.length > cols) cols = r.length;
  return { rows: sheet.cells.length, cols };
}

/** The raw value stored at (row, col), 1-based; null outside the grid. */
export function rawCell(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.cells[row - 1];
  if (!r) return null;
  const v = r[col - 1];
  return v === undefined ? null : v;
}

/** Merges by the rows they cover, so a lookup scans a row's few merges, not all of a big sheet's. */
const mergeIndex = new WeakMap<MergedArea[], { size: number; byRow: Map<number, MergedArea[]> }>();

/**
 * The index last looked up: a reader asks about one sheet many times running, and the WeakMap's look-up per cell
 * cost more than the answer (profiled). Holds one sheet's merges at most.
 */
let lastMerges: MergedArea[] | undefined;
let lastIndex: { size: number; byRow: Map<number, MergedArea[]> } | undefined;

/**
 * Built once a sheet, in a function of its own: the index outlives many collections, so V8 soon decides to allocate
 * it in the old generation and deoptimizes whatever code allocates it. Built inline, that was every per-cell
 * look-up that inlined this (~15 functions recompiled, ~0.1 s a reading thread at ~300 files); now only this one.
 */
function indexMerges(merges: MergedArea[]): { size: number; byRow: Map<number, MergedArea[]> } {
  const byRow = new Map<number, MergedArea[]>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  const index = { size: merges.length, byRow };
  mergeIndex.set(merges, index);
  return index;
}

function mergesOnRow(sheet: SheetGrid, row: number): MergedArea[] | undefined {
  let index = lastMerges === sheet.merges ? lastIndex : mergeIndex.get(sheet.merges);
  if (!index || index.size !== sheet.merges.length) index = indexMerges(sheet.merges);
  if (lastMerges !== sheet.merges || lastIndex !== index) {
    lastMerges = sheet.merges;
    lastIndex = index;
  }
  return index.byRow.get(row);
}

/**
 * The row's values as a person sees them, column c at index c − 1: the stored row itself when no merged area
 * touches the row (the commonest case, read without a look-up per cell), else `cols` values through cellValue.
 */
export function visibleRow(sheet: SheetGrid, row: number, cols: number): readonly CellValue[] {
  if (!mergesOnRow(sheet, row)) return sheet.cells[row - 1] ?? NO_CELLS;
  const out: CellValue[] = new Array(cols);
  for (let c = 1; c <= cols; c++) out[c - 1] = cellValue(sheet, row, c);
  return out;
}
const NO_CELLS: readonly CellValue[] = [];

/** The merged area covering (row, col), if any. */
export function mergeAt(sheet: SheetGrid, row: number, col: number): MergedArea | undefined {
  return mergesOnRow(sheet, row)?.find((m) => col >= m.left && col <= m.right);
}

/**
 * What a person sees at (row, col): a merged cell's value covers its whole area (only the top-left cell stores
 * it in every format).
 */
export function cellValue(sheet: SheetGrid, row: number, col: number): CellValue {
  const m = mergeAt(sheet, row, col);
  return m ? rawCell(sheet, m.top, m.left) : rawCell(sheet, row, col);
}

/** Cell text as shown, trimmed; '' for empty. Numbers keep JS formatting (the reader parses them back). */
export function cellText(sheet: SheetGrid, row: number, col: number): string {
  const v = cellValue(sheet, row, col);
  if (v === null || v === undefined) return '';
  return String(v).trim();
}
