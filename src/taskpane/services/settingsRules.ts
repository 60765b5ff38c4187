/**
 * What the pane refuses in the campaign settings before anything is stamped or merged under them, each with what is
 * allowed: a year in a sensible range, the dates in the campaign's order, the organisation named.
 */
import { settingsProblems, type CampaignSettings } from '../../domain/settings';

export type DateKey = 'windowFrom' | 'windowTo' | 'planDue' | 'schoolReportsDue' | 'reportDue';
export const DATE_KEYS: DateKey[] = ['windowFrom', 'planDue', 'windowTo', 'schoolReportsDue', 'reportDue'];

/** The first campaign year the forms (order No. 394-р of 2021) apply to. */
export const FIRST_YEAR = 2021;
export const lastYear = (today: Date) => today.getFullYear() + 1;

export type SettingsIssue =
  | { field: 'year'; kind: 'yearRange'; min: number; max: number }
  | { field: DateKey; kind: 'badDate' }
  | { field: DateKey; kind: 'notBefore'; other: DateKey; otherDate: string }
  | { field: 'unit'; kind: 'unitMissing' };

/**
 * The campaign's order: it starts, the plan is due within it, it ends, the schools report, then the report goes to
 * the region. Each pair says which date may not come before which.
 */
const ORDER: [later: DateKey, earlier: DateKey][] = [
  ['windowTo', 'windowFrom'],
  ['planDue', 'windowFrom'],
  ['windowTo', 'planDue'],
  ['schoolReportsDue', 'windowTo'],
  ['reportDue', 'schoolReportsDue'],
];

const isIso = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export function settingsIssues(s: CampaignSettings, opts: { needsUnit?: boolean; today?: Date } = {}): SettingsIssue[] {
  const out: SettingsIssue[] = [];
  const max = lastYear(opts.today ?? new Date());
  if (!Number.isInteger(s.year) || s.year < FIRST_YEAR || s.year > max) out.push({ field: 'year', kind: 'yearRange', min: FIRST_YEAR, max });
  for (const k of DATE_KEYS) if (!isIso(s[k])) out.push({ field: k, kind: 'badDate' });
  const bad = new Set(out.map((i) => i.field));
  for (const [later, earlier] of ORDER)
    if (!bad.has(later) && !bad.has(earlier) && s[later] < s[earlier] && !out.some((i) => i.field === later)) out.push({ field: later, kind: 'notBefore', other: earlier, otherDate: s[earlier] });
  if (opts.needsUnit && !s.unit.trim()) out.push({ field: 'unit', kind: 'unitMissing' });
  // The core's own rules hold as well (nothing above is weaker than them).
  if (out.length === 0 && settingsProblems(s).length) out.push({ field: 'windowFrom', kind: 'badDate' });
  return out;
}
