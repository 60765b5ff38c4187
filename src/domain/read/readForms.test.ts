import { readForms } from './index';
import { checkWorkbook } from '../rules';
import { stampAppendix3 } from '../forms/stampAppendix3';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { appendix3Layout } from '../forms/appendix3Layout';
import { H } from '../forms/officialText';
import { defaultSettings } from '../settings';
import type { ParticipationRow, Read } from '../report';
import {
  EXAMPLE_OVZ_TEXT,
  EXAMPLE_STUDENTS_TEXT,
  gridOf,
  insertColumn,
  insertRows,
  moveColumn,
  planToGrid,
  setCell,
  wordLayoutSheet,
  workbookOf,
} from '../../../test/support/formGrids';

const values = (rs: Read<number>[]) => rs.map((r) => r.value);

const settings = defaultSettings('spring', 2024, {
  unit: 'МАОУ СОШ № 1',
  level: 'school',
  coordinator: { name: 'Иванова Ирина Ивановна', post: 'заместитель директора', phone: '8 (3822) 11-22-33', email: 'ivanova@school1.ru' },
});

/** A school's report stamped by the add-in and filled in: the official example's figures. */
const FILLED = {
  participation: [
    {
      unit: 'МАОУ СОШ № 1', schools: 7, schoolsActive: 6, events: 42, students: 599, participants: 438,
      g5: 59, g6: 79, g7: 76, g8: 56, g9: 60, g10: 55, g11: 53, teachers: 33, teachersTotal: 40,
      ovzStudents: 109, ovzParticipants: 83, ovzG5: 11, ovzG6: 20, ovzG7: 17, ovzG8: 11, ovzG9: 22, ovzG10: 1, ovzG11: 1,
      partnersCount: 1, partnersNames: 'НИ ТГУ',
    },
  ],
  partners: [
    {
      unit: 'МАОУ СОШ № 1', partnersTotal: 10,
      professionalEducationCount: 3, professionalEducationNames: 'ТУСУР, ТГАСУ и т.д.',
      companiesCount: 1, companiesNames: 'ЗАО «Томский подшипник»',
      businessCount: 1, businessNames: 'И.П. Иванов И.И.',
      communityCount: 1, communityNames: 'успешный выпускник - Сидоров П.И.',
    },
  ],
};
const stamped = () => planToGrid(stampAppendix3(settings, { fill: FILLED }));
const L = appendix3Layout(settings, { fill: FILLED });

function expectOfficialFigures(p: ParticipationRow) {
  expect([p.schools.value, p.schoolsActive.value, p.events.value]).toEqual([7, 6, 42]);
  expect([p.students.value, p.participants.value]).toEqual([599, 438]);
  expect(values(p.grades)).toEqual([59, 79, 76, 56, 60, 55, 53]);
  expect(p.teachers.value).toBe(33);
  expect([p.ovzStudents.value, p.ovzParticipants.value]).toEqual([109, 83]);
  expect(values(p.ovzGrades)).toEqual([11, 20, 17, 11, 22, 1, 1]);
  expect(p.partnersNames.value).toEqual(['НИ ТГУ']);
}

