/**
 * «Свести листы этой книги» in the built pane inside "Excel" (office.js replaced by the strict Excel double): the
 * open workbook holds three schools' sheets copied in by the coordinator and a sheet of her own; the pane merges
 * the schools' sheets into the same workbook and leaves hers as they were. Screenshots at 320 and 450 px.
 */
import path from 'path';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { cellRef } from '../../src/domain/a1';
import { planToGrid } from '../support/formGrids';
import { fakeOfficeScript, OUTPUT, paneTests } from './harness';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();
const office = fakeOfficeScript();

type Cell = { value: unknown };
type Fx = {
  addSheet(n: string, cells: Record<string, unknown>): { merges: string[] };
  sheet(n: string): { cells: Map<string, Cell> } | undefined;
  sheets: { name: string; cells: Map<string, Cell> }[];
};
declare const window: Window & { __fx: Fx };

test('in Excel the schools’ sheets of the open workbook are merged into it; the coordinator’s sheets stay as they were', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 3, twice: false, broken: false, late: 0 });
  // The schools' sheets as the coordinator copied them in: values and merged areas.
  const sheets = sample.files.flatMap((f, i) =>
    f.workbook!.sheets
      .filter((s) => s.kind !== 'settings')
      .map((s) => {
        const g = planToGrid(s);
        const cells: Record<string, unknown> = {};
        g.cells.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== '' && (cells[cellRef(r + 1, c + 1)] = v)));
        return { name: `${i + 1} ${s.name}`.slice(0, 31), cells, merges: g.merges.map((m) => `${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}`) };
      }),
  );
  const { page } = await pane.open('/taskpane.html', 320, office);
  await page.evaluate((list) => {
    for (const s of list) window.__fx.addSheet(s.name, s.cells).merges.push(...s.merges);
  }, sheets);
  const snapshot = () =>
    page.evaluate(() => JSON.stringify(window.__fx.sheets.map((s) => [s.name, [...s.cells.entries()].map(([k, c]) => [k, c.value])])));
  const before = await snapshot();

  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByRole('checkbox', { name: 'Свести листы этой книги' }).check();
  await page.getByRole('button', { name: 'Свести выбранные файлы' }).click();
  await page.locator('#merge').getByText('В своде 3 организации.', { exact: false }).first().waitFor({ timeout: 120_000 });
  await page.screenshot({ path: path.join(OUTPUT, 'pane-excel-own-sheets-320.png'), fullPage: true });
  await page.setViewportSize({ width: 450, height: 900 });
  await page.screenshot({ path: path.join(OUTPUT, 'pane-excel-own-sheets-450.png'), fullPage: true });

  const after = await page.evaluate(() => {
    const fx = window.__fx;
    const detail = fx.sheet('Свод по ОО')!;
    return { names: fx.sheets.map((s) => s.name), detailText: [...detail.cells.values()].map((c) => String(c.value ?? '')) };
  });
  expect(after.names).toEqual(expect.arrayContaining(['Прил. 3 Свод', 'Свод по ОО', 'Реестр отчётов']));
  for (const f of sample.files) expect(after.detailText).toContain(f.unit);
  expect(after.detailText).toContain('1 Прил. 3 Отчёт');
  // Every sheet that was there before is exactly as it was.
  const was = new Map(JSON.parse(before) as [string, unknown][]);
  const now = new Map(JSON.parse(await snapshot()) as [string, unknown][]);
  for (const [name, cells] of was) expect({ name, cells: now.get(name) }).toEqual({ name, cells });
});
