/**
 * The stamped forms in a real spreadsheet engine: a report and a plan are stamped, filled with the order's
 * example rows (and broken copies of them), written to .xlsx, recalculated by LibreOffice, and the «Проверка»
 * column must say what the coordinator would need to fix.
 */
import JSZip from 'jszip';
import { cellRef } from '../src/domain/a1';
import { appendix2Layout } from '../src/domain/forms/appendix2Layout';
import { appendix3Layout, type Appendix3Fill } from '../src/domain/forms/appendix3Layout';
import { stampAppendix2 } from '../src/domain/forms/stampAppendix2';
import { stampAppendix3 } from '../src/domain/forms/stampAppendix3';
import { defaultSettings } from '../src/domain/settings';
import { SHEET } from '../src/domain/sheetNames';
import { emptySheetPlan, type CellInput } from '../src/domain/sheetPlan';
import { writeXlsx } from '../src/files/xlsxWriter';
import { recalculate, valueAt, type RecalculatedWorkbook } from './support/libreoffice';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

/** Table 3.1's official example row (seed 002): consistent, so it must pass. */
const EXAMPLE_31: Record<string, CellInput> = {
  unit: 'Александровский район',
  schools: 7,
  schoolsActive: 6,
  events: 42,
  students: 599,
  participants: 438,
  g5: 59, g6: 79, g7: 76, g8: 56, g9: 60, g10: 55, g11: 53,
  teachers: 33,
  ovzStudents: 109,
  ovzParticipants: 83,
  ovzG5: 11, ovzG6: 20, ovzG7: 17, ovzG8: 11, ovzG9: 22, ovzG10: 1, ovzG11: 1,
  partnersNames: 'НИ ТГУ',
};
/** Table 3.2's official example: its categories add up to 6, not the 10 it states. */
const EXAMPLE_32: Record<string, CellInput> = {
  unit: 'Александровский район',
  partnersTotal: 10,
  professionalEducationCount: 3,
  professionalEducationNames: 'ТУСУР, ТГАСУ и т.д.',
  companiesCount: 1,
  companiesNames: 'ЗАО «Томский подшипник» и т.д.',
  businessCount: 1,
  businessNames: 'И.П. Иванов И.И.',
  communityCount: 1,
  communityNames: 'успешный выпускник - Сидоров П.И.',
};

const settings = defaultSettings('autumn', 2026, { unit: 'Томская область', level: 'region' });
const report: Appendix3Fill = {
  participation: [
    EXAMPLE_31,
    { ...EXAMPLE_31, unit: 'Бакчарский район', g5: 61 }, // one grade changed: 440 ≠ 438
    { ...EXAMPLE_31, unit: 'Верхнекетский район', participants: 700, g5: 321 }, // more participants than pupils
    { ...EXAMPLE_31, unit: 'Зырянский район', students: '599 чел.', teachers: 33.5 }, // typed with the unit; a fraction
    { ...EXAMPLE_31, unit: 'Каргасокский район', partnersCount: 3, partnersNames: 'НИ ТГУ; ТПУ\nТУСУР' },
    { ...EXAMPLE_31, unit: 'Кожевниковский район', ovzG10: 60, ovzG11: 0, ovzParticipants: 142 }, // ОВЗ 10 кл. > all of 10 кл.
    {},
    { ...EXAMPLE_31, unit: 'Колпашевский район', partnersCount: 2, partnersNames: 'НИ ТГУ' }, // 3.2 says 3
  ],
  partners: [
    EXAMPLE_32,
    { unit: 'Каргасокский район', partnersTotal: 3, professionalEducationCount: 3, professionalEducationNames: 'НИ ТГУ, ТПУ, ТУСУР' },
    { unit: 'Колпашевский район', partnersTotal: 3, companiesCount: 3, companiesNames: 'А, Б, В' },
  ],
};
const plan = [
  { level: 'Школьный', name: 'Ярмарка профессий', dates: 46290, targetGroup: '8-9 классы', expectedParticipants: 120, expectedResults: 'Знакомство с профессиями', responsible: 'Иванова И. И., заместитель директора, 8 (3822) 90-11-22' },
  { level: 'Районный', name: 'Экскурсия', dates: 46400, targetGroup: '10 класс', expectedParticipants: 'около 30', expectedResults: '', responsible: 'Петров П. П., учитель' },
  { level: 'Муниципальный', name: '', dates: 46300, targetGroup: '', expectedParticipants: 12.5, expectedResults: '', responsible: 'petrov@example.ru' },
];

