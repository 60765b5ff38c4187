/**
 * The pane after a merge, as a coordinator reads it: every organisation's fate in the pane's own words (on time,
 * late, did not report, sent but refused, merged with errors, replaced by a later file), and the figures on screen
 * equal to the downloaded workbook's «Показатели» once LibreOffice has recalculated it.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Download } from 'playwright-core';
import { OUTPUT, paneTests } from './harness';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { appendix3Layout } from '../../src/domain/forms/appendix3Layout';
import { dataCell } from '../../src/domain/forms/tableLayout';
import { parseCell } from '../../src/domain/a1';
import { heldRows, isFormula, type WorkbookPlan } from '../../src/domain/sheetPlan';
import { writeXlsx } from '../../src/files/xlsxWriter';
import { indicator, type IndicatorKey } from '../../src/domain/indicators';
import { formatNumber, formatPercent } from '../../src/domain/text';
import { recalculate } from '../support/libreoffice';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();

/** Participants above all pupils: an error by the rules of the form. */
function breakParticipation(wb: WorkbookPlan, settings: Parameters<typeof appendix3Layout>[0]) {
  const L = appendix3Layout({ ...settings, level: 'school' }, { rows: 1 });
  const { row, col } = parseCell(dataCell(L.participation, 'participants', 0));
  const sheet = wb.sheets.find((s) => s.kind === 'appendix3')!;
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    const r = row - at.row;
    const c = col - at.col;
    if (r >= 0 && r < b.rows.length && c >= 0 && c < heldRows(b.rows)[r].length && !isFormula(heldRows(b.rows)[r][c] ?? '')) heldRows(b.rows)[r][c] = 999999;
  }
}

test('a merge with late, missing, refused, superseded and erroneous schools shows each in the pane, with the workbook’s figures', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 8, late: 1, twice: true, broken: true });
  const broken = sample.files.find((f) => !f.workbook)!;
  // The broken file's school sent nothing else: it sent a report, and it was refused.
  const files = sample.files.filter((f) => f === broken || f.unit !== broken.unit);
  const twice = files.filter((f) => files.filter((g) => g.unit === f.unit).length > 1);
  const late = files.find((f) => /опозданием/.test(f.note ?? ''))!;
  const bad = files.find((f) => f.workbook && f !== late && !twice.includes(f))!;
  // A sample file's workbook is built anew on each reading: take each once.
  const books = new Map(files.map((f) => [f, f.workbook]));
  breakParticipation(books.get(bad)!, sample.settings);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-statuses-'));
  const paths: string[] = [];
  for (const f of files) {
    const p = path.join(dir, f.file);
    const wb = books.get(f);
    fs.writeFileSync(p, wb ? await writeXlsx(wb) : f.bytes!);
    // The date received is the file's own date, as a coordinator's download folder keeps it.
    const when = new Date(f.received);
    fs.utimesSync(p, when, when);
    paths.push(p);
  }
  expect(twice.length).toBe(2);

  const { page } = await pane.open('/taskpane.html');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByTestId('merge-files').setInputFiles(paths);
  await page.getByLabel('Список ожидаемых организаций (по одной в строке, необязательно)').fill([...sample.expectedUnits, 'МАОУ СОШ № 500'].join('\n'));
  await page.getByRole('checkbox', { name: 'Включать в свод отчёты с ошибками' }).check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
  const saved = path.join(OUTPUT, 'pane-statuses.xlsx');
  await (download as Download).saveAs(saved);

  const table = page.locator('#merge').getByTestId('org-table');
  // Problems first, then everyone once the filter is off.
  await table.getByRole('checkbox', { name: /Только требующие внимания/ }).uncheck();
  const rowOf = (unit: string) => table.getByRole('listitem').filter({ has: page.getByText(unit, { exact: true }) });
  await expect(rowOf('МАОУ СОШ № 500').textContent()).resolves.toContain('не прислал');
  await expect(rowOf(broken.unit).textContent()).resolves.toContain('прислал, отклонён');
  await expect(rowOf(late.unit).textContent()).resolves.toContain('с опозданием');
  await expect(rowOf(bad.unit).textContent()).resolves.toMatch(/в своде с ошибками \(\d+\)/);
  await expect(rowOf(twice[0].unit).textContent()).resolves.toContain('заменён более поздним');
  const onTime = files.find((f) => f.workbook && f !== late && f !== bad && !twice.includes(f))!;
  await expect(rowOf(onTime.unit).textContent()).resolves.toContain('в срок');
  // The erroneous school's problems open on demand, each with its sheet and cell.
  await rowOf(bad.unit).getByRole('button').click();
  await rowOf(bad.unit).getByText(/Лист «Прил\. 3 Отчёт», ячейка [A-Z]+\d+/).first().waitFor();
  await page.screenshot({ path: path.join(OUTPUT, 'pane-statuses.png'), fullPage: true });

  // The figures on screen are the workbook's «Показатели», recalculated by LibreOffice.
  const sheet = (await recalculate(fs.readFileSync(saved)))['Показатели'];
  const x = (key: IndicatorKey) => sheet.find((r) => r[1] === indicator(key).title)?.[4];
  const cards: [IndicatorKey, 'share' | 'count'][] = [
    ['participation', 'share'],
    ['ovzParticipation', 'share'],
    ['schoolsActive', 'share'],
    ['teachersCount', 'count'],
    ['events', 'count'],
    ['reportsOnTime', 'share'],
  ];
  for (const [key, kind] of cards) {
    const onScreen = await page.locator(`#merge [data-figure="${key}"] [data-value]`).textContent();
    const value = x(key);
    expect(typeof value).toBe('number');
    expect([key, onScreen]).toEqual([key, kind === 'share' ? formatPercent(value as number) : formatNumber(value as number)]);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
