/**
 * The campaign's figures computed from the detail sheet's values («Свод по ОО»): what the analytical note
 * prints, and what an earlier campaign contributes to the dynamics. The «Показатели» sheet computes the same
 * figures by formula; `indicatorValue` and the formulas in `definitions.ts` follow one definition each.
 */
import type { CellValue } from '../sheetPlan';
import { DETAIL_COLUMNS, type DetailKey } from '../consolidate/detailLayout';
import type { CampaignId } from './campaign';
import { CATEGORY_TITLE } from '../consolidate/partnerRegister';
import { PARTNER_CATEGORIES, type PartnerCategory } from '../forms/appendix3';
import { FATE_TITLE } from '../consolidate/organisations';
import { ON_TIME_UNCONFIRMED } from '../consolidate/cells';

/** One row of the detail sheet as values, keyed by the layout's column keys. */
export type DetailValues = Partial<Record<DetailKey, CellValue>>;

export const GRADE_KEYS = ['g5', 'g6', 'g7', 'g8', 'g9', 'g10', 'g11'] as const;
export const OVZ_GRADE_KEYS = ['ovzG5', 'ovzG6', 'ovzG7', 'ovzG8', 'ovzG9', 'ovzG10', 'ovzG11'] as const;
export const GRADES = [5, 6, 7, 8, 9, 10, 11] as const;

export { PARTNER_CATEGORIES, type PartnerCategory };
export const PARTNER_CATEGORY_TITLE: Record<PartnerCategory, string> = CATEGORY_TITLE;
export const PARTNER_COUNT_KEY: Record<PartnerCategory, DetailKey> = {
  professionalEducation: 'professionalEducationCount',
  companies: 'companiesCount',
  business: 'businessCount',
  community: 'communityCount',
};

/**
 * How an organisation's report stands, in the words of `FATE_TITLE` (consolidate/organisations.ts), so «Показатели»
 * and the note say what the pane and the register say. `received`: a report came in but no deadline was set.
 * `refused` and `missing` organisations are not on the detail sheet but in the register of received reports.
 */
export type ReportStatus = 'onTime' | 'late' | 'unconfirmed' | 'received' | 'refused' | 'missing';
export const REPORT_STATUSES: readonly ReportStatus[] = ['onTime', 'late', 'unconfirmed', 'received', 'refused', 'missing'];
export const REPORT_STATUS_TITLE: Record<ReportStatus, string> = Object.fromEntries(
  REPORT_STATUSES.map((s) => [s, FATE_TITLE[s].ru]),
) as Record<ReportStatus, string>;

export interface CampaignFigures {
  /** «осенняя кампания 2023 г.» — how the campaign is named in tables and the note. */
  label: string;
  /** Season and year when known (the note then names the campaign in the right case). */
  campaign?: CampaignId;
  /** Organisations in the consolidation (rows of the detail sheet). */
  units: number;
  /**
   * Organisations expected: those merged, those that sent nothing and those whose reports were refused — the base
   * of every share of organisations, never the merged ones alone.
   */
  unitsExpected: number;
  unitNames: string[];
  /** Schools (ОО) as the reports state them. */
  schools: number;
  /**
   * Schools expected: as stated, plus one for each expected unit with no merged report when the units are schools
   * themselves (every merged row states at most one ОО); a municipality that did not report states nothing.
   */
  schoolsExpected: number;
  schoolsActive: number;
  events: number;
  students: number;
  participants: number;
  grades: number[];
  /** Teachers who took part, all units. */
  teachers: number;
  /** Teachers who took part and all teachers, over the units that gave the total of teachers. */
  teachersWhereTotalGiven: number;
  teachersTotal: number;
  ovzStudents: number;
  ovzParticipants: number;
  ovzGrades: number[];
  /** Sum over the units' reports (table 3.2) per category, and distinct organisations where the register is known. */
  partnersReported: Record<PartnerCategory, number>;
  partnersDistinct?: Record<PartnerCategory, number>;
  unitsWithCommunityPartners: number;
  plannedEvents: number;
  eventsWherePlanned: number;
  /** Expected participants summed over the plans' events: participations, not pupils (never set against them). */
  plannedParticipants: number;
  reports: Record<ReportStatus, string[]>;
  /**
   * Merged units whose lateness is not confirmed (organisations.ts «срок не подтверждён»: a file's time that looks
   * like a save) — `reports.unconfirmed`, read from «В срок» as «Показатели» reads it; absent when there are none.
   */
  unconfirmed?: string[];
}

