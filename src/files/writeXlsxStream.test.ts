import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { buildConsolidatedWorkbook } from '../domain/consolidate/workbook';
import { mergeReports } from '../domain/consolidate/merge';
import { received } from '../domain/consolidate/testing';
import { municipalSettings, sampleSchoolWorkbooks } from '../domain/sample/schoolWorkbooks';
import type { WorkbookPlan } from '../domain/sheetPlan';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { writePlanSheets, writeWorkbook } from './writeXlsx';
import { writeWorkbookStreaming } from './writeXlsxStream';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

/** A consolidated workbook of 40 units: every sheet the merge writes, with print titles (workbook names) and charts. */
function consolidatedPlan(): WorkbookPlan {
  const files = Array.from({ length: 40 }, (_, i) =>
    received(`СОШ ${i + 1}.xlsx`, '2023-10-18T10:00', [
      { unit: `МАОУ СОШ № ${i + 1}`, events: 10 + i, grades: [5, 6, 7, 8, 9, 10, i], plan: 3, partners: { companies: [`Завод ${i % 7}`] } },
    ]),
  );
  const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors', earlierRegister: [] });
  return buildConsolidatedWorkbook(result, municipalSettings(), { previous: [] });
}

/** A school's stamped and filled workbook: validations, protection, print setup, merged headers. */
const schoolPlan = (): WorkbookPlan => sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files[0].workbook!;

/** What a reader sees of each sheet: values and formulas cell by cell, merges, hidden state. */
function cellsOf(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, dense: false });
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const cells = Object.keys(ws)
      .filter((k) => !k.startsWith('!'))
      .sort()
      .map((k) => [k, ws[k].v, ws[k].f ?? null]);
    return { name, hidden: wb.Workbook?.Sheets?.[i]?.Hidden ?? 0, cells, merges: (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort() };
  });
}

/** Counts of the parts of each sheet's XML that carry the forms' behaviour. */
async function partsOf(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort();
  const tags = ['dataValidation ', 'cfRule', 'sheetProtection', 'pageSetup', 'col ', 'tabColor', 'pane '];
  const perSheet = [];
  for (const s of sheets) {
    const xml = await zip.file(s)!.async('string');
    perSheet.push(Object.fromEntries(tags.map((t) => [t, xml.split(`<${t}`).length - 1])));
  }
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const names = [...book.matchAll(/<definedName [^>]*name="([^"]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`).sort();
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
  return { perSheet, names, charts, calc: /<calcPr[^>]*fullCalcOnLoad="1"/.test(book) };
}

describe('writing a workbook through the streaming writer (the command line)', () => {
  test('the consolidated workbook keeps its charts and its print titles (workbook names)', async () => {
    const plan = consolidatedPlan();
    const parts = await partsOf(await writeWorkbookStreaming(plan));
    expect(parts.charts).toBe(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
    // Every sheet whose plan repeats rows on each printed page has its print titles, those very rows.
    const titled = plan.sheets.filter((s) => s.print?.repeatRows);
    expect(titled.length).toBeGreaterThan(0);
    const titles = parts.names.filter((n) => n.startsWith('_xlnm.Print_Titles='));
    expect(titles).toHaveLength(titled.length);
    for (const s of titled) {
      const [from, to] = s.print!.repeatRows!.split(':');
      expect(titles.filter((n) => n.includes(s.name) && n.endsWith(`!$${from}:$${to}`))).toHaveLength(1);
    }
  });

  test.each([
    ['the consolidated workbook with its charts and names', consolidatedPlan],
    ["a school's stamped forms", schoolPlan],
  ])('%s comes out with the same cells, formulas, merges, validations, protection and print setup', async (_, make) => {
    const plan = make();
    const [memory, streamed] = [await writeWorkbook(plan), await writeWorkbookStreaming(plan)];
    expect(cellsOf(streamed)).toEqual(cellsOf(memory));
    const [a, b] = [await partsOf(memory), await partsOf(streamed)];
    expect(b).toEqual(a);
    expect(b.calc).toBe(true);
    // The comparison means something only if the plan has these parts.
    const total = (t: string) => a.perSheet.reduce((n, s) => n + s[t], 0);
    expect(total('dataValidation ') + total('cfRule')).toBeGreaterThan(0);
    expect(total('pageSetup')).toBeGreaterThan(0);
    expect(cellsOf(memory).flatMap((s) => s.merges).length).toBeGreaterThan(0);
  });

  test.each([
    ['the consolidated workbook', consolidatedPlan],
    ["a school's stamped forms", schoolPlan],
    [
      'odd cells: results of every type, overlapping styles, heights, merges of one cell, control characters',
      (): WorkbookPlan => ({
        sheets: [
          {
            name: 'Лист',
            kind: 'note',
            blocks: [
              { at: 'B3', rows: [[null, 'x', { formula: '=1+1', result: 2 }, { formula: '="a"', result: 'a' }, { formula: '=TRUE()', result: true }, { formula: '=A1' }, true, 0, -1.5, '<&>"\'\u0001']] },
              { at: 'C3', rows: [['поверх']] },
            ],
            styles: [
              { range: 'A1:C4', style: { bold: true } },
              { range: 'B2:D5', style: { fill: 'FF0000', numberFormat: '0.0' } },
            ],
            merges: ['F7:G8', 'A10:A10'],
            rowHeights: { 1: 20, 2: 0, 9: 12 },
            columnWidths: [10, 20],
            validations: [],
            conditionalFormats: [],
            charts: [],
          },
        ],
      }),
    ],
  ])('%s: the cells written directly are the XML exceljs writes row by row', async (_, make) => {
    const plan = make();
    // exceljs's own rows, zipped as it zips them.
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    await writePlanSheets(wb as unknown as Parameters<typeof writePlanSheets>[0], plan);
    await wb.commit();
    const [reference, direct] = [await JSZip.loadAsync(Buffer.concat(chunks)), await JSZip.loadAsync(await writeWorkbookStreaming(plan))];
    const compared = Object.keys(reference.files).filter((f) => /^xl\/(worksheets\/sheet\d+|sharedStrings|styles)\.xml$/.test(f));
    expect(compared.length).toBeGreaterThan(2);
    for (const f of compared) {
      const [a, b] = [await reference.file(f)!.async('string'), await direct.file(f)!.async('string')];
      // The charts' sheet gains its drawing afterwards; everything else is byte for byte.
      expect(b.replace(/<drawing r:id="rId\d+"\/>/, '')).toBe(a);
    }
  });

  test('the same plan gives the same bytes (dates fixed), so merging the same files twice changes nothing', async () => {
    const plan = schoolPlan();
    const [x, y] = [await writeWorkbookStreaming(plan), await writeWorkbookStreaming(plan)];
    expect(Buffer.from(x).equals(Buffer.from(y))).toBe(true);
  });
});
