import { accountingBalances, mergeReports, rowsReceived, type MergeInput, type ReceivedFile } from './merge';
import { received } from './testing';
import type { Problem } from '../problems';

const run = (files: ReceivedFile[], over: Partial<MergeInput> = {}) => {
  const result = mergeReports({ files, expectedUnits: [], policy: 'merge-with-errors', ...over });
  // Every run must account for every row it was given.
  expect(accountingBalances(result, rowsReceived(files))).toBe(true);
  return result;
};

const error = (file: string): Problem => ({
  file, sheet: 'Прил. 3 Отчёт', cell: 'F10', code: 'participants-over-students', severity: 'error',
  message: 'Приняли участие (120) больше, чем обучающихся (100).',
});

describe('merging schools’ reports', () => {
  test('a school that sent twice counts once, with its later file; the earlier file is superseded', () => {
    const files = [
      received('СОШ 4 (первый).xlsx', '2023-10-16T10:00', [{ unit: 'МАОУ СОШ № 4', grades: [10, 10, 10, 10, 10, 10, 10] }]),
      received('Гимназия 29.xlsx', '2023-10-17T09:00', [{ unit: 'МАОУ гимназия № 29' }]),
      received('СОШ 4 (исправленный).xlsx', '2023-10-18T12:00', [{ unit: 'маоу СОШ №4', grades: [20, 20, 20, 20, 20, 20, 20] }]),
    ];
    const res = run(files);
    expect(res.units.map((u) => u.unit)).toEqual(['МАОУ гимназия № 29', 'маоу СОШ №4']);
    const sosh = res.units.find((u) => u.file === 'СОШ 4 (исправленный).xlsx');
    expect(sosh?.participation.participants.value).toBe(140);
    expect(res.totals.participants).toBe(140 + 7);
    expect(res.files.map((f) => f.status)).toEqual(['superseded', 'merged', 'merged']);
    expect(res.files[0].reason).toContain('СОШ 4 (исправленный).xlsx');
    expect(res.accounting.participation).toEqual({ received: 3, merged: 2, superseded: 1, refused: 0 });
  });

  test('the date from an earlier register decides which file is later, not the file’s new date', () => {
    const files = [
      received('a.xlsx', '2023-10-20T10:00', [{ unit: 'СОШ № 1', events: 5 }]),
      received('b.xlsx', '2023-10-19T10:00', [{ unit: 'СОШ № 1', events: 9 }]),
    ];
    const res = run(files, { earlierRegister: [{ file: 'a.xlsx', received: '2023-10-15T08:00' }] });
    expect(res.totals.events).toBe(9);
    expect(res.files[0]).toMatchObject({ status: 'superseded', received: '2023-10-15T08:00' });
  });

  test('a file re-sent under the same name with other contents is a new receipt, not the register’s old date', () => {
    const resent = { ...received('a.xlsx', '2023-10-22T10:00', [{ unit: 'СОШ № 1' }]), fingerprint: 'new' };
    const register = [{ file: 'a.xlsx', received: '2023-10-15T08:00', fingerprint: 'old' }];
    const res = run([resent], { earlierRegister: register, deadline: '2023-10-19' });
    expect(res.files[0]).toMatchObject({ received: '2023-10-22T10:00', onTime: false, fingerprint: 'new' });
    const same = run([{ ...resent, fingerprint: 'old' }], { earlierRegister: register, deadline: '2023-10-19' });
    expect(same.files[0]).toMatchObject({ received: '2023-10-15T08:00', onTime: true });
  });

  test('a report received after the deadline is merged but marked late; on the deadline day it is on time', () => {
    const res = run(
      [
        received('a.xlsx', '2023-10-19T23:50', [{ unit: 'СОШ № 1' }]),
        received('b.xlsx', '2023-10-20T00:10', [{ unit: 'СОШ № 2' }]),
      ],
      { deadline: '2023-10-19' },
    );
    expect(res.files.map((f) => [f.status, f.onTime])).toEqual([['merged', true], ['merged', false]]);
    expect(res.units.map((u) => u.onTime)).toEqual([true, false]);
  });

  test('units on the list that sent nothing are missing; a unit not on the list is merged and flagged', () => {
    const res = run(
      [
        received('a.xlsx', '2023-10-18T10:00', [{ unit: 'МАОУ «Гуманитарный лицей»' }]),
        received('b.xlsx', '2023-10-18T10:00', [{ unit: 'МАОУ СОШ № 99' }]),
      ],
      { expectedUnits: ['МАОУ Гуманитарный лицей', 'МАОУ СОШ № 3', 'МАОУ школа "Эврика-развитие"'] },
    );
    expect(res.missing).toEqual(['МАОУ СОШ № 3', 'МАОУ школа "Эврика-развитие"']);
    expect(res.offList).toEqual(['МАОУ СОШ № 99']);
    // The list's spelling is the unit's name in the consolidated workbook.
    expect(res.units.map((u) => [u.unit, u.onList])).toEqual([['МАОУ Гуманитарный лицей', true], ['МАОУ СОШ № 99', false]]);
  });

  test('with «refuse errors» a file with errors is refused with its first error; its rows are accounted as refused', () => {
    const files: ReceivedFile[] = [
      received('bad.xlsx', '2023-10-18T10:00', [{ unit: 'СОШ № 5', plan: 3 }], [error('bad.xlsx')]),
      received('good.xlsx', '2023-10-18T10:00', [{ unit: 'СОШ № 6' }]),
      { file: 'broken.xlsx', received: '2023-10-18T10:00', error: 'Файл «broken.xlsx» не удалось прочитать: он повреждён.' },
    ];
    const res = run(files, { policy: 'refuse-errors', expectedUnits: ['СОШ № 5', 'СОШ № 6'] });
    expect(res.files.map((f) => f.status)).toEqual(['refused', 'merged', 'refused']);
    expect(res.files[0].reason).toContain('F10');
    expect(res.files[0].reason).toContain('больше, чем обучающихся');
    expect(res.files[2].reason).toContain('повреждён');
    expect(res.accounting.participation).toEqual({ received: 2, merged: 1, superseded: 0, refused: 1 });
    expect(res.accounting.plan).toEqual({ received: 3, merged: 0, superseded: 0, refused: 3 });
    // It sent a report: refused, never «did not report».
    expect(res.missing).toEqual([]);
    expect(res.refused).toEqual(['СОШ № 5']);
    // With «merge with errors» the same file is merged and its errors counted.
    const lenient = run(files, { policy: 'merge-with-errors' });
    expect(lenient.files[0]).toMatchObject({ status: 'merged', errors: 1 });
    expect(lenient.plan).toHaveLength(3);
  });

  test('a later file with errors does not replace an earlier clean one when errors are refused', () => {
    const res = run(
      [
        received('a.xlsx', '2023-10-16T10:00', [{ unit: 'СОШ № 1', events: 4 }]),
        received('b.xlsx', '2023-10-18T10:00', [{ unit: 'СОШ № 1', events: 8 }], [error('b.xlsx')]),
      ],
      { policy: 'refuse-errors' },
    );
    expect(res.totals.events).toBe(4);
    expect(res.files.map((f) => f.status)).toEqual(['merged', 'refused']);
  });

  test('a row without a unit is refused with where to write it; a file with no forms is refused', () => {
    const noUnit = received('x.xlsx', '2023-10-18T10:00', [{ unit: '' }]);
    const empty: ReceivedFile = { file: 'пусто.xlsx', received: '2023-10-18T10:00', read: { file: 'пусто.xlsx', problems: [] }, problems: [] };
    const res = run([noUnit, empty]);
    expect(res.files[0].status).toBe('refused');
    expect(res.files[0].reason).toContain('строку 10');
    expect(res.files[1].reason).toContain('не найдены формы');
    expect(res.units).toHaveLength(0);
  });

  test('partners are counted as distinct organisations across units; the sum units reported stands beside', () => {
    const res = run([
      received('a.xlsx', '2023-10-18T10:00', [
        { unit: 'СОШ № 1', partners: { professionalEducation: ['НИ ТГУ', 'ТУСУР'], companies: ['ЗАО «Томский подшипник»'], business: ['И.П. Иванов И.И.'] } },
      ]),
      received('b.xlsx', '2023-10-18T10:00', [
        { unit: 'СОШ № 2', partners: { professionalEducation: ['ни тгу', ' ТУСУР '], companies: ['Томский подшипник'], community: ['успешный выпускник — Сидоров П.И.'] } },
      ]),
      received('c.xlsx', '2023-10-18T10:00', [
        { unit: 'СОШ № 3', partners: { professionalEducation: ['ТГАСУ', 'НИ ТГУ и т.д.'], companies: ['ООО "Томский подшипник"'] } },
      ]),
    ]);
    const reg = res.partners;
    expect(reg.byCategory.professionalEducation).toEqual({ distinct: 3, reported: 6, units: 3 });
    expect(reg.byCategory.companies).toEqual({ distinct: 1, reported: 3, units: 3 });
    expect(reg.byCategory.business.distinct).toBe(1);
    expect(reg.byCategory.community.units).toBe(1);
    expect(res.totals.partners).toEqual({ distinct: 6, professionalEducation: 3, companies: 1, business: 1, community: 1 });
    const tgu = reg.entries.find((e) => e.key === 'ни тгу');
    expect(tgu?.units).toEqual(['СОШ № 1', 'СОШ № 2', 'СОШ № 3']);
    const bearing = reg.entries.find((e) => e.category === 'companies')!;
    expect(bearing.name).toBe('ЗАО «Томский подшипник»');
    expect(bearing.spellings).toHaveLength(3);
  });

  test('municipal reports merge into a regional one the same way: a unit with 7 schools is one row', () => {
    const res = run(
      [
        received('Александровский.xlsx', '2023-10-21T10:00', [
          { unit: 'Александровский район', schools: 7, schoolsActive: 6, events: 42, students: 599, grades: [59, 79, 76, 56, 60, 55, 53], teachers: 33, ovzStudents: 109, ovzGrades: [11, 20, 17, 11, 22, 1, 1], partners: { professionalEducation: ['НИ ТГУ'] } },
        ]),
        received('Асиновский.xlsx', '2023-10-21T11:00', [{ unit: 'Асиновский район', schools: 10, schoolsActive: 10, events: 50, students: 900, grades: [100, 100, 100, 100, 100, 100, 100] }]),
      ],
      { expectedUnits: ['Александровский район', 'Асиновский район', 'Бакчарский район'] },
    );
    expect(res.totals).toMatchObject({ schools: 17, schoolsActive: 16, events: 92, students: 1499, participants: 438 + 700, teachers: 38, ovzStudents: 109, ovzParticipants: 83 });
    expect(res.totals.grades['5']).toBe(159);
    expect(res.totals.ovzGrades['9']).toBe(22);
    expect(res.missing).toEqual(['Бакчарский район']);
  });

  test('a workbook carrying several units’ rows (a consolidated detail) gives one unit per row', () => {
    const res = run([received('свод.xlsx', '2023-10-21T10:00', [{ unit: 'СОШ № 1' }, { unit: 'СОШ № 2' }, { unit: 'сош №1' }])]);
    expect(res.units.map((u) => u.unit)).toEqual(['СОШ № 1', 'СОШ № 2']);
    expect(res.accounting.participation).toEqual({ received: 3, merged: 2, superseded: 0, refused: 1 });
    expect(res.rows.find((r) => r.outcome === 'refused')?.reason).toContain('дважды');
  });

  test('the balance check notices a row that went missing', () => {
    const files = [received('a.xlsx', '2023-10-18T10:00', [{ unit: 'СОШ № 1', plan: 2 }])];
    const res = mergeReports({ files, expectedUnits: [], policy: 'merge-with-errors' });
    expect(accountingBalances(res, { participation: 1, partners: 1, plan: 3 })).toBe(false);
    res.rows.pop();
    res.accounting.plan.merged--;
    expect(accountingBalances(res, rowsReceived(files))).toBe(false);
  });
});
