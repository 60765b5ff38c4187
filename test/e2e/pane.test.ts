/**
 * The built task pane in headless Chromium, as a coordinator without Excel uses it: stamp a form and get an .xlsx,
 * check schools' files, merge them and download the consolidated workbook; by keyboard alone; with no serious
 * accessibility violations; at the narrow width of an Excel task pane.
 */
import fs from 'fs';
import zlib from 'zlib';
import path from 'path';
import * as XLSX from '@e965/xlsx';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { DIST, OUTPUT, paneTests } from './harness';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../src/files/xlsxWriter';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();

async function readDownload(d: Download): Promise<XLSX.WorkBook> {
  const file = path.join(OUTPUT, d.suggestedFilename());
  await d.saveAs(file);
  return XLSX.read(fs.readFileSync(file), { type: 'buffer' });
}

const sheetText = (wb: XLSX.WorkBook, name: string): string =>
  XLSX.utils.sheet_to_json<string[]>(wb.Sheets[name], { header: 1, defval: '' }).flat().join(' | ');

async function fillUnit(page: Page, unit: string) {
  await page.getByLabel('Муниципальное образование или организация').fill(unit);
}

/** The pane shows one step at a time: its tab opens it. */
async function step(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

test('without Excel, «Бланк отчёта (прил. 3)» downloads an .xlsx holding the official report form with the unit', async () => {
  const session = await pane.open('/taskpane.html');
  const { page } = session;
  await page.getByText('Работа с файлами (Excel не подключён)').waitFor();
  await fillUnit(page, 'Александровский район');
  await step(page, '2. Формы');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Бланк отчёта (прил. 3)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Прил\. 3 Отчёт — Александровский район — .+\.xlsx$/);
  const wb = await readDownload(download);
  expect(wb.SheetNames).toContain('Прил. 3 Отчёт');
  const text = sheetText(wb, 'Прил. 3 Отчёт');
  expect(text).toContain('Сводный отчет об итогах Кампании');
  expect(text).toContain('Александровский район');
  expect(text).toContain('Общее количество организованных профориентационных мероприятий');
  // The settings travel with the file, hidden, so the add-in recognises its own sheet later.
  expect(wb.SheetNames).toContain('ПК_Настройки');
  expect(wb.Workbook?.Sheets?.find((s) => s.name === 'ПК_Настройки')?.Hidden).toBeTruthy();
  await page.getByTestId('progress').filter({ hasText: 'скачан' }).waitFor();
  await page.screenshot({ path: path.join(OUTPUT, 'pane-after-stamp.png'), fullPage: true });
});

test('schools’ files are checked and merged in the browser; the consolidated workbook is downloaded', async () => {
  const session = await pane.open('/taskpane.html?section=merge');
  const { page } = session;
  const sample = sampleSchoolWorkbooks({ schools: 4, late: 1, twice: false, broken: true });
  const files = await Promise.all(
    sample.files.map(async (f) => ({
      name: f.file,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(f.workbook ? await writeXlsx(f.workbook) : f.bytes!),
    })),
  );
  // The merge step was asked for in the URL: its heading has the focus.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Свод');
  // The sample is the autumn 2023 campaign.
  await step(page, '1. Настройки');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await fillUnit(page, 'Город Томск');

  // Files picked once, in «Проверка», serve the merge as well.
  await step(page, '3. Проверка');
  await page.getByTestId('check-files').setInputFiles(files);
  await page.locator('#check').getByText(/Проверено: 5\sфайлов\. Не прочитано: 1\sфайл\./).first().waitFor({ timeout: 90_000 });
  // The broken file comes first, and its row opens on the reason, with what to do.
  const broken = sample.files.find((f) => !f.workbook)!;
  await page.locator('#check').getByRole('button', { name: new RegExp(`файл не прочитан`) }).first().click();
  await page.locator('#check').getByText(`Файл «${broken.file}» не является таблицей`, { exact: false }).waitFor();

  await step(page, '4. Свод');
  await page.locator('#merge').getByText(/Выбрано: 5\sфайлов/).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('button', { name: 'Свести выбранные файлы' }).click(),
  ]);
  const wb = await readDownload(download);
  for (const s of ['Прил. 3 Свод', 'Свод по ОО', 'Партнёры', 'Реестр отчётов', 'Показатели', 'Аналитическая справка']) expect(wb.SheetNames).toContain(s);
  const detail = sheetText(wb, 'Свод по ОО');
  for (const f of sample.files.filter((x) => x.workbook)) expect(detail).toContain(f.unit);
  await page.getByText(/В своде 4\sорганизации/).first().waitFor();
  // The damaged copy is named under its school, with its fate and what to do.
  const school = page.locator('#merge').getByRole('listitem').filter({ has: page.getByText(broken.unit, { exact: true }) });
  await school.getByRole('button').first().click();
  await school.getByText(`«${broken.file}»: прислал, отклонён`, { exact: false }).waitFor();
  await page.locator('#merge').getByTestId('figures').waitFor();

  // «Сводка» never downloads the same file again: without earlier campaigns there is nothing new to download.
  await step(page, '5. Сводка');
  expect(await page.getByRole('button', { name: 'Скачать свод с прошлыми кампаниями' }).getAttribute('aria-disabled')).toBe('true');
  await page.locator('#summary').getByTestId('figures').waitFor();
});

