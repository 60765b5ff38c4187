/** The monitoring part of a consolidated workbook and of its note, from a merge (entry points the others call). */
import type { MergeResult } from '../consolidate/merge';
import type { CampaignSettings } from '../settings';
import type { SheetPlan } from '../sheetPlan';
import { indicatorTitle, MONITORING_INDICATORS } from '../forms/monitoring';
import { normalizeHeader } from '../forms/officialText';
import type { WorkbookGrid } from '../grid';
import { parseCount } from '../values/count';
import { monitoringConsolidatedSheet, monitoringSheetLayout, TARGETS_HEADER } from './consolidatedSheet';
import { absolute, quoteSheet } from '../a1';
import { aKey, bKey, EDUCATION_LEVELS } from '../forms/monitoring';
import { stampMonitoring } from '../forms/monitoringStamp';
import { SHEET } from '../sheetNames';
import type { CellInput } from '../sheetPlan';
import { SHEET_MONITORING_CONSOLIDATED } from './sheetName';
import { evaluateTargets, targetsSentence, unitsBelowSentence, unitsBelowTargets, type Targets } from './targets';

export const targetsOf = (settings: CampaignSettings): Targets => (settings.targets ?? {}) as Targets;

/**
 * When any received file had the monitoring form: the form itself for the level above, its one row the unit's
 * totals as live formulas over «Мониторинг Свод» (so municipalities merge into the region as schools merge into a
 * municipality), and «Мониторинг Свод». Nothing otherwise.
 */
export function monitoringSheets(result: MergeResult, settings: CampaignSettings): SheetPlan[] {
  if (!result.monitoring || result.monitoring.units.length === 0) return [];
  const m = result.monitoring;
  const L = monitoringSheetLayout(m.units.length);
  const at = (col: number) => ({ formula: `=${quoteSheet(SHEET_MONITORING_CONSOLIDATED)}!${absolute(L.totalRow, col)}` });
  const row: Record<string, CellInput> = { unit: settings.unit };
  for (const i of MONITORING_INDICATORS) {
    row[aKey(i.code)] = at(L.indicatorColumn[i.code]);
    row[bKey(i.code)] = at(L.indicatorColumn[i.code] + 1);
  }
  for (const l of EDUCATION_LEVELS) row[l.key] = at(L.levelColumn[l.key]);
  const form = stampMonitoring(settings, { name: SHEET.monitoring, rows: 1, fill: [row] });
  return [form, monitoringConsolidatedSheet(m, settings, targetsOf(settings))];
}

/** The note's sentences on the targets (plan against fact); empty when there is no plan or no monitoring. */
export function targetsNoteText(result: MergeResult, settings: CampaignSettings): string[] {
  const m = result.monitoring;
  if (!m || m.units.length === 0) return [];
  const targets = targetsOf(settings);
  const sentence = targetsSentence(evaluateTargets(m, targets));
  if (!sentence) return [];
  const below = unitsBelowSentence(unitsBelowTargets(m, targets));
  return [below ? `${sentence} ${below}` : sentence];
}

/**
 * The plan values a coordinator typed into the targets block of an earlier consolidated workbook, by indicator,
 * found by the block's header and the indicators' titles; undefined when the workbook has no such block.
 */
export function readTargets(wb: WorkbookGrid): Targets | undefined {
  const sheet = wb.sheets.find((s) => s.name === SHEET_MONITORING_CONSOLIDATED);
  if (!sheet) return undefined;
  const header = sheet.cells.findIndex((r) => normalizeHeader(String(r?.[1] ?? '')) === normalizeHeader(TARGETS_HEADER[1]));
  if (header < 0) return undefined;
  const byTitle = new Map(MONITORING_INDICATORS.map((i) => [normalizeHeader(indicatorTitle(i)), i.code]));
  const out: Targets = {};
  for (const row of sheet.cells.slice(header + 1, header + 1 + MONITORING_INDICATORS.length)) {
    const code = byTitle.get(normalizeHeader(String(row?.[0] ?? '')));
    const v = parseCount(row?.[1] ?? null);
    if (code && v.kind === 'number') out[code] = v.value;
  }
  return out;
}

/** Settings with the targets of an earlier output, the typed block winning over the settings sheet. */
export function withTargetsFrom(wb: WorkbookGrid, settings: CampaignSettings): CampaignSettings {
  const typed = readTargets(wb);
  return typed ? { ...settings, targets: typed } : settings;
}