describe('the Word-like layout of the order (one cell per official column)', () => {
  it('reads the official example back exactly, each value with its cell and how it was read', () => {
    const read = readForms(workbookOf('александровский.xlsx', wordLayoutSheet('Лист1')));
    expect(read.problems).toEqual([]);
    const [p] = read.report!.participation;
    expect(read.report!.participation).toHaveLength(1);
    expectOfficialFigures(p);
    expect(p.unit).toEqual({ value: 'Александровский район', cell: 'A10' });
    expect(p.schools).toEqual({ value: 7, cell: 'B10', interpreted: '7/6' });
    expect(p.events).toEqual({ value: 42, cell: 'C10' });
    expect(p.participants.cell).toBe('D10');
    expect(p.participants.interpreted).toMatch(/^Общее количество обучающихся 5-11 классов/);
    expect(p.ovzGrades[2].cell).toBe('F10');
    expect(p.partnersCount.value).toBeNull();
    expect(p.source).toEqual({ file: 'александровский.xlsx', sheet: 'Лист1', row: 10 });

    const [q] = read.report!.partners;
    expect(read.report!.partners).toHaveLength(1);
    expect(q.partnersTotal).toEqual({ value: 10, cell: 'B15' });
    expect(q.professionalEducation.count.value).toBe(3);
    expect(q.professionalEducation.names.value).toEqual(['ТУСУР', 'ТГАСУ']);
    expect(q.professionalEducation.namesOpen).toBe(true);
    expect([q.companies.count.value, q.business.count.value, q.community.count.value]).toEqual([1, 1, 1]);
    expect(q.business.names.value).toEqual(['И.П. Иванов И.И.']);
    expect(q.community.count.cell).toBe('F15');
  });

  it('reads a Word table pasted into Excel: each paragraph in a row of its own, the other cells merged down', () => {
    const students = EXAMPLE_STUDENTS_TEXT.split(/\n+/).map((t) => t.trim()).filter(Boolean);
    const ovz = EXAMPLE_OVZ_TEXT.split(/\n+/).map((t) => t.trim()).filter(Boolean);
    const span = Math.max(students.length, ovz.length);
    const rows = Array.from({ length: span }, (_, i) =>
      i === 0 ? ['Александровский район', '7/6', 42, students[0], 33, ovz[0], 'НИ ТГУ'] : [null, null, null, students[i] ?? null, null, ovz[i] ?? null, null],
    );
    const sheet = gridOf('Лист1', [[H.unit, H.schools, H.events, H.students, H.teachers, H.ovz, H.partners], ...rows], ['A', 'B', 'C', 'E', 'G'].map((c) => `${c}2:${c}${span + 1}`));
    const read = readForms(workbookOf('вставка из Word.xlsx', sheet));
    expect(read.report!.participation).toHaveLength(1);
    expectOfficialFigures(read.report!.participation[0]);
    expect(read.report!.participation[0].participants.cell).toBe('D2');
    expect(read.problems.filter((p) => p.code !== 'table-not-found')).toEqual([]);
  });

  it('reads the header lines: the unit and the coordinator', () => {
    const read = readForms(workbookOf('a.xlsx', wordLayoutSheet()));
    expect(read.report!.header).toEqual({
      unit: 'Александровский район',
      coordinator: 'Петрова Анна Ивановна, методист, 8 (38241) 2-11-22, petrova@example.ru',
    });
  });

  it('skips the «Пример: …» row kept from the order, on a renamed sheet with rows inserted above', () => {
    const read = readForms(workbookOf('a.xlsx', wordLayoutSheet('Отчёт ОО за весну', { withExample: true, offset: 4 })));
    expect(read.problems).toEqual([]);
    expect(read.report!.sheet).toBe('Отчёт ОО за весну');
    expect(read.report!.participation.map((p) => p.source.row)).toEqual([15]);
    expect(read.report!.partners.map((p) => p.source.row)).toEqual([21]);
  });

  it('finds columns by their distinctive words when the headers were retyped and a column moved', () => {
    let sheet = wordLayoutSheet();
    const retyped = ['МО', 'Кол-во ОО / из них организовавших мероприятия', 'Кол-во мероприятий', 'Кол-во обучающихся / приняли участие', 'Кол-во педагогов, принявших участие', 'Кол-во обучающихся с ОВЗ / приняли участие', 'Организации-партнёры, вовлечённые в мероприятия'];
    retyped.forEach((t, i) => setCell(sheet, `${'ABCDEFG'[i]}9`, t));
    sheet = moveColumn(sheet, 3, 7, 9, 10); // «мероприятий» moved to the right end of table 3.1
    const read = readForms(workbookOf('a.xlsx', sheet));
    expect(read.problems).toEqual([]);
    const [p] = read.report!.participation;
    expectOfficialFigures(p);
    expect(p.events).toEqual({ value: 42, cell: 'G10' });
  });

  it('says which column is missing and which value cannot be read, at its cell', () => {
    const sheet = wordLayoutSheet('Лист1', { row31: { 1: 'семь' } });
    setCell(sheet, 'C9', 'Примечание');
    const read = readForms(workbookOf('a.xlsx', sheet));
    const codes = read.problems.map((p) => [p.code, p.cell, p.severity]);
    expect(codes).toEqual([
      ['column-missing', '', 'error'],
      ['value-unreadable', 'B10', 'error'],
    ]);
    expect(read.problems[0].message).toMatch(/Общее количество организованных профориентационных мероприятий/);
    expect(read.problems[1].message).toMatch(/«семь»/);
  });
});

describe('a formula that fails', () => {
  it('is reported at its cell as a formula error, not as a typing error', () => {
    const read = readForms(workbookOf('a.xlsx', wordLayoutSheet('Лист1', { row31: { 4: '#ДЕЛ/0!' } })));
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([['value-unreadable', 'E10']]);
    expect(read.problems[0].message).toMatch(/формула, которая даёт ошибку/);
  });
});

