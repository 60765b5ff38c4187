/**
 * End-to-end harness: builds the pane (production webpack into dist/ when sources are newer than the build),
 * serves dist/ over http on a random free localhost port, and launches Debian's chromium headless through
 * playwright-core. Requests for Microsoft's CDN office.js are answered with the real office.js of the pinned
 * @microsoft/office-js package (so the plain-browser tests prove the pane boots with the real library outside
 * Office; production keeps the CDN), or with the Excel double when a test plays Excel — then the page is opened
 * the way Office opens it, with Office's `_host_Info` parameter in its address.
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

/** office.js of the pinned @microsoft/office-js package: what the CDN serves, for tests only. */
export const OFFICE_JS_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.*)$/;

/**
 * What the CDN does in a test: 'real' serves the package's files; 'refused' fails every request (offline);
 * 'hang' never answers; a string is a script served as office.js (the Excel double).
 */
export type OfficeJs = 'real' | 'refused' | 'hang' | string;

/** How Office opens the pane: its own parameter after ours (only its presence matters to the pane). */
export const HOST_INFO = '_host_Info=Excel$Win32$16.01$ru-RU$$$$0';
/** Excel on Mac opens the pane so (the pane runs in WKWebView there: no downloads). */
export const MAC_HOST_INFO = '_host_Info=Excel$Mac$16.01$ru-RU$$$$0';
/** Excel on the web (Office.onReady reports platform 'OfficeOnline'). */
export const WEB_HOST_INFO = '_host_Info=Excel$Web$16.01$ru-RU$$$$0';
export const asOfficeOpensIt = (pathAndQuery: string, hostInfo = HOST_INFO) => pathAndQuery + (pathAndQuery.includes('?') ? '&' : '?') + hostInfo;

/** A fresh Chromium with the CDN routed as `office` says, errors collected. */
export async function launch(width = 360, office: OfficeJs = 'real', init?: string): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM)) throw new Error('Chromium не найден: установите пакет chromium (scripts/setup.sh).');
  if (office === 'real' && !fs.existsSync(path.join(OFFICE_JS_DIST, 'office.js')))
    throw new Error('office.js не найден: установите зависимости разработки (npm install, пакет @microsoft/office-js).');
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
  const hanging: (() => void)[] = [];
  await context.route(CDN, async (r) => {
    if (office === 'refused') return r.abort();
    if (office === 'hang') return void hanging.push(() => void r.abort().catch(() => undefined));
    const file = CDN.exec(r.request().url())![1].split('?')[0];
    if (office !== 'real') return file === 'office.js' ? r.fulfill({ status: 200, contentType: 'text/javascript', body: office }) : r.fulfill({ status: 404 });
    const local = path.normalize(path.join(OFFICE_JS_DIST, file));
    if (!local.startsWith(OFFICE_JS_DIST + path.sep) || !fs.existsSync(local)) return r.fulfill({ status: 404 });
    return r.fulfill({ status: 200, contentType: file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream', body: fs.readFileSync(local) });
  });
  if (init) await context.addInitScript(init);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A refused or missing office.js file is expected in some tests; anything else logged as an error is a fault.
    if (m.type() === 'error' && !/appsforoffice|ERR_FAILED|net::|404/.test(m.text() + (m.location().url ?? ''))) errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      for (const h of hanging) h();
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the pane and waits for its first heading. With `officeScript` (the Excel double) the page is opened as
 * Office opens it; otherwise as a plain browser opens it, with the real office.js served for the CDN.
 */
export async function openPane(url: string, width = 360, officeScript?: string, hostInfo?: string): Promise<BrowserSession> {
  const session = await launch(width, officeScript ?? 'real');
  await session.page.goto(officeScript ? asOfficeOpensIt(url, hostInfo) : url);
  // The pane's title: whichever step it opens on (?section=…), the title is there once it has started.
  await session.page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
  return session;
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
export function paneTests(): {
  /** `hostInfo`: Office's parameter for another platform (MAC_HOST_INFO); Windows when absent. */
  open: (pathAndQuery: string, width?: number, officeScript?: string, hostInfo?: string) => Promise<BrowserSession>;
  /** A session not yet on any page (for tests of the start itself); `base` is the server's address. */
  launch: (width?: number, office?: OfficeJs, init?: string) => Promise<BrowserSession & { base: string }>;
} {
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
    open: async (pathAndQuery, width, officeScript, hostInfo) => (session = await openPane(server!.url + pathAndQuery, width, officeScript, hostInfo)),
    launch: async (width, office, init) => {
      session = await launch(width, office, init);
      return { ...session, base: server!.url };
    },
  };
}
