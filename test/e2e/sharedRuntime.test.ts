/**
 * A ribbon section button with the pane hidden, in both runtimes Office can give the add-in:
 *  - the shared runtime (the release's manifest-shared-runtime.xml, SharedRuntime 1.1): the pane's page is also the
 *    function file; the button makes the pane visible (Office.addin.showAsTaskpane) on the section, handed over in
 *    the same JavaScript context — nothing in localStorage;
 *  - the first manifest (commands.html, its own runtime): the dialog asks to open the pane with «Панель», and the
 *    pane opens at the section (localStorage), even in an Office that has SharedRuntime 1.1 — the double, like
 *    Office, refuses showAsTaskpane where the manifest did not declare the shared runtime.
 * The Excel double (fakeOffice.ts) plays which manifest is installed (?runtime=shared) and a hidden pane (?pane=hidden).
 */
import { asOfficeOpensIt, fakeOfficeScript, paneTests } from './harness';
import { ACK_KEY, REQUEST_KEY } from '../../src/taskpane/boot/paneRequests';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();
const office = fakeOfficeScript();

type Win = Window & {
  __actions: Record<string, (e: unknown) => void>;
  __dialogs: { url: string; fire(t: string, a: unknown): void }[];
  __pane: { visible: boolean };
  __completed?: number;
  __marker?: number;
};
declare const window: Win;

const focused = () => (document.activeElement && document.activeElement !== document.body ? (document.activeElement.textContent ?? '') : '');

test('shared runtime: «Свести отчёты» with the pane hidden shows the pane on «Свод отчётов», without reloading it and without localStorage', async () => {
  const s = await pane.open('/taskpane.html?runtime=shared&pane=hidden', 360, office);
  await s.page.getByText('Работа в открытой книге Excel').waitFor();
  // The pane's page associated the manifest's functions: it is the function file here.
  await s.page.waitForFunction(() => ['stampPlan', 'stampReport', 'openCheck', 'openMerge', 'openSummary'].every((n) => typeof window.__actions?.[n] === 'function'));
  await s.page.evaluate(() => (window.__marker = 1));
  expect(await s.page.evaluate(() => window.__pane.visible)).toBe(false);
  await s.page.evaluate(() => window.__actions.openMerge({ completed: () => (window.__completed = (window.__completed ?? 0) + 1) }));
  await s.page.waitForFunction(() => window.__completed === 1);
  expect(await s.page.evaluate(() => window.__pane.visible)).toBe(true);
  await s.page.waitForFunction(() => document.activeElement?.textContent?.includes('Свод'));
  expect(await s.page.evaluate(() => window.__dialogs.length)).toBe(0);
  expect(await s.page.evaluate(([r, a]) => [localStorage.getItem(r), localStorage.getItem(a)], [REQUEST_KEY, ACK_KEY])).toEqual([null, null]);
  // Again, to another section, the pane visible: it moves, still the same page.
  await s.page.evaluate(() => window.__actions.openSummary({ completed: () => (window.__completed = (window.__completed ?? 0) + 1) }));
  await s.page.waitForFunction(() => window.__completed === 2);
  await s.page.waitForFunction(() => document.activeElement?.textContent?.includes('Сводка'));
  expect(await s.page.evaluate(() => window.__marker)).toBe(1);
  // A stamp button in the shared runtime: today's command, loaded when clicked, says what it did in a dialog.
  await s.page.evaluate(() => window.__actions.stampPlan({ completed: () => (window.__completed = (window.__completed ?? 0) + 1) }));
  await s.page.waitForFunction(() => window.__dialogs.length === 1, undefined, { timeout: 30_000 });
  expect(new URL(await s.page.evaluate(() => window.__dialogs[0].url)).searchParams.get('notice')).toMatch(/^Бланк «.+» добавлен в книгу\./);
  await s.page.evaluate(() => window.__dialogs[0].fire('dialogMessageReceived', { message: 'close' }));
  expect(await s.page.evaluate(() => window.__completed)).toBe(3);
  expect(await s.page.evaluate(() => window.__marker)).toBe(1);
});

test('shared runtime: a click that starts the runtime (the pane never shown) opens the pane on its section', async () => {
  const s = await pane.launch(360, office);
  await s.page.goto(asOfficeOpensIt(`${s.base}/taskpane.html?runtime=shared&pane=hidden`));
  // Office calls the function as soon as the page associated it; the pane may not have drawn yet.
  await s.page.waitForFunction(() => typeof window.__actions?.openCheck === 'function');
  await s.page.evaluate(() => window.__actions.openCheck({ completed: () => (window.__completed = 1) }));
  await s.page.waitForFunction(() => window.__completed === 1);
  expect(await s.page.evaluate(() => window.__pane.visible)).toBe(true);
  await s.page.waitForFunction(() => document.activeElement?.textContent?.includes('Проверка'), undefined, { timeout: 30_000 });
  expect(await s.page.evaluate(focused)).toContain('Проверка');
  expect(await s.page.evaluate(() => window.__dialogs.length)).toBe(0);
});