describe('the form stamped by the add-in (official titles over sub-columns)', () => {
  it('reads every figure from its own cell', () => {
    const read = readForms(workbookOf('школа1.xlsx', stamped()));
    expect(read.problems).toEqual([]);
    const [p] = read.report!.participation;
    expectOfficialFigures(p);
    const col = L.participation.columns;
    const row = L.participation.firstDataRow;
    const at = (key: string) => `${String.fromCharCode(64 + col[key])}${row}`;
    expect(p.participants.cell).toBe(at('participants'));
    expect(p.grades[6].cell).toBe(at('g11'));
    expect(p.teachersTotal).toEqual({ value: 40, cell: at('teachersTotal') });
    expect(p.partnersCount).toEqual({ value: 1, cell: at('partnersCount') });
    expect(read.report!.header.unit).toBe('МАОУ СОШ № 1');
    expect(read.report!.header.coordinator).toBe('Иванова Ирина Ивановна, заместитель директора, 8 (3822) 11-22-33, ivanova@school1.ru');
    const [q] = read.report!.partners;
    expect(q.professionalEducation).toMatchObject({ count: { value: 3 }, names: { value: ['ТУСУР', 'ТГАСУ'] }, namesOpen: true });
    expect(q.partnersTotal.value).toBe(10);
  });

  it('reads on when the school inserted rows above, added its own column, left blank rows and added «Итого»', () => {
    let sheet = insertRows(stamped(), 1, 3, [['Отчёт МАОУ СОШ № 1 за весеннюю кампанию']]);
    sheet = insertColumn(sheet, 4, { 14: 'Примечание школы', 16: 'данные на 15.04' }); // before «мероприятий»
    const first = L.participation.firstDataRow + 3;
    sheet = insertRows(sheet, first, 2); // blank rows between the header and the data
    const dataRow = first + 2;
    const width = sheet.cells[dataRow - 1].length;
    sheet = insertRows(sheet, dataRow + 1, 1, [['Итого', 7, 6, null, 42, ...new Array(width - 5).fill(null)]]);
    const read = readForms(workbookOf('a.ods', { ...sheet, name: 'Лист1' }));
    expect(read.problems).toEqual([]);
    expect(read.report!.participation).toHaveLength(1);
    const [p] = read.report!.participation;
    expectOfficialFigures(p);
    expect(p.source.row).toBe(dataRow);
    expect(p.events.cell).toBe(`E${dataRow}`);
    expect(read.report!.partners).toHaveLength(1);
  });

  it('reads a form whose merged header is one row taller (every bottom header cell merged over two rows)', () => {
    const bottom = L.participation.headerBottom;
    const sheet = insertRows(stamped(), bottom + 1, 1);
    // The header cells ending on the bottom row reach one row lower; single cells become two-row merges.
    const covered = new Set<number>();
    for (const m of sheet.merges)
      if (m.bottom === bottom && m.top >= L.participation.headerTop) {
        m.bottom = bottom + 1;
        for (let c = m.left; c <= m.right; c++) covered.add(c);
      }
    for (let c = 1; c <= L.participation.checkColumn; c++)
      if (!covered.has(c)) sheet.merges.push({ top: bottom, left: c, bottom: bottom + 1, right: c });
    // Some writers repeat a merged cell's text in every cell it covers: the new row then repeats the titles above.
    for (let c = 1; c <= L.participation.checkColumn; c++) {
      const m = sheet.merges.find((x) => x.top <= bottom && x.bottom === bottom + 1 && x.left <= c && x.right >= c)!;
      sheet.cells[bottom][c - 1] = sheet.cells[m.top - 1][m.left - 1];
    }
    const read = readForms(workbookOf('школа1.xlsx', sheet));
    expect(read.problems).toEqual([]);
    expect(read.report!.participation).toHaveLength(1);
    const [p] = read.report!.participation;
    expectOfficialFigures(p);
    expect(p.source.row).toBe(L.participation.firstDataRow + 1);
  });

  it('reads a form whose top header row is merged two rows deep (a row of merged titles only, with sub-headers below)', () => {
    const top = L.participation.headerTop;
    // A row after the first header row; every cell of the first row reaches down over it, so the new row holds
    // nothing but the titles above it continued, and the class and ОВЗ sub-headers stay below it.
    const sheet = insertRows(stamped(), top + 1, 1);
    const covered = new Set<number>();
    // (Merges already reaching below the first row were stretched over the new row by the insertion.)
    for (const m of sheet.merges)
      if (m.top === top) {
        if (m.bottom === top) m.bottom = top + 1;
        for (let c = m.left; c <= m.right; c++) covered.add(c);
      }
    for (let c = 1; c <= L.participation.checkColumn; c++)
      if (!covered.has(c)) sheet.merges.push({ top, left: c, bottom: top + 1, right: c });
    for (let c = 1; c <= L.participation.checkColumn; c++) {
      const m = sheet.merges.find((x) => x.top === top && x.left <= c && x.right >= c)!;
      sheet.cells[top][c - 1] = sheet.cells[m.top - 1][m.left - 1];
    }
    const read = readForms(workbookOf('школа1.xlsx', sheet));
    expect(read.problems).toEqual([]);
    const [p] = read.report!.participation;
    expectOfficialFigures(p);
    expect(p.source.row).toBe(L.participation.firstDataRow + 1);
  });

  it('reads a class column by its lowest label when a header line is added above the classes', () => {
    // «приняли участие» typed over the classes, «5 класс» … below it: the column is the class, not the total.
    const row = L.participation.headerBottom;
    const col = L.participation.columns;
    const line: (string | null)[] = [];
    for (let c = col.g5; c <= col.g11; c++) line[c - 1] = 'приняли участие';
    const sheet = insertRows(stamped(), row, 1, [line]);
    const read = readForms(workbookOf('школа1.xlsx', sheet));
    const [p] = read.report!.participation;
    expect(values(p.grades)).toEqual([59, 79, 76, 56, 60, 55, 53]);
    expect(p.participants.value).toBe(438);
  });

  it('lets a merged cell cover its area and reads numbers typed as text', () => {
    const sheet = stamped();
    const row = L.participation.firstDataRow;
    const col = L.participation.columns;
    setCell(sheet, `${String.fromCharCode(64 + col.participants)}${row}`, '438 чел.');
    setCell(sheet, `${String.fromCharCode(64 + col.students)}${row}`, '599');
    // Two schools' rows with the municipality merged down over both.
    const twoRows = insertRows(sheet, row + 1, 1, [[null, 1, 1, 3, 20, 10, 1, 1, 1, 1, 2, 2, 2, 4, 0, 0]]);
    twoRows.merges.push({ top: row, left: 1, bottom: row + 1, right: 1 });
    const read = readForms(workbookOf('a.xlsx', twoRows));
    const rows = read.report!.participation;
    expect(rows).toHaveLength(2);
    expect(rows[0].participants).toEqual({ value: 438, cell: `F${row}`, interpreted: '438 чел.' });
    expect(rows[0].students).toEqual({ value: 599, cell: `E${row}`, interpreted: '599' });
    expect(rows[1].unit).toEqual({ value: 'МАОУ СОШ № 1', cell: `A${row}` });
    expect(rows[1].events.value).toBe(3);
  });
});

