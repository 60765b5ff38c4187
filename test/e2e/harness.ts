/**
 * End-to-end harness: builds the pane (production webpack into dist/ when sources are newer than the build),
 * serves dist/ over http on a random free localhost port, and launches Debian's chromium headless through
 * playwright-core. Office.js requests are refused, as in a plain browser with no Office: the pane works on files.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import os from 'os';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const OUTPUT = path.join(ROOT, 'test-output');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) if (!e.endsWith('.test.ts') && !e.endsWith('.test.tsx')) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

/** Builds dist/ unless it is newer than every source it is made from. */
export function buildPane(): void {
  const built = path.join(DIST, 'taskpane.html');
  const sources = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'package.json'].map((p) => newestMtime(path.join(ROOT, p)));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > Math.max(...sources)) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: 'pipe',
  });
  if (r.status !== 0) throw new Error(`Сборка панели (webpack) не удалась:\n${r.stdout}\n${r.stderr}`);
}

/** The same static server `npm run demo` uses, on a free port. */
import { serveDist } from '../../scripts/serveDist';
export { serveDist };

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors: a pane that works throws none. */
  errors: string[];
  close(): Promise<void>;
}

export async function openPane(url: string, width = 360, officeScript?: string): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM)) throw new Error('Chromium не найден: установите пакет chromium (scripts/setup.sh).');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-chromium-'));
  // A fresh profile each time (playwright passes it to chromium as --user-data-dir).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: 'ru-RU',
  });
  // No Office here: the CDN's office.js is refused at once, as when offline — or replaced by the Excel double.
  await context.route(/appsforoffice\.microsoft\.com/, (r) =>
    officeScript ? r.fulfill({ status: 200, contentType: 'text/javascript', body: officeScript }) : r.abort(),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The refused office.js is expected; anything else logged as an error is a fault.
    if (m.type() === 'error' && !/appsforoffice|ERR_FAILED|net::/.test(m.text() + (m.location().url ?? ''))) errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Настройки кампании' }).waitFor({ timeout: 30_000 });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** office.js replaced by the Excel double, bundled for the browser with esbuild (installed with tsx). */
export function fakeOfficeScript(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const r = esbuild.buildSync({ entryPoints: [path.join(__dirname, 'fakeOffice.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, target: 'es2020' });
  return r.outputFiles[0].text;
}

/**
 * The set-up every end-to-end file shares: the pane built and served for the file, a session per test, and after
 * each test the page's errors asserted empty. `open('/taskpane.html?section=forms')` starts a test's session.
 */
export function paneTests(): { open: (pathAndQuery: string, width?: number, officeScript?: string) => Promise<BrowserSession> } {
  let server: { url: string; close: () => Promise<void> } | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    buildPane();
    server = await serveDist();
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 600_000);
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    const errors = session?.errors ?? [];
    await session?.close();
    session = undefined;
    expect(errors).toEqual([]);
  });
  return {
    open: async (pathAndQuery, width, officeScript) => (session = await openPane(server!.url + pathAndQuery, width, officeScript)),
  };
}
