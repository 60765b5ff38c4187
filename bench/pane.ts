/**
 * `npm run bench:pane [-- --schools 1000[,5000]] [--dir DIR] [--cache DIR] [--build] [--no-compare] [--trace FILE]`
 *
 * The pane against the command line on the same school workbooks, in one run on this machine; prints figures and
 * passes or fails nothing:
 *  - the command line's merge (`profkampaniya merge`, wall time of the whole process);
 *  - the built pane in headless Chromium (file mode): from pressing «Свести выбранные файлы» to the consolidated
 *    workbook's download — files read in the season worker's reading workers, merged, written;
 *  - the longest main-thread block while doing it (PerformanceObserver 'longtask', Chromium), and how many tasks
 *    took over 50 ms;
 *  - peak memory: the page's renderer process (RSS, workers included) and the main thread's JS heap;
 *  - CPU time of both (Linux /proc): the command line's process with its threads, the browser's processes over the
 *    merge, and where the pane's went (main thread, each worker, V8's background compilers and GC, the rest) — on
 *    a shared machine wall time swings with the load, CPU time much less;
 *  - the pane's downloaded Свод against the command line's of the same files, cell by cell (bench/compare.ts);
 *  - each target of issue 26 with «да/нет»: pane ≤ 1.5× the command line at 1,000, no main-thread task over 100 ms,
 *    page memory < 500 MB at 5,000, 5,000 ÷ 1,000 ≤ 5 (with `--schools 1000,5000`: both sizes in one run).
 * The school workbooks are the bench's sample set (bench/sets.ts, cached in $TMPDIR/profkampaniya-bench as for
 * `npm run bench`; made once).
 * `--trace FILE` also records a Chrome trace of the merge (every thread of the page, sampled profiles) into FILE and
 * prints where each thread spent its time (bench/traceSummary.ts); the sampling slows the run, so its times are for
 * finding where time goes, not figures.
 * Environment, for finding where memory goes: PANE_TIMELINE=FILE writes the renderer's RSS and the CPU of the page's
 * main thread and each worker every 200 ms (which phase — reading, merging, writing — the peak falls in), then
 * every main-thread task over 50 ms;
 * PANE_JS_FLAGS passes V8 flags to Chromium (`--trace-gc` with DEBUG=pw:browser prints each isolate's heap).
 * PANE_MEMDUMP=light (or detailed) with `--trace FILE` records Chromium's memory dumps instead of the timeline, every
 * PANE_MEMDUMP_MS (250), and prints the page's memory by allocator over the run (bench/memoryDumps.ts).
 * PANE_CORES=N emulates a machine of N cores (DevTools' hardware-concurrency override), as paneReaders.test.ts does.
 * PANE_CONSOLE=1 prints what the page writes to its console (for a build with logging added while finding a cause).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Locator } from 'playwright-core';
import { parseArgs } from '../src/cli/io';
import { buildPane, serveDist } from '../test/e2e/harness';
import { compareBooks, comparisonLines } from './compare';
import { measureFirstTouch, SLOW_FIRST_TOUCH_MICROS } from '../src/taskpane/services/readingWorkers';
import { sampleFiles } from './sets';
import { collectReceived } from '../src/files/collectInputs';
import { summarizeTrace, type TraceEvent } from './traceSummary';
import { memoryDumpLines, memoryDumpTracing } from './memoryDumps';

const ROOT = path.resolve(__dirname, '..');
/** Issue 26's targets for the pane. */
const TARGET_RATIO = 1.5;
const TARGET_TASK_MS = 100;
const TARGET_PEAK_MB = 500;
const TARGET_GROWTH = 5;

const n = (x: number) => x.toLocaleString('ru-RU');
const fmt = (n: number, digits = 1) => n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Memory of a process and its children, in bytes (Linux /proc): resident (RSS, the target's measure: it counts the
 * browser's code pages shared with its other processes too) and private — RssAnon + VmSwap, what Chromium reports
 * as a process's private memory footprint (its task manager's «Memory footprint»).
 */
