/**
 * `npm run bench:pane [-- --schools 1000] [--dir DIR] [--build]`
 *
 * The pane against the command line on the same school workbooks, in one run on this machine; prints figures and
 * passes or fails nothing:
 *  - the command line's merge (`profkampaniya merge`, wall time of the whole process);
 *  - the built pane in headless Chromium (file mode): from pressing «Свести выбранные файлы» to the consolidated
 *    workbook's download — files read in the season worker's reading workers, merged, written;
 *  - the longest main-thread block while doing it (PerformanceObserver 'longtask', Chromium), and how many tasks
 *    took over 50 ms;
 *  - peak memory: the page's renderer process (RSS, workers included) and the main thread's JS heap.
 * The sample is `npm run sample -- --out DIR --schools N` (made once per DIR).
 * `--trace FILE` also records a Chrome trace of the merge (every thread of the page, sampled profiles) into FILE and
 * prints where each thread spent its time (bench/traceSummary.ts); the sampling slows the run, so its times are for
 * finding where time goes, not figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { parseArgs } from '../src/cli/io';
import { buildPane, serveDist } from '../test/e2e/harness';
import { summarizeTrace, type TraceEvent } from './traceSummary';

const ROOT = path.resolve(__dirname, '..');
const fmt = (n: number, digits = 1) => n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Resident memory of a process and its children, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const walk = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const k of kids ? kids.split(/\s+/) : []) walk(Number(k));
    } catch {
      // the process ended meanwhile
    }
  };
  walk(pid);
  return total;
}

/** The biggest renderer process of chromium (the pane's page; workers run inside it). */
function rendererRss(browserPid: number): number {
  let best = 0;
  const walk = (p: number) => {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer')) best = Math.max(best, treeRss(p));
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const k of kids ? kids.split(/\s+/) : []) walk(Number(k));
    } catch {
      // gone
    }
  };
  walk(browserPid);
  return best;
}

/** The browser process started with this profile (its renderers are its descendants). */
function browserProcess(profile: string): number | undefined {
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.includes(profile) && !cmd.includes('--type=')) return Number(p);
    } catch {
      // gone
    }
  }
  return undefined;
}

async function main() {
  const { values, flags } = parseArgs(process.argv.slice(2), { values: ['schools', 'dir', 'trace'], flags: ['build'] });
  const schools = Number(values.schools?.[0] ?? 1000);
  const dir = values.dir?.[0] ?? path.join(tmpdir(), `pk-bench-pane-${schools}`);
  if (!existsSync(path.join(dir, 'units.csv'))) {
    process.stdout.write(`Пример: ${schools} школьных книг → ${dir}\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/sample.ts'), '--out', dir, '--schools', String(schools)], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('генератор примера завершился с ошибкой');
  }
  const files = readdirSync(dir).filter((n) => n.endsWith('.xlsx')).map((n) => path.join(dir, n));
  const units = readFileSync(path.join(dir, 'units.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.replace(/^"|"$/g, '').replace(/""/g, '"'));

  // 1. The command line, built (dist-cli), as a coordinator runs it.
  if (flags.has('build') || !existsSync(path.join(ROOT, 'dist-cli/main.cjs'))) spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const out = mkdtempSync(path.join(tmpdir(), 'pk-bench-out-'));
  const cliStart = Date.now();
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/profkampaniya.js'), 'merge', dir, '--out', path.join(out, 'свод.xlsx'), '--units', path.join(dir, 'units.csv'), '--deadline', '2023-10-19', '--season', 'autumn', '--year', '2023', '--unit', 'Город Томск'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const cliMs = Date.now() - cliStart;
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`командная строка завершилась с кодом ${cli.status}:\n${cli.stderr}`);

  // 2. The pane, built, in headless Chromium.
  buildPane();
  const server = await serveDist();
  const profile = mkdtempSync(path.join(tmpdir(), 'pk-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 450, height: 900 },
    locale: 'ru-RU',
    acceptDownloads: true,
  });
  const browserPid = browserProcess(profile);
  await context.route(/appsforoffice\.microsoft\.com/, (r) => r.abort());
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('heading', { name: 'Настройки кампании' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByTestId('merge-files').setInputFiles(files);
  await page.getByLabel('Список ожидаемых организаций (по одной в строке, необязательно)').fill(units.join('\n'));
  await page.evaluate(() => ((window as unknown as { __longTasks: unknown[] }).__longTasks = []));

  let peakRss = 0;
  let peakHeap = 0;
  const sample = async () => {
    if (browserPid) peakRss = Math.max(peakRss, rendererRss(browserPid));
    const m = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] as { name: string; value: number }[] }));
    peakHeap = Math.max(peakHeap, m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  const traceFile = values.trace?.[0];
  const traced: TraceEvent[] = [];
  if (traceFile) {
    cdp.on('Tracing.dataCollected', (e) => {
      for (const x of e.value as unknown as TraceEvent[]) traced.push(x);
    });
    const categories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', '__metadata'];
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  }
  const timer = setInterval(() => void sample(), 200);
  const paneStart = Date.now();
  const clickedAt = await page.evaluate(() => performance.now());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 1_800_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
  const paneMs = Date.now() - paneStart;
  await page.getByTestId('org-table').waitFor();
  clearInterval(timer);
  await sample();
  let traceSummary = '';
  if (traceFile) {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(traceFile, JSON.stringify({ traceEvents: traced }));
    const start = traced.reduce((m, e) => (e.ph === 'X' && e.ts < m ? e.ts : m), Infinity);
    traceSummary = `След: ${traceFile} (${traced.length} событий; открывается в chrome://tracing или Perfetto)\n${summarizeTrace(traced, start)}\n`;
  }
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const result = await page.locator('#merge [role="alert"], #merge .fui-MessageBar').first().textContent();
  await context.close();
  await server.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });

  const longest = longTasks.length ? Math.max(...longTasks.map((x) => x.duration)) : 0;
  const worst = [...longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5).map((x) => `${fmt(x.duration, 0)} мс на ${fmt((x.start - clickedAt) / 1000)} с`);
  process.stdout.write(
    [
      `Файлов: ${files.length} (${dir}); файл свода: ${download.suggestedFilename()}`,
      `Итог в панели: ${result?.trim()}`,
      `Командная строка (profkampaniya merge): ${fmt(cliMs / 1000)} с`,
      `Панель (Chromium, от нажатия «Свести» до скачивания): ${fmt(paneMs / 1000)} с — ${fmt(paneMs / cliMs, 2)}× командной строки`,
      `Самая долгая блокировка главного потока: ${fmt(longest, 0)} мс; задач дольше 50 мс: ${longTasks.length}${worst.length ? ` (самые долгие: ${worst.join('; ')} после нажатия)` : ''}`,
      `Нагрузка машины (средняя за минуту): ${fmt(loadavg()[0])} на ${availableParallelism()} ядра`,
      `Пиковая память страницы: ${browserPid ? `${fmt(peakRss / 2 ** 20, 0)} МБ (процесс отрисовки страницы с её воркерами, RSS)` : 'процесс браузера не найден'}; куча JS главного потока ${fmt(peakHeap / 2 ** 20, 0)} МБ`,
      traceSummary,
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
