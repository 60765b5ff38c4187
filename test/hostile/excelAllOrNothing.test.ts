/**
 * The open workbook through the office.js adapter (strict Excel double): a merge delivered into a workbook that
 * holds the coordinator's own sheets and an earlier merge either completes or leaves the workbook exactly as it
 * was — whichever operation fails (a failure is swept through every operation of the run, as when Excel errs or
 * the pane is closed half-way). The coordinator's own sheets are never touched, on success or failure.
 */
import { mergeReports } from '../../src/domain/consolidate/merge';
import { received } from '../../src/domain/consolidate/testing';
import { buildConsolidatedWorkbook } from '../../src/domain/consolidate/workbook';
import { defaultSettings } from '../../src/domain/settings';
import { SHEET } from '../../src/domain/sheetNames';
import type { WorkbookPlan } from '../../src/domain/sheetPlan';
import { detectSupport } from '../../src/excel/support';
import { excelHost } from '../../src/taskpane/services/excelHost';
import { FakeExcel } from '../support/fakeExcel';
import { errorText } from '../../src/taskpane/ui';
import { FORMULA_LIKE } from './support';
// Slow on purpose (whole workbooks): one test re-runs a whole merge's apply once per operation kind, failing each;
// 40–70 s for the file on a loaded 2-core machine.
jest.setTimeout(180_000);

const settings = { ...defaultSettings('autumn', 2023), unit: 'Город Томск' };

function mergePlan(units: string[]): WorkbookPlan {
  const files = units.map((unit, i) =>
    received(`школа ${i + 1}.xlsx`, `2023-10-1${i % 9}T10:00`, [{ unit, events: 3 + i, students: 100, grades: [10, 10, 10, 10, 10, 5, 5], partners: { companies: [`ООО «Партнёр ${i}»`] }, plan: 2 }]),
  );
  return buildConsolidatedWorkbook(mergeReports({ files, expectedUnits: [], policy: 'merge-with-errors' }), settings);
}

/** Everything the workbook holds, except which sheet is active or selected and Excel's internal ids. */
function snapshot(fx: FakeExcel): string {
  return JSON.stringify({
    sheets: fx.sheets.map(({ selected: _s, id: _id, ...s }) => ({
      ...s,
      conditionalFormats: s.conditionalFormats.map(({ id: _cf, ...cf }) => cf), // the double numbers them at random
      // A cell with nothing in it (no value, formula, number format or format) is no cell: Excel has no such thing.
      cells: [...s.cells.entries()].filter(([, c]) => c.value !== null || c.formula || c.numberFormat || Object.keys(c.format).length).sort(),
      columnWidths: [...s.columnWidths.entries()],
      rowHeights: [...s.rowHeights.entries()],
    })),
    names: [...fx.names.entries()].sort(),
  });
}

function userSheetSnapshot(fx: FakeExcel, name: string): string {
  const s = fx.sheet(name)!;
  return JSON.stringify({ ...s, cells: [...s.cells.entries()].sort(), columnWidths: [...s.columnWidths.entries()], rowHeights: [...s.rowHeights.entries()], selected: undefined });
}

/** A coordinator's workbook: their own sheets around an earlier merge by the add-in. */
async function coordinatorsWorkbook(): Promise<{ fx: FakeExcel; host: ReturnType<typeof excelHost> }> {
  const fx = new FakeExcel();
  fx.addSheet('Мои заметки', { A1: 'Обзвонить школы', B2: 42, C3: '=HYPERLINK("http://x","y")' });
  fx.sheet('Мои заметки')!.merges.push('A5:C5');
  const host = excelHost({ run: fx.run, support: detectSupport((n, v) => fx.isSetSupported(n, v)), workbookName: 'Свод 2023.xlsx' });
  await host.deliver(mergePlan(['МАОУ СОШ № 1', 'МАОУ СОШ № 2']), settings, 'Свод 2023.xlsx', async () => ({}));
  fx.addSheet('Расчёты', { A1: 'моя формула', B1: 7 });
  return { fx, host };
}

