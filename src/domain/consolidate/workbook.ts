/**
 * The consolidated workbook: the forms for the level above first, then the detail they are computed from, the
 * partner register and the register of received reports. The indicators append their sheets to this plan.
 */
import type { CampaignSettings } from '../settings';
import type { SheetPlan, WorkbookPlan } from '../sheetPlan';
import { SHEET } from '../sheetNames';
import { settingsSheet } from '../settingsSheet';
import { consolidatedPlanSheet, consolidatedReportSheet } from './consolidatedForms';
import { detailSheet } from './detailSheet';
import type { MergeResult } from './merge';
import { partnersSheet } from './partnersSheet';
import { registerSheet } from './registerSheet';
import { monitoringSheets } from '../monitoring/consolidated';
import { summarySheets, type SummaryOptions } from '../indicators';

/**
 * The consolidated sheets and, last, the hidden settings sheet listing them as the add-in's own. Whoever appends
 * sheets (the indicators) calls `withSettingsSheet` again on the full list so the settings name them too.
 */
export function buildConsolidatedWorkbook(
  result: MergeResult,
  settings: CampaignSettings,
  summary: Omit<SummaryOptions, 'settings'> = {},
): WorkbookPlan {
  const detail = detailSheet(result, settings);
  return withSettingsSheet(
    [
      consolidatedReportSheet(result, settings),
      detail,
      consolidatedPlanSheet(result, settings),
      partnersSheet(result),
      registerSheet(result, settings),
      ...monitoringSheets(result, settings),
      ...summarySheets(result, { ...summary, settings }, detail),
    ],
    settings,
  );
}

/** `sheets` (any settings sheet among them dropped) followed by a fresh hidden settings sheet owning them all. */
export function withSettingsSheet(sheets: SheetPlan[], settings: CampaignSettings): WorkbookPlan {
  const own = sheets.filter((s) => s.kind !== 'settings');
  const owned = [...own.map((s) => ({ name: s.name, kind: s.kind })), { name: SHEET.settings, kind: 'settings' as const }];
  const sheet = settingsSheet(settings, owned);
  sheet.hidden = true;
  return { sheets: [...own, sheet] };
}
