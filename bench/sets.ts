/**
 * The bench's sets of school workbooks, made once and kept in the cache: the sample generator's (our own writer),
 * the same schools written by openpyxl — values only, with styles, and with the forms behind an instruction sheet
 * and a reference sheet after them (bench/openpyxlSet.py) — written by XlsxWriter (test/support/xlsxwriterBooks.py), saved by
 * LibreOffice as .xls (Excel 97–2003), .ods and .xlsx (a writer of .xlsx we did not write), and written by SheetJS
 * as .xlsb (LibreOffice cannot write .xlsb: its «Calc MS Excel 2007 Binary» filter only imports). Every set keeps
 * each file's modification time (the date its report came) and the list of expected units, so the merge of every
 * set accounts for the same schools. The marker that says a set is complete lies beside its folder
 * (`schools-N-kind.complete.json`), never in it: the merge reads every file of the folder as a received report.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as XLSXModule from '@e965/xlsx';
import { reportLetter } from '../test/support/mail';

const ROOT = path.resolve(__dirname, '..');
/** Bump when the sample generator changes what it writes, so cached files are made again. */
const SAMPLE_VERSION = 1;
/** Bump when a derived set is written differently. */
const DERIVED_VERSION = 1;

export type SetKind = 'sample' | 'values' | 'styles' | 'shapes' | 'xlsxwriter' | 'lo' | 'xls' | 'ods' | 'xlsb' | 'eml';
export const SET_KINDS: SetKind[] = ['sample', 'values', 'styles', 'shapes', 'xlsxwriter', 'lo', 'xls', 'ods', 'xlsb', 'eml'];
export const SET_TITLE: Record<SetKind, string> = {
  sample: 'пример (записан нами, .xlsx)',
  values: 'openpyxl, только значения',
  styles: 'openpyxl со стилями',
  shapes: 'openpyxl: форма не на первом листе',
  xlsxwriter: 'XlsxWriter (Python, как pandas.to_excel)',
  lo: '.xlsx (LibreOffice)',
  xls: '.xls (LibreOffice)',
  ods: '.ods (LibreOffice)',
  xlsb: '.xlsb (SheetJS)',
  eml: 'письма .eml (книга во вложении)',
};
/** The extension of a set's school workbooks (the sample's one broken file stays .xlsx in every set). */
const SET_EXT: Record<SetKind, 'xlsx' | 'xls' | 'ods' | 'xlsb' | 'eml'> = { sample: 'xlsx', values: 'xlsx', styles: 'xlsx', shapes: 'xlsx', xlsxwriter: 'xlsx', lo: 'xlsx', xls: 'xls', ods: 'ods', xlsb: 'xlsb', eml: 'eml' };
/**
 * Sets not read by the fast .xlsx reader alone — read by SheetJS, or unpacked from a letter first: the issue wants
 * each within 3× of the .xlsx path a file.
 */
export const OTHER_PATH_KINDS: SetKind[] = ['xls', 'ods', 'xlsb', 'eml'];

/** LibreOffice's export filter for each set it makes (`soffice --convert-to EXT:FILTER`). */
const LIBREOFFICE_FILTER: Partial<Record<SetKind, string>> = { xls: 'xls:MS Excel 97', ods: 'ods:calc8', lo: 'xlsx:Calc MS Excel 2007 XML' };

export interface SampleInfo {
  dir: string;
  files: number;
  deadline: string;
  bytes: number;
}

const WORKBOOK = /\.(xlsx|xlsb|xls|ods|csv|eml)$/i;
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function listed(dir: string): { files: number; bytes: number } {
  const names = readdirSync(dir).filter((n) => WORKBOOK.test(n) && n !== 'units.csv');
  return { files: names.length, bytes: names.reduce((s, n) => s + statSync(path.join(dir, n)).size, 0) };
}

/** Where the set in `dir` is marked complete: beside the folder, so the merge of the folder never sees it. */
const markerOf = (dir: string) => `${dir}.complete.json`;