function treeMemory(pid: number): { rss: number; own: number } {
  const total = { rss: 0, own: 0 };
  const kb = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  const walk = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total.rss += kb(status, 'VmRSS');
      total.own += kb(status, 'RssAnon') + kb(status, 'VmSwap');
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const k of kids ? kids.split(/\s+/) : []) walk(Number(k));
    } catch {
      // the process ended meanwhile
    }
  };
  walk(pid);
  return total;
}

/** The biggest renderer process of chromium (the pane's page; workers run inside it), by resident memory. */
function rendererMemory(browserPid: number): { rss: number; own: number } {
  let best = { rss: 0, own: 0 };
  const walk = (p: number) => {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer')) {
        const m = treeMemory(p);
        if (m.rss > best.rss) best = m;
      }
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

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux builds unless configured otherwise). */
const TICK_MS = 1000 / (Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100);

/** utime + stime (ms) from a /proc …/stat line; `from` = 13 for a process's waited-for children (cutime + cstime). */
function statCpu(file: string, from = 11): number {
  const stat = readFileSync(file, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[from]) + Number(f[from + 1])) * TICK_MS;
}

/** CPU of this process's finished children (ms): a spawnSync'd command line, all its threads, measured as a difference. */
const childrenCpu = () => statCpu('/proc/self/stat', 13);

/**
 * Minor page faults from a /proc …/stat line (`from` = 8 for waited-for children). Each is a page touched for the
 * first time since the allocator had it from the system: on this project's 2-core virtual machines ~13–17 µs
 * each (src/files/reusedBytes.ts), so hundreds of thousands of them are seconds of CPU.
 */
function statFaults(file: string, from = 7): number {
  const stat = readFileSync(file, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[from]);
}
const childrenFaults = () => statFaults('/proc/self/stat', 8);

/**
 * CPU time (ms) of the browser's processes, and of the page's renderer thread by thread (Linux /proc: a process's
 * own times include its ended threads). Differences of two of these are what the merge took — CPU, not wall, so
 * other work on a shared machine does not count in it, and where it went: the page's main thread, its workers
 * (season worker and reading workers), V8's background threads (compilers and GC), the browser's other processes.
 */
interface CpuSnapshot {
  total: number;
  /** Minor page faults of the browser's processes, and of the page's threads. */
  faults: number;
  threadFaults: Map<string, number>;
  threads: Map<string, number>;
}
function browserCpu(browserPid: number): CpuSnapshot {
  const threads = new Map<string, number>();
  const threadFaults = new Map<string, number>();
  let total = 0;
  let faults = 0;
  const walk = (p: number) => {
    try {
      total += statCpu(`/proc/${p}/stat`);
      faults += statFaults(`/proc/${p}/stat`);
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer'))
        for (const t of readdirSync(`/proc/${p}/task`)) {
          try {
            const comm = readFileSync(`/proc/${p}/task/${t}/comm`, 'utf8').trim();
            const key = `${p}:${t}:${Number(t) === p ? 'main' : comm}`;
            threads.set(key, statCpu(`/proc/${p}/task/${t}/stat`));
            threadFaults.set(key, statFaults(`/proc/${p}/task/${t}/stat`));
          } catch {
            // the thread ended meanwhile
          }
        }
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const k of kids ? kids.split(/\s+/) : []) walk(Number(k));
    } catch {
      // the process ended meanwhile
    }
  };
  walk(browserPid);
  return { total, faults, threads, threadFaults };
}

/** `after` with the threads that ended since, at the CPU time they were last seen with. */
function withEnded(after: CpuSnapshot, lastSeen: Map<string, number>, lastFaults: Map<string, number>): CpuSnapshot {
  const threads = new Map(lastSeen);
  for (const [k, v] of after.threads) threads.set(k, v);
  const threadFaults = new Map(lastFaults);
  for (const [k, v] of after.threadFaults) threadFaults.set(k, v);
  return { total: after.total, faults: after.faults, threads, threadFaults };
}

