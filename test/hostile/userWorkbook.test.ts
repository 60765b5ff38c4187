/**
 * The user's workbook is never harmed by the command line: a merge into a file holding the coordinator's own
 * sheets is refused and leaves the file byte for byte as it was; a merge repeated on the same files gives the
 * same bytes (no clock in the output).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { merge } from '../../src/cli/merge';
import { stamp } from '../../src/cli/stamp';
import { writeSample } from '../../scripts/sample';
import { DOCUMENT_DATE, writeXlsx } from '../../src/files/xlsxWriter';
import { emptySheetPlan } from '../../src/domain/sheetPlan';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-userwb-'));
  await writeSample(path.join(dir, 'почта'), { schools: 5, planRows: 3 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runMerge(out: string): Promise<{ code: number; message: string }> {
  let text = '';
  const io = { stdout: { write: (s: string) => (text += s) }, stderr: { write: (s: string) => (text += s) } };
  try {
    const code = await merge([path.join(dir, 'почта'), '--out', out, '--units', path.join(dir, 'почта', 'units.csv'), '--season', 'autumn', '--year', '2023', '--deadline', '2023-10-19'], io);
    return { code, message: text };
  } catch (e) {
    return { code: 2, message: text + (e as Error).message };
  }
}

/** Each part of an .xlsx, by name. */
async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, await zip.files[name].async('string'));
  return out;
}

test('the same merge run twice gives the same workbook, byte for byte', async () => {
  const a = path.join(dir, 'свод-а.xlsx');
  const b = path.join(dir, 'свод-б.xlsx');
  expect((await runMerge(a)).code).toBe(0);
  const first = await readFile(a);
  expect((await runMerge(b)).code).toBe(0);
  // Merging again into the first output (it is the add-in's own) rewrites it with the same bytes.
  expect((await runMerge(a)).code).toBe(0);
  const again = await readFile(a);
  const second = await readFile(b);
  // Content first, so a difference is shown part by part, then the bytes.
  expect(await partsOf(second)).toEqual(await partsOf(first));
  expect(Buffer.compare(second, first)).toBe(0);
  expect(Buffer.compare(again, first)).toBe(0);
  // Dated by the latest report received (the sample's late files arrive 20–22 October 2023), not by the clock.
  const core = (await partsOf(first)).get('docProps/core.xml')!;
  expect(core).toMatch(/<dcterms:modified[^>]*>2023-10-2\dT/);
});

test('the writer takes no date from the clock', async () => {
  const plan = { sheets: [emptySheetPlan('Лист', 'note')] };
  const one = await writeXlsx(plan);
  await new Promise((r) => setTimeout(r, 1100)); // past the zip format's two-second resolution, half the time
  const two = await writeXlsx(plan);
  expect(Buffer.compare(Buffer.from(one), Buffer.from(two))).toBe(0);
  expect((await partsOf(one)).get('docProps/core.xml')).toContain(DOCUMENT_DATE.slice(0, 10));
});

test("a merge into a workbook holding the coordinator's own sheet is refused and changes nothing", async () => {
  const out = path.join(dir, 'мой свод.xlsx');
  // The coordinator's workbook: a sheet of their own with a formula, a merge and a comment-like note.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Мои заметки');
  ws.getCell('A1').value = 'Обзвонить школы, не приславшие отчёт';
  ws.getCell('B2').value = { formula: 'SUM(1,2)', date1904: false };
  ws.mergeCells('A3:C3');
  ws.getCell('A3').value = '=HYPERLINK("http://x","y") — это текст';
  const original = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await writeFile(out, original);
  const sheetBefore = (await partsOf(original)).get('xl/worksheets/sheet1.xml');

  const r = await runMerge(out);
  expect(r.code).toBe(2);
  expect(r.message).toContain('«Мои заметки»');
  expect(r.message).toMatch(/не записан/);

  const after = await readFile(out);
  expect(Buffer.compare(after, Buffer.from(original))).toBe(0);
  expect((await partsOf(after)).get('xl/worksheets/sheet1.xml')).toBe(sheetBefore);
  // No temporary file left beside it.
  expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('a merge into a damaged existing output is refused and the file is left as it was', async () => {
  const out = path.join(dir, 'испорченный свод.xlsx');
  const junk = new TextEncoder().encode('PK\u0003\u0004 это не книга');
  await writeFile(out, junk);
  const r = await runMerge(out);
  expect(r.code).toBe(2);
  expect(r.message).toContain('не удалось прочитать');
  expect(Buffer.compare(await readFile(out), Buffer.from(junk))).toBe(0);
});

test('stamping a blank over an existing workbook is refused without --force and changes nothing', async () => {
  const out = path.join(dir, 'мои данные.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Мои заметки').getCell('A1').value = 'не трогать';
  const original = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await writeFile(out, original);
  let text = '';
  const io = { stdout: { write: (s: string) => (text += s) }, stderr: { write: (s: string) => (text += s) } };
  let code: number;
  try {
    code = await stamp(['report', '--out', out, '--season', 'autumn', '--year', '2023'], io);
  } catch (e) {
    code = 2;
    text += (e as Error).message;
  }
  expect(code).not.toBe(0);
  expect(text).toMatch(/уже существует/);
  expect(Buffer.compare(await readFile(out), Buffer.from(original))).toBe(0);
});
