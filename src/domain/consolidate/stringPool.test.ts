import { stringPool } from './stringPool';

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
