/**
 * Excel on Mac (office.js replaced by the strict Excel double, opened with Office's `_host_Info=Excel$Mac$…`):
 * the pane runs in WKWebView, where a blob download does nothing and raises no error (office-js #2700, #3385,
 * #3662). The pane offers no .zip and no .docx there, never says a file was saved, and offers what works: blanks
 * as new workbooks (Excel.createWorkbook) and the pane in the default browser (Office.context.ui.openBrowserWindow).
 * On Windows the same pane keeps its downloads (excelBlanks.test.ts, note.test.ts).
 */
import { fakeOfficeScript, MAC_HOST_INFO, paneTests } from './harness';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();
const office = fakeOfficeScript();

declare const window: Window & { __created: string[]; __browserWindows: string[] };
const SCHOOLS = ['МБОУ СОШ № 1', 'МАОУ «Гимназия № 2»'];
const LIST = 'Организации, которым нужны бланки (по одной в строке)';

test('in Excel on Mac blanks open as new workbooks, no .zip is offered, and «Открыть панель в браузере» opens the pane outside Office', async () => {
  const { page } = await pane.open('/taskpane.html?section=forms', 360, office, MAC_HOST_INFO);
  await page.getByText('Работа в открытой книге Excel').waitFor();
  await page.getByText('В Excel для Mac и iPad панель не может сохранить архив .zip', { exact: false }).waitFor();
  expect(await page.getByRole('button', { name: 'Скачать бланки (.zip)' }).count()).toBe(0);
  await page.getByLabel(LIST).fill(SCHOOLS.join('\n'));
  await page.getByRole('button', { name: 'Открыть бланки в Excel' }).click();
  await page.getByText(/Открыто новыми книгами: 2\sбланка/).first().waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => window.__created.length)).toBe(2);

  await page.getByRole('button', { name: 'Открыть панель в браузере' }).click();
  await page.getByText('Панель открыта в браузере по умолчанию', { exact: false }).waitFor();
  const [url] = await page.evaluate(() => window.__browserWindows);
  // The pane's own address, at the forms, without Office's parameter: there it starts on files and downloads.
  expect(new URL(url).pathname).toBe('/taskpane.html');
  expect(new URL(url).searchParams.get('section')).toBe('forms');
  expect(url.toLowerCase()).not.toContain('_host_info');
});

test('in Excel on Mac the summary offers no .docx it cannot save, says why, and opens the pane in the browser to get it', async () => {
  const { page } = await pane.open('/taskpane.html?section=summary', 360, office, MAC_HOST_INFO);
  await page.getByText('Работа в открытой книге Excel').waitFor();
  await page.getByText('панель не может сохранить справку .docx', { exact: false }).waitFor();
  expect(await page.getByRole('button', { name: 'Скачать справку (.docx)' }).count()).toBe(0);
  await page.locator('#summary').getByRole('button', { name: 'Открыть панель в браузере' }).click();
  const [url] = await page.evaluate(() => window.__browserWindows);
  expect(new URL(url).searchParams.get('section')).toBe('merge');
  // Nothing on the page claims a download.
  expect(await page.getByText(/скачан/).count()).toBe(0);
});

test('in Excel on Windows the same sections keep their downloads', async () => {
  const { page } = await pane.open('/taskpane.html?section=summary', 360, office);
  await page.getByText('Работа в открытой книге Excel').waitFor();
  await page.getByRole('button', { name: 'Скачать справку (.docx)' }).waitFor();
  expect(await page.getByRole('button', { name: 'Открыть панель в браузере' }).count()).toBe(0);
  expect(await page.getByText('не может сохранить', { exact: false }).count()).toBe(0);
});
