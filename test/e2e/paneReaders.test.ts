/**
 * The pane's reading workers live only while files are read: after a check or a merge only the season worker
 * stays (each reading worker is a heap and a compiled copy of the readers — at 5,000 files the page's peak memory
 * fell from ~780 to ~620 MB), and files picked afterwards are read by new ones. The deflate worker a merge writes its
 * workbook with ends with the writing, too.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { paneTests } from './harness';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../src/files/xlsxWriter';
// Slow on purpose (Chromium): the built pane is driven in headless Chromium; a flow takes tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();

async function schoolFiles(schools: number, prefix: string): Promise<string[]> {
  const sample = sampleSchoolWorkbooks({ schools });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const paths: string[] = [];
  for (const f of sample.files) {
    const p = path.join(dir, f.file);
    fs.writeFileSync(p, f.workbook ? await writeXlsx(f.workbook) : f.bytes!);
    paths.push(p);
  }
  return paths;
}

/**
 * A machine of `cores` cores, as the page sees it (DevTools protocol, Emulation.setHardwareConcurrencyOverride) and
 * tells the season worker with its requests (readingWorkers.ts decides from it how many reading workers start),
 * and this machine may have any number.
 */
async function emulateCores(page: Page, cores: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
}

/** The pane on «3. Проверка» of an autumn 2023 campaign, on a machine of `cores` cores, counting the workers started. */
async function checkTab(cores: number): Promise<{ page: Page; started: () => number }> {
  const { page } = await pane.open('/taskpane.html');
  await emulateCores(page, cores);
  let started = 0;
  page.on('worker', () => started++);
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByRole('tab', { name: '3. Проверка' }).click();
  return { page, started: () => started };
}

/** The workers of the page still running (Playwright drops a worker once it is closed). */
async function workersSettled(page: Page, count: number): Promise<void> {
  for (let i = 0; i < 100 && page.workers().length !== count; i++) await page.waitForTimeout(100);
  expect(page.workers().length).toBe(count);
}

test('after a check only the season worker stays; the merge of other files reads them with new reading workers', async () => {
  const { page, started } = await checkTab(4);
  await page.getByTestId('check-files').setInputFiles(await schoolFiles(6, 'pk-readers-a-'));
  await page.getByRole('button', { name: 'Проверить выбранные файлы' }).click();
  await page.locator('#check').getByTestId('org-table').waitFor({ timeout: 120_000 });
  // The season worker and at least one reading worker were started; the reading ones have ended.
  expect(started()).toBeGreaterThan(1);
  await workersSettled(page, 1);
  const afterCheck = started();

  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByTestId('merge-files').setInputFiles(await schoolFiles(4, 'pk-readers-b-'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Свод — Город Томск/);
  await page.locator('#merge').getByTestId('org-table').waitFor();
  expect(started()).toBeGreaterThan(afterCheck);
  await workersSettled(page, 1);
});

test('with two cores at most one reading worker starts beside the season worker, and the check is complete', async () => {
  const { page, started } = await checkTab(2);
  const files = await schoolFiles(6, 'pk-readers-c-');
  await page.getByTestId('check-files').setInputFiles(files);
  await page.getByRole('button', { name: 'Проверить выбранные файлы' }).click();
  const table = page.locator('#check').getByTestId('org-table');
  await table.waitFor({ timeout: 120_000 });
  // The season worker, and one reading worker or none as this machine's memory decides (readingWorkers.ts, whose
  // rule its own tests pin), never the three reading workers of four cores.
  expect(started()).toBeGreaterThanOrEqual(1);
  expect(started()).toBeLessThanOrEqual(2);
  await workersSettled(page, 1);
  // Every picked file was read.
  await page.locator('#check').getByText(new RegExp(`Проверено: ${files.length}\\sфайл`)).first().waitFor();
});
