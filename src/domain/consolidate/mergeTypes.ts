/**
 * What the merge takes and gives: received files in, the fate of every file, row and organisation out.
 * Kept apart from the merge itself so that readers of the result (register, indicators, monitoring, hosts) depend
 * on the shapes only.
 */
import type { Problem } from '../problems';
import type { Campaign } from '../settings';
import type { ParticipationRow, PartnersRow, PlanRow, ReadWorkbook, Source } from '../report';
import type { PartnerCategory } from '../forms/appendix3';
import type { PartnerRegister } from './partnerRegister';
import type { MonitoringRow } from '../monitoring/types';

export type MergePolicy = 'refuse-errors' | 'merge-with-errors';

/**
 * Where a received file's date came from: the letter it came in (`message`: the letter's Date header, see
 * docs/reading.md «Письма»), the file's modification time (`modified`, also when absent), or given by the
 * coordinator (`manual`: typed into «Получен» of «Реестр отчётов», or a dates file on the command line).
 */
export type DateSource = 'message' | 'modified' | 'manual';

/** Who sent a letter: the address, and the display name when the letter gives one (decoded, '' when none). */
export interface Sender {
  address: string;
  name: string;
}

/** A letter or an archive a received file came in. */
export type Carrier =
  | {
      kind: 'letter';
      /** The saved letter or mailbox the coordinator gave (`письмо.eml`, `Входящие.mbox`, `письмо.msg`). */
      file: string;
      /** The letter's Date, local ISO to the minute (as `received`); absent when it has none that can be read. */
      date?: string;
      subject: string;
      from?: Sender;
    }
  | { kind: 'archive'; /** The archive's name (`отчёты.zip`). */ name: string };

/**
 * How a file was received, beside its date: shared by read and unreadable files, and carried to `FileOutcome`.
 * All optional: a plain file given on its own has none of them.
 */
export interface Receipt {
  /** Absent means `modified`. */
  dateSource?: DateSource;
  /** The sender of the letter the file came in (the innermost letter, for a forwarded one). */
  sender?: Sender;
  /** The letters and archives around the file, outermost first (empty or absent for a plain file). */
  via?: Carrier[];
  /**
   * Not a report and not meant as one: a letter's cover text, a signature, an inline picture, a letter with no
   * attachments. Listed in the register as «не отчёт» with this reason; it never makes a school «отклонён».
   */
  notReport?: string;
}

/**
 * What to do about a file refused for its errors, naming the options that exist: the pane's check box (its label,
 * src/taskpane/strings.ts `mergeWithErrors`, held to this text by a test) and the command line, which merges such
 * files unless told `--refuse-errors`.
 */
export const FIX_OR_MERGE_WITH_ERRORS =
  'исправьте и пришлите файл снова или сведите, включив отчёты с ошибками (в панели — флажок «Включать в свод отчёты с ошибками», в командной строке — без --refuse-errors)';

/** A received file that was read. `received` is an ISO date-time (local time, no zone: what the coordinator saw). */
export interface ReceivedWorkbook extends Receipt {
  file: string;
  received: string;
  /** A digest of the file's bytes: tells a re-sent file under the same name from the one in an earlier register. */
  fingerprint?: string;
  read: ReadWorkbook;
  problems: Problem[];
  /**
   * The date it was received is not known (the open workbook's own sheets: a workbook keeps no date per sheet).
   * `received` then only orders it; timeliness is not judged (onTime null).
   */
  undated?: boolean;
  /**
   * The campaign `problems` were found under, when it is not the settings the file was read with: a guess made while
   * reading, before every plan was in (the command line with no campaign named, cli/receive.ts), under
   * `settingsForCampaign` of it; assumeCampaignOfReports checks the file again unless the
   * merge assumes that same campaign.
   */
  checkedFor?: Campaign;
}
/** A received file that could not be read at all; `error` is the Russian reason. */
export interface UnreadableFile extends Receipt {
  file: string;
  received: string;
  fingerprint?: string;
  error: string;
}
export type ReceivedFile = ReceivedWorkbook | UnreadableFile;
export const isUnreadable = (f: ReceivedFile): f is UnreadableFile => 'error' in f;