/**
 * The number a cell adds to a total, as the sheet's SUM, SUMIF and N() take it: a number; text (even «1 234»),
 * TRUE/FALSE and nothing add 0. The note and the pane count what «Показатели» counts, or they would disagree.
 */
export const numberIn = (v: CellValue | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const num = numberIn;

/** A detail row that names its organisation; one a coordinator emptied is no organisation. */
export const isNamedRow = (r: DetailValues): boolean => String(r.unit ?? '').trim() !== '';

/**
 * Whether a «Получен» / «В срок» cell says yes. The merge may write «да», TRUE, 1 or a date; empty, «нет»,
 * FALSE and 0 say no. The formula twin is `truthyFormula`.
 */
export function isYes(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === false || v === 0) return false;
  if (typeof v === 'string') return v.trim() !== '' && v.trim().toLowerCase() !== 'нет';
  return true;
}

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Excel's `=` on text: case-insensitive, nothing trimmed. */
const textIs = (v: CellValue | undefined, text: string): boolean => typeof v === 'string' && v.toLowerCase() === text.toLowerCase();

export function reportStatus(row: DetailValues): ReportStatus {
  if (!isYes(row.received)) return 'missing';
  if (isBlank(row.onTime)) return 'received';
  if (textIs(row.onTime, ON_TIME_UNCONFIRMED)) return 'unconfirmed';
  return isYes(row.onTime) ? 'onTime' : 'late';
}

export interface FiguresExtra {
  /** Expected units that sent no report (MergeResult.missing, or the register's «не прислал» rows). */
  missing?: string[];
  /** Units whose every report was refused (MergeResult.refused, or the register's «прислал, отклонён» rows). */
  refused?: string[];
  /** Distinct partner organisations by category (the partner register). */
  partnersDistinct?: Record<PartnerCategory, number>;
  campaign?: CampaignId;
}

/** Detail rows as written in layout order (e.g. a detail sheet plan's data block) → values by key. */
export function detailValuesFromRows(rows: readonly (readonly CellValue[])[]): DetailValues[] {
  return rows.map((r) => Object.fromEntries(DETAIL_COLUMNS.map((c, i) => [c.key, r[i] ?? null])) as DetailValues);
}

/** Figures of the units on the detail sheet (one element per detail row, in order). */
export function figuresFromDetail(rows: DetailValues[], label: string, extra: FiguresExtra = {}): CampaignFigures {
  const { partnersDistinct } = extra;
  const sum = (k: DetailKey, where: (r: DetailValues) => boolean = () => true) =>
    rows.filter(where).reduce((s, r) => s + num(r[k]), 0);
  const planned = (k: DetailKey) => (r: DetailValues) => num(r[k]) > 0;
  const reports: Record<ReportStatus, string[]> = { onTime: [], late: [], unconfirmed: [], received: [], refused: [], missing: [] };
  for (const r of rows) reports[reportStatus(r)].push(String(r.unit ?? '').trim());
  reports.missing.push(...(extra.missing ?? []));
  reports.refused.push(...(extra.refused ?? []));
  const notMerged = (extra.missing?.length ?? 0) + (extra.refused?.length ?? 0);
  const unitsAreSchools = rows.every((r) => num(r.schools) <= 1);
  return {
    label,
    campaign: extra.campaign,
    ...(reports.unconfirmed.length ? { unconfirmed: reports.unconfirmed } : {}),
    units: rows.length,
    unitsExpected: rows.length + notMerged,
    unitNames: rows.map((r) => String(r.unit ?? '').trim()),
    schools: sum('schools'),
    schoolsExpected: sum('schools') + (unitsAreSchools ? notMerged : 0),
    schoolsActive: sum('schoolsActive'),
    events: sum('events'),
    students: sum('students'),
    participants: sum('participants'),
    grades: GRADE_KEYS.map((k) => sum(k)),
    teachers: sum('teachers'),
    teachersWhereTotalGiven: sum('teachers', planned('teachersTotal')),
    teachersTotal: sum('teachersTotal'),
    ovzStudents: sum('ovzStudents'),
    ovzParticipants: sum('ovzParticipants'),
    ovzGrades: OVZ_GRADE_KEYS.map((k) => sum(k)),
    partnersReported: Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, sum(PARTNER_COUNT_KEY[c])])) as Record<PartnerCategory, number>,
    partnersDistinct,
    unitsWithCommunityPartners: rows.filter((r) => num(r.communityCount) > 0).length,
    plannedEvents: sum('plannedEvents'),
    eventsWherePlanned: sum('events', planned('plannedEvents')),
    plannedParticipants: sum('plannedParticipants'),
    reports,
  };
}
