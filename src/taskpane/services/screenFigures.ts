/**
 * The headline figures the pane shows after a merge: the same numbers as the «Показатели» sheet, computed by the
 * same core (src/domain/indicators: campaignFigures + indicatorValue, one definition each), never by the pane.
 */
import type { MergeResult } from '../../domain/consolidate/merge';
import type { CampaignSettings } from '../../domain/settings';
import type { WorkbookGrid } from '../../domain/grid';
import { campaignFigures, campaignLabel, figuresFromDetail, indicatorValue, readConsolidated, PARTNER_CATEGORIES, PARTNER_CATEGORY_TITLE, type CampaignFigures, type CampaignId, type IndicatorKey, type PartnerCategory } from '../../domain/indicators';

export interface ScreenFigures {
  label: string;
  /** Season and year when known: the pane names the campaign in its own language. */
  campaign?: CampaignId;
  participants: number;
  students: number;
  /** X of «Показатели», whole per cent; null where the base is 0 (the sheet shows it empty). */
  participation: number | null;
  ovzParticipants: number;
  ovzStudents: number;
  ovzParticipation: number | null;
  teachers: number;
  teachersShare: number | null;
  events: number;
  schools: number;
  schoolsActive: number;
  schoolsActiveShare: number | null;
  /** Participants by grade 5…11. */
  grades: { grade: number; participants: number }[];
  /** Distinct partner organisations by category (the partner register). */
  partners: { category: PartnerCategory; title: string; count: number }[];
  reports: { onTime: number; late: number; received: number; refused: number; missing: number };
  reportsOnTimeShare: number | null;
  /** The indicators as «Показатели» lists them (key → X), for a test to hold the screen to the sheet. */
  indicators: Partial<Record<IndicatorKey, number | null>>;
}

const KEYS: IndicatorKey[] = ['participation', 'ovzParticipation', 'schoolsActive', 'teachers', 'teachersCount', 'events', 'eventsPerSchool', 'earlyParticipants', 'eventsVsPlan', 'participantsVsExpected', 'communityPartners', 'reportsOnTime', 'reportsLate', 'reportsMissing'];

export function figuresFromCampaign(f: CampaignFigures): ScreenFigures {
  const x = (k: IndicatorKey) => indicatorValue(k, f);
  return {
    label: f.label,
    campaign: f.campaign,
    participants: f.participants,
    students: f.students,
    participation: x('participation'),
    ovzParticipants: f.ovzParticipants,
    ovzStudents: f.ovzStudents,
    ovzParticipation: x('ovzParticipation'),
    teachers: f.teachers,
    teachersShare: x('teachers'),
    events: f.events,
    schools: f.schools,
    schoolsActive: f.schoolsActive,
    schoolsActiveShare: x('schoolsActive'),
    grades: f.grades.map((n, i) => ({ grade: 5 + i, participants: n })),
    partners: PARTNER_CATEGORIES.map((c) => ({ category: c, title: PARTNER_CATEGORY_TITLE[c], count: f.partnersDistinct?.[c] ?? f.partnersReported[c] })),
    reports: { onTime: f.reports.onTime.length, late: f.reports.late.length, received: f.reports.received.length, refused: f.reports.refused?.length ?? 0, missing: f.reports.missing.length },
    reportsOnTimeShare: x('reportsOnTime'),
    indicators: Object.fromEntries(KEYS.map((k) => [k, x(k)])),
  };
}

export const screenFigures = (result: MergeResult, settings: CampaignSettings): ScreenFigures => figuresFromCampaign(campaignFigures(result, settings));

/** The figures of a consolidated workbook already written (the open workbook in Excel, after corrections). */
export function screenFiguresOfWorkbook(wb: WorkbookGrid, settings: CampaignSettings): ScreenFigures {
  const c = readConsolidated(wb);
  const campaign = { season: settings.season, year: settings.year };
  const named = c.rows.filter((r) => String(r.unit ?? '').trim() !== '');
  return figuresFromCampaign(figuresFromDetail(named, campaignLabel(campaign), { missing: c.missing ?? [], refused: c.refused, partnersDistinct: c.partners?.distinct, campaign }));
}