/** What the pane took between two snapshots, grouped: total, main thread, each worker, V8's background threads, the rest. */
function paneCpu(before: CpuSnapshot, after: CpuSnapshot): { total: number; faults: number; pageFaults: { main: number; workers: number[]; v8: number }; main: number; workers: number[]; v8: number; rest: number } {
  const r = { total: after.total - before.total, faults: after.faults - before.faults, pageFaults: { main: 0, workers: [] as number[], v8: 0 }, main: 0, workers: [] as number[], v8: 0, rest: 0 };
  for (const [k, v] of after.threadFaults) {
    const d = v - (before.threadFaults.get(k) ?? 0);
    if (k.endsWith(':main')) r.pageFaults.main += d;
    else if (/:DedicatedWorker/.test(k)) r.pageFaults.workers.push(d);
    else if (/:ThreadPoolForeg/.test(k)) r.pageFaults.v8 += d;
  }
  r.pageFaults.workers.sort((a, b) => b - a);
  for (const [k, v] of after.threads) {
    const d = v - (before.threads.get(k) ?? 0);
    if (k.endsWith(':main')) r.main += d;
    else if (/:DedicatedWorker/.test(k)) r.workers.push(d);
    else if (/:ThreadPoolForeg/.test(k)) r.v8 += d;
  }
  r.workers.sort((a, b) => b - a);
  r.rest = r.total - r.main - r.v8 - r.workers.reduce((a, b) => a + b, 0);
  return r;
}

interface PaneRun {
  schools: number;
  files: number;
  cliMs: number;
  paneMs: number;
  /** CPU time (ms) of the command line's process and of the browser's processes over the merge. */
  cliCpu: number;
  paneCpu: number;
  longest: number;
  longTasks: number;
  peakRss: number;
  peakHeap: number;
  /** Lines to print for this size. */
  lines: string[];
  /** The pane's Свод is the command line's, cell by cell (undefined: not compared). */
  same?: boolean;
}

