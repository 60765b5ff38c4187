/** Messages between the page and the season worker (season.worker.ts); the page's side is seasonClient.ts. */
import type { CampaignFigures } from '../../domain/indicators';
import type { CampaignSettings } from '../../domain/settings';
import type { WorkbookPlan } from '../../domain/sheetPlan';
import type { CheckView, MergeRequest, MergeView, PickedFile, Progress } from './seasonEngine';
import type { OrgRow } from './organisations';

/** Where a merge's workbook goes: back as a plan (Excel writes it into the open workbook) or as .xlsx bytes. */
export type Output = 'plan' | 'bytes';

/**
 * Picked files per message: a request with more sends them ahead in batches of this many ('files'). A batch of
 * 100 took the page's thread 50–70 ms on a busy machine (bench:pane), so 50.
 */
export const FILES_PER_MESSAGE = 50;

/**
 * Sent with a pick, a check and a merge: the page's count of cores (`navigator.hardwareConcurrency`), by which the
 * season worker decides its reading workers (the same as its own, unless a test emulates another).
 */
export interface PageCores {
  cores?: number;
}

export type SeasonRequest =
  /** Files of request `id` sent ahead of it (in order); the request's own files come after them. */
  | { id: number; type: 'files'; files: PickedFile[] }
  /**
   * Files the coordinator picked, sent as they were picked, before any request (pick `id`; a new pick replaces
   * the last): a check or a merge of them names the pick (`picked`) instead of sending them again.
   */
  | ({ id: number; type: 'picked'; files: PickedFile[]; total: number } & PageCores)
  /**
   * A check or a merge of files sent with it, or of a pick (`picked`): sent at once, while the pick's files still
   * arrive, which are read as they come.
   */
  | ({ id: number; type: 'check'; files: PickedFile[]; settings: CampaignSettings; picked?: number } & PageCores)
  | ({ id: number; type: 'merge'; files: PickedFile[]; req: MergeRequest; output: Output; picked?: number } & PageCores)
  | { id: number; type: 'previous'; files: PickedFile[] }
  | { id: number; type: 'withPrevious'; previous: CampaignFigures[]; output: Output }
  | { id: number; type: 'note'; previous: CampaignFigures[] }
  | { id: number; type: 'cancel'; of: number };

export interface Delivered {
  view: MergeView;
  plan?: WorkbookPlan;
  /** The .xlsx: a Blob where the worker could make one (the page downloads it as it is), else its bytes. */
  bytes?: Uint8Array | Blob;
}

export type SeasonReply =
  | { id: number; type: 'progress'; progress: Progress }
  /** Rows of the result of request `id` sent ahead of its 'done' (in order): see rowsAhead. */
  | { id: number; type: 'rows'; rows: OrgRow[] }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; message: string; cancelled?: { done: number; total: number } };

export type { CheckView, MergeView };

/**
 * Organisations per message. A merge of 5,000 files gave the page one reply of 5,000 rows, and taking it (cloning
 * every row into the page's heap, and the collection that followed) was the page's longest task at the end of the
 * run (~110 ms, bench:pane --schools 5000 --trace); sent ahead 500 at a time, each is a task of its own.
 */
export const ROWS_PER_MESSAGE = 500;

/** Where a request's result keeps its rows: a check's view, or a merge's (Delivered.view). */
function rowsOf(value: unknown): { rows: OrgRow[] } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { rows?: unknown; view?: { rows?: unknown } };
  if (Array.isArray(v.rows)) return v as { rows: OrgRow[] };
  if (typeof v.view === 'object' && v.view !== null && Array.isArray(v.view.rows)) return v.view as { rows: OrgRow[] };
  return undefined;
}

/**
 * The rows to send ahead of a result, ROWS_PER_MESSAGE at a time, and the result to send after them with only its
 * last rows (a copy: the value itself is not changed). withRowsAhead on the other side puts them back in order.
 */
export function rowsAhead<T>(value: T): { ahead: OrgRow[][]; value: T } {
  const holder = rowsOf(value);
  if (!holder || holder.rows.length <= ROWS_PER_MESSAGE) return { ahead: [], value };
  const rows = holder.rows;
  const last = rows.length - ((rows.length - 1) % ROWS_PER_MESSAGE) - 1;
  const ahead: OrgRow[][] = [];
  for (let at = 0; at < last; at += ROWS_PER_MESSAGE) ahead.push(rows.slice(at, at + ROWS_PER_MESSAGE));
  const rest = { ...holder, rows: rows.slice(last) };
  const v = value as { rows?: unknown; view?: unknown };
  return { ahead, value: (holder === value ? rest : { ...v, view: rest }) as T };
}

/** The result with the rows sent ahead of it put back before its own, in order. */
export function withRowsAhead<T>(value: T, ahead: OrgRow[]): T {
  const holder = rowsOf(value);
  if (!holder || ahead.length === 0) return value;
  for (const r of holder.rows) ahead.push(r);
  holder.rows = ahead;
  return value;
}
