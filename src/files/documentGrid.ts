/**
 * A text document (Word .docx/.doc, OpenDocument .odt) as the grid the core reads: the document's paragraphs and
 * tables one under another, a paragraph one row (its text in the first column), a table its rows with merged cells
 * as merged areas. The order's forms then read exactly as the Word-like layout reads from a sheet; the grid is
 * marked `document` so the reader says «таблица 3.1, строка 1, столбец «…»» instead of A1.
 */
import type { CellValue, MergedArea, SheetGrid } from '../domain/grid';
import { LIMITS } from './guards';

/** One cell as the document stores it; a cell of several paragraphs is their text, one paragraph a line. */
export interface DocCell {
  text: string;
  /** Grid columns the cell covers (w:gridSpan, table:number-columns-spanned). */
  colSpan: number;
  /** Rows the cell covers, when the format says so up front (table:number-rows-spanned). */
  rowSpan?: number;
  /** Word's vertical merge: `restart` opens it, `continue` is a cell covered by the one above. */
  vMerge?: 'restart' | 'continue';
  /** A position covered by a merged cell (OpenDocument's covered cells). */
  covered?: boolean;
}

export interface DocTable {
  rows: DocCell[][];
  /** Grid columns left empty before each row's first cell (w:gridBefore). */
  before?: number[];
}

export type DocBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; table: DocTable };

/** The name the grid of a document goes by where a sheet's name would stand. */
export const DOCUMENT_SHEET = 'документ';

/** A document that would make a grid too large to read, like a sheet over the limits. */
export class DocumentTooLarge extends Error {}

/** Blocks → one grid. Empty paragraphs become one blank row at most, so line spacing made of them costs nothing. */
export function documentGrid(blocks: DocBlock[]): SheetGrid {
  const cells: CellValue[][] = [];
  const merges: MergedArea[] = [];
  let count = 0;
  const grow = (n: number) => {
    count += n;
    if (cells.length > LIMITS.rows || count > LIMITS.cellsPerSheet) throw new DocumentTooLarge();
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const text = b.text.trim();
      if (text === '' && (cells.length === 0 || isBlank(cells[cells.length - 1]))) continue;
      cells.push([text === '' ? null : text]);
      grow(1);
      continue;
    }
    const top = cells.length + 1;
    const placed = placeTable(b.table, top);
    for (const row of placed.cells) {
      cells.push(row);
      grow(row.length);
    }
    merges.push(...placed.merges);
  }
  return { name: DOCUMENT_SHEET, cells, merges, document: true };
}

const isBlank = (row: CellValue[]) => row.every((v) => v === null || v === '');

/** A table's cells at their grid positions from row `top`, merged areas where cells span columns or rows. */
function placeTable(table: DocTable, top: number): { cells: CellValue[][]; merges: MergedArea[] } {
  const cells: CellValue[][] = [];
  const merges: MergedArea[] = [];
  /** Word's vertical merges still open, by their first column. */
  const open = new Map<number, MergedArea>();
  table.rows.forEach((row, i) => {
    const r = top + i;
    const line: CellValue[] = [];
    let col = 1 + (table.before?.[i] ?? 0);
    const seen = new Set<number>();
    for (const cell of row) {
      const span = Math.max(1, Math.min(cell.colSpan, 1000));
      if (cell.covered) {
        col += span;
        continue;
      }
      if (cell.vMerge === 'continue') {
        const m = open.get(col);
        if (m && m.bottom === r - 1) {
          m.bottom = r;
          seen.add(col);
        }
        col += span;
        continue;
      }
      line[col - 1] = cell.text === '' ? null : cell.text;
      const area: MergedArea = { top: r, left: col, bottom: r + Math.max(1, cell.rowSpan ?? 1) - 1, right: col + span - 1 };
      if (cell.vMerge === 'restart') {
        open.set(col, area);
        seen.add(col);
      }
      if (area.right > area.left || area.bottom > area.top || cell.vMerge === 'restart') merges.push(area);
      col += span;
    }
    // A vertical merge ends at the first row that does not continue it.
    for (const c of [...open.keys()]) if (!seen.has(c)) open.delete(c);
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
    cells.push(line);
  });
  // A restart never continued, a span past the table's end: only true areas of more than one cell stay.
  const last = top + table.rows.length - 1;
  return {
    cells,
    merges: merges
      .map((m) => ({ ...m, bottom: Math.min(m.bottom, last) }))
      .filter((m) => m.bottom > m.top || m.right > m.left),
  };
}
