/**
 * «Аналитическая справка» as a Word document from a consolidated workbook: `profkampaniya note` on the seed-000
 * municipality's workbook; the document read back (its paragraphs the same as the sheet «Справка»'s, its tables),
 * a coordinator's correction on «Свод по ОО» carried through, and LibreOffice laying it out to count the pages.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { main } from '../src/cli/main';
import { buildConsolidatedWorkbook } from '../src/domain/consolidate/workbook';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { SHEET } from '../src/domain/sheetNames';
import { DETAIL_COLUMNS, DETAIL_FIRST_ROW, DETAIL_HEADER_ROW } from '../src/domain/consolidate/detailLayout';
import { noteOfWorkbook } from '../src/domain/indicators/noteDocument';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { zipEntries } from '../src/files/guards';
import { writeXlsx } from '../src/files/xlsxWriter';
import { writeNoteDocx } from '../src/files/writeNoteDocx';
import { convertDocument } from './support/libreoffice';
import { summarySample } from './support/summarySample';

jest.setTimeout(240_000);

const NBSP = '\u00a0';
let dir: string;
let book: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pk-note-'));
  const settings = municipalSettings();
  book = await writeXlsx(buildConsolidatedWorkbook(summarySample().result, settings));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function note(workbook: Uint8Array, name: string): Promise<Uint8Array> {
  const input = join(dir, `${name}.xlsx`);
  const out = join(dir, `${name}.docx`);
  await writeFile(input, workbook);
  let said = '';
  const code = await main(['note', input, '--out', out], { stdout: { write: (s: string) => (said += s) }, stderr: { write: (s: string) => (said += s) } });
  expect([code, said]).toEqual([0, expect.stringContaining('Справка записана')]);
  return new Uint8Array(await readFile(out));
}

const texts = (bytes: Uint8Array, name: string) =>
  readWorkbookFile(bytes, name).sheets[0].cells.map((r) => r.map((v) => (v === null ? '' : String(v))));

/** PDF pages as LibreOffice lays the document out. */
async function pages(docx: Uint8Array): Promise<number> {
  const pdf = Buffer.from(await convertDocument(docx, 'справка.docx', 'pdf')).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe('the analytical note as a Word document', () => {
  it('says what the sheet «Справка» says, paragraph for paragraph, then the signature places and the tables', async () => {
    const docx = await note(book, 'свод');
    const rows = texts(docx, 'справка.docx');
    const lines = rows.map((r) => r.filter(Boolean).join(' | '));
    const sheet = readWorkbookFile(book, 'свод.xlsx').sheets.find((s) => s.name === SHEET.note)!;
    const sheetParagraphs = sheet.cells.map((r) => String(r[0] ?? '')).filter(Boolean);
    expect(sheetParagraphs.length).toBeGreaterThan(15);
    // The document's first paragraphs are the sheet's, in order.
    expect(lines.slice(0, sheetParagraphs.length)).toEqual(sheetParagraphs);
    expect(lines).toContain(`Итого | 34${NBSP}290 | 100 | 2${NBSP}277`);
    expect(lines).toContain('Приложение к аналитической справке');
    expect(lines.some((l) => l.startsWith('[Заполните: должность руководителя'))).toBe(true);
    expect(lines.filter((l) => /^\d+ \| .+ \| представлен несвоевременно$/.test(l))).toHaveLength(3);
    // A native chart: its part and its embedded data are in the package.
    const parts = zipEntries(docx).map((e) => e.name);
    expect(parts).toEqual(expect.arrayContaining(['word/document.xml', expect.stringMatching(/^word\/charts\/chart\d+\.xml$/)]));
  });

  it('takes the figures as they stand in the workbook: a coordinator\'s correction on «Свод по ОО» is in the note', async () => {
    const wb = XLSX.read(book, { type: 'array', cellFormula: true, cellStyles: true });
    const ws = wb.Sheets[SHEET.detail];
    const headers = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, range: DETAIL_HEADER_ROW - 1 })[0];
    const col = headers.findIndex((h) => h === DETAIL_COLUMNS.find((c) => c.key === 'g5')!.title);
    const cell = ws[XLSX.utils.encode_cell({ r: DETAIL_FIRST_ROW - 1, c: col })];
    cell.v = Number(cell.v) + 100;
    const partCol = headers.findIndex((h) => h === DETAIL_COLUMNS.find((c) => c.key === 'participants')!.title);
    const part = ws[XLSX.utils.encode_cell({ r: DETAIL_FIRST_ROW - 1, c: partCol })];
    part.v = Number(part.v) + 100;
    const corrected = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    const lines = texts(await note(corrected, 'исправленный'), 'справка.docx').map((r) => r.filter(Boolean).join(' | '));
    expect(lines).toContain(`Итого | 34${NBSP}390 | 100 | 2${NBSP}277`);
    expect(lines.some((l) => /приняли участие 34\s390\sобучающихся/.test(l))).toBe(true);
  });

  it('is laid out by LibreOffice on A4 as two pages of text and the appendix\'s tables after them', async () => {
    const doc = noteOfWorkbook(readWorkbookFile(book, 'свод.xlsx'));
    const full = await pages(await writeNoteDocx(doc));
    const textOnly = await pages(await writeNoteDocx({ ...doc, tables: [], notes: [], chart: undefined }));
    // Measured with Liberation Serif (Times New Roman's metrics, scripts/setup.sh): 2 pages of text, 3 in all (the appendix: three tables and the chart on one page).
    expect(textOnly).toBeGreaterThanOrEqual(1);
    expect(textOnly).toBeLessThanOrEqual(2);
    expect(full).toBeGreaterThan(textOnly);
    expect(full).toBeLessThanOrEqual(textOnly + 2);
  });
});
