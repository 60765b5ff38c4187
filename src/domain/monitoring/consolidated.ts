/** The monitoring part of a consolidated workbook and of its note, from a merge (entry points the others call). */
import type { MergeResult } from '../consolidate/merge';
import type { CampaignSettings } from '../settings';
import type { SheetPlan } from '../sheetPlan';
import { monitoringConsolidatedSheet } from './consolidatedSheet';
import { evaluateTargets, targetsSentence, unitsBelowSentence, unitsBelowTargets, type Targets } from './targets';

export const targetsOf = (settings: CampaignSettings): Targets => (settings.targets ?? {}) as Targets;

/** «Мониторинг Свод» when any received file had the monitoring form; nothing otherwise. */
export function monitoringSheets(result: MergeResult, settings: CampaignSettings): SheetPlan[] {
  if (!result.monitoring || result.monitoring.units.length === 0) return [];
  return [monitoringConsolidatedSheet(result.monitoring, settings, targetsOf(settings))];
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
