/** Messages between the page and the season worker (season.worker.ts); the page's side is seasonClient.ts. */
import type { CampaignFigures } from '../../domain/indicators';
import type { CampaignSettings } from '../../domain/settings';
import type { WorkbookPlan } from '../../domain/sheetPlan';
import type { CheckView, MergeRequest, MergeView, PickedFile, Progress } from './seasonEngine';

/** Where a merge's workbook goes: back as a plan (Excel writes it into the open workbook) or as .xlsx bytes. */
export type Output = 'plan' | 'bytes';

/**
 * Picked files per message: a request with more sends them ahead in batches of this many ('files'). A batch of
 * 100 took the page's thread 50–70 ms on a busy machine (bench:pane), so 50.
 */
export const FILES_PER_MESSAGE = 50;

export type SeasonRequest =
  /** Files of request `id` sent ahead of it (in order); the request's own files come after them. */
  | { id: number; type: 'files'; files: PickedFile[] }
  /**
   * Files the coordinator picked, sent as they were picked, before any request (pick `id`; a new pick replaces
   * the last): a check or a merge of them names the pick (`picked`) instead of sending them again.
   */
  | { id: number; type: 'picked'; files: PickedFile[] }
  | { id: number; type: 'check'; files: PickedFile[]; settings: CampaignSettings; picked?: number }
  | { id: number; type: 'merge'; files: PickedFile[]; req: MergeRequest; output: Output; picked?: number }
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
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; message: string; cancelled?: { done: number; total: number } };

export type { CheckView, MergeView };