test('a merge delivered into the workbook writes its sheets and leaves the coordinator’s own sheets untouched', async () => {
  const { fx, host } = await coordinatorsWorkbook();
  const notes = userSheetSnapshot(fx, 'Мои заметки');
  const calc = userSheetSnapshot(fx, 'Расчёты');
  await host.deliver(mergePlan(['МАОУ СОШ № 1', 'МАОУ СОШ № 2', ...FORMULA_LIKE]), settings, 'Свод 2023.xlsx', async () => ({}));
  expect(fx.sheet(SHEET.detail)).toBeDefined();
  expect(userSheetSnapshot(fx, 'Мои заметки')).toBe(notes);
  expect(userSheetSnapshot(fx, 'Расчёты')).toBe(calc);
  // Formula-like unit names reach the open workbook as text, not formulas.
  const detail = fx.sheet(SHEET.detail)!;
  for (const text of FORMULA_LIKE) {
    const cell = [...detail.cells.values()].find((c) => c.value === text);
    expect({ text, formula: cell?.formula }).toEqual({ text, formula: undefined });
  }
});

test('a failure at any operation of a merge leaves the workbook as it was, or — once the data is written — finished', async () => {
  // Count the operations of a successful run on an identical workbook.
  const probe = await coordinatorsWorkbook();
  const plan = mergePlan(['МАОУ СОШ № 1', 'МАОУ СОШ № 2', 'МАОУ СОШ № 3']);
  const from = probe.fx.opsRun;
  // Record what each operation is, to fail at the first and last of every kind (backup, clear, write, names…).
  const kinds: string[] = [];
  const enqueue = probe.fx.enqueue.bind(probe.fx);
  probe.fx.enqueue = (what, payload, run) => enqueue(what, payload, () => (kinds.push(what.replace(/ .*/, '')), run()));
  await probe.host.deliver(plan, settings, 'Свод 2023.xlsx', async () => ({}));
  const done = snapshot(probe.fx);
  const total = probe.fx.opsRun - from;
  expect(total).toBeGreaterThan(10);
  expect(kinds).toHaveLength(total);
  const firstAndLast = [...new Set(kinds)].flatMap((k) => [kinds.indexOf(k) + 1, kinds.lastIndexOf(k) + 1]);
  // Sheets are rewritten in place (a backup copied in and dropped), never renamed aside.
  expect(kinds).toEqual(expect.arrayContaining(['addSheet', 'copyFrom', 'clear', 'deleteSheet']));
  expect(kinds).not.toContain('setName');

  // Every operation up to 40, the first and last of each kind, and a spread over the rest: each on a fresh workbook.
  const points = [
    ...new Set([
      ...Array.from({ length: Math.min(total, 40) }, (_, i) => i + 1),
      ...firstAndLast,
      ...Array.from({ length: 30 }, (_, i) => 1 + Math.floor(((i + 0.5) * total) / 30)),
    ]),
  ].sort((a, b) => a - b);
  const leftBroken: number[] = [];
  let rolledBack = 0;
  let completed = 0;
  for (const k of points) {
    const { fx, host } = await coordinatorsWorkbook();
    const before = snapshot(fx);
    fx.failAtOp = k;
    let message: string | undefined;
    try {
      await host.deliver(plan, settings, 'Свод 2023.xlsx', async () => ({}));
    } catch (e) {
      message = errorText(e, 'свести отчёты'); // what the pane shows
    }
    expect(fx.failAtOp).toBeUndefined(); // the failure did happen
    const after = snapshot(fx);
    // All or nothing: as before (and then the user is told), or — when only the old copies were left to delete —
    // exactly what a run without the failure gives.
    if (after === before) {
      expect({ k, message }).toEqual({ k, message: expect.stringMatching(/[А-Яа-я]{4,}/) });
      expect(message).not.toMatch(/\bat \w+ \(|GeneralException/);
      rolledBack++;
    } else if (after === done && message === undefined) completed++;
    else {
      leftBroken.push(k);
      if (process.env.PK_DEBUG) process.stdout.write(`${k} ${kinds[k - 1]} ${message} ${after === done}\n${JSON.parse(after).sheets.map((x: { name: string }) => x.name)}\n`);
    }
  }
  expect({ total, leftBroken }).toEqual({ total, leftBroken: [] });
  expect(rolledBack).toBeGreaterThan(points.length / 2);
  process.stdout.write(
    `all-or-nothing: ${points.length} failure points over ${total} operations of ${new Set(kinds).size} kinds: ${rolledBack} rolled back, ${completed} completed\n`,
  );
});
