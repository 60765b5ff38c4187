/** Where everything of the stamped monitoring form is. The stamper builds from this; fillers and readers refer to it. */
import type { CampaignSettings } from '../settings';
import type { CellInput } from '../sheetPlan';
import { formHeadLayout, type FormHeadLayout } from './formHead';
import { monitoringTable } from './monitoring';
import { defaultReportRows } from './appendix3Layout';
import { tableLayout, type FormTableLayout } from './tableLayout';

export interface MonitoringOptions {
  /** Input rows (default: 30 for the region, 1 otherwise); never fewer than `fill` has. */
  rows?: number;
  /** Sheet name (default SHEET.monitoring). */
  name?: string;
  /** Values for the data rows, by leaf key of monitoring.monitoringTable (X columns are always formulas). */
  fill?: Record<string, CellInput>[];
  protect?: boolean;
}

export interface MonitoringLayout extends FormHeadLayout {
  lastColumn: number;
  table: FormTableLayout;
}

export function monitoringLayout(settings: CampaignSettings, opts: MonitoringOptions = {}): MonitoringLayout {
  const head = formHeadLayout();
  const rows = Math.max(opts.rows ?? defaultReportRows(settings.level), opts.fill?.length ?? 0, 1);
  // titleRow is the blank row between the head and the table.
  const table = tableLayout(monitoringTable, head.nextRow - 1, rows);
  return { ...head, lastColumn: table.lastColumn, table };
}