test('first manifest, in an Office that has SharedRuntime 1.1: the commands page asks to open the pane, which opens on the section', async () => {
  const s = await pane.launch(360, office);
  // The pane's page cannot show itself here: Office refuses showAsTaskpane without the shared runtime declared.
  await s.page.goto(asOfficeOpensIt(`${s.base}/taskpane.html?pane=hidden`));
  await s.page.getByText('Работа в открытой книге Excel').waitFor();
  const refused = await s.page.evaluate(() =>
    (window as unknown as { Office: { addin: { showAsTaskpane(): Promise<void> } } }).Office.addin.showAsTaskpane().then(
      () => 'shown',
      () => 'refused',
    ),
  );
  expect(refused).toBe('refused');
  await s.page.goto(asOfficeOpensIt(`${s.base}/commands.html`));
  await s.page.waitForFunction(() => typeof window.__actions?.openMerge === 'function');
  await s.page.evaluate(() => window.__actions.openMerge({ completed: () => (window.__completed = 1) }));
  await s.page.waitForFunction(() => window.__dialogs.length === 1, undefined, { timeout: 10_000 });
  expect(new URL(await s.page.evaluate(() => window.__dialogs[0].url)).searchParams.get('notice')).toMatch(/Откройте панель кнопкой «Панель».*«Свод отчётов»/);
  await s.page.evaluate(() => window.__dialogs[0].fire('dialogMessageReceived', { message: 'close' }));
  expect(await s.page.evaluate(() => window.__completed)).toBe(1);
  // «Панель»: the pane opens on the section the click asked for.
  await s.page.goto(asOfficeOpensIt(`${s.base}/taskpane.html`));
  await s.page.waitForFunction(() => document.activeElement?.textContent?.includes('Свод'), undefined, { timeout: 30_000 });
});

test('volume-licensed Excel 2019 (no SharedRuntime 1.1): the pane’s page takes no ribbon function; the commands page has them all', async () => {
  const s = await pane.open('/taskpane.html?api=7', 360, office);
  await s.page.getByText('Работа в открытой книге Excel').waitFor();
  expect(await s.page.evaluate(() => Object.keys(window.__actions))).toEqual([]);
  await s.page.goto(asOfficeOpensIt(`${new URL(s.page.url()).origin}/commands.html?api=7`));
  await s.page.waitForFunction(() => typeof window.__actions?.openSummary === 'function');
  expect((await s.page.evaluate(() => Object.keys(window.__actions))).sort()).toEqual(['openCheck', 'openMerge', 'openSummary', 'stampPlan', 'stampReport']);
});

test('shared runtime on Internet Explorer 11 (Microsoft 365 without WebView2): the pane says what to do, and a ribbon button shows the same in a dialog', async () => {
  const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
  const s = await pane.launch(320, office, `Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => ${JSON.stringify(TRIDENT)} });`);
  await s.page.goto(asOfficeOpensIt(`${s.base}/taskpane.html?runtime=shared&pane=hidden`));
  await s.page.getByText(/Техническая причина: Internet Explorer 11 \(Trident\)/).waitFor();
  // The first script stands in for the five functions on the pane's page (the bundle does not run here).
  await s.page.waitForFunction(() => typeof window.__actions?.openMerge === 'function');
  expect((await s.page.evaluate(() => Object.keys(window.__actions))).sort()).toEqual(['openCheck', 'openMerge', 'openSummary', 'stampPlan', 'stampReport']);
  await s.page.evaluate(() => window.__actions.openMerge({ completed: () => (window.__completed = 1) }));
  const url = new URL(await s.page.evaluate(() => window.__dialogs[0].url));
  expect([url.pathname, url.searchParams.get('unsupported'), url.searchParams.get('notice')]).toEqual(['/commands.html', '1', 'Internet Explorer 11 (Trident)']);
  await s.page.evaluate(() => window.__dialogs[0].fire('dialogEventReceived', { error: 12006 }));
  expect(await s.page.evaluate(() => window.__completed)).toBe(1);
});

test('in an ordinary browser the pane’s page takes no ribbon functions, even where the bundle cannot run', async () => {
  const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
  const s = await pane.launch(320, 'real', `Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => ${JSON.stringify(TRIDENT)} });`);
  await s.page.goto(`${s.base}/taskpane.html`);
  await s.page.getByText(/Техническая причина: Internet Explorer 11 \(Trident\)/).waitFor();
  await s.page.waitForTimeout(1500); // office.js loaded and ready: still nothing defined
  expect(await s.page.evaluate(() => ['stampPlan', 'openMerge'].map((n) => typeof (window as unknown as Record<string, unknown>)[n]))).toEqual(['undefined', 'undefined']);
});
