/**
 * What the pane's sections do, over the core: read received files, check, merge, build the summary. No React here,
 * so the same steps can be tested in Node and called from the ribbon commands.
 */
import { readForms } from '../../domain/read';
import { russianOr } from './messages';
import { checkWorkbook } from '../../domain/rules';
import type { WorkbookGrid } from '../../domain/grid';
import { rowOfPlace, type Problem } from '../../domain/problems';
import type { CampaignSettings } from '../../domain/settings';
import type { SheetPlan } from '../../domain/sheetPlan';
import type { MergeResult } from '../../domain/consolidate/mergeTypes';
import { receivedIso } from '../../domain/consolidate/cells';
import { compareCampaigns, type SeasonMerge } from '../../domain/season';
import { summarySheets, summarySheetsFromWorkbook, type CampaignFigures } from '../../domain/indicators';
import type { ReceiveProgress } from '../../files/receiveFiles';
import { mergeRequested, type MergeRequest as SeasonRequest, type PickedFile } from './seasonEngine';

export type { PickedFile } from './seasonEngine';

/** Reads picked files into grids; a file that cannot be read gives its Russian reason instead. */
export async function readPicked(files: PickedFile[]): Promise<({ file: string; received: string; grid: WorkbookGrid } | { file: string; received: string; error: string })[]> {
  const { assertReadableSize, readWorkbookFile } = await import(/* webpackChunkName: "xlsx-reader" */ '../../files/readWorkbook');
  const out = [];
  for (const f of files) {
    const received = receivedIso(f.lastModified);
    try {
      if (f.size !== undefined) assertReadableSize(f.size, f.name);
      const bytes = new Uint8Array(await f.arrayBuffer());
      out.push({ file: f.name, received, grid: readWorkbookFile(bytes, f.name) });
    } catch (e) {
      const msg = russianOr(e, `Файл «${f.name}» не удалось прочитать. Откройте его в Excel, сохраните как .xlsx и выберите снова.`);
      out.push({ file: f.name, received, error: msg });
    }
  }
  return out;
}

/** The checker's problems for one workbook (reading problems included). */
export function checkGrid(grid: WorkbookGrid, settings: CampaignSettings): Problem[] {
  const read = readForms(grid, { year: settings.year });
  return checkWorkbook(read, settings);
}

export interface CheckedFile {
  file: string;
  problems: Problem[];
  /** Set when the file could not be read at all. */
  error?: string;
}

export async function checkFiles(files: PickedFile[], settings: CampaignSettings): Promise<CheckedFile[]> {
  return (await readPicked(files)).map((r) =>
    'error' in r ? { file: r.file, problems: [], error: r.error } : { file: r.file, problems: checkGrid(r.grid, settings) },
  );
}

export interface MergeRequest extends SeasonRequest {
  files: PickedFile[];
  /** After each file read (for a progress bar: «Прочитано 120 из 1000»). */
  onProgress?: (p: ReceiveProgress) => void;
  /** Cancels between files: the promise rejects with ReceiveCancelled, whose message says so in Russian. */
  signal?: AbortSignal;
}

/**
 * Files are read one at a time, each grid dropped once checked, the page given a turn between files
 * (src/files/receiveFiles.ts): a thousand schools' workbooks never freeze the pane. Then the season's merge, the
 * same use-case the command line runs (src/domain/season.ts): every received row accounted for, the workbook's
 * sheets built. Throws AccountingError should a row ever be lost.
 */
export async function mergeFiles(req: MergeRequest): Promise<SeasonMerge> {
  const { receiveFiles } = await import(/* webpackChunkName: "xlsx-reader" */ '../../files/receiveFiles');
  return mergeRequested(await receiveFiles(req.files, req.settings, { onProgress: req.onProgress, signal: req.signal }), req);
}

/**
 * The summary sheets. From this session's merge when there is one; otherwise from the open workbook's
 * «Свод по ОО» (Excel), read back like an earlier campaign's file.
 */
export function summaryPlans(
  source: { merge: MergeResult } | { workbook: WorkbookGrid },
  settings: CampaignSettings,
  previous: CampaignFigures[],
): SheetPlan[] {
  const ordered = [...previous].sort(compareCampaigns);
  if ('merge' in source) return summarySheets(source.merge, { settings, previous: ordered });
  // Throws a Russian message when the book has no detail sheet.
  return summarySheetsFromWorkbook(source.workbook, { settings, previous: ordered });
}

/** The same problem once (the pane lists problems of several checks of the same workbook together). */
export function uniqueProblems(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = [p.file, p.sheet, p.cell, p.code, p.message].join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Problems sorted for reading: errors first, then by file, sheet and row; each once. */
export function sortProblems(ps: Problem[]): Problem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return uniqueProblems(ps).sort((a, b) => rank[a.severity] - rank[b.severity] || a.file.localeCompare(b.file) || a.sheet.localeCompare(b.sheet) || rowOfPlace(a.cell) - rowOfPlace(b.cell));
}
