/** Where everything of the stamped Appendix 2 (plan) is. The stamper builds from this; fillers and readers refer to it. */
import type { CampaignSettings } from '../settings';
import type { CellInput } from '../sheetPlan';
import { formHeadLayout, type FormHeadLayout } from './formHead';
import { planTable } from './appendix2';
import { tableLayout, type FormTableLayout } from './tableLayout';

export interface Appendix2Options {
  /** Input rows (default 30); never fewer than `fill` has. */
  rows?: number;
  /** Sheet name (default SHEET.plan). */
  name?: string;
  /** Values for the data rows, by leaf key of appendix2.planTable. */
  fill?: Record<string, CellInput>[];
  protect?: boolean;
}

export interface Appendix2Layout extends FormHeadLayout {
  lastColumn: number;
  plan: FormTableLayout;
}

export const DEFAULT_PLAN_ROWS = 30;

/** The plan table starts right under the head: it has no title of its own in the order. */
export function appendix2Layout(_settings: CampaignSettings, opts: Appendix2Options = {}): Appendix2Layout {
  const head = formHeadLayout();
  const rows = Math.max(opts.rows ?? DEFAULT_PLAN_ROWS, opts.fill?.length ?? 0, 1);
  // titleRow is the blank row between the head and the table.
  const plan = tableLayout(planTable, head.nextRow - 1, rows);
  return { ...head, lastColumn: plan.lastColumn, plan };
}
