/**
 * A folder merge accounts for every file in it: a school that sent a .xlsb, a PDF, a photo or a Word document is
 * in the JSON `files[]` and the register, refused with its reason, never silently missing. Only the system's own
 * litter (lock files, thumbnail caches, macOS metadata) is left out, and said so on stderr.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { merge, type MergeJson } from '../src/cli/merge';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { schoolReportBytes, zipOf } from './hostile/support';
import { runCommand } from './support/command';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-every-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCommand(merge, args);

/** The same package with every part renamed (the workbook's bytes untouched). */
async function renamed(bytes: Uint8Array, rename: (name: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, Uint8Array> = {};
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) parts[rename(name)] = await entry.async('uint8array');
  return zipOf(parts);
}

test('every file in the folders is merged or refused with its reason; only system litter is skipped, and named', async () => {
  const inbox = path.join(dir, 'почта');
  await mkdir(path.join(inbox, 'вложения'), { recursive: true });
  const school = await schoolReportBytes(0);
  await writeFile(path.join(inbox, 'школа 1.xlsx'), school);
  await writeFile(path.join(inbox, 'вложения', 'школа 2.xlsx'), await schoolReportBytes(1));
  // A binary workbook: a zip whose main part is xl/workbook.bin.
  await writeFile(path.join(inbox, 'школа 3.xlsb'), await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': new Uint8Array(8) }));
  await writeFile(path.join(inbox, 'скан.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));
  await writeFile(path.join(inbox, 'отчёт.pdf'), new TextEncoder().encode('%PDF-1.7\n'));
  await writeFile(path.join(inbox, 'письмо.txt'), new TextEncoder().encode('Добрый день! Отчёт во вложении.'));
  await writeFile(path.join(inbox, 'справка.docx'), await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
  await writeFile(path.join(inbox, 'отчёт.zip'), await zipOf({ 'школа 4.xlsx': school }));
  // The system's litter: not reports.
  await writeFile(path.join(inbox, '~$школа 1.xlsx'), new Uint8Array(165));
  await writeFile(path.join(inbox, 'Thumbs.db'), new Uint8Array(64));
  await writeFile(path.join(inbox, '.DS_Store'), new Uint8Array(64));
  await writeFile(path.join(inbox, '.~lock.школа 1.xlsx#'), new TextEncoder().encode('x'));

  const out = path.join(dir, 'свод.xlsx');
  const res = await run([inbox, '--out', out, '--json']);
  const json = JSON.parse(res.stdout) as MergeJson;
  const byFile = new Map(json.files.map((f) => [f.file, f]));
  expect([...byFile.keys()].sort()).toEqual(['отчёт.pdf', 'отчёт.zip/школа 4.xlsx', 'письмо.txt', 'скан.jpg', 'справка.docx', 'школа 1.xlsx', 'школа 2.xlsx', 'школа 3.xlsb'].sort());
  expect(byFile.get('школа 1.xlsx')!.status).toBe('merged');
  expect(byFile.get('школа 2.xlsx')!.status).toBe('merged');
  const reason = (f: string) => {
    expect(byFile.get(f)!.status).toBe('refused');
    return byFile.get(f)!.reason;
  };
  expect(reason('школа 3.xlsb')).toMatch(/двоичная книга Excel \(\.xlsb\).*сохраните как «Книга Excel \(\.xlsx\)»/);
  expect(reason('скан.jpg')).toMatch(/изображение \(фотография или скан\), а не таблица/);
  expect(reason('отчёт.pdf')).toMatch(/документ PDF/);
  expect(reason('письмо.txt')).toMatch(/не найдены формы/); // a text file is read like a CSV: no forms in it
  expect(reason('справка.docx')).toMatch(/«справка\.docx» повреждён/); // a Word document is read like a form; this one has no text
  // A zip is opened: the school's workbook in it is received (the same school as «школа 1.xlsx»: one of them wins).
  expect(['merged', 'superseded']).toContain(byFile.get('отчёт.zip/школа 4.xlsx')!.status);
  expect(byFile.get('отчёт.zip/школа 4.xlsx')).toMatchObject({ via: [{ kind: 'archive', name: 'отчёт.zip' }], container: 'архив «отчёт.zip», файл «школа 4.xlsx»' });
  expect(res.stderr).toMatch(/Пропущены служебные файлы системы \(не отчёты\):/);
  for (const litter of ['~$школа 1.xlsx', 'Thumbs.db', '.DS_Store', '.~lock.школа 1.xlsx#']) expect(res.stderr).toContain(litter);

  // The register of the consolidated workbook names every one of them.
  const register = readWorkbookFile(new Uint8Array(await readFile(out)), 'свод.xlsx').sheets.find((s) => s.name === 'Реестр отчётов')!;
  const text = register.cells.flat().map(String).join('\n');
  for (const f of byFile.keys()) expect(text).toContain(f);
}, 60000);

describe('packages other readers open are read, whatever their layout', () => {
  const read = (bytes: Uint8Array, name = 'школа.xlsx') => readWorkbookFile(bytes, name, { formulas: false });
  const sheetsOf = (bytes: Uint8Array) => read(bytes).sheets.map((s) => [s.name, s.cells.length]);

  test("a school's report saved as Excel's binary workbook (.xlsb) is read and merged like its .xlsx", async () => {
    const school = await schoolReportBytes(0);
    const book = XLSX.read(school, { type: 'array', cellDates: true });
    if (book.Workbook) book.Workbook.Names = []; // SheetJS's .xlsb writer does not write defined names (and says so)
    const xlsb = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsb' }) as ArrayBuffer);
    const values = (name: string, bytes: Uint8Array) => read(bytes, name).sheets.map((s) => [s.name, s.cells]);
    expect(values('школа.xlsb', xlsb)).toEqual(values('школа.xlsx', school));
    const inbox = path.join(dir, 'xlsb');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, 'школа.xlsb'), xlsb);
    const json = JSON.parse((await run([inbox, '--out', path.join(dir, 'свод-xlsb.xlsx'), '--json'])).stdout) as MergeJson;
    expect(json.files.map((f) => [f.file, f.status])).toEqual([['школа.xlsb', 'merged']]);
  });

  test('part names in capitals, in mixed case or with backslashes', async () => {
    const school = await schoolReportBytes(0);
    const expected = sheetsOf(school);
    expect(sheetsOf(await renamed(school, (n) => (n === '[Content_Types].xml' ? n : n.toUpperCase())))).toEqual(expected);
    expect(sheetsOf(await renamed(school, (n) => n.replace('xl/', 'XL/').replace('workbook', 'Workbook')))).toEqual(expected);
    expect(sheetsOf(await renamed(school, (n) => n.replace(/\//g, '\\')))).toEqual(expected);
  });

  test('a workbook kept outside xl/, found through the package relationship and its content type', async () => {
    const school = await schoolReportBytes(0);
    const zip = await JSZip.loadAsync(school);
    const parts: Record<string, Uint8Array | string> = {};
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      let data: Uint8Array | string = await entry.async('uint8array');
      if (/\.(xml|rels)$/.test(name)) data = new TextDecoder().decode(data as Uint8Array).replace(/\/?xl\//g, (m) => m.replace('xl/', 'книга/'));
      parts[name.replace(/^xl\//, 'книга/')] = data;
    }
    expect(Object.keys(parts).some((n) => n.startsWith('xl/'))).toBe(false);
    expect(sheetsOf(await zipOf(parts))).toEqual(sheetsOf(school));
  });

  test('a password-protected OpenDocument spreadsheet gets the password message, not «повреждён»', async () => {
    const manifest =
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="4096"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>' +
      '</manifest:manifest>';
    const bytes = await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': new Uint8Array(4096).map((_, i) => (i * 7919) & 255), 'META-INF/manifest.xml': manifest });
    expect(() => read(bytes, 'школа.ods')).toThrow(/«школа\.ods» защищён паролем/);
  });
});