describe('Appendix 2 (plan)', () => {
  it('reads planned events: level, name, dates, expected participants, responsible person', () => {
    const fill = [
      { level: 'Муниципальный', name: 'Ярмарка профессий', dates: '20-25.03.2024', targetGroup: '8-9 классы', expectedParticipants: '120 чел.', expectedResults: 'выбор профиля', responsible: 'Иванова И.И., методист, 8 (3822) 11-22-33' },
      { level: 'школьный уровень', name: 'Классный час', dates: '2024-04-02', targetGroup: '5-7 классы', expectedParticipants: 60, expectedResults: '', responsible: 'Петров П.П.' },
    ];
    const read = readForms(workbookOf('план.xlsx', planToGrid(stampAppendix2(settings, { fill }))), { year: 2024 });
    expect(read.problems).toEqual([]);
    const rows = read.plan!.rows;
    expect(rows).toHaveLength(2);
    expect(rows[0].level).toMatchObject({ value: 'Муниципальный' });
    expect(rows[0].dates.value).toEqual({ from: '2024-03-20', to: '2024-03-25' });
    expect(rows[0].expectedParticipants).toMatchObject({ value: 120, interpreted: '120 чел.' });
    expect(rows[1].level).toMatchObject({ value: 'Школьный', interpreted: 'школьный уровень' });
    expect(rows[1].responsible.value).toBe('Петров П.П.');
    expect(read.plan!.header.unit).toBe('МАОУ СОШ № 1');
  });
});

