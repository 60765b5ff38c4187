/**
 * Rules of the monitoring form, per unit row, with stable codes (docs/validation-codes.md): whole numbers ≥ 0,
 * A ≤ B for shares, A and B given together, equal bases where two indicators share one, events by level adding up.
 */
import { EDUCATION_LEVELS, MONITORING_INDICATORS, aKey, bKey, type IndicatorCode } from '../forms/monitoring';
import type { Problem } from '../problems';
import { countValue, num, report, type RuleSink } from '../rules/context';
import { monitoringKeyTitle } from './read';
import type { MonitoringForm, MonitoringRow } from './types';

const SAME_BASE: [IndicatorCode, IndicatorCode, string][] = [
  ['pupils', 'pupilsEarly', 'Общее количество обучающихся'],
  ['schools', 'schoolsEarly', 'Общее количество общеобразовательных организаций'],
  ['teachers', 'teachersEarly', 'Общее количество педагогических работников'],
];

const label = (code: IndicatorCode): string => {
  const i = MONITORING_INDICATORS.find((x) => x.code === code)!;
  return i.number ? `Показатель ${i.number} «${i.title}»` : `«${i.title}»`;
};

export function checkMonitoringRow(sink: RuleSink, row: MonitoringRow, headerUnit: string): void {
  const src = row.source;
  const unit = row.unit.value ?? headerUnit;
  const reported = new Set<string>();
  const v = (key: keyof MonitoringRow['values']) => countValue(sink, src, unit, row.values[key], monitoringKeyTitle(key), reported);
  if (!row.unit.value)
    report(sink, src, row.unit.cell || `A${src.row}`, '', 'monitoring-unit-missing', 'error',
      'В строке мониторинга не указана организация (муниципальное образование). Впишите её в первый столбец.');
  for (const i of MONITORING_INDICATORS) {
    const a = v(aKey(i.code) as keyof MonitoringRow['values']);
    const b = v(bKey(i.code) as keyof MonitoringRow['values']);
    const ra = row.values[aKey(i.code) as keyof MonitoringRow['values']];
    const rb = row.values[bKey(i.code) as keyof MonitoringRow['values']];
    // One of A and B left empty: the share cannot be computed.
    if ((ra.value === null) !== (rb.value === null)) {
      const empty = ra.value === null ? ra : rb;
      if (empty.interpreted === undefined && empty.cell)
        report(sink, src, empty.cell, unit, 'monitoring-incomplete', 'warning',
          `${label(i.code)}: указано только ${empty === ra ? 'B' : 'A'} — без ${empty === ra ? 'A' : 'B'} показатель не рассчитать. Заполните ячейку ${empty.cell}.`);
    }
    if (a === undefined || b === undefined) continue;
    if (a > b) {
      if (i.aMayExceedB)
        report(sink, src, ra.cell, unit, 'monitoring-events-above-plan', 'warning',
          `${label(i.code)}: проведено ${num(a)}, а запланировано ${num(b)}. Если это так, оставьте; иначе исправьте A или B.`);
      else
        report(sink, src, ra.cell, unit, 'monitoring-a-above-b', 'error',
          `${label(i.code)}: A = ${num(a)} больше B = ${num(b)}, а доля не может превышать 100 %. Проверьте A (${ra.cell}) и B (${rb.cell}).`);
    }
  }
  for (const [x, y, what] of SAME_BASE) {
    const rx = row.values[bKey(x) as keyof MonitoringRow['values']];
    const ry = row.values[bKey(y) as keyof MonitoringRow['values']];
    if (rx.value !== null && ry.value !== null && rx.value !== ry.value)
      report(sink, src, ry.cell, unit, 'monitoring-base-mismatch', 'warning',
        `«${what}» указано по-разному: ${num(rx.value)} (${rx.cell}) и ${num(ry.value)} (${ry.cell}). Это одна и та же величина — исправьте одно из значений.`);
  }
  const levels = EDUCATION_LEVELS.map((l) => row.values[l.key]);
  const events = row.values[aKey('events') as keyof MonitoringRow['values']];
  if (events.value !== null && levels.some((l) => l.value !== null)) {
    const sum = levels.reduce((s, l) => s + (l.value ?? 0), 0);
    if (sum !== events.value)
      report(sink, src, levels[0].cell, unit, 'monitoring-levels-sum', 'warning',
        `Мероприятий по уровням образования (НОО + ООО + СОО) ${num(sum)}, а проведено мероприятий (показатель 8, A) ${num(events.value)}. Проверьте числа.`);
  }
}

/** Every problem of a read monitoring form. */
export function checkMonitoring(file: string, form: MonitoringForm): Problem[] {
  const sink: RuleSink = { file, problems: [] };
  for (const row of form.rows) checkMonitoringRow(sink, row, form.header.unit);
  return sink.problems;
}
