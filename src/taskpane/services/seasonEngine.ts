/**
 * The season's work on received files, the same in a Web Worker (season.worker.ts) and, where workers are not to be
 * had, on the page: receive picked files once (read with the command line's fast reader, forms found, checked),
 * keep them for the next step, check, merge, build the consolidated workbook and the pane's view of it.
 * No DOM and no React here.
 */
import type { EarlierRegisterEntry, MergeResult, ReceivedFile } from '../../domain/consolidate/merge';
import { organisationCounts, receiptCounts, type ReceiptCounts } from '../../domain/consolidate/organisations';
import { compareCampaigns, mergeSeason, type SeasonMerge } from '../../domain/season';
import { buildConsolidatedWorkbook } from '../../domain/consolidate/workbook';
import type { CampaignFigures } from '../../domain/indicators';
import type { CampaignSettings } from '../../domain/settings';
import type { WorkbookPlan } from '../../domain/sheetPlan';
import { organisationsOfCheck, organisationsOfMerge, type OrgRow } from './organisations';
import { readTogether, type PickedFile } from './pickedBytes';
import { screenFigures, type ScreenFigures } from './screenFigures';

/** A picked file: a browser File, or anything with the same few members (tests). */
export type { PickedFile };

export interface Progress {
  done: number;
  total: number;
  /** The file just read. */
  file: string;
}

/** Reads one file into what the merge needs; never throws (an unreadable file carries its Russian reason). */
/**
 * One picked file read: itself, or every file inside it when it is a letter, a mailbox or an archive. `pickSize`:
 * how many files are read with it (the season worker divides the reading by it, season.worker.ts).
 */
export type ReadOne = (file: PickedFile, settings: CampaignSettings, pickSize?: number) => Promise<ReceivedFile[]>;

/**
 * Files still arriving (the coordinator's pick, sent to the worker a batch at a time): those here so far, how many
 * there will be, and a promise of the next batch. Reading starts with the first, not after the last.
 */
export interface Arriving {
  files: PickedFile[];
  total: number;
  more(): Promise<void>;
}

/** The coordinator cancelled: not an error, nothing written. */
export class Cancelled extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`Отменено: прочитано ${done} из ${total}. Ничего не записано.`);
    this.name = 'Cancelled';
  }
}

export interface CheckView {
  rows: OrgRow[];
  files: number;
  unreadable: number;
  withErrors: number;
  withWarnings: number;
}

export interface MergeRequest {
  settings: CampaignSettings;
  expectedUnits: string[];
  mergeWithErrors: boolean;
  earlierRegister?: EarlierRegisterEntry[];
  previous?: CampaignFigures[];
  /** Received before the picked files: the open workbook's own sheets («Свести листы этой книги»). */
  own?: ReceivedFile[];
}

/** The season's merge as the pane asks for it: the open workbook's own sheets first, then the received files. */
export function mergeRequested(received: ReceivedFile[], req: MergeRequest): SeasonMerge {
  return mergeSeason({
    files: [...(req.own ?? []), ...received],
    settings: req.settings,
    expectedUnits: req.expectedUnits,
    deadline: req.settings.schoolReportsDue,
    policy: req.mergeWithErrors ? 'merge-with-errors' : 'refuse-errors',
    earlierRegister: req.earlierRegister,
    previous: req.previous,
  });
}

export interface MergeView {
  rows: OrgRow[];
  figures: ScreenFigures;
  /** Organisations merged, refused (sent, nothing taken) and missing. */
  merged: number;
  refused: number;
  missing: number;
  /** Files and report lines counted as «Реестр отчётов» lists them: refused files and set-aside sheets included. */
  receipt: ReceiptCounts;
  /** Organisations whose lateness is not confirmed (a save's date, not a receipt's). */
  unconfirmed: number;
}

const fileKey = (f: PickedFile) => `${f.name}\u0000${f.size ?? ''}\u0000${f.lastModified}`;

/**
 * One season's received files, read once: a check and then a merge of the same picked files read them once, as
 * long as the settings the reading depends on stay the same.
 */
export class SeasonEngine {
  private cache = new Map<string, ReceivedFile[]>();
  private settingsKey = '';
  private last?: { result: MergeResult; request: MergeRequest; documentDate: string };

