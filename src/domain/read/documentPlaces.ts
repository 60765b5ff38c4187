/**
 * Places in a text document. A document (Word, OpenDocument) reaches the reader as one grid of its paragraphs and
 * tables (grid.ts, `document`), but its reader has no cells like A1 to look for: once the forms' tables are
 * located, every value's place becomes «таблица 3.1, строка 1, столбец «Общее количество педагогов…»» — the
 * table by the form's number, the row counted under the table's header, the column by its title as written.
 * Problem.sheet then holds the table («таблица 3.1») and Problem.cell the rest (problems.ts, `placeOf`).
 */
import { parseCell } from '../a1';
import { cellText, type SheetGrid } from '../grid';
import type { Problem } from '../problems';
import { reportsOf, type ReadWorkbook, type Source } from '../report';
import type { LocatedTable, TableKind } from './locate';

export const DOCUMENT_TABLE: Record<TableKind, string> = {
  participation: 'таблица 3.1',
  partners: 'таблица 3.2',
  plan: 'таблица плана (прил. 2)',
};

/** A column's title as a person finds it: its first words, up to a comma, slash or bracket. */
export function shortTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = /^[^,/(;:]{8,}?(?=\s*[,/(;:])/.exec(flat)?.[0] ?? flat;
  if (cut.length <= 40 && cut === flat) return flat;
  if (cut.length <= 40) return `${cut}…`;
  const words = cut.slice(0, 40).replace(/\s+\S*$/, '');
  return `${words}…`;
}

/** The lowest title over the column in the table's header rows (a category under its group title). */
function columnTitle(sheet: SheetGrid, t: LocatedTable, col: number): string {
  for (let r = t.headerBottom; r >= t.headerTop; r--) {
    const text = cellText(sheet, r, col);
    if (text !== '') return shortTitle(text);
  }
  return `№ ${col}`;
}

interface Place {
  table: string;
  row: number;
  cell: string;
}

/** Where (row, col) of the document's grid lies, when inside a located table's data rows. */
function placeIn(tables: LocatedTable[], row: number, col: number): Place | undefined {
  const t = tables.find((x) => row > x.headerBottom && row < x.end);
  if (!t) return undefined;
  const n = row - t.headerBottom;
  return { table: DOCUMENT_TABLE[t.kind], row: n, cell: `строка ${n}, столбец «${columnTitle(t.sheet, t, col)}»` };
}

const A1 = /^\$?[A-Z]{1,3}\$?\d+$/;

function placeOfA1(tables: LocatedTable[], a1: string): Place | undefined {
  if (!A1.test(a1)) return undefined;
  const { row, col } = parseCell(a1);
  return placeIn(tables, row, col);
}

/** Rewrites every `cell` (A1) under `value` into its place in the document; returns the record's table. */
function rewriteCells(value: unknown, tables: LocatedTable[], seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) rewriteCells(v, tables, seen);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.cell === 'string') {
    const p = placeOfA1(tables, o.cell);
    if (p) o.cell = p.cell;
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'source') rewriteCells(v, tables, seen);
}

function rewriteSource(source: Source, tables: LocatedTable[]): void {
  const p = placeIn(tables, source.row, 1);
  if (!p) return;
  source.sheet = p.table;
  source.row = p.row;
}

/**
 * Turns the read forms' places and the reading problems of a document grid into the document's words. The
 * rules, run afterwards, take their places from the rewritten values and so speak the same way.
 */
export function placeInDocument(read: ReadWorkbook, sheet: SheetGrid, tables: LocatedTable[], problems: Problem[]): void {
  const mine = tables.filter((t) => t.sheet === sheet);
  if (mine.length === 0) return;
  for (const p of problems) {
    if (p.sheet !== sheet.name) continue;
    const place = placeOfA1(mine, p.cell);
    if (place) {
      p.sheet = place.table;
      p.cell = place.cell;
    }
  }
  const records = reportsOf(read).flatMap((r) => [
    ...(r.report?.participation ?? []),
    ...(r.report?.partners ?? []),
    ...(r.report?.participationTotal ? [r.report.participationTotal] : []),
    ...(r.plan?.rows ?? []),
  ]);
  for (const r of records) {
    if (r.source.sheet !== sheet.name) continue;
    rewriteCells(r, mine);
    rewriteSource(r.source, mine);
  }
}
