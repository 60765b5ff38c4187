import type { ReceivedWorkbook } from '../consolidate/merge';
import { MONITORING_KEYS, type MonitoringKey } from '../forms/monitoring';
import type { Problem } from '../problems';
import type { Read } from '../report';
import { mergeMonitoring } from './merge';
import { checkMonitoring } from './rules';
import type { MonitoringRow } from './types';

function row(unit: string | null, r: number, pupilsA = 10): MonitoringRow {
  const values = {} as Record<MonitoringKey, Read<number>>;
  for (const k of MONITORING_KEYS) values[k] = { value: null, cell: '' };
  values.pupilsA = { value: pupilsA, cell: `B${r}` };
  values.pupilsB = { value: 20, cell: `C${r}` };
  return { source: { file: 'f.xlsx', sheet: 'Мониторинг', row: r }, unit: { value: unit, cell: `A${r}` }, values };
}

function file(name: string, received: string, rows: MonitoringRow[], problems: Problem[] = [], headerUnit = ''): ReceivedWorkbook {
  return {
    file: name,
    received,
    read: { file: name, problems: [], monitoring: { sheet: 'Мониторинг', header: { unit: headerUnit, coordinator: '' }, rows } },
    problems,
  };
}

const error: Problem = { file: 'x', sheet: 'Мониторинг', cell: 'B12', code: 'monitoring-a-above-b', severity: 'error', message: '…' };

describe('merging the monitoring rows', () => {
  const files = [
    file('район.xlsx', '2026-10-10T09:00:00', [row('Школа № 1', 12), row('Школа № 2', 13), row('школа №1', 14, 99), row(null, 15)]),
    file('школа2.xlsx', '2026-10-12T09:00:00', [row(null, 12, 15)], [], 'Школа № 2'),
    file('школа3.xlsx', '2026-10-13T09:00:00', [row('Школа № 3', 12)], [error]),
  ];

  test('one row per unit: a later file supersedes, a second row in one file and a row without a unit are refused', () => {
    const m = mergeMonitoring(files, ['Школа № 1', 'Школа № 2', 'Школа № 3'], 'merge-with-errors', ['школа № 3']);
    expect(m.units.map((u) => [u.unit, u.file, u.row.values.pupilsA.value])).toEqual([
      ['Школа № 3', 'школа3.xlsx', 10], // in the report's order first
      ['Школа № 1', 'район.xlsx', 10],
      ['Школа № 2', 'школа2.xlsx', 15], // its own later file; the unit from the form's head
    ]);
    expect(m.tally).toEqual({ received: 6, merged: 3, superseded: 1, refused: 2 });
    expect(m.rows.filter((r) => r.outcome === 'refused').map((r) => r.reason).sort()).toEqual(
      [
        'организация «Школа № 1» указана в форме мониторинга дважды; принята строка 12',
        'не указана организация: впишите её в строку 15 листа «Мониторинг»',
      ].sort(),
    );
  });

  test('with «refuse errors», a file with errors gives no monitoring rows', () => {
    const m = mergeMonitoring(files, [], 'refuse-errors');
    expect(m.units.map((u) => u.unit)).toEqual(['Школа № 1', 'Школа № 2']);
    expect(m.units.every((u) => u.onList === null)).toBe(true);
    expect(m.rows.find((r) => r.fileIndex === 2)).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('в файле есть ошибки') });
  });

  test('a row of a several-unit table without a unit is an error at its cell', () => {
    const problems = checkMonitoring('район.xlsx', { sheet: 'Мониторинг', header: { unit: '', coordinator: '' }, rows: [row(null, 15)] });
    expect(problems).toEqual([expect.objectContaining({ code: 'monitoring-unit-missing', severity: 'error', cell: 'A15' })]);
  });
});