  constructor(
    private readonly readOne: ReadOne,
    /** Files read at once (the number of reading workers times what each holds), asked at each reading. */
    private readonly parallel: number | (() => number) = 1,
  ) {}

  async receive(files: PickedFile[] | Arriving, settings: CampaignSettings, onProgress?: (p: Progress) => void, cancelled?: () => boolean): Promise<ReceivedFile[]> {
    const key = JSON.stringify(settings);
    if (key !== this.settingsKey) {
      this.cache.clear();
      this.settingsKey = key;
    }
    const { files: list, total, more } = Array.isArray(files) ? { files, total: files.length, more: () => Promise.resolve() } : files;
    const out: ReceivedFile[][] = new Array(total);
    // What is still to read has its bytes read many files at a time (pickedBytes.ts); what was read is not. Files
    // still arriving are grouped as they come.
    const reading = new Map<PickedFile, PickedFile>();
    let grouped = 0;
    const group = () => {
      const toRead = list.slice(grouped).filter((f) => !this.cache.has(fileKey(f)));
      const together = readTogether(toRead);
      toRead.forEach((f, i) => reading.set(f, together[i]));
      grouped = list.length;
    };
    group();
    let next = 0;
    let done = 0;
    const lane = async () => {
      while (next < total) {
        if (cancelled?.()) return;
        if (next >= list.length) {
          // Ahead of the files still on their way: wait for the next of them.
          await more();
          if (grouped < list.length) group();
          continue;
        }
        const i = next++;
        const f = list[i];
        const k = fileKey(f);
        let r = this.cache.get(k);
        if (!r) {
          r = await this.readOne(reading.get(f) ?? f, settings, total);
          this.cache.set(k, r);
        }
        out[i] = r;
        onProgress?.({ done: ++done, total, file: f.name });
      }
    };
    const parallel = typeof this.parallel === 'function' ? this.parallel() : this.parallel;
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, total)) }, lane));
    if (cancelled?.()) throw new Cancelled(done, total);
    return out.flat();
  }

  check(received: ReceivedFile[]): CheckView {
    const rows = organisationsOfCheck(received);
    const bad = (f: ReceivedFile, s: 'error' | 'warning') => !('error' in f) && f.problems.some((p) => p.severity === s);
    return {
      rows,
      files: received.length,
      unreadable: received.filter((f) => 'error' in f).length,
      withErrors: received.filter((f) => bad(f, 'error')).length,
      withWarnings: received.filter((f) => !bad(f, 'error') && bad(f, 'warning')).length,
    };
  }

  /** The season's merge, the command line's own use-case (src/domain/season.ts): every received row accounted for. */
  merge(received: ReceivedFile[], req: MergeRequest): { result: MergeResult; view: MergeView; plan: WorkbookPlan; documentDate: string } {
    const { result, plan, documentDate } = mergeRequested(received, req);
    this.last = { result, request: req, documentDate };
    return { result, view: mergeView(result, req.settings), plan, documentDate };
  }

  /** The last merge and its settings (for «Аналитическая справка» as a document), if there was one. */
  lastMerge(): { result: MergeResult; settings: CampaignSettings } | undefined {
    return this.last && { result: this.last.result, settings: this.last.request.settings };
  }

  /** The last merge again with earlier campaigns for the dynamics (the browser's «Сводка»). */
  withPrevious(previous: CampaignFigures[]): { view: MergeView; plan: WorkbookPlan; documentDate: string } | undefined {
    if (!this.last) return undefined;
    const { result, request, documentDate } = this.last;
    this.last.request = { ...request, previous };
    const ordered = [...previous].sort(compareCampaigns);
    return { view: mergeView(result, request.settings), plan: buildConsolidatedWorkbook(result, request.settings, { previous: ordered }), documentDate };
  }
}

export function mergeView(result: MergeResult, settings: CampaignSettings): MergeView {
  const c = organisationCounts(result.organisations);
  return {
    rows: organisationsOfMerge(result),
    figures: { ...screenFigures(result, settings), receipt: receiptCounts(result) },
    merged: c.merged,
    refused: c.refused,
    missing: c.missing,
    receipt: receiptCounts(result),
    unconfirmed: c.unconfirmed,
  };
}