describe('the plan as the order prints it', () => {
  it('reads a one-row header with retyped titles, the unit typed on its caption line, blank rows between events', () => {
    const sheet = gridOf('План', [
      ['Сводный план Кампании'],
      ['Томский район (указать муниципальное образование или ОГОО)'],
      [],
      ['Уровень', 'Название мероприятия', 'Срок', 'Целевая группа', 'Ожидаемое кол-во участников', 'Ожидаемые результаты', 'Ответственный, контакты'],
      ['Муниципальный уровень', 'Ярмарка профессий', '20 марта', '8-9 кл.', '120 чел.', '', 'Иванова И.И., ivanova@example.ru'],
      [],
      ['Школьный', 'Классный час', '01.04.2024', '5-7 кл.', 60, '', 'Петров П.П.'],
    ]);
    const read = readForms(workbookOf('план.xlsx', sheet), { year: 2024 });
    expect(read.problems).toEqual([]);
    expect(read.plan!.header.unit).toBe('Томский район');
    expect(read.plan!.rows.map((r) => [r.source.row, r.level.value, r.dates.value?.from, r.expectedParticipants.value])).toEqual([
      [5, 'Муниципальный', '2024-03-20', 120],
      [7, 'Школьный', '2024-04-01', 60],
    ]);
  });

  it('prefers a visible sheet to a hidden copy', () => {
    const visible = wordLayoutSheet('Отчёт', { unit: 'Новый' });
    const hidden = { ...wordLayoutSheet('Старый', { unit: 'Старый' }), hidden: true };
    const read = readForms(workbookOf('a.xlsx', hidden, visible));
    expect(read.report!.participation[0].unit.value).toBe('Новый');
  });
});

describe('files without the forms', () => {
  it('says no form was found when no sheet has the headers', () => {
    const read = readForms(workbookOf('список.xlsx', gridOf('Лист1', [['ФИО', 'Класс'], ['Иванов', '5А']])));
    expect(read.report).toBeUndefined();
    expect(read.plan).toBeUndefined();
    expect(read.problems.map((p) => [p.code, p.severity])).toEqual([['table-not-found', 'error']]);
    expect(read.problems[0].message).toMatch(/«список\.xlsx»/);
  });

  it('warns when table 3.2 is missing but 3.1 is there', () => {
    const sheet = wordLayoutSheet();
    const only31 = { ...sheet, cells: sheet.cells.slice(0, 11), merges: [] };
    const read = readForms(workbookOf('a.xlsx', only31));
    expect(read.problems.map((p) => [p.code, p.severity])).toEqual([['table-not-found', 'warning']]);
    expect(read.report!.participation).toHaveLength(1);
  });

  it('does not crash on garbage grids', () => {
    const junk = gridOf('x', [
      [H.schools, H.events, H.students, true, -1e308, '=1/0'],
      [null, '#DIV/0!', { toString: () => 'x' } as unknown as string, 'Итого'],
      [],
      [H.teachers],
    ], ['A1:B5', 'C2:C1']);
    expect(() => readForms(workbookOf('junk.xlsx', junk))).not.toThrow();
    expect(() => readForms(workbookOf('empty.xlsx'))).not.toThrow();
  });

  it('reads and checks 300 random grids of header words, numbers, text and merges without throwing', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const words = [...Object.values(H), 'Итого', 'Пример: район', '7/6', '1 234', '—', '12,5', '-3', '3 - ТУСУР, ТГАСУ и т.д.', '5 класс', 'Всего ОО', 'Приняли участие', 'Число', 'Наименования', '20-25.03.2024', 'Школьный', '', null, 0, 42, true, '#ДЕЛ/0!'];
    for (let n = 0; n < 300; n++) {
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 25) }, () => Array.from({ length: Math.floor(rnd() * 30) }, () => pick(words)));
      const merges = Array.from({ length: Math.floor(rnd() * 6) }, () => {
        const top = 1 + Math.floor(rnd() * 25);
        const left = 1 + Math.floor(rnd() * 30);
        return `${String.fromCharCode(64 + Math.min(left, 26))}${top}:${String.fromCharCode(64 + Math.min(26, left + Math.floor(rnd() * 4)))}${top + Math.floor(rnd() * 3)}`;
      });
      const wb = workbookOf(`random${n}.xlsx`, gridOf('Лист1', rows, merges));
      expect(() => checkWorkbook(readForms(wb), settings)).not.toThrow();
    }
  });
});
