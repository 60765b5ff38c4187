/**
 * Two workbooks open in Excel, each with its pane (office.js replaced by the strict Excel double, one per page, in
 * one browser profile: the panes and the commands' pages share one origin and so one localStorage, as in Excel).
 * A ribbon button clicked in one workbook moves that workbook's pane only; the other pane stays where it is.
 */
import { asOfficeOpensIt, fakeOfficeScript, paneTests, WEB_HOST_INFO } from './harness';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();
const office = fakeOfficeScript();

type Win = Window & { __actions: Record<string, (e: unknown) => void>; __dialogs: unknown[]; __completed?: number; __marker?: number; __holdExcel(): void; __releaseExcel(): void };
declare const window: Win;

const SVOD = encodeURIComponent('C:\\Кампания\\Свод.xlsx');
const PLAN = encodeURIComponent('C:\\Кампания\\План школы.xlsx');

test('with two workbooks open, a ribbon button moves the pane of the workbook clicked, not the other one', async () => {
  const a = await pane.open(`/taskpane.html?doc=${SVOD}`, 360, office);
  await a.page.getByText('Работа в открытой книге Excel').waitFor();
  const origin = new URL(a.page.url()).origin;
  const b = await a.context.newPage();
  await b.goto(asOfficeOpensIt(`${origin}/taskpane.html?doc=${PLAN}`));
  await b.getByText('Работа в открытой книге Excel').waitFor();
  await a.page.evaluate(() => (window.__marker = 1));
  await b.evaluate(() => (window.__marker = 2));
  // The section a pane was moved to has the focus; a pane never moved has it on the page's body.
  const focused = (p: typeof b) => p.evaluate(() => (document.activeElement && document.activeElement !== document.body ? (document.activeElement.textContent ?? '') : ''));

  // «Свести отчёты» on the ribbon of «План школы.xlsx».
  const commandsOfB = await a.context.newPage();
  await commandsOfB.goto(asOfficeOpensIt(`${origin}/commands.html?doc=${PLAN}`));
  await commandsOfB.waitForFunction(() => typeof window.__actions?.openMerge === 'function');
  await commandsOfB.evaluate(() => window.__actions.openMerge({ completed: () => (window.__completed = 1) }));
  await commandsOfB.waitForFunction(() => window.__completed === 1);
  expect(await commandsOfB.evaluate(() => window.__dialogs.length)).toBe(0); // a pane took it
  await b.waitForFunction(() => document.activeElement?.textContent?.includes('Свод'));
  // The pane of «Свод.xlsx» had every chance to look (it looks each second) and stayed.
  await a.page.waitForTimeout(2500);
  expect(await focused(a.page)).not.toContain('Свод');

  // «Сводка» on the ribbon of «Свод.xlsx»: its own pane moves, the other stays on «Свод».
  const commandsOfA = await a.context.newPage();
  await commandsOfA.goto(asOfficeOpensIt(`${origin}/commands.html?doc=${SVOD}`));
  await commandsOfA.waitForFunction(() => typeof window.__actions?.openSummary === 'function');
  await commandsOfA.evaluate(() => window.__actions.openSummary({ completed: () => (window.__completed = 1) }));
  await commandsOfA.waitForFunction(() => window.__completed === 1);
  await a.page.waitForFunction(() => document.activeElement?.textContent?.includes('Сводка'));
  await b.waitForTimeout(2500);
  expect(await focused(b)).toContain('Свод');
  expect(await focused(b)).not.toContain('Сводка');
  // Neither pane reloaded.
  expect([await a.page.evaluate(() => window.__marker), await b.evaluate(() => window.__marker)]).toEqual([1, 2]);
  await Promise.all([b, commandsOfA, commandsOfB].map((p) => p.close()));
});

// Excel on the web: two tabs, two workbooks both named «Свод.xlsx», from two folders of one OneDrive.
const ONEDRIVE = 'https://school-my.sharepoint.com/personal/coord_school_ru/Documents';
const SVOD_NOW = encodeURIComponent(`${ONEDRIVE}/${encodeURIComponent('Кампания 2026')}/${encodeURIComponent('Свод.xlsx')}`);
const SVOD_LAST_YEAR = encodeURIComponent(`${ONEDRIVE}/${encodeURIComponent('Архив 2025')}/${encodeURIComponent('Свод.xlsx')}`);

test('two workbooks of one name in two Excel-on-the-web tabs: the ribbon moves the pane of the one clicked, by its address', async () => {
  const a = await pane.open(`/taskpane.html?doc=${SVOD_NOW}`, 360, office, WEB_HOST_INFO);
  await a.page.getByText('Работа в открытой книге Excel').waitFor();
  const origin = new URL(a.page.url()).origin;
  const b = await a.context.newPage();
  await b.goto(asOfficeOpensIt(`${origin}/taskpane.html?doc=${SVOD_LAST_YEAR}`, WEB_HOST_INFO));
  await b.getByText('Работа в открытой книге Excel').waitFor();
  // Both are «Свод.xlsx» to Excel (Workbook.name): the name alone cannot tell them apart.
  const names = await Promise.all([a.page, b].map((p) => p.evaluate(() => (window as unknown as { __fx: { name: string } }).__fx.name)));
  expect(names).toEqual(['Свод.xlsx', 'Свод.xlsx']);
  // The last year's pane is slow to answer Excel (as a busy tab is): the other, if it took requests by name, would
  // take this one first.
  await b.evaluate(() => window.__holdExcel());
  const commandsOfB = await a.context.newPage();
  await commandsOfB.goto(asOfficeOpensIt(`${origin}/commands.html?doc=${SVOD_LAST_YEAR}`, WEB_HOST_INFO));
  await commandsOfB.waitForFunction(() => typeof window.__actions?.openMerge === 'function');
  await commandsOfB.evaluate(() => window.__actions.openMerge({ completed: () => (window.__completed = 1) }));
  await b.waitForFunction(() => document.activeElement?.textContent?.includes('Свод'));
  await commandsOfB.waitForFunction(() => window.__completed === 1);
  expect(await commandsOfB.evaluate(() => window.__dialogs.length)).toBe(0);
  const focusedA = () => a.page.evaluate(() => (document.activeElement && document.activeElement !== document.body ? (document.activeElement.textContent ?? '') : ''));
  expect(await focusedA()).not.toContain('Свод');
  await b.evaluate(() => window.__releaseExcel());

  // And the other way round: this year's ribbon, this year's pane; last year's stays on «Свод».
  const commandsOfA = await a.context.newPage();
  await commandsOfA.goto(asOfficeOpensIt(`${origin}/commands.html?doc=${SVOD_NOW}`, WEB_HOST_INFO));
  await commandsOfA.waitForFunction(() => typeof window.__actions?.openSummary === 'function');
  await commandsOfA.evaluate(() => window.__actions.openSummary({ completed: () => (window.__completed = 1) }));
  await a.page.waitForFunction(() => document.activeElement?.textContent?.includes('Сводка'));
  await b.waitForTimeout(2500);
  const focusedB = await b.evaluate(() => document.activeElement?.textContent ?? '');
  expect(focusedB).toContain('Свод');
  expect(focusedB).not.toContain('Сводка');
  await Promise.all([b, commandsOfA, commandsOfB].map((p) => p.close()));
});
