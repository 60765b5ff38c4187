import { heldRows } from '../sheetPlan';
import { mergeReports, type MergeInput, type ReceivedFile } from './merge';
import { fateLabel, FATE_TITLE, organisationCounts, unitKeyOfFileName } from './organisations';
import { received } from './testing';
import { REGISTER_STATUS_COLUMN, registerSheet } from './registerSheet';
import { defaultSettings } from '../settings';
import type { Problem } from '../problems';

const error = (file: string, cell: string): Problem => ({
  file, sheet: 'Прил. 3 Отчёт', cell, code: 'participants-over-students', severity: 'error',
  message: 'Приняли участие (120) больше, чем обучающихся (100).',
});

/** Six schools expected, each with another fate; deadline 19.10.2023. */
function season(policy: MergeInput['policy']) {
  const files: ReceivedFile[] = [
    received('Гимназия 1.xlsx', '2023-10-18T10:00', [{ unit: 'Гимназия № 1' }]),
    received('СОШ 2.xlsx', '2023-10-21T09:00', [{ unit: 'СОШ № 2' }]),
    received('СОШ 3.xlsx', '2023-10-17T09:00', [{ unit: 'СОШ № 3' }], [error('СОШ 3.xlsx', 'F10'), error('СОШ 3.xlsx', 'F11')]),
    received('СОШ 4 (первая).xlsx', '2023-10-15T09:00', [{ unit: 'СОШ № 4' }]),
    received('СОШ 4.xlsx', '2023-10-16T09:00', [{ unit: 'СОШ № 4' }]),
    { file: 'СОШ № 5.xlsx', received: '2023-10-18T12:00', error: 'Файл «СОШ № 5.xlsx» не удалось прочитать: он повреждён.' },
  ];
  return mergeReports({
    files,
    policy,
    deadline: '2023-10-19',
    expectedUnits: ['Гимназия № 1', 'СОШ № 2', 'СОШ № 3', 'СОШ № 4', 'СОШ № 5', 'СОШ № 6'],
  });
}
const fates = (policy: MergeInput['policy']) =>
  Object.fromEntries(season(policy).organisations.map((o) => [o.unit, o]));

describe('each organisation has one status, in the same words everywhere', () => {
  test('a school whose report came by the deadline reads «в срок»', () => {
    expect(fates('merge-with-errors')['Гимназия № 1']).toMatchObject({ fate: 'onTime', label: 'в срок', file: 'Гимназия 1.xlsx' });
  });

  test('a school whose report came after the deadline reads «с опозданием»', () => {
    expect(fates('merge-with-errors')['СОШ № 2']).toMatchObject({ fate: 'late', label: 'с опозданием', onTime: false });
  });

  test('a school merged with errors reads «в своде с ошибками (2)», with its located problems at hand', () => {
    const o = fates('merge-with-errors')['СОШ № 3'];
    expect(o).toMatchObject({ fate: 'withErrors', label: 'в своде с ошибками (2)', errors: 2 });
    expect(o.problems.map((p) => p.cell)).toEqual(['F10', 'F11']);
  });

  test('a school whose report was refused reads «прислал, отклонён» with the reason — never «не прислал»', () => {
    const res = season('refuse-errors');
    const o = res.organisations.find((x) => x.unit === 'СОШ № 3')!;
    expect(o).toMatchObject({ fate: 'refused', label: 'прислал, отклонён', file: 'СОШ 3.xlsx' });
    expect(o.reason).toContain('F10');
    expect(res.refused).toContain('СОШ № 3');
    expect(res.missing).not.toContain('СОШ № 3');
  });

  test('a school whose only file could not be read is found by the file’s name and reads «прислал, отклонён»', () => {
    const o = fates('merge-with-errors')['СОШ № 5'];
    expect(o).toMatchObject({ fate: 'refused', file: 'СОШ № 5.xlsx' });
    expect(o.reason).toContain('повреждён');
    expect(unitKeyOfFileName('папка/МБОУ Школа-интернат № 1 (копия).xlsx')).toBe(unitKeyOfFileName('МБОУ Школа-интернат № 1.xlsx'));
  });

  test('a school that sent nothing reads «не прислал»', () => {
    const res = season('merge-with-errors');
    expect(fates('merge-with-errors')['СОШ № 6']).toMatchObject({ fate: 'missing', label: 'не прислал', file: '' });
    expect(res.missing).toEqual(['СОШ № 6']);
  });

  test('a school that sent twice stands once, by its later file; the earlier one reads «заменён более поздним»', () => {
    const o = fates('merge-with-errors')['СОШ № 4'];
    expect(o).toMatchObject({ fate: 'onTime', file: 'СОШ 4.xlsx' });
    expect(o.files.map((f) => [f.file, fateLabel(f.fate)])).toEqual([
      ['СОШ 4 (первая).xlsx', 'заменён более поздним'],
      ['СОШ 4.xlsx', 'в срок'],
    ]);
  });

  test('the share of organisations counts against the six expected, not the four merged', () => {
    const c = organisationCounts(season('refuse-errors').organisations);
    expect(c).toEqual({ expected: 6, merged: 3, onTime: 2, late: 1, unconfirmed: 0, received: 0, withErrors: 0, refused: 2, missing: 1 });
  });

  test('without a deadline a merged report reads «получен, срок не задан»', () => {
    const res = mergeReports({ files: [received('a.xlsx', '2023-10-18T10:00', [{ unit: 'СОШ № 1' }])], policy: 'merge-with-errors', expectedUnits: [] });
    expect(res.organisations).toMatchObject([{ fate: 'received', label: 'получен, срок не задан', onList: null }]);
  });

  test('every status has an English label too', () => {
    expect(Object.values(FATE_TITLE).every((t) => t.en && t.ru && t.en !== t.ru)).toBe(true);
    expect(fateLabel('withErrors', 5, 'en')).toBe('merged with errors (5)');
  });

  test('the register says the same: a line per file, then a line per school with no report in the consolidation', () => {
    const res = season('refuse-errors');
    const plan = registerSheet(res, defaultSettings('autumn', 2023));
    const rows = heldRows(plan.blocks[plan.blocks.length - 1].rows).map((r) => [r[1], r[2], r[REGISTER_STATUS_COLUMN - 1]]);
    expect(rows).toEqual([
      ['СОШ № 4', 'СОШ 4 (первая).xlsx', 'заменён более поздним'],
      ['СОШ № 4', 'СОШ 4.xlsx', 'в срок'],
      ['СОШ № 3', 'СОШ 3.xlsx', 'отклонён'],
      ['Гимназия № 1', 'Гимназия 1.xlsx', 'в срок'],
      ['', 'СОШ № 5.xlsx', 'отклонён'],
      ['СОШ № 2', 'СОШ 2.xlsx', 'с опозданием'],
      ['СОШ № 3', '', 'прислал, отклонён'],
      ['СОШ № 5', '', 'прислал, отклонён'],
      ['СОШ № 6', '', 'не прислал'],
    ]);
  });
});
