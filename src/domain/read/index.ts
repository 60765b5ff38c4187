/** Finds the forms' tables in plain grids by their header text and reads their rows (see report.ts). */
import type { WorkbookGrid } from '../grid';
import type { ReadWorkbook } from '../report';

export function readForms(wb: WorkbookGrid): ReadWorkbook {
  throw new Error(`readForms: not implemented yet (${wb.file})`);
}
