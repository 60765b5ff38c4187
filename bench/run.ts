/**
 * `npm run bench [-- --sizes 100,1000,5000] [--sets sample,values,styles,shapes,lo,xls,ods,xlsb,eml] [--repeat N] [--cache DIR] [--dir DIR --deadline ГГГГ-ММ-ДД] [--no-pandas] [--no-compare] [--no-excel] [--no-bundle] [--build]`
 *
 * Prints figures; passes or fails nothing (so it is not a test):
 *  1. the command-line merge (read, check, merge, write with the summary) of every set at each size (bench/sets.ts:
 *     the sample generator's school workbooks; the same schools written by openpyxl, values only, with styles, and
 *     with the forms behind other sheets; saved by LibreOffice as .xlsx, .xls and .ods; written by SheetJS as .xlsb;
 *     each sample .xlsx in a letter of its own, .eml)
 *     or of the folder --dir names — run both ways a coordinator may run it, as the README
 *     says (`npm run cli -- merge …`) and as the installed command (`profkampaniya merge …`, bin/profkampaniya.js):
 *     files, seconds, files per second, CPU seconds, peak memory of the merge process, and its time ÷ pandas';
 *  2. pandas merely reading the same files (`pandas.read_excel(f, sheet_name=None)` + `pandas.concat`), side by side,
 *     and the merge ÷ pandas on every set (not the letters: pandas reads no mail); each set SheetJS reads (.xls,
 *     .ods, .xlsb) and the letters against the .xlsx one's (the
 *     same schools); the files' account of each merge (accepted / superseded / refused) against what the sample
 *     planted; and the Свод of every set compared cell by cell with the sample's (test/support/compareBooks.py, openpyxl);
 *     then every target of issue 26 with «да/нет»;
 *  3. the Excel path against the strict Excel double: context.sync() calls and the largest request for stamping,
 *     checking, merging and the summary, at 100 and 1,000 units (constant means the same at both);
 *  4. the pane's bundle: the first screen and the lazily loaded chunks, gzipped, from dist/.
 * Generated workbooks are cached in DIR (default: the system temp folder) between runs.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, availableParallelism, cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from '../src/cli/io';
import { collectReceived } from '../src/files/collectInputs';
import { excelPath, type ExcelFigures } from './excelPath';
import { compareBooks, comparisonLines, EXCLUDED } from './compare';
import { derivedSet, sampleFiles, SET_KINDS, SET_TITLE, OTHER_PATH_KINDS, type SampleInfo, type SetKind } from './sets';

const ROOT = path.resolve(__dirname, '..');
/**
 * The issue's targets (issue 26): the merge ≤ 0.2 of pandas' reading on every set; the sets SheetJS reads ≤ 3× the
 * .xlsx one; 5,000 files ≤ 5× the time of 1,000; peak memory < 500 MB at 5,000.
 */
const TARGET_PANDAS = 0.2;
const TARGET_SHEETJS = 3;
const TARGET_GROWTH = 5;
const TARGET_PEAK_MB = 500;
/** The merge's own «чтение и проверка» stage, in seconds, from its PROFKAMPANIYA_TIMINGS line. */
const readingSeconds = (stages: string): number | undefined => {
  const m = /чтение и проверка[^)]*\)? ([\d.]+)/.exec(stages);
  return m ? Number(m[1]) : undefined;
};

