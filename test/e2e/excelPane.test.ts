/**
 * The built pane inside "Excel": office.js is replaced by the strict Excel double, so the pane runs its Excel path
 * (settings on the hidden sheet, forms applied to the workbook, the question before typed data is touched, the
 * check of the open workbook with marks) in real Chromium against the production bundle.
 */
import path from 'path';
import AxeBuilder from '@axe-core/playwright';
import { fakeOfficeScript, OUTPUT, paneTests } from './harness';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();
const office = fakeOfficeScript();

type Fx = { sheet(n: string): { name: string; visibility: string; cells: Map<string, { value: unknown; format: Record<string, unknown> }> } | undefined; sheets: { name: string }[] };
declare const window: Window & { __fx: Fx };

test('in Excel the report form goes into the workbook; typed data is never replaced without asking', async () => {
  const session = await pane.open('/taskpane.html', 360, office);
  const { page } = session;
  await page.getByText('Работа в открытой книге Excel').waitFor();
  await page.getByLabel('Муниципальное образование или организация').fill('Александровский район');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await page.getByText('Настройки сохранены в книге').first().waitFor();

  await page.getByRole('tab', { name: '2. Формы' }).click();
  await page.getByRole('button', { name: 'Бланк отчёта (прил. 3)' }).click();
  await page.getByText('Лист «Прил. 3 Отчёт» записан в книгу.').first().waitFor();
  const after = await page.evaluate(() => {
    const fx = window.__fx;
    const report = fx.sheet('Прил. 3 Отчёт')!;
    return {
      names: fx.sheets.map((s) => s.name),
      settingsHidden: fx.sheet('ПК_Настройки')?.visibility,
      unitWritten: [...report.cells.values()].some((c) => String(c.value ?? '').includes('Александровский район')),
      userCell: fx.sheet('Лист1')!.cells.get('1,1')?.value,
    };
  });
  expect(after.names).toEqual(['Лист1', 'ПК_Настройки', 'Прил. 3 Отчёт']);
  expect(after.settingsHidden).toBe('Hidden');
  expect(after.unitWritten).toBe(true);
  expect(after.userCell).toBe('моя таблица');
  // The pane says which of its sheets the workbook holds.
  await page.getByRole('listitem').filter({ hasText: /^Прил\. 3 Отчёт$/ }).waitFor();

  // The school types a number into an input cell; stamping again must ask.
  const typed = await page.evaluate(() => {
    const report = window.__fx.sheet('Прил. 3 Отчёт')!;
    const input = [...report.cells.entries()].find(([, c]) => c.format['format.protection.locked'] === false)!;
    input[1].value = 438;
    return input[0];
  });
  await page.getByRole('button', { name: 'Бланк отчёта (прил. 3)' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByText(/Лист «Прил\. 3 Отчёт» уже заполнен/).waitFor();
  await page.screenshot({ path: path.join(OUTPUT, 'pane-excel-question.png') });
  const axe = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Продолжить' }).click(); // the default answer: a new sheet beside it
  await page.getByText('Лист «Прил. 3 Отчёт (2)» записан в книгу.').first().waitFor();
  const kept = await page.evaluate((k) => window.__fx.sheet('Прил. 3 Отчёт')!.cells.get(k)?.value, typed);
  expect(kept).toBe(438);

  // Checking the open workbook names the workbook and lists problems with a way to show each cell.
  await page.getByRole('tab', { name: '3. Проверка' }).click();
  await page.getByRole('button', { name: 'Проверить эту книгу' }).click();
  await page.locator('#check').getByText(/«Свод\.xlsx»/).first().waitFor();
  await page.locator('#check').screenshot({ path: path.join(OUTPUT, 'pane-excel-check.png') });
});
