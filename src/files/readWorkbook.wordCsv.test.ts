/**
 * The Word form of the order, copied into Excel and saved as «CSV (разделители — точка с запятой)» in
 * Windows-1251: every free-text cell over several lines — either as one quoted cell with line breaks, or (a Word
 * table pasted into Excel, its merges lost in the CSV) one paragraph a row.
 */
import { readWorkbookFile } from './readWorkbook';
import { readForms } from '../domain/read';
import { COORDINATOR_LABEL, H, PARTNERS_TABLE_TITLE, participationTableTitle, UNIT_CAPTION } from '../domain/forms/officialText';
import type { CellValue } from '../domain/grid';
import { cp1251, csvOf, EXAMPLE_OVZ_TEXT, EXAMPLE_STUDENTS_TEXT, gridOf, wordLayoutSheet } from '../../test/support/formGrids';

/** A row whose multi-paragraph cells go on one paragraph a row below it, empty paragraphs kept, as Excel pastes. */
function pasted(cells: CellValue[]): CellValue[][] {
  const parts = cells.map((c) => (typeof c === 'string' ? c.split('\n').map((s) => s.trim()) : [c]));
  const n = Math.max(...parts.map((p) => p.length));
  return Array.from({ length: n }, (_, i) => parts.map((p) => (p[i] === '' ? null : (p[i] ?? null))));
}

const UNIT = 'Александровский район';
const ROW_31 = [UNIT, '7/6', '42', EXAMPLE_STUDENTS_TEXT, '33', EXAMPLE_OVZ_TEXT, 'НИ ТГУ'];
const ROW_32 = [UNIT, '10', '3 - ТУСУР, ТГАСУ и т.д.', '1 - ЗАО «Томский подшипник» и т.д.', '1 - И.П. Иванов И.И.', '1 - успешный выпускник - Сидоров П.И.'];

function pastedForm(): CellValue[][] {
  return [
    ['Приложение 3'],
    ['Сводный отчет об итогах Кампании'],
    [UNIT],
    [UNIT_CAPTION],
    [`${COORDINATOR_LABEL} Петрова Анна Ивановна, методист`],
    [],
    [participationTableTitle('spring')],
    ...pasted([H.unit, H.schools, H.events, H.students, H.teachers, H.ovz, H.partners]),
    ...pasted(ROW_31),
    [],
    [PARTNERS_TABLE_TITLE],
    ...pasted([H.unit, H.partnersTotal, H.partnerCategories, null, null, null]),
    [null, null, H.professionalEducation, H.companies, H.business, H.community],
    ROW_32,
  ];
}

function expectOfficialExample(file: string, bytes: Uint8Array) {
  const read = readForms(readWorkbookFile(bytes, file));
  expect(read.problems).toEqual([]);
  expect(read.report!.participation).toHaveLength(1);
  const [p] = read.report!.participation;
  expect(p.unit.value).toBe(UNIT);
  expect([p.schools.value, p.schoolsActive.value, p.events.value, p.teachers.value]).toEqual([7, 6, 42, 33]);
  expect([p.students.value, p.participants.value, p.ovzStudents.value, p.ovzParticipants.value]).toEqual([599, 438, 109, 83]);
  expect(p.grades.map((g) => g.value)).toEqual([59, 79, 76, 56, 60, 55, 53]);
  expect(p.ovzGrades.map((g) => g.value)).toEqual([11, 20, 17, 11, 22, 1, 1]);
  expect(p.partnersNames.value).toEqual(['НИ ТГУ']);
  expect(read.report!.partners).toHaveLength(1);
  const [q] = read.report!.partners;
  expect([q.partnersTotal.value, q.professionalEducation.count.value, q.companies.count.value]).toEqual([10, 3, 1]);
  expect(read.report!.header.unit).toBe(UNIT);
}

describe('a semicolon CSV in Windows-1251 holding the Word form', () => {
  it('reads each free-text cell kept whole (quoted, over several lines)', () => {
    const sheet = wordLayoutSheet('Лист1');
    sheet.cells = sheet.cells.map((r) => r.map((c) => (typeof c === 'string' ? c.replace(/\n/g, '\r\n') : c)));
    expectOfficialExample('отчёт.csv', cp1251(csvOf(sheet, ';')));
  });

  it('reads a Word table pasted into Excel, one paragraph a row, empty paragraphs too, its merges lost', () => {
    expectOfficialExample('отчёт Александровский.csv', cp1251(csvOf(gridOf('x', pastedForm()), ';')));
  });

  it('keeps a name typed alone in the row below out of the pasted record above (only free-text columns go on)', () => {
    const rows: CellValue[][] = [
      [participationTableTitle('spring')],
      ...pasted([H.unit, H.schools, H.events, H.students, H.teachers, H.ovz, H.partners]),
      ...pasted(ROW_31),
      ['Бакчарский район'],
    ];
    const read = readForms(readWorkbookFile(cp1251(csvOf(gridOf('x', rows), ';')), 'два района.csv'));
    expect(read.report!.participation[0].unit.value).toBe(UNIT);
    expect(read.report!.participation[0].participants.value).toBe(438);
  });

  it('never takes a data row for a header, however many titles its free text repeats', () => {
    // No 3.2 in the file; the pupils' paragraphs name pupils and pupils with ОВЗ, the partners' names every category.
    const partners = 'Профессиональные образовательные организации (вузы): ТГУ\nПроизводственные компании, предприятия: «Томскнефть»\nПредприниматели, представители бизнес-сообщества: ИП Иванов\nРодительская общественность, НКО: 2';
    const rows: CellValue[][] = [
      [participationTableTitle('spring')],
      ...pasted([H.unit, H.schools, H.events, H.students, H.teachers, H.ovz, H.partners]),
      ...pasted([UNIT, '7/6', '42', EXAMPLE_STUDENTS_TEXT, '33', EXAMPLE_OVZ_TEXT, partners]),
    ];
    const read = readForms(readWorkbookFile(cp1251(csvOf(gridOf('x', rows), ';')), 'без 3.2.csv'));
    expect(read.report!.participation).toHaveLength(1);
    expect(read.report!.participation[0].participants.value).toBe(438);
    expect(read.report!.partners).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['table-not-found']);
  });
});