test('a keyboard alone names the organisation, opens «Формы» and presses «Бланк плана (прил. 2)»; the focus is always visible', async () => {
  const session = await pane.open('/taskpane.html');
  const { page } = session;
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const cs = getComputedStyle(el);
      const after = getComputedStyle(el, '::after');
      return {
        text: el.textContent ?? '',
        label: el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? '',
        // Fluent draws the focus ring as an outline or as a border on ::after.
        visible: cs.outlineStyle !== 'none' || after.borderTopStyle !== 'none' || cs.boxShadow !== 'none',
        tag: el.tagName,
        role: el.getAttribute('role'),
        value: el.getAttribute('value'),
      };
    });
  const tabTo = async (until: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, shift = false) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
      const f = await focused();
      expect(f?.tag).not.toBe('BODY');
      if (f?.tag === 'BUTTON') expect(f.visible).toBe(true);
      if (f && until(f)) return;
    }
    throw new Error('not reached by Tab');
  };
  await tabTo((f) => f.tag === 'INPUT' && f.label.startsWith('Муниципальное образование'));
  await page.keyboard.type('Александровский район');
  await tabTo((f) => f.role === 'tab', true);
  for (let i = 0; i < 5 && (await focused())?.value !== 'forms'; i++) await page.keyboard.press('ArrowRight');
  expect((await focused())?.value).toBe('forms');
  await page.keyboard.press('Enter');
  await tabTo((f) => f.text === 'Бланк плана (прил. 2)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const wb = await readDownload(download);
  expect(sheetText(wb, 'Прил. 2 План')).toContain('Сводный план Кампании');
  // The focus stayed on the button the user pressed.
  expect((await focused())?.text).toBe('Бланк плана (прил. 2)');
});

test('the pane has no serious or critical accessibility violations, at 320 px as in a narrow task pane', async () => {
  const session = await pane.open('/taskpane.html', 320);
  const { page } = session;
  // Fluent's focus manager (tabster) puts aria-hidden focus sentinels <i data-tabster-dummy> around dialogs and
  // groups; they only pass focus on and are a known false positive of axe's aria-hidden-focus rule.
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).slice(0, 3).join('; ')})`)).toEqual([]);
  // Nothing wider than the pane: no sideways scrolling at 320 px.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(OUTPUT, 'pane-320.png'), fullPage: true });
});

test('the first screen loads less than 350 KB of gzipped JavaScript; the spreadsheet libraries come later', () => {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((src) => !src.startsWith('http'));
  expect(scripts.length).toBeGreaterThan(0);
  const gz = scripts.reduce((n, src) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, src))).length, 0);
  expect(gz).toBeLessThan(350 * 1024);
  // SheetJS and the writer are in chunks of their own, not in the first screen's scripts (exceljs is in none:
  // test/shipped.exceljs.test.ts).
  const first = scripts.map((src) => fs.readFileSync(path.join(DIST, src), 'utf8')).join('');
  expect(first).not.toMatch(/SheetJS|ExcelJS/);
});

test('settings that cannot be right are refused, each message saying what is allowed; dates are typed as дд.мм.гггг', async () => {
  const session = await pane.open('/taskpane.html');
  const { page } = session;
  await page.getByLabel('Год').fill('20233');
  await page.getByText(/Год — от 2021 до \d{4}\./).first().waitFor();
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Начало кампании').fill('01.12.2023');
  await page.getByText('Окончание кампании — не раньше начала кампании (01.12.2023).').first().waitFor();
  await step(page, '2. Формы');
  await page.getByRole('button', { name: 'Бланк отчёта (прил. 3)' }).click();
  // Nothing is stamped under no name, or with dates out of the campaign's order.
  await page.locator('#forms').getByText('Впишите муниципальное образование или организацию', { exact: false }).waitFor();
  await page.locator('#forms').getByText('Окончание кампании — не раньше начала кампании', { exact: false }).waitFor();
});

test('changing the season asks before replacing dates typed by hand', async () => {
  const session = await pane.open('/taskpane.html');
  const { page } = session;
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Срок отчётов школ координатору').fill('20.10.2023');
  await page.getByLabel('Кампания', { exact: true }).selectOption('spring');
  await page.getByRole('button', { name: 'Оставить мои сроки' }).click();
  expect(await page.getByLabel('Срок отчётов школ координатору').inputValue()).toBe('20.10.2023');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByRole('button', { name: 'Оставить мои сроки' }).click();
  await page.getByLabel('Кампания', { exact: true }).selectOption('spring');
  await page.getByRole('button', { name: 'Заменить сроки' }).click();
  // The click returns once dispatched; the replaced dates arrive with the next render, so wait for it (5 s at most).
  const due = page.getByLabel('Срок отчётов школ координатору');
  await due.evaluate((el: HTMLInputElement) => new Promise<void>((ok) => { const t = Date.now(); const f = () => (el.value === '20.04.2023' || Date.now() - t > 5000 ? ok() : requestAnimationFrame(f)); f(); }));
  expect(await due.inputValue()).toBe('20.04.2023');
});
