/** The fast .xlsx reader's (xlsxValues.ts) own account of what it read and what it left to SheetJS. */

/**
 * How often the fast path read a file and how often it left one to SheetJS, and why — per thread; the command line
 * sums the worker threads' and prints them with PROFKAMPANIYA_TIMINGS=1. A fallback is never silent: a rise in
 * «ошибка чтения» (an exception that is not a declined file) is a bug in this reader.
 */
export interface FastReaderCounts {
  fast: number;
  fallbacks: number;
  reasons: Record<string, number>;
}
const counts: FastReaderCounts = { fast: 0, fallbacks: 0, reasons: {} };
export const fastReaderCounts = (): FastReaderCounts => ({ ...counts, reasons: { ...counts.reasons } });
export function addFastReaderCounts(into: FastReaderCounts, from: FastReaderCounts): FastReaderCounts {
  into.fast += from.fast;
  into.fallbacks += from.fallbacks;
  for (const [k, n] of Object.entries(from.reasons)) into.reasons[k] = (into.reasons[k] ?? 0) + n;
  return into;
}
export function declined(reason: string): undefined {
  counts.fallbacks++;
  counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1;
  return undefined;
}

/**
 * Tests turn this on (test/support/jestSetup.ts): an exception in this reader that is not a file it declines — a
 * TypeError, a RangeError — then fails the test instead of passing quietly through SheetJS. Users keep the fallback.
 */
let failOnBug = false;
export function failOnFastReaderBug(on = true): void {
  failOnBug = on;
}
export const failsOnBug = (): boolean => failOnBug;
export function countFast(): void {
  counts.fast++;
}
