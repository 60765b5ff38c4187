/**
 * The same files give the same Свод in the pane and on the command line, however they were picked: the dialog or a
 * drop may hand them over in any order, the command line reads a folder in Russian alphabetical order.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Download } from 'playwright-core';
import { OUTPUT, paneTests } from './harness';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../src/files/xlsxWriter';
import { readWorkbookFile } from '../../src/files/readWorkbook';
import { merge } from '../../src/cli/merge';
import { SHEET } from '../../src/domain/sheetNames';
// Slow on purpose (Chromium): the built pane is driven in headless Chromium; a flow takes tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();

test('files picked in reverse order give the pane the command line’s «Свод по ОО» and register, cell for cell', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 7 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-order-'));
  const paths: string[] = [];
  for (const f of sample.files) {
    const p = path.join(dir, f.file);
    fs.writeFileSync(p, f.workbook ? await writeXlsx(f.workbook) : f.bytes!);
    const when = new Date(f.received);
    fs.utimesSync(p, when, when);
    paths.push(p);
  }
  const cliOut = path.join(os.tmpdir(), `pk-order-${process.pid}.xlsx`);
  const io = { stdout: { write: () => true }, stderr: { write: (t: string) => void process.stderr.write(t) } };
  expect(await merge([dir, '--out', cliOut, '--season', 'autumn', '--year', '2023', '--unit', 'Город Томск', '--deadline', '2023-10-19'], io as never)).toBeLessThan(2);

  const { page } = await pane.open('/taskpane.html');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  // The pane's deadline for the autumn campaign is its settings' default; the command line is given the same.
  await expect(page.getByLabel('Срок отчётов школ координатору').inputValue()).resolves.toBe('19.10.2023');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  // Reverse alphabetical: neither the folder's order nor the order the files were written in.
  const reversed = [...paths].sort(new Intl.Collator('ru').compare).reverse();
  await page.getByTestId('merge-files').setInputFiles(reversed);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
  const saved = path.join(OUTPUT, 'pane-order.xlsx');
  await (download as Download).saveAs(saved);

  const sheets = (file: string) => readWorkbookFile(fs.readFileSync(file), path.basename(file)).sheets;
  const inPane = sheets(saved);
  const inCli = sheets(cliOut);
  for (const name of [SHEET.detail, SHEET.register]) {
    const a = inPane.find((s) => s.name === name)!.cells;
    const b = inCli.find((s) => s.name === name)!.cells;
    expect([name, a.length]).toEqual([name, b.length]);
    // Each organisation on the row the command line gave it, every cell alike.
    a.forEach((row, i) => expect([name, i + 1, row]).toEqual([name, i + 1, b[i]]));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(cliOut, { force: true });
});
