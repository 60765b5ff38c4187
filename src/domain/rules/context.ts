/** What every rule needs: where the row is, whose it is, and a way to report a problem once. */
import type { Problem, ProblemCode, Severity } from '../problems';
import type { Read, Source } from '../report';
import { formatNumber } from '../text';

export interface RuleSink {
  file: string;
  problems: Problem[];
}

export function report(sink: RuleSink, source: Source, cell: string, unit: string, code: ProblemCode, severity: Severity, message: string): void {
  sink.problems.push({
    file: sink.file,
    sheet: source.sheet,
    cell,
    ...(unit ? { unit } : {}),
    code,
    severity,
    message,
  });
}

/** A count as Russians write it: `1 234`, `12,5`. */
export const num = (n: number): string => (Number.isInteger(n) ? formatNumber(n) : String(n).replace('.', ','));

/** The cell to point at: the value's own cell, or the row's first cell when the column is missing. */
export const cellOf = (r: Read<unknown>, source: Source): string => r.cell || `A${source.row}`;

/**
 * Checks that a count is a whole number ≥ 0 and reports it once if not (`not-whole-number`, `negative-number`).
 * Returns the usable value: undefined when empty or invalid, so no other rule builds on a bad number.
 */
export function countValue(sink: RuleSink, source: Source, unit: string, r: Read<number>, title: string, reported: Set<string>): number | undefined {
  if (r.value === null) return undefined;
  const key = `${r.cell}|${title}`;
  if (!Number.isInteger(r.value)) {
    if (!reported.has(key))
      report(sink, source, cellOf(r, source), unit, 'not-whole-number', 'error',
        `«${title}»: ${num(r.value)} — не целое число. Количество указывается целым числом; исправьте значение.`);
    reported.add(key);
    return undefined;
  }
  if (r.value < 0) {
    if (!reported.has(key))
      report(sink, source, cellOf(r, source), unit, 'negative-number', 'error',
        `«${title}»: ${num(r.value)} — отрицательное число. Количество не может быть меньше нуля; исправьте значение.`);
    reported.add(key);
    return undefined;
  }
  return r.value;
}

/** Whether the reader could not read the value at that cell (it said so there; rules built on it stay quiet). */
export const unreadableAt = (sink: RuleSink, sheet: string, cell: string): boolean =>
  cell !== '' && sink.problems.some((p) => p.code === 'value-unreadable' && p.sheet === sheet && p.cell === cell);
