/**
 * A problem found in a received file, located like a Frictionless validation error: which file, sheet and cell,
 * which unit, a stable code, a severity, and a message in Russian with the numbers in it.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  file: string;
  sheet: string;
  /** A1 address, or '' when the problem is about the file or sheet as a whole. */
  cell: string;
  unit?: string;
  code: string;
  severity: Severity;
  message: string;
}

export const hasErrors = (ps: Problem[]): boolean => ps.some((p) => p.severity === 'error');
