/**
 * Grids of filled forms for the reader's and checker's tests: the stamped form (from the real stamper's sheet plan)
 * and the Word-like layout of the order (one cell per official column), with the official example of seed 002.
 */
import * as XLSX from '@e965/xlsx';
import cptable from '@e965/xlsx/dist/cpexcel';
import { parseCell, parseRange } from '../../src/domain/a1';
import { H, PARTNERS_TABLE_TITLE, UNIT_CAPTION, COORDINATOR_LABEL, COORDINATOR_CAPTION, participationTableTitle } from '../../src/domain/forms/officialText';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/domain/grid';
import { heldRows, isFormula, type CellInput, type SheetPlan } from '../../src/domain/sheetPlan';

/** A grid from rows; merges as A1 ranges. */
export function gridOf(name: string, rows: CellValue[][], merges: string[] = []): SheetGrid {
  return { name, cells: rows.map((r) => [...r]), merges: merges.map(parseRange) };
}

export const workbookOf = (file: string, ...sheets: SheetGrid[]): WorkbookGrid => ({ file, sheets });

/** What a sheet plan shows once opened, formulas left empty (they have no cached value yet). */
export function planToGrid(plan: SheetPlan): SheetGrid {
  const cells: CellValue[][] = [];
  for (const b of plan.blocks) {
    const { row, col } = parseCell(b.at);
    heldRows(b.rows).forEach((r, i) =>
      r.forEach((v: CellInput, j) => {
        const line = (cells[row + i - 1] ??= []);
        line[col + j - 1] = isFormula(v) ? null : v;
      }),
    );
  }
  for (let r = 0; r < cells.length; r++) {
    cells[r] ??= [];
    for (let c = 0; c < cells[r].length; c++) if (cells[r][c] === undefined) cells[r][c] = null;
  }
  return { name: plan.name, cells, merges: plan.merges.map(parseRange) };
}

/** Sets a value in a grid (1-based, A1), growing it as needed. */
export function setCell(sheet: SheetGrid, a1: string, v: CellValue): void {
  const { row, col } = parseCell(a1);
  while (sheet.cells.length < row) sheet.cells.push([]);
  const line = sheet.cells[row - 1];
  while (line.length < col) line.push(null);
  line[col - 1] = v;
}

/** The official example's pupils paragraph (seed 002), as typed in the Word form. */
export const EXAMPLE_STUDENTS_TEXT = `Общее количество обучающихся 5-11 классов в муниципалитете – 599 чел.

Общее количество обучающихся 5-11 классов, принявших участие в профориентационных мероприятиях – 438 чел.

Из них:

 5 класс - 59 чел.;

6 класс -79 чел.;

7 класс -76 чел.;

8 класс - 56 чел.;

9 класс - 60 чел.;

10 класс - 55 чел.;

11 класс - 53 чел.`;

export const EXAMPLE_OVZ_TEXT = `Общее количество обучающихся с ОВЗ 5-11 классов в муниципалитете –

109 чел.
Общее количество обучающихся с ОВЗ в 5-11 классах, принявших участие в профориентационных мероприятиях – 83 чел.                Из них:

5 класс - 11 чел.;

6 класс - 20 чел.;

7 классы - 17 чел.;

8 классы - 11 чел.;
9 классы - 22 чел.,
10 класс -  1 чел.;
11 класс - 1 чел.`;

export interface WordLayoutOptions {
  unit?: string;
  /** Rows inserted above the form. */
  offset?: number;
  /** Keep the order's «Пример: …» row above the unit's row. */
  withExample?: boolean;
  /** Override cells of the 3.1 row: index 0…6 of the official columns. */
  row31?: Partial<Record<number, CellValue>>;
  row32?: Partial<Record<number, CellValue>>;
}

/**
 * The order's Appendix 3 laid out like the Word document pasted into a sheet: one cell per official column, the
 * category titles of 3.2 under a title merged over four columns.
 */
