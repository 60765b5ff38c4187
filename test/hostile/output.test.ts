/**
 * Whatever text came in, what the add-in writes stays a valid workbook: a megabyte of text is cut to what a cell
 * holds (marked «…», never splitting an emoji), control characters XML cannot carry are dropped, emoji and
 * formula-like texts stay text. LibreOffice must open the written file and see the same values.
 */
import { CELL_MAX_CHARS, fitCellText } from '../../src/domain/cellLimit';
import { emptySheetPlan } from '../../src/domain/sheetPlan';
import { toExcelInput } from '../../src/excel/excelValues';
import { readWorkbookFile } from '../../src/files/readWorkbook';
import { writeXlsx } from '../../src/files/xlsxWriter';
import { recalculate, valueAt } from '../support/libreoffice';
import { FORMULA_LIKE } from './support';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

const MEGABYTE = 'Профориентация 🎓 '.repeat(60_000);
// An emoji (two UTF-16 units) straddling the cut: the cut must not leave half of it.
const STRADDLING = 'а'.repeat(CELL_MAX_CHARS - 2) + '🎓' + 'б'.repeat(10);
const CONTROL = 'Звонок\u0007 нуль\u0000 escape\u001b конец';

function hostilePlan() {
  const p = emptySheetPlan('Свод по ОО', 'detail');
  p.blocks.push({ at: 'A1', rows: [[MEGABYTE, STRADDLING, CONTROL, '👩‍🏫 педагоги 🏫'], [...FORMULA_LIKE, { formula: '=LEN(A1)' }]] });
  return { sheets: [p] };
}

test('fitCellText keeps short text and cuts long text to exactly what a cell holds', () => {
  expect(fitCellText('МАОУ СОШ № 1')).toBe('МАОУ СОШ № 1');
  const cut = fitCellText(MEGABYTE);
  expect(cut).toHaveLength(CELL_MAX_CHARS);
  expect(cut.endsWith('…')).toBe(true);
  const emoji = fitCellText(STRADDLING);
  expect(emoji.length).toBeLessThanOrEqual(CELL_MAX_CHARS);
  expect(emoji).not.toMatch(/[\uD800-\uDBFF]…$/); // no lone high surrogate before the mark
});

test('the office.js adapter sends at most a cell’s worth, a formula-like long text still marked as text', () => {
  expect((toExcelInput(MEGABYTE) as string).length).toBe(CELL_MAX_CHARS);
  const long = toExcelInput(`=HYPERLINK("http://x","${'y'.repeat(100_000)}")`) as string;
  expect(long.startsWith("'=")).toBe(true);
  expect(long.length).toBe(CELL_MAX_CHARS + 1); // the apostrophe is Excel's mark, not part of the value
});

test('the written workbook holds the cut texts, no control characters, emoji whole, formula-like texts as text', async () => {
  const bytes = await writeXlsx(hostilePlan());
  const sheet = readWorkbookFile(bytes, 'свод.xlsx').sheets[0];
  const [a, b, c, d] = sheet.cells[0] as string[];
  expect(a).toHaveLength(CELL_MAX_CHARS);
  expect(a.endsWith('…')).toBe(true);
  expect(b.length).toBeLessThanOrEqual(CELL_MAX_CHARS);
  expect(c).toBe('Звонок нуль escape конец');
  expect(d).toBe('👩‍🏫 педагоги 🏫');
  expect(sheet.cells[1].slice(0, FORMULA_LIKE.length)).toEqual(FORMULA_LIKE);
  expect((sheet.formulas?.[1] ?? []).slice(0, FORMULA_LIKE.length).filter((f) => f !== null)).toEqual([]);
});

test('LibreOffice opens the written workbook and sees the same values', async () => {
  const values = await recalculate(await writeXlsx(hostilePlan()));
  const grid = values['Свод по ОО'];
  expect(String(valueAt(grid, 'A1'))).toHaveLength(CELL_MAX_CHARS);
  expect(valueAt(grid, 'C1')).toBe('Звонок нуль escape конец');
  expect(valueAt(grid, 'D1')).toBe('👩‍🏫 педагоги 🏫');
  FORMULA_LIKE.forEach((text, i) => expect(valueAt(grid, `${String.fromCharCode(65 + i)}2`)).toBe(text));
  // The formula beside them is live: LibreOffice computed the cut text's length (it counts an emoji once).
  expect(valueAt(grid, `${String.fromCharCode(65 + FORMULA_LIKE.length)}2`)).toBe([...fitCellText(MEGABYTE)].length);
}, 180_000);
