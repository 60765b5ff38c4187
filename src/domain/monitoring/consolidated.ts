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
import { evaluateTargets, indicatorSums, targetsSentence, unitsBelowSentence, unitsBelowTargets, type Targets } from './targets';
import { countOf, formatNumber, formatPercent } from '../text/number';
import { NOUN } from '../text/plural';

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
  // The known total is stored with each formula, so the level above reads it without recalculating the file.
  const at = (col: number, result: number) => ({ formula: `=${quoteSheet(SHEET_MONITORING_CONSOLIDATED)}!${absolute(L.totalRow, col)}`, result });
  const row: Record<string, CellInput> = { unit: settings.unit };
  for (const i of MONITORING_INDICATORS) {
    const sums = indicatorSums(m, i.code);
    row[aKey(i.code)] = at(L.indicatorColumn[i.code], sums.a);
    row[bKey(i.code)] = at(L.indicatorColumn[i.code] + 1, sums.b);
  }
  for (const l of EDUCATION_LEVELS)
    row[l.key] = at(L.levelColumn[l.key], m.units.reduce((s, u) => s + (u.row.values[l.key].value ?? 0), 0));
  const form = stampMonitoring(settings, { name: SHEET.monitoring, rows: 1, fill: [row] });
  return [form, monitoringConsolidatedSheet(m, settings, targetsOf(settings))];
}

/**
 * The note's sentences from the monitoring forms, as seed 003 writes them: the events by level of education, the
 * coverage of diagnostics, and the targets (plan against fact). Empty without monitoring forms.
 */
export function targetsNoteText(result: MergeResult, settings: CampaignSettings): string[] {
  const m = result.monitoring;
  if (!m || m.units.length === 0) return [];
  const out: string[] = [];
  const levels = EDUCATION_LEVELS.map((l) => ({ l, n: m.units.reduce((s, u) => s + (u.row.values[l.key].value ?? 0), 0) }));
  const events = levels.reduce((s, x) => s + x.n, 0);
  if (events > 0)
    out.push(
      `По формам мониторинга (${countOf(m.units.length, NOUN.unit)}) проведено ${countOf(events, NOUN.careerEvent)}, из них ` +
        levels.map((x) => `на уровне ${x.l.genitive} — ${formatNumber(x.n)}`).join(', ') + '.',
    );
  const d = indicatorSums(m, 'diagnostics');
  if (d.b > 0)
    out.push(`Профессиональную диагностику прошли ${formatPercent(Math.round((d.a * 1000) / d.b) / 10, 1)} обучающихся 8-11 классов (${formatNumber(d.a)} из ${formatNumber(d.b)}).`);
  const targets = targetsOf(settings);
  const sentence = targetsSentence(evaluateTargets(m, targets));
  if (sentence) {
    const below = unitsBelowSentence(unitsBelowTargets(m, targets));
    out.push(below ? `${sentence} ${below}` : sentence);
  }
  return out;
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