function cached(dir: string, version: number): (SampleInfo & { version: number }) | undefined {
  const marker = markerOf(dir);
  // Sets made before the marker moved out of the folder (it was merged as a received file and refused).
  const inside = path.join(dir, '.complete.json');
  if (existsSync(inside)) renameSync(inside, marker);
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
  rmSync(markerOf(dir), { force: true });
  process.stdout.write(`Создаю ${schools} школьных книг в ${dir} (один раз, затем берутся из кэша)… `);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=6144', '--import', 'tsx', path.join(ROOT, 'scripts/sample.ts'), '--out', dir, '--schools', String(schools)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`генератор примера завершился с ошибкой:\n${r.stderr}`);
  const deadline = /Срок отчётов: (\d{4}-\d{2}-\d{2})/.exec(r.stdout)?.[1] ?? '2023-10-19';
  const info = { version: SAMPLE_VERSION, deadline, ...listed(dir) };
  writeFileSync(markerOf(dir), JSON.stringify(info));
  process.stdout.write(`${seconds(started)} с\n`);
  return { dir, ...info };
}

/**
 * The sample's schools written by openpyxl, LibreOffice or SheetJS, made once from the sample's set and kept in the
 * cache. An interrupted making resumes: files already made are kept.
 */
export function derivedSet(cache: string, sample: SampleInfo, kind: Exclude<SetKind, 'sample'>): SampleInfo {
  const dir = `${sample.dir}-${kind}`;
  const known = cached(dir, DERIVED_VERSION);
  if (known) return known;
  mkdirSync(dir, { recursive: true });
  process.stdout.write(`Создаю набор «${SET_TITLE[kind]}» из ${sample.files} файлов в ${dir} (один раз)… `);
  const started = Date.now();
  if (kind === 'xlsb') saveAsXlsb(sample.dir, dir);
  else if (kind === 'eml') sendAsLetters(sample.dir, dir);
  else if (kind === 'values' || kind === 'styles' || kind === 'shapes') {
    const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error(`openpyxl не установлен (${PYTHON}): apt-get install -y python3-openpyxl`);
    const r = spawnSync(PYTHON, [path.join(__dirname, 'openpyxlSet.py'), sample.dir, dir, kind], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openpyxl завершился с ошибкой:\n${r.stderr}`);
  } else if (kind === 'xlsxwriter') {
    const probe = spawnSync(PYTHON, ['-c', 'import xlsxwriter, openpyxl'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error(`XlsxWriter или openpyxl не установлен (${PYTHON}): apt-get install -y python3-xlsxwriter python3-openpyxl`);
    const r = spawnSync(PYTHON, [path.join(ROOT, 'test/support/xlsxwriterBooks.py'), sample.dir, dir, 'shared'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`XlsxWriter завершился с ошибкой:\n${r.stderr}`);
  } else saveWithLibreOffice(sample.dir, dir, cache, kind);
  const info = { version: DERIVED_VERSION, deadline: sample.deadline, ...listed(dir) };
  if (info.files !== sample.files) throw new Error(`набор «${SET_TITLE[kind]}»: ${info.files} файлов вместо ${sample.files}`);
  writeFileSync(markerOf(dir), JSON.stringify(info));
  process.stdout.write(`${seconds(started)} с\n`);
  return { dir, ...info };
}

/** A zip's first four bytes: a real .xlsx, not the sample's text file named .xlsx. */
function isZip(file: string): boolean {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(4);
  try {
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

/** The name a school's .xlsx gets in a set of `kind`. */
const renamed = (name: string, kind: SetKind) => name.replace(/\.xlsx$/i, `.${SET_EXT[kind]}`);

/**
 * Every file of `from` not made into `to` (the sample's broken one, units.csv) copied as it is, and every file of
 * `to` given its source's modification time — the date the school's report came.
 */
function copyTheRest(from: string, to: string, kind: SetKind): void {
  for (const n of readdirSync(from).filter((x) => !x.startsWith('.'))) {
    const made = /\.xlsx$/i.test(n) && existsSync(path.join(to, renamed(n, kind)));
    const target = path.join(to, made ? renamed(n, kind) : n);
    if (!made) copyFileSync(path.join(from, n), target);
    const st = statSync(path.join(from, n));
    utimesSync(target, st.atime, st.mtime);
  }
}

/**
 * Every .xlsx of `from` saved by LibreOffice (as .xls, .ods or .xlsx) into `to`, a hundred files a start of
 * soffice (one start for all would hold every document's memory; one a file would take minutes more). A file
 * LibreOffice cannot open (the sample's broken one) is copied as it is. Each kind has its own LibreOffice profile,
 * so two sets can be made at once.
 */
function saveWithLibreOffice(from: string, to: string, cache: string, kind: SetKind): void {
  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
  if (!soffice) throw new Error('LibreOffice не найден: установите пакет libreoffice-calc-nogui (scripts/setup.sh)');
  const profile = pathToFileURL(path.join(cache, kind === 'xls' ? 'libreoffice-profile' : `libreoffice-profile-${kind}`)).href;
  // LibreOffice opens any text as a spreadsheet: the sample's broken file (text named .xlsx) is copied as it is.
  const todo = readdirSync(from)
    .filter((n) => /\.xlsx$/i.test(n) && isZip(path.join(from, n)) && !existsSync(path.join(to, renamed(n, kind))))
    .sort();
  // Into a staging folder beside the set first: a batch cut short leaves no half-written file among the finished ones.
  const staging = `${to}.converting`;
  for (let i = 0; i < todo.length; i += 100) {
    rmSync(staging, { recursive: true, force: true });
    const batch = todo.slice(i, i + 100);
    spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', LIBREOFFICE_FILTER[kind]!, '--outdir', staging, ...batch.map((n) => path.join(from, n))], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    for (const n of batch) if (existsSync(path.join(staging, renamed(n, kind)))) renameSync(path.join(staging, renamed(n, kind)), path.join(to, renamed(n, kind)));
  }
  rmSync(staging, { recursive: true, force: true });
  copyTheRest(from, to, kind);
}

/**
 * Every .xlsx of `from` written by SheetJS as .xlsb (Excel's binary workbook) into `to`: values, cached results
 * of formulas, merged cells and sheet states as SheetJS reads them from the .xlsx (no styles: its community
 * edition writes none). A file that is not a zip is copied as it is.
 */
function saveAsXlsb(from: string, to: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XLSX = require('@e965/xlsx') as typeof XLSXModule;
  for (const n of readdirSync(from).filter((x) => /\.xlsx$/i.test(x)).sort()) {
    const target = path.join(to, renamed(n, 'xlsb'));
    if (existsSync(target)) continue;
    // SheetJS would read any text as a CSV: the sample's broken file (text named .xlsx) is copied as it is below.
    if (!isZip(path.join(from, n))) continue;
    const source = readFileSync(path.join(from, n));
    const book = XLSX.read(source, { type: 'buffer' });
    // Print titles (_xlnm.Print_Titles of whole rows) SheetJS cannot write to .xlsb; they are print setup, not data.
    if (book.Workbook?.Names) book.Workbook.Names = book.Workbook.Names.filter((d) => !d.Name.startsWith('_xlnm.'));
    const bytes = XLSX.write(book, { bookType: 'xlsb', type: 'buffer' }) as Buffer;
    writeFileSync(`${target}.part`, bytes);
    renameSync(`${target}.part`, target);
  }
  copyTheRest(from, to, 'xlsb');
}

/**
 * Every .xlsx of `from` (the sample's broken one too) attached to a letter of its own, saved as .eml into `to`, as a
 * mail program saves what a school sent (test/support/mail.ts `reportLetter`: a text part, the workbook in base64,
 * its Cyrillic name in RFC 2231 form). The letter's Date is the workbook's modification time, so every school's report counts as
 * received at the same minute as in the sample.
 */
function sendAsLetters(from: string, to: string): void {
  for (const n of readdirSync(from).filter((x) => /\.xlsx$/i.test(x)).sort()) {
    const target = path.join(to, renamed(n, 'eml'));
    if (existsSync(target)) continue;
    const letter = reportLetter(n, readFileSync(path.join(from, n)), statSync(path.join(from, n)).mtime);
    writeFileSync(`${target}.part`, letter);
    renameSync(`${target}.part`, target);
  }
  copyTheRest(from, to, 'eml');
}