/**
 * A line of an earlier output's register: the date a file was first received stays its date — unless the file
 * under that name now has other contents (a school re-sent it), which makes it a new receipt.
 */
export interface EarlierRegisterEntry {
  file: string;
  received: string;
  fingerprint?: string;
  /** Where that date came from («Откуда дата»; `manual` when the coordinator typed it); absent in older registers. */
  dateSource?: DateSource;
}

/** A receipt date given by hand on the command line (`--dates FILE`): a file or a unit → a date (receiptDates.ts). */
export interface GivenDate {
  name: string;
  /** Local ISO date-time to the minute. */
  received: string;
  /** 1-based line of the dates file, for messages. */
  line: number;
}

export interface MergeInput {
  files: ReceivedFile[];
  /** Units expected to report (the coordinator's list); empty = no list. */
  expectedUnits: string[];
  /** Last day reports are due, ISO date; a report received on that day is on time. */
  deadline?: string;
  policy: MergePolicy;
  earlierRegister?: EarlierRegisterEntry[];
  /** Receipt dates the coordinator gives (a dates file): they win over every other date. */
  givenDates?: GivenDate[];
}

/** `not-report`: an attachment that is no report (Receipt.notReport), listed but neither merged nor refused. */
export type FileStatus = 'merged' | 'superseded' | 'refused' | 'not-report';
export type RowKind = 'participation' | 'partners' | 'plan';
export type RowOutcome = 'merged' | 'superseded' | 'refused';

/** What happened to one received row. */
export interface RowFate {
  kind: RowKind;
  /** Index of the file in the merge's input. */
  fileIndex: number;
  source: Source;
  unit: string;
  outcome: RowOutcome;
  /** Why it was not merged (Russian), empty when merged. */
  reason: string;
  /** Which report of its file (index into `reportsOf(read)`): a workbook of collected sheets holds several. */
  part?: number;
}

/** One report of a received file (a workbook of collected sheets holds several): its sheets, units and fate. */
export interface ReportOutcome {
  /** The sheets its forms are on, comma-separated («Прил. 3 Отчёт, Прил. 2 План»). */
  sheet: string;
  /** Units it reports on, display names, comma-separated when several. */
  unit: string;
  status: FileStatus;
  /** Why it (or part of it) was not merged, Russian; empty when every row was merged. */
  reason: string;
  /** The report's own problems (in a workbook of collected sheets, those on its sheets). */
  errors: number;
  warnings: number;
  /** The sheets of its forms, and the keys (`unitKey`) of its units. */
  sheets: string[];
  keys: string[];
  /** The reader set it aside: a unit's second copy in the workbook, or a form on a hidden sheet (reading.md). */
  setAside?: boolean;
}

export interface FileOutcome extends Receipt {
  file: string;
  received: string;
  /** Units the file reports on, display names, comma-separated when several. */
  unit: string;
  status: FileStatus;
  reason: string;
  /** null when no deadline was given, when the date is not known, or when it is in doubt (`dateDoubt`). */
  onTime: boolean | null;
  /**
   * Why the file's date cannot say it came late (a modification time that looks like a save: receiptDates.ts),
   * with what to do, Russian; absent when the date is not in doubt.
   */
  dateDoubt?: string;
  errors: number;
  warnings: number;
  fingerprint?: string;
  /** The file's own problems (reading + rules), kept for the register. */
  problems: Problem[];
  /** Each report the file held (one per unit's form, with its sheets) and what became of it. */
  reports: ReportOutcome[];
}

/** One merged unit: its participation row, its partners row and plan rows, and where they came from. */
export interface MergedUnit {
  unit: string;
  key: string;
  /** null when there was no expected list. */
  onList: boolean | null;
  file: string;
  received: string;
  onTime: boolean | null;
  /** As FileOutcome.dateDoubt: the lateness its file's date would state is not confirmed. */
  dateDoubt?: string;
  participation: ParticipationRow;
  partners?: PartnersRow;
  plan: PlanRow[];
  errors: number;
  warnings: number;
}

