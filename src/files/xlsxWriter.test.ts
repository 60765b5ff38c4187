import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { everyWorkbook } from '../../test/support/everySheet';
import { summarySample } from '../../test/support/summarySample';
import { xlsxLook } from '../../test/support/xlsxLook';
import { sampleSchoolWorkbooks } from '../domain/sample/schoolWorkbooks';
import type { WorkbookPlan } from '../domain/sheetPlan';
import { writeWorkbook } from './writeXlsx';
import { writeWorkbookStreaming } from './writeXlsxStream';
import { zlibDeflater } from './nativeDeflate';
import { fflateDeflater, streamDeflater } from './xlsxDeflate';
import { writeXlsx } from './xlsxWriter';
// Slow on purpose (whole workbooks): every workbook the project writes, written three ways and read back.
jest.setTimeout(180_000);

const workbooks: [string, () => WorkbookPlan][] = [
  ...everyWorkbook({ units: 30 }).map((w): [string, () => WorkbookPlan] => [w.label, () => w.plan]),
  ['the demo municipality consolidated (Свод.xlsx)', () => summarySample().plan],
  ["a school's stamped and filled forms", () => sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files[0].workbook!],
];

/**
 * exceljs leaves out a column width of exactly 9 characters (its own default, not Excel's 8.43); the one writer
 * writes the width the plan asks for. Compared without those.
 */
function withoutNines<T extends { sheets: { widths: Record<number, number> }[] }>(look: T): T {
  for (const s of look.sheets) for (const [c, w] of Object.entries(s.widths)) if (w === 9) delete s.widths[Number(c)];
  return look;
}

