/**
 * The season's merge as one use-case, the same for the pane and the command line: received files (already read
 * and checked by the host's reader) → the merge → proof that every received row is merged, superseded or refused →
 * earlier campaigns in order → the consolidated workbook's sheet plans. The hosts only collect the inputs and show
 * or write what comes back.
 */
import { accountingBalances, mergeReports, rowsReceived } from './consolidate/merge';
import type { EarlierRegisterEntry, GivenDate, MergePolicy, MergeResult, ReceivedFile, RowKind } from './consolidate/mergeTypes';
import { buildConsolidatedWorkbook } from './consolidate/workbook';
import type { CampaignFigures } from './indicators/figures';
import { campaignOfReports } from './read/campaign';
import { checkReceived } from './rules';
import { sameCampaign, settingsForCampaign, type Campaign, type CampaignSettings } from './settings';
import type { WorkbookPlan } from './sheetPlan';

export interface SeasonRequest {
  files: ReceivedFile[];
  settings: CampaignSettings;
  /** The coordinator's list of expected units; empty = no list. */
  expectedUnits: string[];
  policy: MergePolicy;
  /** Last day reports are due (the pane's settings, the command line's --deadline); none = timeliness not judged. */
  deadline?: string;
  /** The register of an earlier output of this merge: files keep the date they first came. */
  earlierRegister?: EarlierRegisterEntry[];
  /** Receipt dates given by hand (a dates file): a file or a unit → a date; they win over every other date. */
  givenDates?: GivenDate[];
  /** Earlier campaigns' figures for the dynamics, in any order. */
  previous?: CampaignFigures[];
}

export interface SeasonMerge {
  result: MergeResult;
  plan: WorkbookPlan;
  /** The earlier campaigns as the workbook shows them, oldest first. */
  previous: CampaignFigures[];
  /**
   * The workbook's document date: the latest report received (local time, as UTC digits), else the campaign's
   * first day — never the clock, so the same files merged twice give the same workbook.
   */
  documentDate: string;
}

/** The merge lost or double-counted a row: a bug, never the user's doing. Nothing must be written. */
export class AccountingError extends Error {
  constructor(
    readonly received: Record<RowKind, number>,
    readonly accounted: MergeResult['accounting'],
  ) {
    super('Учёт строк не сошёлся: принятые, заменённые и отклонённые строки не равны полученным. Свод не записан; сообщите разработчикам, приложив полученные файлы.');
    this.name = 'AccountingError';
  }
}

/** Campaigns in time order: by year, spring before autumn; a campaign of unknown date goes first. */
export function compareCampaigns(a: CampaignFigures, b: CampaignFigures): number {
  const at = (f: CampaignFigures) => (f.campaign ? f.campaign.year * 2 + (f.campaign.season === 'autumn' ? 1 : 0) : -Infinity);
  const d = at(a) - at(b);
  return Number.isNaN(d) ? 0 : d;
}

/** The latest received date of the merge as the document date (see SeasonMerge.documentDate). */
export function documentDateOf(result: MergeResult, settings: CampaignSettings): string {
  const latest = result.files.map((f) => f.received).filter((r) => /^\d{4}-\d{2}-\d{2}/.test(r)).sort().pop();
  if (!latest) return `${settings.windowFrom}T00:00:00Z`;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(latest)!;
  return `${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:00Z`;
}

/** Nothing lost, nothing counted twice: checked on every merge, in the pane as on the command line. */
export function assertAccounted(result: MergeResult, files: ReceivedFile[]): void {
  const received = rowsReceived(files);
  if (!accountingBalances(result, received)) throw new AccountingError(received, result.accounting);
}

/** Merge the season's received files and build the consolidated workbook. Throws AccountingError, see above. */
export function mergeSeason(req: SeasonRequest): SeasonMerge {
  const result = mergeReports({
    files: req.files,
    expectedUnits: req.expectedUnits,
    deadline: req.deadline,
    policy: req.policy,
    earlierRegister: req.earlierRegister,
    givenDates: req.givenDates,
  });
  assertAccounted(result, req.files);
  const previous = [...(req.previous ?? [])].sort(compareCampaigns);
  return {
    result,
    plan: buildConsolidatedWorkbook(result, req.settings, { previous }),
    previous,
    documentDate: documentDateOf(result, req.settings),
  };
}

/**
 * No campaign named anywhere (no earlier output, no season, year or deadline given): take it from the received
 * plans' dates, so an older campaign's files are not all flagged as outside today's window. Only the rules run
 * again, and only on a file checked under another campaign than the one taken (a file says so by `checkedFor`,
 * else it was checked under `settings`); nothing is re-read. `assumed` is absent when the plans name no other
 * campaign than `settings`.
 */
export function assumeCampaignOfReports(
  files: ReceivedFile[],
  settings: CampaignSettings,
): { files: ReceivedFile[]; assumed?: { settings: CampaignSettings; campaign: Campaign } } {
  const found = campaignOfReports(files.flatMap((f) => ('read' in f && f.read ? [f.read] : [])));
  const assumed = found && !sameCampaign(found, settings) ? { settings: settingsForCampaign(found, settings), campaign: found } : undefined;
  return {
    files: files.map((f) => {
      // Checked under `settings`, which stand.
      if (!('read' in f) || !f.read || (!f.checkedFor && !assumed)) return f;
      const { checkedFor, ...file } = f;
      // Checked under settingsForCampaign(checkedFor, settings): the assumed settings when it is the assumed campaign.
      if (checkedFor && assumed && sameCampaign(checkedFor, assumed.campaign)) return file;
      return { ...file, problems: checkReceived(f.read, assumed?.settings ?? settings, f.file) };
    }),
    ...(assumed ? { assumed } : {}),
  };
}
