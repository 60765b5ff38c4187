import { remembered, rememberedBySample, sampleKey } from './remembered';

test('a text asked about again is answered from memory, by either table, and a text that differs in one character anywhere gets its own answer', () => {
  const long = 'Томский техникум информационных технологий; Томский экономико-промышленный колледж';
  const variants = [long, ...[...long].map((c, i) => long.slice(0, i) + (c === 'я' ? 'ю' : 'я') + long.slice(i + 1))];
  // The sample alone does not tell these apart: the whole text must be compared.
  expect(new Set(variants.map(sampleKey)).size).toBeLessThan(new Set(variants).size);
  for (const table of [remembered, rememberedBySample]) {
    const asked: string[] = [];
    const upper = table((t: string) => (asked.push(t), t.toUpperCase()));
    // Each round with new strings of the same texts, as each file's cells are.
    for (const round of [1, 2]) for (const t of variants) expect({ round, answer: upper((' ' + t).slice(1)) }).toEqual({ round, answer: t.toUpperCase() });
    expect(asked.length).toBe(new Set(variants).size);
  }
});

test('an answer of nothing is remembered too, and past its capacity everything is forgotten at once', () => {
  for (const table of [remembered, rememberedBySample]) {
    let calls = 0;
    const nothing = table(() => (calls++, undefined), 3);
    for (const t of ['a', 'b', 'c', 'a', 'b', 'c']) expect(nothing(t)).toBeUndefined();
    expect(calls).toBe(3);
    nothing('d'); // the fourth: the table is cleared first
    nothing('a');
    expect(calls).toBe(5);
  }
});

test('the text kept as the key is the one `keep` gives (a copy of its own, not the sheet it was cut from)', () => {
  const kept: string[] = [];
  const f = rememberedBySample((t: string) => t.length, 10, (t) => (kept.push(t), t));
  f('Прил. 2 План');
  f('Прил. 2 План');
  expect(kept).toEqual(['Прил. 2 План']);
});