export interface MergedPlanRow {
  unit: string;
  file: string;
  row: PlanRow;
}

export interface Totals {
  schools: number;
  schoolsActive: number;
  events: number;
  students: number;
  participants: number;
  grades: Record<string, number>;
  teachers: number;
  /** All teachers, where units gave it (the base of the teachers' share). */
  teachersTotal: number;
  ovzStudents: number;
  ovzParticipants: number;
  ovzGrades: Record<string, number>;
  partners: { distinct: number } & Record<PartnerCategory, number>;
}

export interface Tally {
  received: number;
  merged: number;
  superseded: number;
  refused: number;
}

export interface MergeResult {
  files: FileOutcome[];
  units: MergedUnit[];
  /** The expected list as given (display names, each unit once); empty = no list. */
  expected: string[];
  /**
   * Expected units that sent no report (nothing at all, or only a plan / monitoring form); a unit whose report was
   * refused is in `refused`, not here.
   */
  missing: string[];
  /** Units (expected or not) that sent reports, every one of them refused: they must send a corrected one. */
  refused: string[];
  /** One status per organisation, the same words everywhere (organisations.ts). */
  organisations: OrganisationStatus[];
  /** Merged units that are not on the expected list. */
  offList: string[];
  plan: MergedPlanRow[];
  partners: PartnerRegister;
  totals: Totals;
  rows: RowFate[];
  accounting: Record<RowKind, Tally>;
  deadline?: string;
  policy: MergePolicy;
  /** Dates given by hand (MergeInput.givenDates) that named no received file and no unit in one. */
  givenDatesUnmatched?: GivenDate[];
  /** The monitoring forms' rows, one per unit (absent when no file had the form). */
  monitoring?: MonitoringMerge;
}

/** The monitoring form's merge (src/domain/monitoring/merge.ts). */
export interface MonitoringUnit {
  unit: string;
  key: string;
  /** null when there was no expected list. */
  onList: boolean | null;
  file: string;
  received: string;
  row: MonitoringRow;
}

export interface MonitoringFate {
  fileIndex: number;
  source: Source;
  unit: string;
  outcome: 'merged' | 'superseded' | 'refused';
  reason: string;
}

export interface MonitoringMerge {
  units: MonitoringUnit[];
  rows: MonitoringFate[];
  tally: Tally;
}


/**
 * What became of a report. An organisation ends in one of the first seven; `superseded` is the fate of a file
 * (an earlier file of an organisation whose later file counts). `unconfirmed`: merged, and its date after the
 * deadline is a modification time that looks like a save — neither on time nor late until a date is given.
 */
export type ReportFate = 'onTime' | 'late' | 'unconfirmed' | 'received' | 'withErrors' | 'refused' | 'missing' | 'superseded';
/** One received file of an organisation. */
export interface FileFate {
  file: string;
  received: string;
  fate: ReportFate;
  /** Why the file was refused or superseded (Russian); empty otherwise. */
  reason: string;
  errors: number;
  warnings: number;
  /** The index of the file in `MergeResult.files`. */
  index: number;
}

/** One organisation: expected, or one whose files came in. */
export interface OrganisationStatus {
  /** Display name (the expected list's spelling when it has one); the file name when no unit could be told. */
  unit: string;
  /** `unitKey` of the unit; '' for a file no organisation could be told for (unreadable, no name in it). */
  key: string;
  fate: ReportFate;
  /** fateLabel in Russian: «в своде с ошибками (3)». */
  label: string;
  /** On the expected list; null when there is no list. */
  onList: boolean | null;
  /** The file that decided the fate (merged, or the latest refused); '' when nothing came in. */
  file: string;
  received: string;
  /** Whether that file came by the deadline; null without a deadline or without a file. */
  onTime: boolean | null;
  errors: number;
  warnings: number;
  /** Why: the refusal's reason, or what the coordinator should do about a missing report. */
  reason: string;
  /** Problems of the deciding file (located: sheet, cell), for details on demand. */
  problems: Problem[];
  /** Every file of the organisation, in the order received (superseded and refused ones included). */
  files: FileFate[];
}