async function main() {
  const { values, flags } = parseArgs(process.argv.slice(2), { values: ['schools', 'dir', 'trace', 'cache'], flags: ['build', 'no-compare'] });
  const sizes = (values.schools?.[0] ?? '1000').split(',').map((x) => Number(x.replace(/[_\s]/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--schools: целые числа через запятую, например 1000,5000');
  const cache = values.cache?.[0] ?? path.join(tmpdir(), 'profkampaniya-bench');
  const given = values.dir?.[0];
  // The command line, built (dist-cli), as a coordinator runs it; the pane, built.
  if (flags.has('build') || !existsSync(path.join(ROOT, 'dist-cli/main.cjs'))) spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  buildPane();
  const runs: PaneRun[] = [];
  for (const n of given ? [0] : sizes) {
    const dir = given ?? sampleFiles(cache, n).dir;
    const run = await paneAgainstCli(dir, n, { trace: values.trace?.[0], compare: !flags.has('no-compare') });
    process.stdout.write(`${run.lines.join('\n')}\n\n`);
    runs.push(run);
  }
  const targets: [string, string, boolean][] = [];
  for (const r of runs) {
    const at = r.schools ? `${r.schools.toLocaleString('ru-RU')} школ` : path.basename(given ?? '');
    const ratio = r.paneMs / r.cliMs;
    targets.push([`панель ≤ ${fmt(TARGET_RATIO, 1)}× командной строки, ${at}`, `${fmt(ratio, 2)} (по процессорному времени ${r.cliCpu && r.paneCpu ? fmt(r.paneCpu / r.cliCpu, 2) : '—'})`, ratio <= TARGET_RATIO]);
    targets.push([`нет задач главного потока > ${TARGET_TASK_MS} мс, ${at}`, `самая долгая ${fmt(r.longest, 0)} мс`, r.longest <= TARGET_TASK_MS]);
    targets.push([`пик < ${TARGET_PEAK_MB} МБ, ${at} (страница с воркерами)`, `${fmt(r.peakRss / 2 ** 20, 0)} МБ`, r.peakRss > 0 && r.peakRss < TARGET_PEAK_MB * 2 ** 20]);
    if (r.same !== undefined) targets.push([`свод панели = свод командной строки, ${at}`, r.same ? 'ячейка в ячейку' : 'различаются', r.same]);
  }
  const small = runs.find((r) => r.schools === 1000);
  const big = runs.find((r) => r.schools === 5000);
  if (small && big) {
    const pane = big.paneMs / small.paneMs;
    targets.push([`5 000 ÷ 1 000 ≤ ${TARGET_GROWTH} (панель; командная строка ${fmt(big.cliMs / small.cliMs)})`, fmt(pane), pane <= TARGET_GROWTH]);
  } else if (!given) process.stdout.write('(5 000 ÷ 1 000 для панели — с --schools 1000,5000)\n');
  process.stdout.write(`Цели issue 26 (панель). Нагрузка машины сейчас: ${loadavg().map((l) => fmt(l)).join(' / ')} на ${availableParallelism()} ядра:\n`);
  for (const [what, figure, ok] of targets) process.stdout.write(`  ${what}: ${figure} — ${ok ? 'да' : 'нет'}\n`);
}

/**
 * Pastes `text` into a text box as a coordinator does (copied from a spreadsheet, Ctrl+V): the text goes on the
 * clipboard through a copy event, then the paste is the browser's own. Playwright's `fill` types it instead
 * (Chromium's insertText breaks it into one paragraph per line, O(lines²): 1,000 names took 6 s in a bare
 * textarea, 5,000 did not finish in 30 s), which no coordinator does; a real paste of 5,000 lines takes under
 * a second.
 */
async function pasteInto(box: Locator, text: string): Promise<void> {
  await box.focus();
  await box.page().evaluate((t) => document.addEventListener('copy', (e) => (e.clipboardData?.setData('text/plain', t), e.preventDefault()), { once: true }), text);
  await box.page().keyboard.press('ControlOrMeta+C');
  await box.page().keyboard.press('ControlOrMeta+V');
  if ((await box.inputValue()) !== text) throw new Error('Список ожидаемых организаций не вставился в панель целиком');
}

/** One size: the command line's merge, then the pane's, of the files in `dir`. */
/** Measured once, before the bench's own buffers: the allocator's pages are still fresh then. */
const firstTouch = measureFirstTouch();

async function paneAgainstCli(dir: string, schools: number, opts: { trace?: string; compare: boolean }): Promise<PaneRun> {
  // Picked in the order the command line lists a folder (src/files/collectInputs.ts: by name, Intl.Collator('ru')):
  // the Свод lists organisations in the order their files came, so another order gives other rows, not other figures.
  const unitsFile = path.join(dir, 'units.csv');
  // Every file the command line takes from the folder, in its order (subfolders, letters and archives included; the
  // expected list and the system's litter left out): the Свод lists organisations in the order their files came.
  const files = (await collectReceived([dir], [unitsFile])).files.map((f) => f.path);
  const units = existsSync(unitsFile) ? readFileSync(unitsFile, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.replace(/^"|"$/g, '').replace(/""/g, '"')) : [];

  // 1. The command line, as a coordinator runs it.
  const out = mkdtempSync(path.join(tmpdir(), 'pk-bench-out-'));
  const cliOut = path.join(out, 'свод.xlsx');
  const cliCpu0 = childrenCpu();
  const cliFaults0 = childrenFaults();
  const cliStart = Date.now();
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/profkampaniya.js'), 'merge', dir, '--out', cliOut, ...(units.length ? ['--units', unitsFile] : []), '--deadline', '2023-10-19', '--season', 'autumn', '--year', '2023', '--unit', 'Город Томск'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const cliMs = Date.now() - cliStart;
  const cliCpu = childrenCpu() - cliCpu0;
  const cliFaults = childrenFaults() - cliFaults0;
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`командная строка завершилась с кодом ${cli.status}:\n${cli.stderr}`);

  // 2. The pane, built, in headless Chromium.
  const server = await serveDist();
  const profile = mkdtempSync(path.join(tmpdir(), 'pk-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...(process.env.PANE_JS_FLAGS ? [`--js-flags=${process.env.PANE_JS_FLAGS}`] : [])],
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
  // PANE_CORES=N: the page sees N cores (what decides its reading workers, readingWorkers.ts).
  if (process.env.PANE_CORES) await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: Number(process.env.PANE_CORES) });
  if (process.env.PANE_CONSOLE) page.on('console', (m) => process.stderr.write(`консоль страницы: ${m.text()}\n`));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('heading', { name: 'Настройки кампании' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByTestId('merge-files').setInputFiles(files);
  if (units.length) await pasteInto(page.getByLabel('Список ожидаемых организаций (по одной в строке, необязательно)'), units.join('\n'));
  await page.evaluate(() => ((window as unknown as { __longTasks: unknown[] }).__longTasks = []));

  let peakRss = 0;
  let peakOwn = 0;
  let cpu0: CpuSnapshot | undefined;
  /** When the peak was sampled, ms after pressing «Свести» (reading, merging or writing). */
  let peakAt = 0;
  let paneStart = Date.now();
  let peakHeap = 0;
  // Threads that end during the merge (the reading workers end once the files are read) are gone from /proc by
  // its end: their last CPU time seen by the sampler is kept, or it would count as the browser's.
  const lastSeen = new Map<string, number>();
  const lastFaults = new Map<string, number>();
  const timeline: string[] = [];
  const sample = async () => {
    const { rss, own } = browserPid ? rendererMemory(browserPid) : { rss: 0, own: 0 };
    if (rss > peakRss) [peakRss, peakAt] = [rss, Date.now() - paneStart];
    peakOwn = Math.max(peakOwn, own);
    if (browserPid && cpu0) {
      const now = browserCpu(browserPid);
      for (const [k, v] of now.threads) lastSeen.set(k, v);
      for (const [k, v] of now.threadFaults) lastFaults.set(k, v);
    }
    if (process.env.PANE_TIMELINE && browserPid) {
      const th = browserCpu(browserPid).threads;
      timeline.push(`${((Date.now() - paneStart) / 1000).toFixed(1)} rss ${(rss / 2 ** 20).toFixed(0)} ` + [...th.entries()].filter(([k]) => /DedicatedWorker|main/.test(k)).map(([k, v]) => `${k.split(':').slice(1).join(':')}=${(v / 1000).toFixed(1)}`).join(' '));
    }
    const m = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] as { name: string; value: number }[] }));
    peakHeap = Math.max(peakHeap, m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  const traceFile = opts.trace;
  const traced: TraceEvent[] = [];
  if (traceFile) {
    cdp.on('Tracing.dataCollected', (e) => {
      for (const x of e.value as unknown as TraceEvent[]) traced.push(x);
    });
    const dumps = process.env.PANE_MEMDUMP ? memoryDumpTracing(process.env.PANE_MEMDUMP, Number(process.env.PANE_MEMDUMP_MS ?? 250)) : undefined;
    const categories = dumps?.categories ?? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', ...(process.env.PANE_TRACE_LIGHT ? [] : ['disabled-by-default-v8.cpu_profiler']), '__metadata'];
    // The memory dumps' config is Chromium's (TraceConfig.memoryDumpConfig), typed by the protocol as a plain map.
    const memoryDumpConfig = dumps?.memoryDumpConfig as Record<string, string> | undefined;
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, excludedCategories: ['*'], ...(memoryDumpConfig ? { memoryDumpConfig } : {}) }, transferMode: 'ReportEvents' });
  }
  cpu0 = browserPid ? browserCpu(browserPid) : undefined;
  const timer = setInterval(() => void sample(), 200);
  paneStart = Date.now();
  const clickedAt = await page.evaluate(() => performance.now());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 1_800_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
  const paneMs = Date.now() - paneStart;
  const cpu = cpu0 && browserPid ? paneCpu(cpu0, withEnded(browserCpu(browserPid), lastSeen, lastFaults)) : undefined;
  await page.getByTestId('org-table').waitFor();
  const paneOut = path.join(out, `панель-${download.suggestedFilename()}`);
  await download.saveAs(paneOut);
  clearInterval(timer);
  await sample();
  let traceSummary = '';
  if (traceFile) {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(traceFile, JSON.stringify({ traceEvents: traced }));
    const start = traced.reduce((m, e) => (e.ph === 'X' && e.ts < m ? e.ts : m), Infinity);
    traceSummary = `След: ${traceFile} (${traced.length} событий; открывается в chrome://tracing или Perfetto)\n${process.env.PANE_MEMDUMP ? memoryDumpLines(traced).join('\n') : summarizeTrace(traced, start)}\n`;
  }
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  if (process.env.PANE_TIMELINE)
    writeFileSync(process.env.PANE_TIMELINE, [...timeline, ...longTasks.map((x) => `task ${fmt(x.duration, 0)} ms at ${fmt((x.start - clickedAt) / 1000)} s`)].join('\n'));
  const result = await page.locator('#merge [role="alert"], #merge .fui-MessageBar').first().textContent();
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  let same: boolean | undefined;
  const compared: string[] = [];
  if (opts.compare) {
    const c = compareBooks(cliOut, [paneOut]);
    if (typeof c === 'string') compared.push(c);
    else {
      same = c[0].same;
      compared.push(...comparisonLines('Свод панели против свода командной строки (те же файлы, ячейка за ячейкой; bench/compare.ts)', c[0]));
    }
  }
  rmSync(out, { recursive: true, force: true });

  const longest = longTasks.length ? Math.max(...longTasks.map((x) => x.duration)) : 0;
  const worst = [...longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5).map((x) => `${fmt(x.duration, 0)} мс на ${fmt((x.start - clickedAt) / 1000)} с`);
  const lines = [
    `Файлов: ${files.length} (${dir}); файл свода: ${download.suggestedFilename()}`,
    `Итог в панели: ${result?.trim()}`,
    `Командная строка (profkampaniya merge): ${fmt(cliMs / 1000)} с`,
    `Панель (Chromium, от нажатия «Свести» до скачивания): ${fmt(paneMs / 1000)} с — ${fmt(paneMs / cliMs, 2)}× командной строки`,
    `Самая долгая блокировка главного потока: ${fmt(longest, 0)} мс; задач дольше 50 мс: ${longTasks.length}${worst.length ? ` (самые долгие: ${worst.join('; ')} после нажатия)` : ''}`,
    cpu
      ? `Процессорное время: командная строка ${fmt(cliCpu / 1000)} с; панель ${fmt(cpu.total / 1000)} с — ${fmt(cpu.total / cliCpu, 2)}× (главный поток ${fmt(cpu.main / 1000)}; воркеры ${cpu.workers.map((w) => fmt(w / 1000)).join(' + ')}; фоновые потоки V8 — компиляция и сборка мусора — ${fmt(cpu.v8 / 1000)}; браузер и прочее ${fmt(cpu.rest / 1000)})`
      : 'Процессорное время панели: процесс браузера не найден',
    ...(cpu
      ? [
          `Страничных отказов (первое касание памяти; здесь ${fmt(firstTouch, 1)} мкс каждый, замер; выше ${SLOW_FIRST_TOUCH_MICROS} мкс панель на 2 ядрах читает без читающего воркера): командная строка ${n(cliFaults)}; браузер за свод ${n(cpu.faults)} (главный поток ${n(cpu.pageFaults.main)}; воркеры ${cpu.pageFaults.workers.map(n).join(' + ')}; фоновые потоки V8 ${n(cpu.pageFaults.v8)})`,
        ]
      : []),
    `Нагрузка машины (средняя за минуту): ${fmt(loadavg()[0])} на ${availableParallelism()} ядра`,
    `Пиковая память страницы: ${browserPid ? `${fmt(peakRss / 2 ** 20, 0)} МБ на ${fmt(peakAt / 1000)} с из ${fmt(paneMs / 1000)} (процесс отрисовки страницы с её воркерами, RSS; собственной памяти — RssAnon, как считает Chromium, — в пике ${fmt(peakOwn / 2 ** 20, 0)} МБ)` : 'процесс браузера не найден'}; куча JS главного потока ${fmt(peakHeap / 2 ** 20, 0)} МБ`,
    ...compared,
    ...(traceSummary ? [traceSummary] : []),
  ];
  return { schools, files: files.length, cliMs, paneMs, cliCpu, paneCpu: cpu?.total ?? 0, longest, longTasks: longTasks.length, peakRss, peakHeap, lines, same };
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
