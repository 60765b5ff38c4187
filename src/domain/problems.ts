/**
 * A problem found in a received file, located like a Frictionless validation error: which file, sheet and cell,
 * which unit, a stable code, a severity, and a message in Russian with the numbers in it.
 */
import type { ProblemCode } from './problemCodes';

export type { ProblemCode };
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  file: string;
  sheet: string;
  /** A1 address, or '' when the problem is about the file or sheet as a whole. */
  cell: string;
  unit?: string;
  code: ProblemCode;
  severity: Severity;
  message: string;
}

export const hasErrors = (ps: Problem[]): boolean => ps.some((p) => p.severity === 'error');

const A1_CELL = /^\$?[A-Z]{1,3}\$?(\d+)$/;

/**
 * Where a problem is, in words: «лист «Отчёт», ячейка B7» on a sheet; in a text document, which has no cells like
 * A1, the table and the rest of the place as the reader wrote them: «таблица 3.1, строка 1, столбец «…»».
 */
export function placeOf(p: Pick<Problem, 'sheet' | 'cell'>): string {
  if (p.cell && !A1_CELL.test(p.cell)) return p.sheet ? `${p.sheet}, ${p.cell}` : p.cell;
  const sheet = p.sheet ? `лист «${p.sheet}»` : '';
  return p.cell ? `${sheet}${sheet ? ', ' : ''}ячейка ${p.cell}` : sheet;
}

/** The row of a problem's place (A1 or «строка N, …»); 0 when it has none. */
export function rowOfPlace(cell: string): number {
  const m = A1_CELL.exec(cell) ?? /строка (\d+)/.exec(cell);
  return m ? Number(m[1]) : 0;
}

/** Whether a problem's place is in a text document (a table, not a sheet). */
export const isDocumentPlace = (p: Pick<Problem, 'cell'>): boolean => p.cell !== '' && !A1_CELL.test(p.cell);
