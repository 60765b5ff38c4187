import { heldRows } from '../sheetPlan';
import { aKey, bKey, EDUCATION_LEVELS, MONITORING_KEYS, type IndicatorCode, type MonitoringKey } from '../forms/monitoring';
import type { Read } from '../report';
import type { MonitoringMerge } from './merge';
import { evaluateTargets, targetsSentence, unitsBelowTargets } from './targets';
import type { MonitoringRow } from './types';

/** A unit's monitoring row from {code: [A, B]}. */
function row(unit: string, figures: Partial<Record<IndicatorCode, [number | null, number | null]>>): MonitoringRow {
  const values = {} as Record<MonitoringKey, Read<number>>;
  for (const k of MONITORING_KEYS) values[k] = { value: null, cell: 'B12' };
  for (const [code, [a, b]] of Object.entries(figures) as [IndicatorCode, [number | null, number | null]][]) {
    values[aKey(code) as MonitoringKey] = { value: a, cell: 'B12' };
    values[bKey(code) as MonitoringKey] = { value: b, cell: 'C12' };
  }
  for (const l of EDUCATION_LEVELS) values[l.key] = { value: null, cell: '' };
  return { source: { file: `${unit}.xlsx`, sheet: 'Мониторинг', row: 12 }, unit: { value: unit, cell: 'A12' }, values };
}

const merged = (...rows: MonitoringRow[]): MonitoringMerge => ({
  units: rows.map((r) => ({ unit: r.unit.value!, key: r.unit.value!, onList: null, file: r.source.file, received: '2026-10-10T10:00:00', row: r })),
  rows: [],
  tally: { received: rows.length, merged: rows.length, superseded: 0, refused: 0 },
});

describe('targets: plan against fact X = A × 100 / B', () => {
  const m = merged(
    row('Школа 1', { pupils: [450, 500], ovz: [10, 12], diagnostics: [150, 160] }),
    row('Школа 2', { pupils: [300, 400], ovz: [5, 10], diagnostics: [80, 120] }),
    // A unit without B does not lower the share: it is left out of both sums.
    row('Школа 3', { pupils: [100, null], ovz: [0, 0] }),
  );

  test('fact is Σ A × 100 / Σ B over units that gave both; deviation is fact − plan; met when fact ≥ plan', () => {
    const r = evaluateTargets(m, { pupils: 85, ovz: 70, diagnostics: 80 });
    const by = (c: IndicatorCode) => r.find((x) => x.code === c)!;
    expect(by('pupils')).toMatchObject({ a: 750, b: 900, plan: 85, met: false });
    expect(by('pupils').fact).toBeCloseTo(83.333, 3);
    expect(by('pupils').deviation).toBeCloseTo(-1.667, 3);
    expect(by('ovz')).toMatchObject({ a: 15, b: 22, met: false });
    expect(by('diagnostics').fact).toBeCloseTo((230 * 100) / 280, 9);
    expect(by('diagnostics').met).toBe(true);
    expect(by('teachers')).toMatchObject({ plan: null, fact: null, met: null });
  });

  test('the note says which targets were not met, in seed 003’s words, with plan and fact', () => {
    const text = targetsSentence(evaluateTargets(m, { pupils: 85, ovz: 70, diagnostics: 80 }));
    expect(text).toBe(
      'Целевые показатели выполнены, кроме: доля обучающихся, вовлечённых в профориентационные мероприятия (план 85\u00a0%, факт 83,3\u00a0%); ' +
        'доля обучающихся с ОВЗ, вовлечённых в профориентационные мероприятия (план 70\u00a0%, факт 68,2\u00a0%).',
    );
    expect(targetsSentence(evaluateTargets(m, { pupils: 80, diagnostics: 80 }))).toBe('Целевые показатели выполнены.');
    expect(targetsSentence(evaluateTargets(m, {}))).toBeNull();
    expect(targetsSentence(evaluateTargets(m, { teachers: 50, pupils: 80 }))).toBe(
      'Целевые показатели выполнены. Не рассчитаны (нет данных): доля педагогических работников, реализующих профориентационные мероприятия.',
    );
  });

  test('units below a target are named with how many targets each missed', () => {
    expect(unitsBelowTargets(m, { pupils: 85, ovz: 70, diagnostics: 80 })).toEqual([{ unit: 'Школа 2', missed: 3 }]);
  });
});

describe('targets kept with the campaign settings', () => {
  test('the plan values go to the hidden settings sheet and come back', async () => {
    const { defaultSettings } = await import('../settings');
    const { settingsSheet, readSettingsSheet } = await import('../settingsSheet');
    const s = defaultSettings('autumn', 2026, { targets: { pupils: 95, diagnostics: 87.5 } });
    const sheet = settingsSheet(s, []);
    const cells = heldRows(sheet.blocks[0].rows).map((r) => r.map((c) => (typeof c === 'object' && c !== null ? null : c)));
    expect(readSettingsSheet(cells)?.settings.targets).toEqual({ pupils: 95, diagnostics: 87.5 });
    expect(readSettingsSheet(settingsSheet(defaultSettings('autumn', 2026), []).blocks[0].rows as never)?.settings.targets).toBeUndefined();
  });
});