describe('the one writer gives the workbook the earlier writers gave', () => {
  test.each(workbooks)('%s: same cells, values, formulas, looks, merges, validations, formats, print setup, names, charts', async (_, make) => {
    const plan = make();
    const [was, now] = await Promise.all([writeWorkbook(plan), writeXlsx(plan)]);
    const [a, b] = [withoutNines(await xlsxLook(was)), withoutNines(await xlsxLook(now))];
    expect(b.sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    for (let i = 0; i < a.sheets.length; i++) expect({ sheet: b.sheets[i].name, ...b.sheets[i] }).toEqual({ sheet: a.sheets[i].name, ...a.sheets[i] });
    expect(b.names).toEqual(a.names);
    expect(b.charts).toEqual(a.charts);
    expect(b.calc).toBe(true);
  });

  test('the consolidated workbook of the command line (exceljs streaming) reads the same, and keeps the look of rows with no value', async () => {
    const plan = everyWorkbook({ seasons: ['autumn'], units: 30 }).find((w) => w.label === 'consolidated region autumn')!.plan;
    const [was, now] = [withoutNines(await xlsxLook(await writeWorkbookStreaming(plan))), withoutNines(await xlsxLook(await writeXlsx(plan)))];
    // exceljs's streaming writer left out every row without a value, and with it the look (borders, number
    // formats) of its cells; the in-memory one kept them, as the one writer does. Compared without those cells.
    const valued = (look: typeof now) => look.sheets.map((s) => ({ ...s, cells: Object.fromEntries(Object.entries(s.cells).filter(([, c]) => 'v' in (c as object))) }));
    expect(valued(now)).toEqual(valued(was));
    expect({ ...now, sheets: [] }).toEqual({ ...was, sheets: [] });
    const lookOnly = (look: typeof now) => look.sheets.reduce((n, s) => n + Object.values(s.cells).filter((c) => !('v' in (c as object))).length, 0);
    expect(lookOnly(now)).toBeGreaterThan(lookOnly(was));
  });
});

describe('the one writer', () => {
  test('the same plan gives the same bytes whatever the time zone and the clock', async () => {
    const plan = sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files[0].workbook!;
    const x = await writeXlsx(plan, { modified: '2023-10-19T00:00:00Z' });
    const y = await writeXlsx(plan, { modified: '2023-10-19T00:00:00Z' });
    expect(Buffer.from(x).equals(Buffer.from(y))).toBe(true);
    expect(Buffer.from(x).equals(Buffer.from(await writeXlsx(plan)))).toBe(false);
    // Every entry stamped 19.10.2023 00:00 (DOS date and time of the local headers), not the machine's local time.
    const view = Buffer.from(x);
    const stamps = new Set<string>();
    for (let at = view.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = view.indexOf('PK\x03\x04', at + 4, 'latin1'))
      stamps.add(`${view.readUInt16LE(at + 12)}/${view.readUInt16LE(at + 10)}`);
    expect([...stamps]).toEqual([`${((2023 - 1980) << 9) | (10 << 5) | 19}/0`]);
  });

  test("the command line's zlib, the pane's native stream and fflate's deflate give the same parts", async () => {
    const plan = summarySample().plan;
    const parts = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]);
    const [zlib, stream, fflate] = [await writeXlsx(plan, { deflater: zlibDeflater }), await writeXlsx(plan), await writeXlsx(plan, { deflater: fflateDeflater })];
    expect(zlibDeflater).toBeDefined();
    expect(streamDeflater()).toBeDefined();
    expect(parts(zlib)).toEqual(parts(fflate));
    expect(parts(stream)).toEqual(parts(fflate));
    expect(parts(fflate).length).toBeGreaterThan(15);
  });

  test('text XML cannot carry, look-alike formulas and escapes come back as written', async () => {
    const odd = ['<&>"\'', '=HYPERLINK("x")', 'a_x0041_b', ' padded ', 'две\nстроки', 'x'.repeat(40_000)];
    const plan: WorkbookPlan = {
      sheets: [{ name: "Лист 'один'", kind: 'note', blocks: [{ at: 'B2', rows: [odd, [1.5, -0, true, false, { formula: '=1+1', result: 2 }, { formula: '="a"&"<"', result: 'a<' }]] }], styles: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], charts: [] }],
    };
    const wb = XLSX.read(await writeXlsx(plan), { type: 'array', cellFormula: true });
    const ws = wb.Sheets["Лист 'один'"];
    expect(['B2', 'C2', 'D2', 'E2', 'F2'].map((r) => ws[r].v)).toEqual(odd.slice(0, 5));
    expect(ws.C2.f).toBeUndefined();
    expect((ws.G2.v as string).length).toBe(32_767);
    expect(['B3', 'C3', 'D3', 'E3', 'F3', 'G3'].map((r) => ws[r].v)).toEqual([1.5, 0, true, false, 2, 'a<']);
    expect(ws.G3.f).toBe('"a"&"<"');
  });

  test('a region plan sheet of 180,000 rows is written piece by piece', async () => {
    const rows = Array.from({ length: 180_000 }, (_, i) => [`МБОУ СОШ № ${i % 5000}`, i, { formula: `=B${i + 1}*2`, result: i * 2 }]);
    const plan: WorkbookPlan = { sheets: [{ name: 'План', kind: 'detail', blocks: [{ at: 'A1', rows }], styles: [{ range: 'A1:C180000', style: { border: true } }], merges: [], columnWidths: [30], validations: [], conditionalFormats: [], charts: [] }] };
    const bytes = await writeXlsx(plan);
    // Read back by inflating the part (SheetJS would take most of a minute on this machine).
    const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'xl/worksheets/sheet1.xml' })['xl/worksheets/sheet1.xml']);
    expect(xml.split('<row ').length - 1).toBe(180_000);
    expect(xml).toContain('<row r="180000" spans="1:3"><c r="A180000" s="1" t="s"><v>4999</v></c><c r="B180000" s="1"><v>179999</v></c><c r="C180000" s="1"><f>B180000*2</f><v>359998</v></c></row>');
    expect(xml.endsWith('</worksheet>')).toBe(true);
  });
});
