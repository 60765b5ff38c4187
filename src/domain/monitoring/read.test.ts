import type { SheetGrid, WorkbookGrid } from '../grid';
import type { Problem } from '../problems';
import { readForms } from '../read';
import { monitoringGroup, monitoringSubLabel, readMonitoring } from './read';

describe('finding the monitoring table by its header text', () => {
  test('the indicators are told apart by their subject and by «ранней профориентации», numbered or not', () => {
    expect(monitoringGroup('1. Количество обучающихся, вовлеченных в профориентационные мероприятия')).toBe('pupils');
    expect(monitoringGroup('Кол-во обучающихся, вовлеченных в мероприятия по ранней профориентации')).toBe('pupilsEarly');
    expect(monitoringGroup('3) Количество обучающихся с ОВЗ, вовлеченных в профориентационные мероприятия')).toBe('ovz');
    expect(monitoringGroup('Количество образовательных организаций, принявших участие в мероприятиях по ранней профориентации')).toBe('schoolsEarly');
    expect(monitoringGroup('Показатель «Количество педагогических работников, принявших участия…»')).toBe('teachers');
    expect(monitoringGroup('Количество мероприятий, направленных на раннюю профориентацию обучающихся')).toBe('eventsEarly');
    expect(monitoringGroup('Охват обучающихся 8-11 классов профессиональной диагностикой')).toBe('diagnostics');
    expect(monitoringGroup('Количество проведенных профориентационных мероприятий по уровням общего образования')).toBe('levels');
    // Table 3.1's columns are not indicators.
    expect(monitoringGroup('Общее количество организованных профориентационных мероприятий')).toBeUndefined();
    expect(monitoringGroup('Муниципальное образование')).toBeUndefined();
  });

  test('A and B in Latin or Cyrillic letters, X or %, and the levels are recognised; «в том числе» is not B', () => {
    expect(['A', 'А — приняли участие', 'a:', 'B', 'В', 'В (всего)', 'X = A × 100 / B, %', '%', 'НОО', 'основное общее', 'СОО (10-11 классы)', 'в том числе']
      .map(monitoringSubLabel)).toEqual(['A', 'A', 'A', 'B', 'B', 'B', 'X', 'X', 'eventsNoo', 'eventsOoo', 'eventsSoo', undefined]);
  });
});

/** A school's own retyped table: other order, shortened titles, Cyrillic А/В, a «%» column, a total row. */
function retyped(): WorkbookGrid {
  const sheet: SheetGrid = {
    name: 'Лист1',
    cells: [
      ['Мониторинг профориентации'],
      ['МАОУ СОШ № 4'],
      ['(указать муниципальное образование или ОГОО)'],
      [],
      ['Наименование ОО', '2. Кол-во обучающихся, вовлеченных в мероприятия по ранней профориентации', null, 'Количество обучающихся, вовлеченных в профориентационные мероприятия', null, null, 'Количество педагогических работников, реализующих мероприятия', null],
      [null, 'А', 'В', 'А', 'В', '%', 'А', 'В'],
      ['МАОУ СОШ № 4', 120, '500', '450 чел.', 500, 90, 'тридцать', 40],
      [],
      ['Итого', 120, 500, 450, 500, 90, 30, 40],
    ],
    merges: [
      { top: 5, left: 2, bottom: 5, right: 3 },
      { top: 5, left: 4, bottom: 5, right: 6 },
      { top: 5, left: 7, bottom: 5, right: 8 },
      { top: 5, left: 1, bottom: 6, right: 1 },
    ],
  };
  return { file: 'школа.xlsx', sheets: [sheet] };
}

describe('reading a retyped monitoring table', () => {
  test('values are read at their cells, «450 чел.» as 450; the total row is left out; what cannot be read is said', () => {
    const problems: Problem[] = [];
    const m = readMonitoring(retyped(), problems)!;
    expect(m.header.unit).toBe('МАОУ СОШ № 4');
    expect(m.rows).toHaveLength(1);
    const v = m.rows[0].values;
    expect([v.pupilsEarlyA.value, v.pupilsEarlyB.value, v.pupilsA.value, v.pupilsB.value, v.teachersB.value]).toEqual([120, 500, 450, 500, 40]);
    expect(v.pupilsA).toMatchObject({ cell: 'D7', interpreted: '450 чел.' });
    expect(v.teachersA).toMatchObject({ value: null, cell: 'G7' });
    expect(problems.filter((p) => p.code === 'value-unreadable')).toEqual([
      expect.objectContaining({ cell: 'G7', sheet: 'Лист1', severity: 'error', message: expect.stringContaining('«тридцать»') }),
    ]);
    // The columns the school dropped are named, once each.
    const missing = problems.filter((p) => p.code === 'monitoring-column-missing');
    expect(missing).toHaveLength(23 - 6);
    expect(missing[0].message).toContain('показатель 3, A');
  });

  test('the report reader leaves the monitoring table alone: no report, no «table not found»', () => {
    const read = readForms(retyped(), { year: 2026 });
    expect(read.report).toBeUndefined();
    expect(read.monitoring?.rows).toHaveLength(1);
    expect(read.problems.filter((p) => p.code === 'table-not-found' || p.code === 'column-missing')).toEqual([]);
  });

  test('a workbook of collected schools’ sheets gives each school’s row, from its own sheet', () => {
    const school = (name: string, unit: string): SheetGrid => {
      const sheet = retyped().sheets[0];
      return { ...sheet, name, cells: sheet.cells.map((row) => row.map((v) => (v === 'МАОУ СОШ № 4' ? unit : v === 'тридцать' ? 30 : v))) };
    };
    const read = readForms({ file: 'Сбор.xlsx', sheets: [school('СОШ 4', 'МАОУ СОШ № 4'), school('СОШ 5', 'МАОУ СОШ № 5')] }, { year: 2026 });
    expect(read.monitoring?.rows.map((r) => [r.source.sheet, r.unit.value, r.values.teachersA.value])).toEqual([
      ['СОШ 4', 'МАОУ СОШ № 4', 30],
      ['СОШ 5', 'МАОУ СОШ № 5', 30],
    ]);
  });
});
