/**
 * Targets («целевые показатели»): the coordinator's planned value of each indicator, in per cent, against the
 * fact X = A × 100 / B over the merged units — the deviation, met or not met, and the sentence seed 003 writes:
 * «Целевые показатели … выполнены, кроме: …».
 */
import { MONITORING_INDICATORS, aKey, bKey, type IndicatorCode, type MonitoringKey } from '../forms/monitoring';
import { formatList } from '../text/list';
import { formatNumber, formatPercent } from '../text/number';
import type { MonitoringMerge } from './merge';

/** Planned values in per cent, by indicator; an indicator without a plan is not judged. */
export type Targets = Partial<Record<IndicatorCode, number>>;

export interface TargetResult {
  code: IndicatorCode;
  plan: number | null;
  /** Σ A × 100 / Σ B over the units that gave both; null when Σ B is 0. */
  fact: number | null;
  a: number;
  b: number;
  /** fact − plan, percentage points; null when either is missing. */
  deviation: number | null;
  met: boolean | null;
}

/** Σ A and Σ B of an indicator over the merged units (a unit counts where it gave both). */
export function indicatorSums(m: MonitoringMerge, code: IndicatorCode): { a: number; b: number } {
  let a = 0;
  let b = 0;
  for (const u of m.units) {
    const va = u.row.values[aKey(code) as MonitoringKey].value;
    const vb = u.row.values[bKey(code) as MonitoringKey].value;
    if (va === null || vb === null) continue;
    a += va;
    b += vb;
  }
  return { a, b };
}

export function evaluateTargets(m: MonitoringMerge, targets: Targets): TargetResult[] {
  return MONITORING_INDICATORS.map((i) => {
    const { a, b } = indicatorSums(m, i.code);
    const fact = b > 0 ? (a * 100) / b : null;
    const plan = targets[i.code] ?? null;
    const deviation = plan !== null && fact !== null ? fact - plan : null;
    return { code: i.code, plan, fact, a, b, deviation, met: deviation === null ? null : deviation >= 0 };
  });
}

const shortOf = (code: IndicatorCode) => MONITORING_INDICATORS.find((i) => i.code === code)!.short;
const pct = (x: number) => formatPercent(Math.round(x * 10) / 10, 1);

/**
 * The note's sentence on the targets, or null when no target was set:
 * «Целевые показатели выполнены.» / «Целевые показатели выполнены, кроме: доля … (план 95 %, факт 93,4 %); …».
 */
export function targetsSentence(results: TargetResult[]): string | null {
  const judged = results.filter((r) => r.met !== null);
  if (judged.length === 0) return null;
  const notMet = judged.filter((r) => r.met === false);
  const unjudged = results.filter((r) => r.plan !== null && r.fact === null);
  const describe = (r: TargetResult) => `${shortOf(r.code)} (план ${pct(r.plan!)}, факт ${pct(r.fact!)})`;
  let text: string;
  if (notMet.length === 0) text = 'Целевые показатели выполнены.';
  else if (notMet.length === judged.length) text = `Целевые показатели не выполнены: ${formatList(notMet.map(describe))}.`;
  else text = `Целевые показатели выполнены, кроме: ${notMet.map(describe).join('; ')}.`;
  if (unjudged.length)
    text += ` Не рассчитаны (нет данных): ${formatList(unjudged.map((r) => shortOf(r.code)))}.`;
  return text;
}

/** Units (display names) that did not meet a target, with how many targets each missed. */
export function unitsBelowTargets(m: MonitoringMerge, targets: Targets): { unit: string; missed: number }[] {
  const out: { unit: string; missed: number }[] = [];
  for (const u of m.units) {
    let missed = 0;
    for (const i of MONITORING_INDICATORS) {
      const plan = targets[i.code];
      const a = u.row.values[aKey(i.code) as MonitoringKey].value;
      const b = u.row.values[bKey(i.code) as MonitoringKey].value;
      if (plan === undefined || a === null || b === null || b <= 0) continue;
      if ((a * 100) / b < plan) missed++;
    }
    if (missed) out.push({ unit: u.unit, missed });
  }
  return out;
}

/** «в 3 организациях не выполнен хотя бы один показатель» — for the note, with the count. */
export function unitsBelowSentence(below: { unit: string }[]): string | null {
  if (below.length === 0) return null;
  return `Не выполнен хотя бы один целевой показатель в организациях: ${formatNumber(below.length)} (${formatList(below.map((b) => b.unit))}).`;
}
