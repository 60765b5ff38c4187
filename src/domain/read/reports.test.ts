import { readForms } from './index';
import { checkWorkbook } from '../rules';
import { reportsOf } from '../report';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { defaultSettings } from '../settings';
import { gridOf, planToGrid, wordLayoutSheet, workbookOf } from '../../../test/support/formGrids';

const unitsRead = (wb: ReturnType<typeof readForms>) =>
  reportsOf(wb).map((r) => [r.report?.sheet, r.report?.participation.map((p) => p.unit.value).join(', '), r.notMerged ? 'не сведён' : 'сведён']);

describe('a workbook of collected units’ sheets', () => {
  it('reads each sheet’s form as its own unit’s report, with no warning that a table is repeated', () => {
    const read = readForms(
      workbookOf('Сбор.xlsx', wordLayoutSheet('Александровский', { unit: 'Александровский район' }), wordLayoutSheet('Асино', { unit: 'Асиновский район' }), wordLayoutSheet('Бакчар', { unit: 'Бакчарский район' })),
    );
    expect(unitsRead(read)).toEqual([
      ['Александровский', 'Александровский район', 'сведён'],
      ['Асино', 'Асиновский район', 'сведён'],
      ['Бакчар', 'Бакчарский район', 'сведён'],
    ]);
    // Each sheet's table 3.2 stays with its own unit.
    expect(reportsOf(read).map((r) => r.report?.partners[0].unit.value)).toEqual(['Александровский район', 'Асиновский район', 'Бакчарский район']);
    expect(read.problems.filter((p) => p.code.startsWith('table-') || p.code.startsWith('report-'))).toEqual([]);
  });

  it('takes the copy with more filled values when a unit is there twice, and says which sheets and why', () => {
    const full = wordLayoutSheet('Асино', { unit: 'Асиновский район' });
    const thin = wordLayoutSheet('Асино (2)', { unit: 'Асиновский район', row31: { 2: null, 4: null } });
    const read = readForms(workbookOf('Сбор.xlsx', full, wordLayoutSheet('Бакчар', { unit: 'Бакчарский район' }), thin));
    expect(unitsRead(read)).toEqual([
      ['Асино', 'Асиновский район', 'сведён'],
      ['Бакчар', 'Бакчарский район', 'сведён'],
      ['Асино (2)', 'Асиновский район', 'не сведён'],
    ]);
    const dup = read.problems.find((p) => p.code === 'report-duplicate')!;
    expect(dup).toMatchObject({ sheet: 'Асино (2)', severity: 'warning', unit: 'Асиновский район' });
    expect(dup.message).toMatch(/есть в книге дважды: на листе «Асино \(2\)» и на листе «Асино»\. Учтён один раз — копия на листе «Асино»: в ней больше заполненных значений \(\d+ против \d+\)/);
  });

  it('takes the later sheet when two copies hold as much, and says so', () => {
    const read = readForms(workbookOf('Сбор.xlsx', wordLayoutSheet('Первый', { unit: 'Асиновский район' }), wordLayoutSheet('Второй', { unit: 'асиновский  район' })));
    expect(unitsRead(read)).toEqual([
      ['Первый', 'Асиновский район', 'не сведён'],
      ['Второй', 'асиновский  район', 'сведён'],
    ]);
    expect(read.problems.find((p) => p.code === 'report-duplicate')?.message).toContain('поровну, взята более поздняя (правее)');
  });

  it('does not merge a hidden sheet’s form while visible sheets hold reports, and says so', () => {
    const hidden = { ...wordLayoutSheet('Старый', { unit: 'Старый район' }), hidden: true };
    const read = readForms(workbookOf('a.xlsx', hidden, wordLayoutSheet('Отчёт', { unit: 'Новый район' })));
    expect(unitsRead(read)).toEqual([
      ['Старый', 'Старый район', 'не сведён'],
      ['Отчёт', 'Новый район', 'сведён'],
    ]);
    expect(read.report?.sheet).toBe('Отчёт');
    expect(read.problems.find((p) => p.code === 'report-hidden')).toMatchObject({ sheet: 'Старый', severity: 'warning' });
  });

  it('keeps a region’s table of municipalities as one report, and a school’s plan with its report', () => {
    const region = gridOf('Свод', [
      ['Томская область'],
      ['(указать муниципальное образование)'],
      ['Муниципальное образование', 'Общее количество общеобразовательных организаций/ организовавших мероприятия', 'Общее количество организованных профориентационных мероприятий', 'Общее количество обучающихся 5-11 классов/принявших участие', 'Общее количество педагогов, принявших участие в мероприятиях', 'Общее количество обучающихся с ОВЗ 5-11 классов/принявших участие', 'Количество организаций-партнеров (перечислить все наименования)'],
      ['Асиновский район', '5/5', 10, '100/50', 3, '10/5', 0],
      ['Бакчарский район', '4/4', 8, '80/40', 2, '8/4', 0],
    ]);
    const read = readForms(workbookOf('Область.xlsx', region));
    expect(unitsRead(read)).toEqual([['Свод', 'Асиновский район, Бакчарский район', 'сведён']]);

    const settings = defaultSettings('spring', 2024, { unit: 'Асиновский район' });
    const plan = planToGrid(stampAppendix2(settings));
    const school = readForms(workbookOf('Асино.xlsx', wordLayoutSheet('Отчёт', { unit: 'Асиновский район' }), plan));
    expect(reportsOf(school)).toHaveLength(1);
    expect(school.plan?.sheet).toBe(plan.name);
  });

  it('checks each unit’s report under its own sheet', () => {
    const bad = wordLayoutSheet('Бакчар', { unit: 'Бакчарский район', row31: { 2: 'много' } });
    const read = readForms(workbookOf('Сбор.xlsx', wordLayoutSheet('Асино', { unit: 'Асиновский район' }), bad));
    const problems = checkWorkbook(read).filter((p) => p.severity === 'error');
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => `${p.sheet} — ${p.unit}`))).toEqual(new Set(['Бакчар — Бакчарский район']));
  });
});