describe('stamped forms recalculated by LibreOffice', () => {
  let book: RecalculatedWorkbook;
  let xlsx: Uint8Array;
  const L3 = appendix3Layout(settings, { fill: report });
  const L2 = appendix2Layout(settings, { fill: plan });
  const check31 = (i: number) => String(valueAt(book[SHEET.report], cellRef(L3.participation.firstDataRow + i, L3.participation.checkColumn)) ?? '');
  const check32 = (i: number) => String(valueAt(book[SHEET.report], cellRef(L3.partners.firstDataRow + i, L3.partners.checkColumn)) ?? '');
  const check2 = (i: number) => String(valueAt(book[SHEET.plan], cellRef(L2.plan.firstDataRow + i, L2.plan.checkColumn)) ?? '');

  beforeAll(async () => {
    const probe = emptySheetPlan('Пересчёт', 'note');
    probe.blocks.push({ at: 'A1', rows: [[2, { formula: '=A1*21' }, { formula: '=IF(B1=42,"пересчитано","нет")' }]] });
    xlsx = await writeXlsx({
      sheets: [stampAppendix3(settings, { fill: report }), stampAppendix2(settings, { fill: plan }), probe],
    });
    book = await recalculate(xlsx);
  });

  test('LibreOffice computes formulas the writer left without cached values', async () => {
    const xml = await (await JSZip.loadAsync(xlsx)).file('xl/worksheets/sheet3.xml')!.async('string');
    expect(xml).toContain('<c r="B1"><f>A1*21</f></c>'); // no <v>: nothing to fall back on
    expect(valueAt(book['Пересчёт'], 'B1')).toBe(42);
    expect(valueAt(book['Пересчёт'], 'C1')).toBe('пересчитано');
  });

  test('the official example row of table 3.1 is «ОК»', () => {
    expect(check31(0)).toBe('ОК');
  });

  test('changing one per-grade number names the broken sum with both numbers', () => {
    expect(check31(1)).toBe('сумма по классам 440 ≠ 438 участников');
  });

  test('more participants than pupils is an error with the numbers', () => {
    expect(check31(2)).toContain('приняли участие 700 > 599 обучающихся');
    expect(check31(2)).not.toContain('Предупреждение');
  });

  test('a count typed with «чел.» is reported as not a number, a fraction as not whole', () => {
    expect(check31(3)).toContain('не числом заполнено ячеек с количеством: 1');
    expect(check31(3)).toContain('дробное количество — нужно целое число');
  });

  test('partner count in 3.1 matching 3.2 and the names listed is «ОК»', () => {
    expect(check31(4)).toBe('ОК');
    expect(check32(1)).toBe('ОК');
  });

  test('a partner count that differs between 3.1 and 3.2 warns once, in 3.1 (as the rules report it); too few names warn', () => {
    expect(check31(7)).toBe('Предупреждение: наименований партнёров перечислено 1, а указано 2; Предупреждение: партнёров в табл. 3.1 2 ≠ 3 в табл. 3.2');
    expect(check32(2)).toBe('ОК');
  });

  test('ОВЗ pupils of a grade above all participants of that grade are named by grade', () => {
    expect(check31(5)).toContain('10 класс: с ОВЗ 60 > 55 всех участников класса');
  });

  test('an empty row stays blank', () => {
    expect(check31(6)).toBe('');
  });

  test('the official example of table 3.2 warns that its categories add to 6, not 10; «ТУСУР, ТГАСУ и т.д.» may be shorter than 3', () => {
    expect(check32(0)).toBe('Предупреждение: сумма по категориям 6 ≠ 10 (общее количество партнёров)');
  });

  test('a plan row filled right is «ОК»; wrong level, text count and a date outside the window are named', () => {
    expect(check2(0)).toBe('ОК');
    expect(check2(1)).toContain('уровень «Районный» не из списка');
    expect(check2(1)).toContain('ожидаемое количество участников не число: «около 30»');
    expect(check2(1)).toContain('Предупреждение: дата 13.01.2027 вне сроков кампании 13.09.2026–15.10.2026');
    expect(check2(1)).toContain('Предупреждение: у ответственного лица нет телефона или e-mail');
    expect(check2(2)).toContain('не указано название мероприятия');
    expect(check2(2)).toContain('ожидаемое количество участников 12.5 — нужно целое число не меньше 0');
    expect(check2(2)).not.toContain('телефона');
    expect(check2(3)).toBe('');
  });
});

describe('the LibreOffice helper without LibreOffice', () => {
  test('says in Russian which package to install, instead of passing silently', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(recalculate(new Uint8Array())).rejects.toThrow(
        'LibreOffice не найден: установите пакет libreoffice-calc-nogui (scripts/setup.sh)',
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
