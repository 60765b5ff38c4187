/**
 * «Бланки для каждой организации» inside "Excel" (office.js replaced by the strict Excel double): each blank is
 * opened as a new workbook through Excel.createWorkbook; an Excel without ExcelApi 1.8 says so and offers the .zip.
 */
import fs from 'fs';
import path from 'path';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { fakeOfficeScript, OUTPUT, paneTests } from './harness';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();
const office = fakeOfficeScript();

declare const window: Window & { __created: string[] };
const SCHOOLS = ['МБОУ СОШ № 1', 'МАОУ «Гимназия № 2»'];
const LIST = 'Организации, которым нужны бланки (по одной в строке)';

test('in Excel each school’s blank opens as a new workbook holding its report form', async () => {
  const session = await pane.open('/taskpane.html?section=forms', 360, office);
  const { page } = session;
  await page.getByText('Работа в открытой книге Excel').waitFor();
  await page.getByLabel(LIST).fill(SCHOOLS.join('\n'));
  await page.getByRole('button', { name: 'Открыть бланки в Excel' }).click();
  await page.getByText(/Открыто новыми книгами: 2\sбланка\. Сохраните каждую/).first().waitFor({ timeout: 60_000 });
  const created = await page.evaluate(() => window.__created);
  expect(created).toHaveLength(2);
  created.forEach((b64, i) => {
    const wb = XLSX.read(Buffer.from(b64, 'base64'), { type: 'buffer' });
    const text = XLSX.utils.sheet_to_csv(wb.Sheets['Прил. 3 Отчёт']);
    expect(text).toContain(SCHOOLS[i]);
  });
  // The open workbook itself is untouched.
  expect(await page.evaluate(() => (window as unknown as { __fx: { sheets: { name: string }[] } }).__fx.sheets.map((s) => s.name))).toEqual(['Лист1']);
  await page.locator('#forms').screenshot({ path: path.join(OUTPUT, 'pane-excel-blanks.png') });
});

test('an Excel without ExcelApi 1.8 says, in Russian, that it cannot open blanks and offers the .zip instead', async () => {
  const session = await pane.open('/taskpane.html?section=forms&api=7', 360, office);
  const { page } = session;
  await page.getByText('Работа в открытой книге Excel').waitFor();
  await page.getByText('не умеет открывать бланки новыми книгами: скачайте их архивом .zip', { exact: false }).waitFor();
  expect(await page.getByRole('button', { name: 'Открыть бланки в Excel' }).count()).toBe(0);
  await page.getByLabel(LIST).fill(SCHOOLS.join('\n'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Скачать бланки (.zip)' }).click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  expect(Object.keys(zip.files).sort()).toEqual(['МАОУ «Гимназия № 2».xlsx', 'МБОУ СОШ № 1.xlsx']);
});
