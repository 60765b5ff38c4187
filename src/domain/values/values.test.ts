import { parseCount, parsePair } from './count';
import { parseCountWithNames, parseNames } from './names';
import { parseStudentsText } from './studentsText';
import { parseDateRange } from './dates';
import { parseEventLevel } from './level';
import { hasContact } from './contact';
import { EXAMPLE_OVZ_TEXT, EXAMPLE_STUDENTS_TEXT } from '../../../test/support/formGrids';

describe('counts as people type them', () => {
  it.each([
    ['438 чел.', 438],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u2009234', 1234],
    ['1\u202f234 чел', 1234],
    ['12,0', 12],
    ['42', 42],
    [' 7 ', 7],
    ['42 мероприятия', 42],
  ])('reads «%s» as %d and records the text it interpreted', (text, n) => {
    expect(parseCount(text)).toEqual({ kind: 'number', value: n, interpreted: text.replace(/\s+/g, ' ').trim() });
  });

  it('keeps a number cell as it is, with nothing interpreted', () => {
    expect(parseCount(438)).toEqual({ kind: 'number', value: 438 });
  });

  it.each(['—', '-', '–', 'нет', 'Нет', 'отсутствуют', 'х'])('reads «%s» as none', (t) => {
    expect(parseCount(t)).toEqual({ kind: 'none', interpreted: t });
  });

  it('reads an empty cell as none', () => {
    expect(parseCount(null)).toEqual({ kind: 'none' });
    expect(parseCount('  ')).toEqual({ kind: 'none' });
  });

  it('returns 12,5 and -3 as they are, without rounding or dropping the sign', () => {
    expect(parseCount('12,5')).toMatchObject({ kind: 'number', value: 12.5 });
    expect(parseCount('-3')).toMatchObject({ kind: 'number', value: -3 });
    expect(parseCount(-3)).toMatchObject({ kind: 'number', value: -3 });
  });

  it('refuses text that is not a count', () => {
    expect(parseCount('много')).toEqual({ kind: 'unreadable', text: 'много' });
    expect(parseCount('около 400')).toEqual({ kind: 'unreadable', text: 'около 400' });
    expect(parseCount(true)).toMatchObject({ kind: 'unreadable' });
  });

  it('splits 7/6 into two counts, each remembering the cell text', () => {
    expect(parsePair('7/6 ')).toEqual({
      first: { kind: 'number', value: 7, interpreted: '7/6' },
      second: { kind: 'number', value: 6, interpreted: '7/6' },
    });
    expect(parsePair('12 / 11 ОО')?.second).toMatchObject({ value: 11 });
    expect(parsePair('7')).toBeUndefined();
  });
});

describe('a count with names', () => {
  it('reads the official example cells of table 3.2', () => {
    expect(parseCountWithNames('3 - ТУСУР, ТГАСУ и т.д.')).toMatchObject({ count: 3, names: ['ТУСУР', 'ТГАСУ'], open: true });
    expect(parseCountWithNames('1 - ЗАО «Томский подшипник» и т.д.')).toMatchObject({ count: 1, names: ['ЗАО «Томский подшипник»'], open: true });
    expect(parseCountWithNames('1 - И.П. Иванов И.И.')).toMatchObject({ count: 1, names: ['И.П. Иванов И.И.'], open: false });
    expect(parseCountWithNames('1 - успешный выпускник - Сидоров П.И. ')).toMatchObject({ count: 1, names: ['успешный выпускник - Сидоров П.И.'] });
  });

  it('reads names alone as a list with no count', () => {
    expect(parseCountWithNames('НИ ТГУ')).toMatchObject({ count: null, names: ['НИ ТГУ'], open: false });
    expect(parseCountWithNames('ТГУ; ТПУ; ТУСУР.')).toMatchObject({ count: null, names: ['ТГУ', 'ТПУ', 'ТУСУР'] });
    expect(parseCountWithNames('1. ТГУ\n2. ТПУ')).toMatchObject({ count: null, names: ['ТГУ', 'ТПУ'] });
  });

  it('reads a count alone, a count with names in brackets, and keeps commas inside quotes', () => {
    expect(parseCountWithNames('3')).toMatchObject({ count: 3, names: [] });
    expect(parseCountWithNames('2 (ТГУ, ТПУ)')).toMatchObject({ count: 2, names: ['ТГУ', 'ТПУ'] });
    expect(parseNames('ООО «Рога, копыта», ТГУ')).toEqual({ names: ['ООО «Рога, копыта»', 'ТГУ'], open: false });
  });
});

