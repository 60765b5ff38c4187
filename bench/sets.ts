/**
 * The bench's sets of school workbooks, made once and kept in the cache: the sample generator's (our own writer),
 * the same schools written by openpyxl — values only, and with styles (bench/openpyxlSet.py) — and saved by
 * LibreOffice as .xls (Excel 97–2003, read by SheetJS). Every set keeps each file's modification time (the date
 * its report came) and the list of expected units, so the merge of every set accounts for the same schools.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..');
/** Bump when the sample generator changes what it writes, so cached files are made again. */
const SAMPLE_VERSION = 1;
/** Bump when a derived set is written differently. */
const DERIVED_VERSION = 1;

export type SetKind = 'sample' | 'values' | 'styles' | 'xls';
export const SET_KINDS: SetKind[] = ['sample', 'values', 'styles', 'xls'];
export const SET_TITLE: Record<SetKind, string> = {
  sample: 'пример (записан нами, .xlsx)',
  values: 'openpyxl, только значения',
  styles: 'openpyxl со стилями',
  xls: '.xls (LibreOffice)',
};

export interface SampleInfo {
  dir: string;
  files: number;
  deadline: string;
  bytes: number;
}

const WORKBOOK = /\.(xlsx|xls|ods|csv)$/i;
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function listed(dir: string): { files: number; bytes: number } {
  const names = readdirSync(dir).filter((n) => WORKBOOK.test(n) && n !== 'units.csv');
  return { files: names.length, bytes: names.reduce((s, n) => s + statSync(path.join(dir, n)).size, 0) };
}

function cached(dir: string, version: number): (SampleInfo & { version: number }) | undefined {
  const marker = path.join(dir, '.complete.json');
  if (!existsSync(marker)) return undefined;
  const m = JSON.parse(readFileSync(marker, 'utf8'));
  return m.version === version ? { dir, ...m } : undefined;
}

const seconds = (started: number) => ((Date.now() - started) / 1000).toFixed(1).replace('.', ',');

/** The sample's school workbooks for `schools` schools, generated once and kept in the cache. */
export function sampleFiles(cache: string, schools: number): SampleInfo {
  const dir = path.join(cache, `schools-${schools}`);
  const known = cached(dir, SAMPLE_VERSION);
  if (known) return known;
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`Создаю ${schools} школьных книг в ${dir} (один раз, затем берутся из кэша)… `);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=6144', '--import', 'tsx', path.join(ROOT, 'scripts/sample.ts'), '--out', dir, '--schools', String(schools)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`генератор примера завершился с ошибкой:\n${r.stderr}`);
  const deadline = /Срок отчётов: (\d{4}-\d{2}-\d{2})/.exec(r.stdout)?.[1] ?? '2023-10-19';
  const info = { version: SAMPLE_VERSION, deadline, ...listed(dir) };
  writeFileSync(path.join(dir, '.complete.json'), JSON.stringify(info));
  process.stdout.write(`${seconds(started)} с\n`);
  return { dir, ...info };
}

/**
 * The sample's schools written by openpyxl or saved as .xls, made once from the sample's set and kept in the
 * cache. An interrupted making resumes: files already made are kept.
 */
export function derivedSet(cache: string, sample: SampleInfo, kind: Exclude<SetKind, 'sample'>): SampleInfo {
  const dir = `${sample.dir}-${kind}`;
  const known = cached(dir, DERIVED_VERSION);
  if (known) return known;
  mkdirSync(dir, { recursive: true });
  process.stdout.write(`Создаю набор «${SET_TITLE[kind]}» из ${sample.files} файлов в ${dir} (один раз)… `);
  const started = Date.now();
  if (kind === 'xls') saveAsXls(sample.dir, dir, cache);
  else {
    const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error(`openpyxl не установлен (${PYTHON}): apt-get install -y python3-openpyxl`);
    const r = spawnSync(PYTHON, [path.join(__dirname, 'openpyxlSet.py'), sample.dir, dir, kind], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openpyxl завершился с ошибкой:\n${r.stderr}`);
  }
  const info = { version: DERIVED_VERSION, deadline: sample.deadline, ...listed(dir) };
  if (info.files !== sample.files) throw new Error(`набор «${SET_TITLE[kind]}»: ${info.files} файлов вместо ${sample.files}`);
  writeFileSync(path.join(dir, '.complete.json'), JSON.stringify(info));
  process.stdout.write(`${seconds(started)} с\n`);
  return { dir, ...info };
}

/**
 * Every .xlsx of `from` saved by LibreOffice as .xls into `to`, a hundred files a start of soffice (one start
 * for all would hold every document's memory; one a file would take minutes more). A file LibreOffice cannot
 * open (the sample's broken one) is copied as it is; the rest is copied too, and every file keeps its time.
 */
function saveAsXls(from: string, to: string, cache: string): void {
  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
  if (!soffice) throw new Error('LibreOffice не найден: установите пакет libreoffice-calc-nogui (scripts/setup.sh)');
  const profile = pathToFileURL(path.join(cache, 'libreoffice-profile')).href;
  const names = readdirSync(from).filter((n) => !n.startsWith('.')).sort();
  const xlsOf = (n: string) => n.replace(/\.xlsx$/i, '.xls');
  const todo = names.filter((n) => /\.xlsx$/i.test(n) && !existsSync(path.join(to, xlsOf(n))));
  const staging = path.join(to, '.converting');
  for (let i = 0; i < todo.length; i += 100) {
    rmSync(staging, { recursive: true, force: true });
    const batch = todo.slice(i, i + 100);
    // Into a staging folder first: a batch cut short leaves no half-written .xls among the finished ones.
    spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xls', '--outdir', staging, ...batch.map((n) => path.join(from, n))], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    for (const n of batch) if (existsSync(path.join(staging, xlsOf(n)))) renameSync(path.join(staging, xlsOf(n)), path.join(to, xlsOf(n)));
  }
  rmSync(staging, { recursive: true, force: true });
  for (const n of names) {
    const made = /\.xlsx$/i.test(n) && existsSync(path.join(to, xlsOf(n)));
    const target = path.join(to, made ? xlsOf(n) : n);
    if (!made) copyFileSync(path.join(from, n), target);
    const st = statSync(path.join(from, n));
    utimesSync(target, st.atime, st.mtime);
  }
}