const fmt = (n: number, digits = 1) => n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 0)} MB`;
const kb = (bytes: number) => `${fmt(bytes / 1024, 0)} KB`;

interface MergeRun {
  /** The merge's own account of its stages (PROFKAMPANIYA_TIMINGS), as it printed it. */
  stages: string;
  seconds: number;
  cpuSeconds: number;
  maxRss: number;
  merged: number;
  refused: number;
  superseded: number;
  outBytes: number;
}

/** Where the merge of a set writes its Свод (kept after the run: the comparison reads it). */
const svodOf = (cache: string, sample: SampleInfo) => path.join(cache, `свод-${path.basename(sample.dir)}.xlsx`);

/** How the merge is started: as the README says (through npm) or as the installed binary. */
type Way = 'npm' | 'bin';
const WAY_TITLE: Record<Way, string> = { npm: 'npm run cli -- merge', bin: 'profkampaniya merge (bin/profkampaniya.js)' };

/** The merge exactly as a coordinator runs it, measured from outside. */
async function cliMerge(sample: SampleInfo, cache: string, way: Way): Promise<MergeRun> {
  const out = svodOf(cache, sample);
  const usage = path.join(cache, `usage-${process.pid}.json`);
  rmSync(out, { force: true });
  rmSync(usage, { force: true });
  const units = path.join(sample.dir, 'units.csv');
  const mergeArgs = ['merge', sample.dir, '--out', out, ...(existsSync(units) ? ['--units', units] : []), ...(sample.deadline ? ['--deadline', sample.deadline] : []), '--json'];
  const preload = path.join(__dirname, 'usage.cjs');
  const [command, args, nodeOptions] =
    way === 'npm'
      ? ['npm', ['run', '--silent', 'cli', '--', ...mergeArgs], `${process.env.NODE_OPTIONS ?? ''} -r ${preload}`.trim()]
      : [process.execPath, ['-r', preload, path.join(ROOT, 'bin/profkampaniya.js'), ...mergeArgs], process.env.NODE_OPTIONS ?? ''];
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const env = { ...process.env, BENCH_USAGE: usage, PROFKAMPANIYA_TIMINGS: '1', NODE_OPTIONS: nodeOptions };
    const child = spawn(command, args, { cwd: ROOT, env });
    let so = '';
    let se = '';
    child.stdout.on('data', (d) => (so += d));
    child.stderr.on('data', (d) => (se += d));
    child.on('close', (c) => resolve({ code: c, stdout: so, stderr: se }));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`свод завершился с кодом ${code}:\n${stderr || stdout}`);
  const json = JSON.parse(stdout) as { files: { status: string }[] };
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  rmSync(usage, { force: true });
  const count = (s: string) => json.files.filter((f) => f.status === s).length;
  return {
    stages: /Этапы, с: (.*)/.exec(stderr)?.[1] ?? '',
    seconds,
    cpuSeconds: (u.userUs + u.systemUs) / 1e6,
    maxRss: u.maxRssKb * 1024,
    merged: count('merged'),
    refused: count('refused'),
    superseded: count('superseded'),
    outBytes: statSync(out).size,
  };
}

const PANDAS = `
import json, os, resource, sys, time
import pandas
# The files to read, one path a line on stdin: the bench decides them (pandasRead).
files = [f for f in sys.stdin.read().split('\\n') if f]
t0 = time.perf_counter()
frames, failed, error = [], 0, ""
for f in files:
    try:
        frames.extend(pandas.read_excel(f, sheet_name=None, header=None).values())
    except Exception as e:
        failed += 1
        error = error or f"{os.path.basename(f)}: {e}"
if not frames:
    sys.exit(f"pandas не прочитал ни одного файла ({error or 'файлов нет'})")
