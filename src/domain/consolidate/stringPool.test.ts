import { stringPool } from './stringPool';
import { mergeReports } from './merge';
import { received } from './testing';
import { buildConsolidatedWorkbook } from './workbook';
import { defaultSettings } from '../settings';

// Which copy of a text is kept cannot be seen from JavaScript (the memory it saves is measured by `npm run bench`);
// what must hold is that sharing changes no value anywhere in what the merge keeps.
test('sharing repeated texts across received files changes none of their values', () => {
  const pool = stringPool();
  const file = (n: number) => ({
    file: `школа ${n}.xlsx`,
    read: { unit: { value: 'МАОУ СОШ № 4', cell: 'A13' }, rows: [['2023-10-02', n, null, true, undefined, ['вложенный', { x: 'A13' }]]] },
    problems: [],
    long: 'Т'.repeat(500),
  });
  const files = [file(1), file(2), file(3)];
  const before = JSON.stringify(files);
  for (const f of files) expect(pool.share(f)).toBe(f);
  expect(JSON.stringify(files)).toBe(before);
  expect(pool.share('текст')).toBe('текст');
  expect(pool.share(null)).toBeNull();
});

describe('a value read alike in many files is kept once', () => {
  const school = (n: number) => ({
    file: `школа ${n}.xlsx`,
    row: {
      empty: { value: null, cell: 'E13' },
      students: { value: 120, cell: 'F13' },
      fromText: { value: 120, cell: 'F13', interpreted: '120 чел.' },
      otherText: { value: 120, cell: 'F13', interpreted: 'сто двадцать' },
      negativeZero: { value: -0, cell: 'G13' },
      grades: [{ value: 7, cell: 'H13' }, { value: 7, cell: 'I13' }],
      names: { value: ['ТПУ', 'ТГУ'], cell: 'Y13' },
      dates: { value: { from: '2023-10-02', to: '2023-10-06' }, cell: 'C8' },
      withMore: { value: 120, cell: 'F13', note: 'своё' },
    },
  });

  test('the same cell with the same value in two schools is one value; a different cell or value is not', () => {
    const pool = stringPool();
    const [a, b] = [pool.share(school(1)), pool.share(school(2))];
    expect(b.row.empty).toBe(a.row.empty);
    expect(b.row.students).toBe(a.row.students);
    expect(b.row.grades[0]).toBe(a.row.grades[0]);
    expect(b.row.grades[1]).toBe(a.row.grades[1]);
    expect(a.row.grades[1]).not.toBe(a.row.grades[0]);
    const c = pool.share({ students: { value: 121, cell: 'F13' } });
    expect(c.students).not.toBe(a.row.students);
    expect(c.students).toEqual({ value: 121, cell: 'F13' });
  });

  test('what the cell said keeps values apart; lists and values with more to them stay each file’s own', () => {
    const pool = stringPool();
    const [a, b] = [pool.share(school(1)), pool.share(school(2))];
    expect(b.row.fromText).toBe(a.row.fromText);
    expect(b.row.otherText).toBe(a.row.otherText);
    expect(a.row.fromText).not.toBe(a.row.students);
    expect(a.row.otherText).not.toBe(a.row.fromText);
    expect(a.row.fromText).toEqual({ value: 120, cell: 'F13', interpreted: '120 чел.' });
    expect(a.row.students).toEqual({ value: 120, cell: 'F13' });
    expect(b.row.names).not.toBe(a.row.names);
    expect(b.row.withMore).not.toBe(a.row.withMore);
    expect(Object.is(b.row.negativeZero.value, -0)).toBe(true);
    expect(Object.is(pool.share({ x: { value: 0, cell: 'G13' } }).x.value, 0)).toBe(true);
    expect(Object.is(pool.share({ x: { value: -0, cell: 'G13' } }).x.value, -0)).toBe(true);
    // Asked about in the other order: a value with a text first, then the same without.
    const other = stringPool();
    const first = other.share({ x: { value: 5, cell: 'B2', interpreted: 'пять' } }).x;
    const plainFive = other.share({ x: { value: 5, cell: 'B2' } }).x;
    expect(plainFive).not.toBe(first);
    expect(other.share({ x: { value: 5, cell: 'B2' } }).x).toBe(plainFive);
    expect(other.share({ x: { value: 5, cell: 'B2', interpreted: 'пять' } }).x).toBe(first);
  });

  test('a plan row’s dates read alike are kept once; other dates, or what the cell said otherwise, are not', () => {
    const pool = stringPool();
    const row = (to: string, interpreted: string, extra?: object) => ({ dates: { value: { from: '2023-10-02', to, ...extra }, cell: 'C8', interpreted } });
    const a = pool.share(row('2023-10-06', '02.10.2023–06.10.2023')).dates;
    expect(pool.share(row('2023-10-06', '02.10.2023–06.10.2023')).dates).toBe(a);
    expect(pool.share(row('2023-10-07', '02.10.2023–07.10.2023')).dates).not.toBe(a);
    expect(pool.share(row('2023-10-07', '02.10.2023–06.10.2023')).dates).not.toBe(a); // other dates, the same words
    expect(pool.share(row('2023-10-06', '2–6 октября')).dates).not.toBe(a);
    expect(pool.share(row('2023-10-06', '02.10.2023–06.10.2023', { note: 'своё' })).dates).not.toBe(a);
    const fromOnly = () => pool.share({ dates: { value: { from: '2023-10-02' }, cell: 'C8', interpreted: '02.10.2023' } }).dates;
    expect(fromOnly()).not.toBe(fromOnly());
    // The same dates in another cell, and a text that reads like them, are other values.
    expect(pool.share({ dates: { value: { from: '2023-10-02', to: '2023-10-06' }, cell: 'C9', interpreted: '02.10.2023–06.10.2023' } }).dates).not.toBe(a);
    const asText = pool.share({ x: { value: '2023-10-02/2023-10-06', cell: 'C8', interpreted: '02.10.2023–06.10.2023' } }).x;
    expect(asText).not.toBe(a);
    expect(asText.value).toBe('2023-10-02/2023-10-06');
    expect(a.value).toEqual({ from: '2023-10-02', to: '2023-10-06' });
  });

  test('a full pool shares what it holds and keeps new values as they are', () => {
    const pool = stringPool(2);
    const a = pool.share({ x: { value: 1, cell: 'A1' }, y: { value: 2, cell: 'A1' }, z: { value: 3, cell: 'A1' } });
    const b = pool.share({ x: { value: 1, cell: 'A1' }, y: { value: 2, cell: 'A1' }, z: { value: 3, cell: 'A1' } });
    expect(b.x).toBe(a.x);
    expect(b.z).not.toBe(a.z);
    expect(b.z).toEqual({ value: 3, cell: 'A1' });
    // Values holding a list are never shared, so they take no room in the pool.
    const lists = stringPool(1);
    lists.share({ names: { value: ['ТПУ'], cell: 'Y13' } });
    expect(lists.share({ x: { value: 1, cell: 'A1' } }).x).toBe(lists.share({ x: { value: 1, cell: 'A1' } }).x);
  });

  test('the Свод of shared files is the Свод of the files as read, and merging changes none of them', () => {
    const settings = defaultSettings('autumn', 2023);
    const files = () =>
      Array.from({ length: 6 }, (_, i) =>
        received(`школа ${i}.xlsx`, `2023-10-1${i}T10:00`, [{ unit: `МАОУ СОШ № ${i % 4}`, events: 10 + (i % 2), grades: [1, 2, 3, 4, 5, 6, i], plan: 3, partners: { companies: ['ООО «Завод»'] } }]),
      );
    const pool = stringPool();
    const shared = files().map((f) => pool.share(f));
    expect(shared[1].read.report!.participation[0].schools).toBe(shared[0].read.report!.participation[0].schools);
    const book = (fs: ReturnType<typeof files>) => buildConsolidatedWorkbook(mergeReports({ files: fs, expectedUnits: [], policy: 'merge-with-errors', deadline: '2023-10-14' }), settings);
    expect(JSON.stringify(book(shared))).toBe(JSON.stringify(book(files())));
    expect(JSON.stringify(shared)).toBe(JSON.stringify(files()));
  });
});
