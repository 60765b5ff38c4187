/**
 * A school that saves its report as .xls (Excel 97–2003, as older offices still do) is read by SheetJS; the same
 * school's .xlsx by the merge's fast path (src/files/xlsxValues.ts). The coordinator gets the same figures and the
 * same remarks either way. And the command line (SheetJS handed a Node Buffer, src/files/sheetjs.ts sheetjsInput)
 * reads an .xls to the same workbook as the pane (the bytes as they are, no Buffer in a browser).
 */
import { writeSchoolWorkbook } from '../scripts/schoolExcel';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { receiveBytes } from '../src/files/receiveFiles';
import { sampleSchoolWorkbooks, municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { isUnreadable, type ReceivedFile } from '../src/domain/consolidate/mergeTypes';
import type * as SheetJSModule from '../src/files/sheetjs';
import type * as ReadWorkbook from '../src/files/readWorkbook';
import { saveAs } from './support/libreoffice';
import { comparableSheets as comparable } from './support/comparableSheets';
// Slow on purpose (LibreOffice): each conversion starts soffice, which takes seconds.
jest.setTimeout(120_000);

const sample = sampleSchoolWorkbooks({ schools: 3, broken: false, twice: false, late: 0 });
const settings = municipalSettings();

let schools: { file: string; received: string; xlsx: Uint8Array; xls: Uint8Array }[];
beforeAll(async () => {
  schools = [];
  for (const f of sample.files.filter((s) => s.workbook)) {
    // As a school's Excel saves it (the sample's hand), then as .xls by LibreOffice.
    const xlsx = await writeSchoolWorkbook(f.workbook!);
    schools.push({ file: f.file, received: f.received, xlsx, xls: await saveAs(xlsx, 'xls') });
  }
}, 300_000);

/** What a merge takes from a received file, without the file's own name. */
function figures(r: ReceivedFile) {
  if (isUnreadable(r)) throw new Error(`${r.file}: ${r.error}`);
  return { read: JSON.parse(JSON.stringify(r.read).split(r.file).join('«файл»')), problems: r.problems };
}

test("a school's report saved as .xls reads to the same figures and remarks as its .xlsx", () => {
  expect(schools.length).toBe(3);
  for (const s of schools) {
    const viaXlsx = receiveBytes(s.xlsx, s.file, s.received, settings);
    const viaXls = receiveBytes(s.xls, s.file.replace(/\.xlsx$/, '.xls'), s.received, settings);
    const a = figures(viaXlsx);
    expect(a.read.report?.participation.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(figures(viaXls)).split('.xls»').join('.xlsx»'))).toEqual(a);
  }
});

test('the command line (Node Buffer) and the pane (plain bytes) read an .xls to the same workbook', () => {
  // The reader as the pane's worker has it: SheetJS handed the bytes as they are (a browser has no Buffer).
  let asInBrowser!: typeof readWorkbookFile;
  jest.isolateModules(() => {
    const actual = jest.requireActual<typeof SheetJSModule>('../src/files/sheetjs');
    jest.doMock('../src/files/sheetjs', () => ({ ...actual, sheetjsInput: (data: Uint8Array) => ({ data, type: 'array' }) }));
    asInBrowser = jest.requireActual<typeof ReadWorkbook>('../src/files/readWorkbook').readWorkbookFile;
  });
  for (const s of schools) {
    const name = s.file.replace(/\.xlsx$/, '.xls');
    const inNode = readWorkbookFile(s.xls, name, { formulas: false });
    expect(inNode.sheets.length).toBeGreaterThan(1);
    expect(comparable(asInBrowser(s.xls, name, { formulas: false }).sheets)).toEqual(comparable(inNode.sheets));
  }
});
