import { countOf, formatDate, formatDateRange, formatList, formatNumber, formatPercent, NOUN, plural, share } from '.';

const spaced = (s: string) => s.replace(/\u00a0/g, ' ');

describe('Russian text as a coordinator writes it', () => {
  it('agrees nouns with numbers', () => {
    const t = NOUN.teacher;
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 2702].map((n) => plural(n, t))).toEqual([
      'педагог', 'педагога', 'педагога', 'педагогов', 'педагогов', 'педагогов', 'педагогов',
      'педагог', 'педагога', 'педагогов', 'педагог', 'педагогов', 'педагога',
    ]);
    expect(spaced(countOf(66, NOUN.school))).toBe('66 общеобразовательных организаций');
    expect(spaced(countOf(1, NOUN.organisation))).toBe('1 организация');
    expect(spaced(countOf(3448, NOUN.event))).toBe('3 448 мероприятий');
    expect(spaced(countOf(2702, NOUN.teacher))).toBe('2 702 педагога');
    expect(spaced(countOf(1, NOUN.pupil))).toBe('1 обучающийся');
    expect(spaced(countOf(34290, NOUN.pupil))).toBe('34 290 обучающихся');
  });

  it('groups thousands with a non-breaking space, four-digit numbers too', () => {
    expect(formatNumber(34290)).toBe('34\u00a0290');
    expect(formatNumber(3448)).toBe('3\u00a0448');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234567)).toBe('1\u00a0234\u00a0567');
    expect(formatNumber(52.25, 1)).toBe('52,3');
  });

  it('writes per cent with a non-breaking space, rounded as seed 000 rounds', () => {
    expect(formatPercent(96)).toBe('96\u00a0%');
    expect(share(34290, 35719)).toBe(96);
    expect(share(66, 66)).toBe(100);
    expect(share(2702, 5298)).toBe(51);
    expect(share(5, 0)).toBeNull();
  });

  it('writes dates and ranges in words', () => {
    expect(spaced(formatDate('2023-10-13'))).toBe('13 октября 2023 г.');
    expect(spaced(formatDateRange('2023-09-19', '2023-10-13'))).toBe('с 19 сентября по 13 октября 2023 г.');
    expect(spaced(formatDateRange('2023-12-20', '2024-01-15'))).toBe('с 20 декабря 2023 г. по 15 января 2024 г.');
    expect(() => formatDate('13.10.2023')).toThrow('ГГГГ-ММ-ДД');
  });

  it('words a date the same the thousandth time, and refuses a wrong one every time (the answers are remembered)', () => {
    for (let i = 0; i < 3; i++) {
      expect(spaced(formatDate('2023-10-13'))).toBe('13 октября 2023 г.');
      // The same day in the range's first half, without the year, is a different wording of the same date.
      expect(spaced(formatDateRange('2023-10-13', '2023-10-20'))).toBe('с 13 октября по 20 октября 2023 г.');
      expect(() => formatDate('2023-13-45')).toThrow('ГГГГ-ММ-ДД');
      expect(() => formatDateRange('2023-02-30x', '2023-10-20')).toThrow('ГГГГ-ММ-ДД');
    }
  });

  it('joins lists with commas and «и»', () => {
    expect(formatList(['МАОУ СОШ № 4', 'МАОУ СОШ № 5', 'гимназия № 29'])).toBe('МАОУ СОШ № 4, МАОУ СОШ № 5 и гимназия № 29');
    expect(formatList(['МАОУ СОШ № 4'])).toBe('МАОУ СОШ № 4');
    expect(formatList([])).toBe('');
  });
});
