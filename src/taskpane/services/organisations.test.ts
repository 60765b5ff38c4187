import { readForms } from '../../domain/read';
import { checkWorkbook } from '../../domain/rules';
import type { ReceivedFile } from '../../domain/consolidate/merge';
import { wordLayoutSheet, workbookOf } from '../../../test/support/formGrids';
import { organisationsOfCheck } from './organisations';

describe('the pane’s check of a workbook of collected schools’ sheets', () => {
  test('lists each school with the problems of its own sheets, and a second copy with why it is left out', () => {
    const wb = workbookOf(
      'Сбор.xlsx',
      wordLayoutSheet('Асино', { unit: 'Асиновский район' }),
      wordLayoutSheet('Бакчар', { unit: 'Бакчарский район', row31: { 2: 'много' } }),
      wordLayoutSheet('Асино (2)', { unit: 'Асиновский район' }),
    );
    const read = readForms(wb, { year: 2024 });
    const file: ReceivedFile = { file: 'Сбор.xlsx', received: '2024-03-01T10:00:00', read, problems: checkWorkbook(read) };
    const rows = organisationsOfCheck([file]);
    const byUnit = (u: string) => rows.filter((r) => r.unit === u);
    expect(byUnit('Бакчарский район')).toHaveLength(1);
    const bakchar = byUnit('Бакчарский район')[0];
    expect(bakchar.status).toBe('checkedErrors');
    expect(new Set(bakchar.problems.map((p) => p.sheet))).toEqual(new Set(['Бакчар']));
    const asino = byUnit('Асиновский район');
    expect(asino.map((r) => [r.status, r.errors, r.reason ?? ''])).toEqual(
      expect.arrayContaining([
        ['checkedWarnings', 0, expect.stringContaining('есть в книге дважды')],
        [expect.stringMatching(/^checked(Clean|Warnings)$/), 0, ''],
      ]),
    );
    expect(asino.every((r) => r.problems.every((p) => p.sheet !== 'Бакчар'))).toBe(true);
  });
});
