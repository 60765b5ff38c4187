/**
 * The same schools' reports as .xlsx (the sample's hand), and saved by LibreOffice as .xls and .ods, and by SheetJS
 * as .xlsb, merged by the command line: the four consolidated workbooks are the same cell by cell — every sheet,
 * every formula and cached value, as openpyxl reads them (test/support/compareBooks.py, the comparison
 * `npm run bench` prints for its sets). Left out only what must differ: the received file's extension wherever a
 * cell names the file, and the register's checksum of the file's bytes. The same .xlsx sent as letters (.eml) give
 * that Свод too, but for what says they came by mail: the letter's name before the file's, the sender and the
 * letter in the register, and the words «дата письма» — the date itself is compared.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { writeSchoolWorkbook } from '../scripts/schoolExcel';
import { merge } from '../src/cli/merge';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { runCommand } from './support/command';
import { saveAs } from './support/libreoffice';
import { reportLetter } from './support/mail';
// Slow on purpose (LibreOffice): each conversion starts soffice, which takes seconds.
jest.setTimeout(180_000);

interface Comparison {
  same: boolean;
  sheets: string[];
  cells: number;
  differences: number;
  first: { sheet: string; cell: string; what: string; reference: string; other: string }[];
  names: number;
  checksums: number;
  letters: number;
}

const sample = sampleSchoolWorkbooks({ schools: 2, broken: false, twice: false });
const FORMATS = ['xlsx', 'xls', 'ods', 'xlsb'] as const;
let dir: string;
const svod: Record<string, string> = {};

/** Every Свод in `others` against `reference`, by openpyxl (python3-openpyxl, scripts/setup.sh). */
function compare(reference: string, others: string[]): Promise<Comparison[]> {
  return new Promise((resolve, reject) =>
    execFile('/usr/bin/python3', [path.join(__dirname, 'support/compareBooks.py'), reference, ...others], { maxBuffer: 16 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`compareBooks.py не выполнился (нужен python3-openpyxl, scripts/setup.sh): ${err.message}\n${stderr}`));
      else resolve(stdout.trim().split('\n').map((l) => JSON.parse(l) as Comparison));
    }),
  );
}

/** The schools' files in `format`, each with its date received as its modification time, merged into a Свод. */
async function mergeAs(format: string, files: { name: string; bytes: Uint8Array; received: string }[]): Promise<string> {
  const inbox = path.join(dir, format);
  await mkdir(inbox, { recursive: true });
  for (const f of files) {
    const file = path.join(inbox, f.name);
    await writeFile(file, f.bytes);
    const at = new Date(f.received);
    await utimes(file, at, at);
  }
  const out = path.join(dir, `свод-${format}.xlsx`);
  const res = await runCommand(merge, [inbox, '--out', out, '--season', sample.settings.season, '--year', String(sample.settings.year), '--deadline', sample.deadline]);
  expect(res.stderr).toBe('');
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-merge-encodings-'));
  const schools = await Promise.all(
    sample.files.filter((f) => f.workbook).map(async (f) => ({ file: f.file, received: f.received, xlsx: await writeSchoolWorkbook(f.workbook!) })),
  );
  const as: Record<(typeof FORMATS)[number] | 'eml', { name: string; bytes: Uint8Array; received: string }[]> = { xlsx: [], xls: [], ods: [], xlsb: [], eml: [] };
  for (const s of schools) {
    const named = (ext: string) => s.file.replace(/\.xlsx$/, `.${ext}`);
    as.xlsx.push({ name: s.file, bytes: s.xlsx, received: s.received });
    as.eml.push({ name: named('eml'), bytes: reportLetter(s.file, s.xlsx, new Date(s.received)), received: s.received });
    as.xls.push({ name: named('xls'), bytes: await saveAs(s.xlsx, 'xls'), received: s.received });
    as.ods.push({ name: named('ods'), bytes: await saveAs(s.xlsx, 'ods'), received: s.received });
    // LibreOffice cannot write .xlsb; SheetJS can (values and cached results, no styles).
    const book = XLSX.read(s.xlsx, { type: 'array' });
    if (book.Workbook?.Names) book.Workbook.Names = book.Workbook.Names.filter((d) => !d.Name.startsWith('_xlnm.'));
    as.xlsb.push({ name: named('xlsb'), bytes: new Uint8Array(XLSX.write(book, { bookType: 'xlsb', type: 'array' }) as ArrayBuffer), received: s.received });
  }
  for (const format of FORMATS) svod[format] = await mergeAs(format, as[format]);
  svod.eml = await mergeAs('eml', as.eml);
  // The same letters, one dated a day later: the date received must still be compared.
  svod.emlLater = await mergeAs('eml-later', [as.eml[0], { ...as.eml[1], bytes: reportLetter(as.xlsx[1].name, as.xlsx[1].bytes, new Date(dayLater(as.eml[1].received))) }]);
  // The same schools less one: a Свод that must not compare equal.
  svod.fewer = await mergeAs('fewer', as.xlsx.slice(1));
}, 600_000);

/** The same local minute a day later, as `received` is written (YYYY-MM-DDTHH:MM). */
function dayLater(received: string): string {
  const d = new Date(received);
  d.setDate(d.getDate() + 1);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("the same schools' reports as .xlsx, .xls, .ods and .xlsb give one Свод, cell by cell", async () => {
  const results = await compare(svod.xlsx, [svod.xls, svod.ods, svod.xlsb]);
  for (const [i, r] of results.entries()) {
    expect({ format: FORMATS[i + 1], same: r.same, first: r.first }).toEqual({ format: FORMATS[i + 1], same: true, first: [] });
    expect(r.sheets).toEqual(expect.arrayContaining(['Свод по ОО', 'Прил. 2 Свод', 'Реестр отчётов', 'Показатели']));
    expect(r.cells).toBeGreaterThan(1000);
    // Only the extension of the file's name was set aside, in every cell naming a file; one checksum per file.
    expect(r.names).toBeGreaterThan(0);
    expect(r.checksums).toBe(2);
  }
});

test('the same .xlsx sent as letters give the same Свод, the date received included', async () => {
  const [same, later] = await compare(svod.xlsx, [svod.eml, svod.emlLater]);
  expect({ same: same.same, first: same.first }).toEqual({ same: true, first: [] });
  // Every cell naming the file (behind its letter's name), and the sender, the letter and «дата письма» in the register.
  expect(same.letters).toBeGreaterThan(6);
  expect(same.checksums).toBe(2);
  expect(later.same).toBe(false);
  // «Получен» (E) and «Откуда дата» (N): the words of the latter are set aside, its date is not.
  expect(later.first).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'Реестр отчётов', cell: 'E7' }), expect.objectContaining({ sheet: 'Реестр отчётов', cell: 'N7' })]));
});

test('the letters\' Свод as the reference gives the same answer: the letter\'s name is set aside on either side', async () => {
  const [r] = await compare(svod.eml, [svod.xlsx]);
  expect({ same: r.same, first: r.first }).toEqual({ same: true, first: [] });
  expect(r.letters).toBeGreaterThan(6);
});

test('a Свод with one school fewer does not compare equal, and the first differing cells are named', async () => {
  const [r] = await compare(svod.xlsx, [svod.fewer]);
  expect(r.same).toBe(false);
  expect(r.differences).toBeGreaterThan(0);
  expect(r.first[0]).toEqual(expect.objectContaining({ sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/) }));
});
