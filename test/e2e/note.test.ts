/**
 * «Скачать справку (.docx)» in the pane without Excel: schools' workbooks merged in the browser, the note
 * downloaded as a Word document and read back (its title, its figures, its tables); the section at 320 and 450 px
 * (test-output/pane-note-*.png) for a person to look at.
 */
import fs from 'fs';
import path from 'path';
import { fakeOfficeScript, OUTPUT, paneTests } from './harness';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../src/files/xlsxWriter';
import { readWorkbookFile } from '../../src/files/readWorkbook';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();

test.each([320, 450])('the note comes as a Word document from the merge just made (%i px)', async (width) => {
  const { page } = await pane.open('/taskpane.html?section=merge', width);
  const sample = sampleSchoolWorkbooks({ schools: 4, late: 1, twice: false, broken: false });
  const files = await Promise.all(
    sample.files.map(async (f) => ({
      name: f.file,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(f.workbook ? await writeXlsx(f.workbook) : f.bytes!),
    })),
  );
  await page.getByRole('tab', { name: '1. Настройки' }).click();
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByTestId('merge-files').setInputFiles(files);
  await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
  await page.getByText(/В своде 4\sорганизации/).first().waitFor();
  await page.getByRole('tab', { name: '5. Сводка' }).click();

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Скачать справку (.docx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Аналитическая справка — Город Томск — .+\.docx$/);
  const file = path.join(OUTPUT, `pane-note-${width}.docx`);
  await download.saveAs(file);
  const lines = readWorkbookFile(new Uint8Array(fs.readFileSync(file)), 'справка.docx').sheets[0].cells.map((r) => r.filter((v) => v !== null).join(' | '));
  expect(lines[0]).toMatch(/^Аналитическая справка по итогам осенней профориентационной кампании 2023 года/);
  expect(lines).toContain('Приложение к аналитической справке');
  expect(lines.some((l) => l.startsWith('Итого | '))).toBe(true);
  await page.locator('#summary').getByText(/Справка «Аналитическая справка — Город Томск — .+\.docx» скачана/).waitFor();
  await page.locator('#summary').screenshot({ path: path.join(OUTPUT, `pane-note-${width}.png`) });
});

test('in Excel the note is written from the open consolidated workbook as it stands', async () => {
  const { page } = await pane.open('/taskpane.html', 360, fakeOfficeScript());
  await page.getByText('Работа в открытой книге Excel').waitFor();
  const sample = sampleSchoolWorkbooks({ schools: 3, late: 0, twice: false, broken: false });
  const files = await Promise.all(
    sample.files.map(async (f) => ({ name: f.file, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await writeXlsx(f.workbook!)) })),
  );
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await page.getByText('Настройки сохранены в книге').first().waitFor();
  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByTestId('merge-files').setInputFiles(files);
  await page.getByRole('button', { name: 'Свести выбранные файлы' }).click();
  await page.getByText(/В своде 3\sорганизации/).first().waitFor({ timeout: 90_000 });
  await page.getByRole('tab', { name: '5. Сводка' }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Скачать справку (.docx)' }).click()]);
  const file = path.join(OUTPUT, 'pane-note-excel.docx');
  await download.saveAs(file);
  const lines = readWorkbookFile(new Uint8Array(fs.readFileSync(file)), 'справка.docx').sheets[0].cells.map((r) => r.filter((v) => v !== null).join(' | '));
  expect(lines[0]).toMatch(/^Аналитическая справка по итогам осенней профориентационной кампании 2023 года/);
  const total = lines.find((l) => l.startsWith('Итого | '))!;
  expect(total.split(' | ')[1].replace(/\s/g, '')).toBe(String(sample.totals.participants));
});