describe('the Word form paragraph of pupils', () => {
  it('reads the official example: 599 pupils, 438 took part, 59…53 by grade', () => {
    expect(parseStudentsText(EXAMPLE_STUDENTS_TEXT)).toEqual({ total: 599, participants: 438, grades: [59, 79, 76, 56, 60, 55, 53] });
  });

  it('reads the official ОВЗ example with «7 классы» and «9 классы - 22 чел.,»', () => {
    expect(parseStudentsText(EXAMPLE_OVZ_TEXT)).toEqual({ total: 109, participants: 83, grades: [11, 20, 17, 11, 22, 1, 1] });
  });

  it('leaves grades a basic school does not have empty', () => {
    expect(parseStudentsText('Всего 120 чел., приняли участие – 100 чел. Из них: 5 кл. - 30; 6 кл. - 20; 7 кл. - 20; 8 кл. - 15; 9 кл. - 15')).toEqual({
      total: 120,
      participants: 100,
      grades: [30, 20, 20, 15, 15, null, null],
    });
  });

  it('says nothing for text that is not such a paragraph', () => {
    expect(parseStudentsText('данные уточняются')).toBeUndefined();
  });
});

describe('plan dates', () => {
  it.each([
    ['20.03.2024', '2024-03-20', '2024-03-20'],
    ['20.03.2024 - 25.03.2024', '2024-03-20', '2024-03-25'],
    ['20-25.03.2024', '2024-03-20', '2024-03-25'],
    ['20.03-05.04.2024', '2024-03-20', '2024-04-05'],
    ['20 марта 2024', '2024-03-20', '2024-03-20'],
    ['20-25 марта', '2024-03-20', '2024-03-25'],
    ['с 15 марта по 16 апреля 2024 г.', '2024-03-15', '2024-04-16'],
    ['март 2024', '2024-03-01', '2024-03-31'],
    ['15.03.24', '2024-03-15', '2024-03-15'],
    ['2024-03-20', '2024-03-20', '2024-03-20'],
  ])('reads «%s» as %s – %s', (text, from, to) => {
    expect(parseDateRange(text, 2024)).toEqual({ from, to });
  });

  it('reads a date serial number that lost its format', () => {
    expect(parseDateRange(45371, 2024)).toEqual({ from: '2024-03-20', to: '2024-03-20' });
  });

  it.each(['в течение кампании', '31.02.2024', '25.03-20.03.2024', 'апрель'])('does not guess «%s»', (t) => {
    expect(parseDateRange(t, 2024)).toBeUndefined();
  });
});

describe('event level and contacts', () => {
  it('knows the three official levels, exactly or as retyped', () => {
    expect(parseEventLevel('Муниципальный')).toEqual({ level: 'Муниципальный', exact: true });
    expect(parseEventLevel('школьный уровень')).toEqual({ level: 'Школьный', exact: false });
    expect(parseEventLevel('Региональный')).toEqual({ level: 'Участие в региональном мероприятии', exact: false });
    expect(parseEventLevel('Федеральный')).toBeUndefined();
    expect(parseEventLevel('муниципальный и школьный')).toBeUndefined();
  });

  it('finds a phone or an e-mail in the responsible-person cell', () => {
    expect(hasContact('Иванова И.И., зам. директора, 8 (3822) 51-23-45')).toBe(true);
    expect(hasContact('Иванова И.И., ivanova@school1.tomsk.ru')).toBe(true);
    expect(hasContact('Иванова И.И., зам. директора по ВР')).toBe(false);
  });
});