t1 = time.perf_counter()
df = pandas.concat(frames, ignore_index=True)
t2 = time.perf_counter()
print(json.dumps({"files": len(files), "failed": failed, "read": t1 - t0, "concat": t2 - t1, "rows": len(df),
                  "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "cpu": sum(os.times()[:2])}))
`;

interface PandasRun {
  read: number;
  concat: number;
  cpu: number;
  rows: number;
  files: number;
  failed: number;
  maxRss: number;
}

/** The module pandas reads each kind of file with, and where it comes from. */
const PANDAS_ENGINE: Record<'xlsx' | 'xls' | 'ods' | 'xlsb', { module: string; install: string }> = {
  xlsx: { module: 'openpyxl', install: 'apt-get install -y python3-pandas python3-openpyxl' },
  // Debian bookworm's python3-xlrd (1.2) is older than its pandas (1.5) accepts (≥ 2.0.1): xlrd from PyPI.
  xls: { module: 'xlrd', install: 'python3 -m pip install --break-system-packages xlrd==2.0.2 (python3-xlrd из Debian 1.2 — pandas 1.5 нужен ≥ 2.0.1)' },
  ods: { module: 'odf', install: 'apt-get install -y python3-pandas python3-odf' },
  // Not packaged by Debian (bookworm): from PyPI.
  xlsb: { module: 'pyxlsb', install: 'python3 -m pip install --break-system-packages pyxlsb==1.0.10 (в Debian пакета нет)' },
};

type PandasKind = keyof typeof PANDAS_ENGINE;
const kindOf = (file: string): PandasKind | undefined => /\.(xlsx|xlsb|xls|ods)$/i.exec(file)?.[1].toLowerCase() as PandasKind | undefined;

/**
 * pandas reading `files` (those of a kind it has a reader for), with Debian's python3 (the pyenv one on PATH lacks
 * pandas); a note for each kind it cannot read here, and no run when it reads none.
 */
function pandasRead(files: string[]): { run?: PandasRun; notes: string[] } {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const kinds = [...new Set(files.map(kindOf).filter((k) => k !== undefined))];
  const notes: string[] = [];
  const readable = kinds.filter((ext) => {
    const { module, install } = PANDAS_ENGINE[ext];
    // pandas' own check, which also refuses a version too old for it (Debian's xlrd 1.2).
    const probe = spawnSync(python, ['-c', `from pandas.compat._optional import import_optional_dependency as need; need('${module}')`], { encoding: 'utf8' });
    if (probe.status !== 0) notes.push(`.${ext}: pandas или ${module} не установлен (${python}): ${install} — ${kinds.length > 1 ? 'эти файлы pandas не читал' : 'сравнение с pandas пропущено'}`);
    return probe.status === 0;
  });
  if (readable.length === 0) return { notes: kinds.length ? notes : ['pandas здесь читать нечего: среди файлов нет .xlsx, .xls, .ods, .xlsb (письма и документы pandas не читает) — сравнение с pandas пропущено'] };
  const input = files.filter((f) => readable.includes(kindOf(f)!)).join('\n');
  const r = spawnSync(python, ['-c', PANDAS], { input, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { notes: [...notes, `.${readable.join('/.')}: pandas завершился с ошибкой: ${r.stderr.trim().split('\n').pop()}`] };
  const j = JSON.parse(r.stdout);
  return { run: { ...j, maxRss: j.maxRssKb * 1024 }, notes };
}

interface Bundle {
  firstScreen: { file: string; gz: number }[];
  lazy: { file: string; gz: number; what: string }[];
}

/** The pane's scripts: those taskpane.html loads (the first screen) and the chunks loaded on demand. */
function bundleSizes(build: boolean): Bundle | string {
  const dist = path.join(ROOT, 'dist');
  if (build || !existsSync(path.join(dist, 'taskpane.html'))) {
    process.stdout.write('Сборка панели (npm run build)…\n');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) return `сборка не удалась: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`;
  }
  const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const first = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1].replace(/^\.?\//, ''));
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;
  const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
  // Other entry points (the ribbon commands page) are not part of the pane's first screen or its chunks.
  const otherEntries = readdirSync(dist)
    .filter((f) => f.endsWith('.html') && f !== 'taskpane.html')
    .flatMap((f) => [...readFileSync(path.join(dist, f), 'utf8').matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1].replace(/^\.?\//, '')));
  return {
    firstScreen: first.filter((f) => js.includes(f)).map((file) => ({ file, gz: gz(file) })),
    lazy: js
      .filter((f) => !first.includes(f) && !otherEntries.includes(f))
      .map((file) => {
        const text = readFileSync(path.join(dist, file), 'utf8');
        // Named chunks say what they are (webpackChunkName); SheetJS names itself in its code.
        const what = /SheetJS/.test(text) ? 'чтение файлов (SheetJS)' : /^xlsx-writer\./.test(file) ? 'запись .xlsx (src/files/xlsxWriter.ts)' : /^xlsx-reader\./.test(file) ? 'чтение .xlsx (быстрый путь)' : '';
        return { file, gz: gz(file), what };
      }),
  };
}

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

/** A folder given with --dir: its workbooks as they are (the list of expected units beside them, if any). */
async function givenFolder(dir: string, deadline: string | undefined): Promise<SampleInfo> {
  if (!existsSync(dir)) throw new Error(`--dir: папки «${dir}» нет`);
  const files = await mergedFiles(dir);
  return { dir, files: files.length, deadline: deadline ?? '', bytes: files.reduce((s, f) => s + f.size, 0) };
}

/** The files the merge takes from a set's folder: subfolders, letters, archives; the expected list and the system's litter left out. */
const mergedFiles = async (dir: string) => (await collectReceived([dir], [path.join(dir, 'units.csv')])).files;


async function main(argv: string[]): Promise<void> {
  const { values, flags } = parseArgs(argv, { values: ['sizes', 'cache', 'repeat', 'dir', 'deadline', 'sets'], flags: ['no-pandas', 'no-compare', 'no-excel', 'no-bundle', 'build'] });
  const sizes = (values.sizes?.[0] ?? '100,1000').split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: целые числа через запятую, например 100,1000,5000`);
  const cache = values.cache?.[0] ?? path.join(tmpdir(), 'profkampaniya-bench');
  const given = values.dir?.[0];

  console.log(
    `Профкампания — замер. Машина: ${availableParallelism()} ядр., ${cpus()[0]?.model ?? ''}; средняя загрузка ${loadavg().map((l) => fmt(l)).join(' / ')}; node ${process.version}.`,
  );
  console.log('Секунды — по часам (на занятой машине больше); ЦП — время процессора процесса свода, все потоки.\n');

  // The binary rebuilds a stale bundle itself; built here first so no run below pays for it.
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`сборка командной строки (npm run build:cli) не удалась: ${built.stderr}`);
  const repeat = Number(values.repeat?.[0] ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat: целое число ≥ 1');
  mkdirSync(cache, { recursive: true });

  const kinds = (values.sets?.[0] ?? SET_KINDS.join(',')).split(',') as SetKind[];
  if (kinds.some((k) => !SET_KINDS.includes(k))) throw new Error(`--sets: через запятую из ${SET_KINDS.join(', ')}`);
  const merges: (string | number)[][] = [];
  const stageLines: string[] = [];
  const pandas: (string | number)[][] = [];
  const ratios: (string | number)[][] = [];
  /** The direct run of each set, by size and kind, for the comparisons after the tables. */
  const direct = new Map<string, MergeRun>();
  const sampleSeconds: number[] = [];
  const pandasNotes = new Set<string>();
  // Every set is made (or found in the cache) before any is timed: making them loads the machine.
  const sets = given
    ? [{ size: 0, kind: 'sample' as SetKind, label: path.basename(given), sample: await givenFolder(given, values.deadline?.[0]) }]
    : sizes.flatMap((n) => {
        const sample = sampleFiles(cache, n);
        // Above 1,000 schools only the sample unless --sets names more: making a 5,000-file LibreOffice set takes
        // most of an hour, and 5,000's targets (growth, peak memory) are the sample's.
        const at = values.sets || n <= 1000 ? kinds : (['sample'] as SetKind[]);
        return at.map((kind) => ({ size: n, kind, label: `${n} · ${SET_TITLE[kind]}`, sample: kind === 'sample' ? sample : derivedSet(cache, sample, kind) }));
      });
  for (const { size, kind, label, sample } of sets) {
    // Side by side, alternating, so a change in the machine's load falls on both ways alike; the median of
    // `repeat` runs by wall time (one slow run on a shared machine says little).
    const runs: Record<Way, MergeRun[]> = { npm: [], bin: [] };
    for (let i = 0; i < repeat; i++) for (const way of ['npm', 'bin'] as Way[]) runs[way].push(await cliMerge(sample, cache, way));
    const median = (r: MergeRun[]) => r.sort((a, b) => a.seconds - b.seconds)[Math.floor((r.length - 1) / 2)];
    const m = median(runs.bin);
    const viaNpm = median(runs.npm);
    direct.set(`${size}/${kind}`, m);
    if (kind === 'sample') sampleSeconds.push(m.seconds);
    const read =
      flags.has('no-pandas') ? { notes: ['пропущено (--no-pandas)'] }
      : pandasRead((await mergedFiles(sample.dir)).map((f) => f.path)); // the workbooks among the files the merge took
    for (const note of read.notes) pandasNotes.add(note);
    const p = read.run ?? 'нет';
    const ratio = (seconds: number) => (typeof p === 'string' ? '—' : fmt(seconds / p.read, 2));
    stageLines.push(`  ${label}, ${sample.files} файлов: ${m.stages}`);
    for (const [way, run] of [['npm', viaNpm], ['bin', m]] as [Way, MergeRun][])
      merges.push([
        label, sample.files, WAY_TITLE[way], fmt(run.seconds), fmt(sample.files / run.seconds, 0), way === 'bin' ? fmt(run.cpuSeconds) : '—',
        way === 'bin' ? mb(run.maxRss) : '—', `${run.merged}/${run.superseded}/${run.refused}`, kb(run.outBytes), ratio(run.seconds),
      ]);
    console.log(`${label}: свод ${sample.files} файлов ${fmt(viaNpm.seconds)} с через npm, ${fmt(m.seconds)} с напрямую; пик ${mb(m.maxRss)}`);
    if (typeof p !== 'string') {
      pandas.push([label, p.files, fmt(p.read), fmt(p.concat, 2), fmt(p.files / p.read, 0), fmt(p.cpu), mb(p.maxRss), p.failed]);
      ratios.push([label, fmt(m.seconds), fmt(p.read), ratio(m.seconds), m.seconds / p.read <= TARGET_PANDAS ? 'да' : 'нет', fmt(m.cpuSeconds / p.cpu, 2)]);
      console.log(`${label}: pandas читает ${p.files} файлов ${fmt(p.read)} с; свод ÷ pandas ${ratio(m.seconds)}`);
    }
  }
  console.log('\n1. Свод из командной строки (чтение, проверка, свод, запись со сводкой показателей и запиской), обоими способами запуска');
  console.log(table(['набор', 'файлов', 'запуск', 'секунд', 'файлов/с', 'ЦП, с', 'пик памяти', 'принято/заменено/отклонено', 'свод', 'свод ÷ pandas'], merges));
  if (repeat > 1) console.log(`(медиана из ${repeat} запусков каждым способом)`);
  console.log('Этапы по словам самого свода (PROFKAMPANIYA_TIMINGS=1, запуск напрямую), секунды по часам:');
  for (const line of stageLines) console.log(line);
  /** Every target of issue 26 this bench measures, with its figure and «да/нет». */
  const targets: [string, string, boolean][] = [];
  const growth = direct.get('5000/sample') && direct.get('1000/sample') ? [direct.get('1000/sample')!, direct.get('5000/sample')!] : undefined;
  if (sampleSeconds.length > 1 && !given) {
    const last = sampleSeconds.length - 1;
    console.log(`Рост (пример): в ${fmt(sizes[last] / sizes[0], 0)} раз больше файлов — в ${fmt(sampleSeconds[last] / sampleSeconds[0])} раз дольше.`);
  }
  if (growth) {
    const [a, b] = growth;
    targets.push([`5 000 ÷ 1 000 ≤ ${TARGET_GROWTH} (пример, по часам; по ЦП ${fmt(b.cpuSeconds / a.cpuSeconds)})`, fmt(b.seconds / a.seconds), b.seconds / a.seconds <= TARGET_GROWTH]);
  }
  for (const { size, kind, label } of sets.filter((x) => x.size === 5000)) {
    const peak = direct.get(`${size}/${kind}`)!.maxRss;
    targets.push([`пик < ${TARGET_PEAK_MB} МБ при 5 000 (${label})`, mb(peak), peak < TARGET_PEAK_MB * 2 ** 20]);
  }
  if (!sizes.includes(5000) && !given) console.log('(5 000 ÷ 1 000 и пик памяти при 5 000 — с --sizes 1000,5000)');
  console.log(`\nСвод ÷ pandas на каждом наборе (запуск напрямую; цель ≤ ${fmt(TARGET_PANDAS, 1)}):`);
  if (ratios.length) {
    console.log(table(['набор', 'свод, с', 'pandas, с', 'свод ÷ pandas', `≤ ${fmt(TARGET_PANDAS, 1)}`, 'ЦП свода ÷ ЦП pandas'], ratios));
    // The target is judged by the clock, as the issue times it; the CPU ratio (the merge's threads summed) is there
    // to tell, on a busy machine, whether a change in the ratio is the code's or the load's.
    console.log('Цель — по часам; «ЦП свода ÷ ЦП pandas» (все потоки свода) — чтобы на занятой машине отличить код от нагрузки.');
  }
  for (const r of ratios) targets.push([`свод ÷ pandas ≤ ${fmt(TARGET_PANDAS, 1)}: ${r[0]}`, String(r[3]), r[4] === 'да']);
  for (const note of pandasNotes) console.log(note);
  const otherKinds = kinds.filter((k) => OTHER_PATH_KINDS.includes(k));
  if (!given && otherKinds.length && kinds.includes('sample')) {
    console.log(
      `\nФорматы не одного быстрого пути (SheetJS, письма) против .xlsx (быстрый путь) — те же школы; цель ≤ ${fmt(TARGET_SHEETJS, 0)}× на файл, ` +
        'по ЦП на файл: каждый файл набора принят, как его принимает поток чтения свода (bench/perFile.ts, один поток, ЦП, не часы; ' +
        'старт, свод и запись одинаковы у всех наборов и разбавили бы отношение). Рядом — весь свод по часам и этап «чтение и проверка» по часам:',
    );
    const perFile = new Map<string, number | string>();
    const cpuPerFile = (dir: string) => {
      if (!perFile.has(dir)) {
        const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'perFile.ts'), dir], { cwd: ROOT, encoding: 'utf8' });
        perFile.set(dir, r.status === 0 ? (JSON.parse(r.stdout) as { perFileMs: number }).perFileMs : `perFile.ts: ${r.stderr.trim().split('\n').pop()}`);
      }
      return perFile.get(dir)!;
    };
    const rows = sizes.flatMap((n) =>
      otherKinds.filter((kind) => direct.has(`${n}/${kind}`) && direct.has(`${n}/sample`)).map((kind) => {
        const other = direct.get(`${n}/${kind}`)!;
        const xlsx = direct.get(`${n}/sample`)!;
        const of = (k: SetKind) => sets.find((x) => x.size === n && x.kind === k)!.sample.dir;
        const [cpuOther, cpuXlsx] = [cpuPerFile(of(kind)), cpuPerFile(of('sample'))];
        const known = typeof cpuOther === 'number' && typeof cpuXlsx === 'number';
        const ratio = known ? cpuOther / cpuXlsx : NaN;
        targets.push([`${SET_TITLE[kind]} ÷ .xlsx ≤ ${fmt(TARGET_SHEETJS, 0)}× на файл (ЦП), ${n} школ`, known ? fmt(ratio, 2) : String(typeof cpuOther === 'string' ? cpuOther : cpuXlsx), ratio <= TARGET_SHEETJS]);
        const [a, b] = [readingSeconds(other.stages), readingSeconds(xlsx.stages)];
        return [
          `${n} · ${SET_TITLE[kind]}`, known ? `${fmt(cpuOther, 1)} / ${fmt(cpuXlsx, 1)} = ${fmt(ratio, 2)}` : '—', ratio <= TARGET_SHEETJS ? 'да' : 'нет',
          `${fmt(other.seconds)} / ${fmt(xlsx.seconds)} = ${fmt(other.seconds / xlsx.seconds, 2)}`, a && b ? `${fmt(a, 2)} / ${fmt(b, 2)} = ${fmt(a / b, 2)}` : '—',
        ];
      }),
    );
    console.log(table(['набор', 'ЦП на файл, мс: набор / .xlsx', `≤ ${fmt(TARGET_SHEETJS, 0)}×`, 'свод, с (часы)', 'чтение и проверка, с (часы)'], rows));
  }
  if (!given) {
    // The sample plants one school sent twice (the first version superseded) and one broken file (refused).
    const wrong = sets.filter(({ size, kind }) => {
      const r = direct.get(`${size}/${kind}`)!;
      return r.merged !== size || r.superseded !== 1 || r.refused !== 1;
    });
    console.log(
      `\nУчёт файлов: в каждом наборе принято по числу школ, заменён 1 (первая версия), отклонён 1 (повреждённый файл примера): ${wrong.length ? `нет — ${wrong.map((w) => w.label).join('; ')}` : 'да'}`,
    );
    targets.push(['учёт файлов: N/1/1 в каждом наборе', wrong.length ? `${wrong.length} наборов не так` : 'верно', !wrong.length]);
  }
  if (!given && !flags.has('no-compare')) {
    console.log(`\nСвод каждого набора против свода примера (.xlsx, записан нами), ячейка за ячейкой — те же школы в другом виде (test/support/compareBooks.py, openpyxl).\n${EXCLUDED}`);
    for (const n of sizes) {
      const ofSize = sets.filter((x) => x.size === n);
      // The sample, or else a set of files (not of letters, whose cells also name the letter).
      const reference = ofSize.find((x) => x.kind === 'sample') ?? ofSize.find((x) => x.kind !== 'eml') ?? ofSize[0];
      const others = ofSize.filter((x) => x !== reference);
      const result = compareBooks(svodOf(cache, reference.sample), others.map((x) => svodOf(cache, x.sample)));
      if (typeof result === 'string') {
        console.log(result);
        targets.push([`своды одинаковы, ${n} школ`, result, false]);
        continue;
      }
      result.forEach((c, i) => console.log(comparisonLines(`  ${others[i].label} против «${SET_TITLE[reference.kind]}»`, c).join('\n')));
      const differ = result.filter((c) => !c.same).length;
      if (result.length) targets.push([`своды одинаковы ячейка в ячейку, ${n} школ (${result.length + 1} наборов)`, differ ? `различаются ${differ}` : 'все', !differ]);
    }
  }
  console.log('\n2. pandas, только чтение тех же файлов: pandas.concat(pandas.read_excel(f, sheet_name=None) …)');
  if (pandas.length) console.log(table(['набор', 'файлов', 'чтение, с', 'concat, с', 'файлов/с', 'ЦП, с', 'пик памяти', 'не прочитано'], pandas));
  for (const note of pandasNotes) console.log(note);
  if (targets.length) {
    console.log(`\nЦели issue 26 (командная строка; панель — npm run bench:pane). Нагрузка машины сейчас: ${loadavg().map((l) => fmt(l)).join(' / ')}:`);
    for (const [what, figure, ok] of targets) console.log(`  ${what}: ${figure} — ${ok ? 'да' : 'нет'}`);
  }

  if (!flags.has('no-excel')) {
    console.log('\n3. В Excel (строгий двойник Excel, test/support/fakeExcel.ts): вызовы context.sync() и самый большой запрос');
    const rows: (string | number)[][] = [];
    const at: Record<number, ExcelFigures[]> = {};
    for (const units of [100, 1000]) at[units] = await excelPath(units);
    at[100].forEach((a, i) => {
      const b = at[1000][i];
      rows.push([a.operation, a.syncs, b.syncs, kb(a.largestRequest), kb(b.largestRequest), kb(a.largestResponse), kb(b.largestResponse)]);
    });
    console.log(table(['операция', 'sync, 100 ед.', 'sync, 1000 ед.', 'запрос, 100', 'запрос, 1000', 'ответ, 100', 'ответ, 1000'], rows));
    console.log('Предел Excel в браузере — 5 МБ на запрос и на ответ.');
  }

  if (!flags.has('no-bundle')) {
    console.log('\n4. Панель (dist/ после npm run build), gzip:');
    const b = bundleSizes(flags.has('build'));
    if (typeof b === 'string') console.log(b);
    else {
      const first = b.firstScreen.reduce((s, f) => s + f.gz, 0);
      console.log(`первый экран: ${kb(first)} (${b.firstScreen.map((f) => `${f.file} ${kb(f.gz)}`).join(', ')}); цель — меньше 350 KB`);
      for (const f of b.lazy.sort((x, y) => y.gz - x.gz)) console.log(`  по требованию: ${f.file} ${kb(f.gz)}${f.what ? ` — ${f.what}` : ''}`);
    }
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    console.error(`Замер не выполнен: ${(e as Error).message}`);
    process.exit(1);
  },
);
