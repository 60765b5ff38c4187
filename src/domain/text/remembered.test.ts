import { remembered, sampleKey } from './remembered';

test('a remembered answer is asked once per text, and texts that differ in one character anywhere get their own', () => {
  const asked: string[] = [];
  const upper = remembered((t: string) => (asked.push(t), t.toUpperCase()));
  const long = 'Томский техникум информационных технологий; Томский экономико-промышленный колледж';
  const variants = [long, ...[...long].map((c, i) => long.slice(0, i) + (c === 'я' ? 'ю' : 'я') + long.slice(i + 1))];
  for (const round of [1, 2]) for (const t of variants) expect({ round, answer: upper(t) }).toEqual({ round, answer: t.toUpperCase() });
  // Each distinct text once, however alike their sampled characters are.
  expect(asked.length).toBe(new Set(variants).size);
  expect(new Set(variants.map(sampleKey)).size).toBeLessThan(variants.length); // the sample alone does not tell them apart
});

test('an answer of nothing is remembered too, and past its capacity everything is forgotten at once', () => {
  let calls = 0;
  const nothing = remembered(() => (calls++, undefined), 3);
  for (const t of ['a', 'b', 'c', 'a', 'b', 'c']) expect(nothing(t)).toBeUndefined();
  expect(calls).toBe(3);
  nothing('d'); // the fourth: the table is cleared first
  nothing('a');
  expect(calls).toBe(5);
});

test('the text kept as the key is the one `keep` gives (a copy of its own, not the sheet it was cut from)', () => {
  const kept: string[] = [];
  const f = remembered((t: string) => t.length, 10, (t) => (kept.push(t), t));
  f('Прил. 2 План');
  f('Прил. 2 План');
  expect(kept).toEqual(['Прил. 2 План']);
});
