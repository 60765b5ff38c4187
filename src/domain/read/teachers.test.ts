/**
 * All teachers, as schools write them beside the teachers who took part: without them «Доля педагогов» on
 * «Показатели» showed A = 0, B = 0 although every form gave both («Общее количество педагогов в ОО» was taken for
 * the schools' column; «Численность…» was no quantity; «80/41» under «…педагогов / принявших участие» unreadable).
 */
import { readForms } from './index';
import { reportsOf } from '../report';
import { mergeReports } from '../consolidate/merge';
import { campaignFigures, indicatorFigure } from '../indicators';
import { municipalSettings } from '../sample/schoolWorkbooks';
import { gridOf, workbookOf } from '../../../test/support/formGrids';

const BEFORE = ['Муниципальное образование', 'Общее количество общеобразовательных организаций/ организовавших мероприятия', 'Общее количество организованных профориентационных мероприятий', 'Общее количество обучающихся 5-11 классов/принявших участие'];
const AFTER = ['Общее количество обучающихся с ОВЗ 5-11 классов/принявших участие', 'Количество организаций-партнеров (перечислить все наименования)'];

/** A school's table 3.1 with the teachers' columns as given. */
function school(unit: string, teacherHeaders: string[], teacherValues: (string | number)[]) {
  return workbookOf(`${unit}.xlsx`, gridOf('Отчёт', [[unit], ['(указать муниципальное образование)'], [...BEFORE, ...teacherHeaders, ...AFTER], [unit, '1/1', 10, '100/50', ...teacherValues, '10/5', 0]]));
}

const LAYOUTS: [string, string[], (string | number)[]][] = [
  ['a column of its own', ['Общее количество педагогов, принявших участие в мероприятиях', 'Общее количество педагогов'], [41, 80]],
  ['«…педагогов в ОО» before the teachers who took part', ['Общее количество педагогов в ОО', 'Общее количество педагогов, принявших участие в мероприятиях'], [80, 41]],
  ['«Всего педагогов в ОО»', ['Общее количество педагогов, принявших участие в мероприятиях', 'Всего педагогов в ОО'], [41, 80]],
  ['«Численность педагогических работников»', ['Общее количество педагогов, принявших участие в мероприятиях', 'Численность педагогических работников'], [41, 80]],
  ['a pair in one cell, as schools are given', ['Общее количество педагогов/ принявших участие в мероприятиях'], ['80/41']],
];

describe('all teachers are read however the school titled them', () => {
  it.each(LAYOUTS)('%s', (_name, headers, values) => {
    const read = readForms(school('МОУ СОШ № 1', headers, values));
    const p = reportsOf(read)[0].report!.participation[0];
    expect([p.teachers.value, p.teachersTotal.value]).toEqual([41, 80]);
    expect(read.problems.filter((x) => x.code === 'value-unreadable')).toEqual([]);
  });

  it('the schools’ own column still counts schools, though the order’s title ends with teachers', () => {
    const read = readForms(school('МОУ СОШ № 1', ['Общее количество педагогов в ОО', 'Общее количество педагогов, принявших участие в мероприятиях'], [80, 41]));
    const p = reportsOf(read)[0].report!.participation[0];
    expect([p.schools.value, p.schoolsActive.value]).toEqual([1, 1]);
  });

  it('gives «Доля педагогов» its A and B once merged', () => {
    const files = LAYOUTS.map(([, headers, values], i) => {
      const unit = `МОУ СОШ № ${i + 1}`;
      const read = readForms(school(unit, headers, values));
      return { file: read.file, received: '2023-10-18T10:00', read, problems: [] };
    });
    const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors' });
    expect(indicatorFigure('teachers', campaignFigures(result, municipalSettings()))).toMatchObject({ a: 5 * 41, b: 5 * 80, x: 51 });
  });
});