export function wordLayoutSheet(name = 'Лист1', o: WordLayoutOptions = {}): SheetGrid {
  const unit = o.unit ?? 'Александровский район';
  const r31: CellValue[] = [unit, '7/6', 42, EXAMPLE_STUDENTS_TEXT, 33, EXAMPLE_OVZ_TEXT, 'НИ ТГУ'];
  const r32: CellValue[] = [unit, 10, '3 - ТУСУР, ТГАСУ и т.д.', '1 - ЗАО «Томский подшипник» и т.д.', '1 - И.П. Иванов И.И.', '1 - успешный выпускник - Сидоров П.И. '];
  for (const [i, v] of Object.entries(o.row31 ?? {})) r31[Number(i)] = v as CellValue;
  for (const [i, v] of Object.entries(o.row32 ?? {})) r32[Number(i)] = v as CellValue;
  const pre: CellValue[][] = Array.from({ length: o.offset ?? 0 }, () => []);
  const example31: CellValue[] = ['Пример: Александровский район', '7/6 ', 42, EXAMPLE_STUDENTS_TEXT, 33, EXAMPLE_OVZ_TEXT, 'НИ ТГУ'];
  const example32: CellValue[] = ['Пример: Александровский район', 10, '3 - ТУСУР, ТГАСУ и т.д.', '1 - ЗАО «Томский подшипник» и т.д.', '1 - И.П. Иванов И.И.', '1 - успешный выпускник - Сидоров П.И. '];
  const rows: CellValue[][] = [
    ...pre,
    ['Приложение 3'],
    ['Сводный отчет об итогах Кампании'],
    [unit],
    [UNIT_CAPTION],
    [COORDINATOR_LABEL, 'Петрова Анна Ивановна, методист, 8 (38241) 2-11-22, petrova@example.ru'],
    [null, COORDINATOR_CAPTION],
    [],
    [participationTableTitle('spring')],
    [H.unit, H.schools, H.events, H.students, H.teachers, H.ovz, H.partners],
    ...(o.withExample ? [example31] : []),
    r31,
    [],
    [PARTNERS_TABLE_TITLE],
    [H.unit, H.partnersTotal, H.partnerCategories, null, null, null],
    [null, null, H.professionalEducation, H.companies, H.business, H.community],
    ...(o.withExample ? [example32] : []),
    r32,
  ];
  const h = (o.offset ?? 0) + 13 + (o.withExample ? 1 : 0); // 3.2's first header row
  return gridOf(name, rows, [`C${h}:F${h}`, `A${h}:A${h + 1}`, `B${h}:B${h + 1}`]);
}

/** Writes grids to a workbook file in the given format (SheetJS writer), merges included. */
export function writeGrids(sheets: SheetGrid[], bookType: 'xlsx' | 'xls' | 'ods' | 'xlsm'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.cells);
    ws['!merges'] = s.merges.map((m) => ({ s: { r: m.top - 1, c: m.left - 1 }, e: { r: m.bottom - 1, c: m.right - 1 } }));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: bookType === 'xls' ? 'biff8' : bookType }));
}

/** A sheet as CSV text with the given delimiter (quotes where needed). */
export function csvOf(sheet: SheetGrid, delimiter: ';' | ','): string {
  const q = (v: CellValue) => {
    const s = v === null ? '' : String(v);
    return /["\n\r;,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return sheet.cells.map((r) => r.map(q).join(delimiter)).join('\r\n') + '\r\n';
}

/** Windows-1251 bytes of a text, as Russian Excel saves «CSV (разделители — запятые)». */
export function cp1251(text: string): Uint8Array {
  return new Uint8Array(cptable.utils.encode(1251, text, 'buf') as Uint8Array);
}

/** A copy of a grid with `n` rows inserted before row `at` (merges move with their cells). */
export function insertRows(sheet: SheetGrid, at: number, n: number, fill: CellValue[][] = []): SheetGrid {
  const cells = sheet.cells.map((r) => [...r]);
  cells.splice(at - 1, 0, ...Array.from({ length: n }, (_, i) => [...(fill[i] ?? [])]));
  const shift = (r: number) => (r >= at ? r + n : r);
  return { ...sheet, cells, merges: sheet.merges.map((m) => ({ ...m, top: shift(m.top), bottom: shift(m.bottom) })) };
}

/** A copy of a grid with a column inserted before column `at`, holding `values` by row (1-based keys). */
export function insertColumn(sheet: SheetGrid, at: number, values: Record<number, CellValue> = {}): SheetGrid {
  const width = Math.max(...sheet.cells.map((r) => r.length));
  const cells = sheet.cells.map((r, i) => {
    const row = [...r];
    while (row.length < Math.max(width, at - 1)) row.push(null);
    row.splice(at - 1, 0, values[i + 1] ?? null);
    return row;
  });
  const shift = (c: number) => (c >= at ? c + 1 : c);
  return { ...sheet, cells, merges: sheet.merges.map((m) => ({ ...m, left: shift(m.left), right: m.right >= at ? m.right + 1 : m.right })) };
}

/** A copy of a grid where, in rows top…bottom only, column `from` is cut out and put back at `to`. */
export function moveColumn(sheet: SheetGrid, from: number, to: number, top: number, bottom: number): SheetGrid {
  const width = Math.max(...sheet.cells.map((r) => r.length), from, to);
  const cells = sheet.cells.map((r, i) => {
    if (i + 1 < top || i + 1 > bottom) return [...r];
    const row = [...r];
    while (row.length < width) row.push(null);
    const [v] = row.splice(from - 1, 1);
    row.splice(to - 1, 0, v);
    return row;
  });
  return { ...sheet, cells };
}
