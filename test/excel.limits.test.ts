/**
 * Every sheet the project can produce stays within what Excel accepts in a formula: a formula over 8,192
 * characters is dropped by Excel when it opens the file ("We found a problem with some content") and refused by
 * Range.formulas, a string constant over 255 characters or nesting over 64 levels is refused too. Formula cells,
 * custom validations and conditional formats are all checked (test/support/formulaLimits.ts names the sources).
 */
import { heldRows, isFormula, type SheetPlan } from '../src/domain/sheetPlan';
import { everyWorkbook } from './support/everySheet';
import { formulaBreaches, formulaFacts } from './support/formulaLimits';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

/** Every formula of a plan with where it is: cells, custom validations, conditional formats, names. */
function formulasOf(p: SheetPlan): { where: string; formula: string }[] {
  const out: { where: string; formula: string }[] = [];
  for (const b of p.blocks)
    heldRows(b.rows).forEach((row, i) =>
      row.forEach((c, j) => {
        if (c !== null && isFormula(c)) out.push({ where: `«${p.name}» ${b.at}+(${i},${j})`, formula: c.formula });
      }),
    );
  for (const v of p.validations) if (v.rule.kind === 'custom') out.push({ where: `«${p.name}» validation ${v.range}`, formula: v.rule.formula });
  for (const c of p.conditionalFormats) out.push({ where: `«${p.name}» conditional format ${c.range}`, formula: c.formula });
  return out;
}

test('no formula on any sheet the add-in writes is longer, deeper or holds a longer text than Excel accepts', () => {
  const sheets = everyWorkbook().flatMap((w) => w.plan.sheets);
  const kinds = new Set(sheets.map((s) => s.kind));
  // The sweep must reach every kind of sheet, or it proves nothing about the missing ones.
  for (const k of ['appendix2', 'appendix3', 'monitoring', 'blank', 'detail', 'consolidated-appendix3', 'consolidated-appendix2', 'consolidated-monitoring', 'partners', 'register', 'indicators', 'note', 'settings'])
    expect([k, kinds.has(k as SheetPlan['kind'])]).toEqual([k, true]);
  const breaches: string[] = [];
  let longest = 0;
  let checked = 0;
  for (const p of sheets)
    for (const f of formulasOf(p)) {
      checked++;
      longest = Math.max(longest, formulaFacts(f.formula).length);
      const why = formulaBreaches(f.formula);
      if (why.length) breaches.push(`${f.where}: ${why.join(', ')}`);
    }
  expect(checked).toBeGreaterThan(1000);
  expect([...new Set(breaches.map((b) => b.replace(/\+\(\d+,\d+\)/, '')))]).toEqual([]);
  expect(longest).toBeGreaterThan(2000); // the «Проверка» formulas are long: the measure reaches them
});

test('the limits measure what Excel counts: quotes doubled inside a text are one character, sheet names are not nesting', () => {
  expect(formulaFacts(`=IF(A1="${'я'.repeat(255)}",1,2)`).longestString).toBe(255);
  expect(formulaBreaches(`=IF(A1="${'я'.repeat(256)}",1,2)`)).toEqual(['a string constant of 256 characters (Excel allows 255)']);
  expect(formulaFacts('="a""b"').longestString).toBe(3);
  expect(formulaFacts("=SUM('Свод (2)'!A1:A3)").nesting).toBe(1);
  expect(formulaBreaches(`=${'ABS('.repeat(65)}1${')'.repeat(65)}`)).toEqual(['65 nested levels (Excel allows 64)']);
  expect(formulaBreaches(`=${'1+'.repeat(4096)}1`)).toEqual(['8193 characters (Excel allows 8192)']);
});
