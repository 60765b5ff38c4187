/**
 * The open workbook's own sheets — the ones the coordinator collected, not the add-in's — as grids, so the merge
 * can consolidate the forms on them («Свести листы этой книги»). The settings sheet says which sheets the add-in
 * owns; those (and the settings sheet itself) are left out. Two reads: the settings sheet (three syncs), then the
 * rest (three syncs, one more per ~3 MB of cells; see readWorkbookGrids).
 */
import { readSettingsSheet } from '../domain/settingsSheet';
import { SHEET } from '../domain/sheetNames';
import type { WorkbookGrid } from '../domain/grid';
import { readWorkbookGrids } from './readWorkbookGrids';
import type { ApiSupport, ExcelRun } from './support';

export interface ReadUserSheetsOptions {
  run: ExcelRun;
  support: ApiSupport;
  /** Name to report as the file (the open workbook's name where known). */
  file: string;
}

/** Names of the sheets the add-in owns in the open workbook (from its settings sheet), the settings sheet included. */
export async function ownedSheetNames(opts: ReadUserSheetsOptions): Promise<Set<string>> {
  const wb = await readWorkbookGrids({ ...opts, only: (n) => n === SHEET.settings });
  const owned = wb.sheets[0] ? readSettingsSheet(wb.sheets[0].cells)?.owned ?? [] : [];
  return new Set([SHEET.settings, ...owned.map((o) => o.name)]);
}

/** Every sheet of the open workbook but the add-in's own, as grids in tab order. */
export async function readUserSheets(opts: ReadUserSheetsOptions): Promise<WorkbookGrid> {
  const owned = await ownedSheetNames(opts);
  return readWorkbookGrids({ ...opts, only: (n) => !owned.has(n) });
}
