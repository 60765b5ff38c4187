/**
 * The headline figures the pane shows after a merge: the same numbers as the «Показатели» sheet, computed by the
 * same core (src/domain/indicators: campaignFigures + indicatorFigure, one definition each), never by the pane.
 * A share's «A из B» under its per cent is the indicator's own A and B, so the two cannot disagree.
 */
import type { MergeResult } from '../../domain/consolidate/merge';
import type { ReceiptCounts } from '../../domain/consolidate/organisations';
import type { CampaignSettings } from '../../domain/settings';
import type { WorkbookGrid } from '../../domain/grid';
import {
  campaignFigures,
  indicatorFigures,
  readConsolidated,
  workbookFigures,
  PARTNER_CATEGORIES,
  PARTNER_CATEGORY_TITLE,
  REPORT_STATUSES,
  type CampaignFigures,
  type CampaignId,
  type IndicatorFigure,
  type IndicatorKey,
  type PartnerCategory,
  type ReportStatus,
} from '../../domain/indicators';

export interface ScreenFigures {
  label: string;
  /** Season and year when known: the pane names the campaign in its own language. */
  campaign?: CampaignId;
  /** Participants by grade 5…11. */
  grades: { grade: number; participants: number }[];
  /** Distinct partner organisations by category (the partner register). */
  partners: { category: PartnerCategory; title: string; count: number }[];
  /** Organisations by report status; `received`: merged with no confirmed date (a save's date, or no deadline). */
  reports: Record<ReportStatus, number>;
  /** After a merge: the files as «Реестр отчётов» counts them (refused files and set-aside sheets shown). */
  receipt?: ReceiptCounts;
  /** Every indicator as «Показатели» lists it: A, B and X (whole per cent; null where B is 0). */
  indicators: Record<IndicatorKey, IndicatorFigure>;
}

/** The cards the pane shows, in order: each an indicator of «Показатели». */
export const CARD_KEYS = ['participation', 'ovzParticipation', 'teachersCount', 'events', 'schoolsActive', 'reportsOnTime'] as const satisfies readonly IndicatorKey[];
export type CardKey = (typeof CARD_KEYS)[number];

export function figuresFromCampaign(f: CampaignFigures): ScreenFigures {
  return {
    label: f.label,
    campaign: f.campaign,
    grades: f.grades.map((n, i) => ({ grade: 5 + i, participants: n })),
    partners: PARTNER_CATEGORIES.map((c) => ({ category: c, title: PARTNER_CATEGORY_TITLE[c], count: f.partnersDistinct?.[c] ?? f.partnersReported[c] })),
    reports: Object.fromEntries(REPORT_STATUSES.map((s) => [s, f.reports[s].length])) as Record<ReportStatus, number>,
    indicators: Object.fromEntries(indicatorFigures(f).map((i) => [i.key, i])) as Record<IndicatorKey, IndicatorFigure>,
  };
}

export const screenFigures = (result: MergeResult, settings: CampaignSettings): ScreenFigures => figuresFromCampaign(campaignFigures(result, settings));

/** The figures of a consolidated workbook already written (the open workbook in Excel, after corrections). */
export const screenFiguresOfWorkbook = (wb: WorkbookGrid, settings: CampaignSettings): ScreenFigures =>
  figuresFromCampaign(workbookFigures(readConsolidated(wb), settings));
