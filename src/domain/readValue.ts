/**
 * The pieces every form read from a workbook is made of — a value with the cell it came from, the row of a record,
 * the header lines — shared by the forms of the order (report.ts) and the monitoring form (monitoring/types.ts).
 */

/** A value read from one cell. `value` is null when the cell was empty or said «нет» (—, -). */
export interface Read<T> {
  value: T | null;
  /** A1 address on `sheet` of the row's record. */
  cell: string;
  /** What the cell held, when it was interpreted (text → number, `7/6` split, free text parsed). */
  interpreted?: string;
}

export interface Source {
  file: string;
  sheet: string;
  /** 1-based row of the record on its sheet. */
  row: number;
}

/** The header lines above a form's table. */
export interface FormHeader {
  unit: string;
  coordinator: string;
}
