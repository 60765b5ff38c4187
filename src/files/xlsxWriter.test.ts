import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { summarySample } from '../../test/support/summarySample';
import { buildConsolidatedWorkbook } from '../domain/consolidate/workbook';
import { mergeReports } from '../domain/consolidate/merge';
import { received } from '../domain/consolidate/testing';
import { municipalSettings, sampleSchoolWorkbooks } from '../domain/sample/schoolWorkbooks';
import { emptySheetPlan, withHeldRows, type SheetPlan, type WorkbookPlan } from '../domain/sheetPlan';
import { SHEET } from '../domain/sheetNames';
import { zlibDeflater } from './nativeDeflate';
import { fflateDeflater, portDeflater, serveDeflate, streamDeflater, type DeflatePort } from './xlsxDeflate';
import { writeXlsx, writeXlsxBlob } from './xlsxWriter';
// Slow on purpose (whole workbooks): consolidated workbooks and a plan sheet of 180,000 rows, written and read back.
jest.setTimeout(180_000);

function formPlan(): SheetPlan {
  const p = emptySheetPlan('Форма', 'appendix3');
  p.blocks.push(
    { at: 'A1', rows: [['Заголовок', null, null]] },
    {
      at: 'A3',
      rows: [
        ['Школа', 10, true],
        ['=HYPERLINK("http://example.com","ссылка")', '+7 913 000-00-00', '-5'],
        ['@x', { formula: '=B3*2' }, { formula: 'SUM(B3:B4)' }],
      ],
    },
  );
  p.styles.push(
    { range: 'A1:C1', style: { bold: true, fontSize: 14, hAlign: 'center' } },
    { range: 'A3:C5', style: { border: true, locked: false } },
    { range: 'B3:B5', style: { numberFormat: '0', fill: 'DDEBF7' } },
  );
  p.merges.push('A1:C1');
  p.columnWidths = [30, 12, 8];
  p.rowHeights = { 1: 40 };
  p.freeze = { rows: 2, columns: 1 };
  p.validations.push(
    { range: 'A3:A5', rule: { kind: 'list', items: ['Школьный', 'Муниципальный'] }, severity: 'stop', title: 'Уровень', message: 'Выберите из списка.' },
    { range: 'B3:B5', rule: { kind: 'wholeNumber', min: 0 }, severity: 'stop', title: 'Количество', message: 'Целое число ≥ 0.' },
    { range: 'C3', rule: { kind: 'decimal', min: 0, max: 1 }, severity: 'warning', title: 'Доля', message: 'От 0 до 1.' },
    { range: 'C4', rule: { kind: 'date', min: '2026-09-13', max: '2026-10-15' }, severity: 'warning', title: 'Дата', message: 'Вне сроков.', prompt: 'Сроки кампании' },
    { range: 'C5', rule: { kind: 'custom', formula: '=C5<=B5' }, severity: 'warning', title: 'Связь', message: 'Больше, чем B.' },
  );
  p.conditionalFormats.push({ range: 'A3:C5', formula: '=$C3=""', style: { fill: 'FFC7CE', bold: true } });
  p.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: '1:2' };
  p.protect = true;
  p.tabColor = '2E75B6';
  return p;
}

function hiddenPlan(): SheetPlan {
  const p = emptySheetPlan('ПК_Настройки', 'settings');
  p.blocks.push({ at: 'A1', rows: [['season', 'autumn']] });
  p.hidden = true;
  return p;
}

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

// Read back by other hands than ours: exceljs (the writer schools' files are made with in tests), SheetJS (what
// reads received files) and the XML itself.
describe('a form written by the one writer', () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let sheetXml: string;
  let bookXml: string;
  beforeAll(async () => {
    bytes = await writeXlsx({ sheets: [formPlan(), hiddenPlan()] });
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const parts = unzipSync(bytes);
    sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml']);
    bookXml = strFromU8(parts['xl/workbook.xml']);
  });

  test('writes values and formulas; text from a received file that looks like a formula stays text', () => {
    const ws = wb.getWorksheet('Форма')!;
    expect(ws.getCell('A3').value).toBe('Школа');
    expect(ws.getCell('B3').value).toBe(10);
    expect(ws.getCell('C3').value).toBe(true);
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("http://example.com","ссылка")');
    expect(ws.getCell('B4').value).toBe('+7 913 000-00-00');
    expect(ws.getCell('C4').value).toBe('-5');
    expect(ws.getCell('A5').value).toBe('@x');
    expect(ws.getCell('B5').formula).toBe('B3*2');
    expect(ws.getCell('C5').formula).toBe('SUM(B3:B4)');
    expect(sheetXml).not.toContain('<f>HYPERLINK');
    // SheetJS (what reads received files) agrees: a string, not a formula.
    const read = XLSX.read(bytes, { type: 'array', cellFormula: true, sheetStubs: true });
    expect(read.Sheets['Форма'].A4.t).toBe('s');
    expect(read.Sheets['Форма'].A4.f).toBeUndefined();
    expect(read.Sheets['Форма'].B5.f).toBe('B3*2');
  });

  test('styles, merges, widths, heights and frozen panes', () => {
    const ws = wb.getWorksheet('Форма')!;
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.size).toBe(14);
    expect(ws.getCell('A1').alignment.horizontal).toBe('center');
    expect(ws.getCell('B3').numFmt).toBe('0');
    expect((ws.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
    expect(ws.getCell('B3').border.top?.style).toBe('thin');
    expect(ws.getCell('A3').protection.locked).toBe(false);
    expect(ws.getCell('A1').protection?.locked).not.toBe(false);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getRow(1).height).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
  });

  test('data validations of every kind, with stop or warning and the messages', () => {
    expect(sheetXml).toMatch(/<dataValidation type="list"[^>]*errorStyle="stop"[^>]*sqref="A3:A5"><formula1>&quot;Школьный,Муниципальный&quot;<\/formula1>/);
    expect(sheetXml).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*error="Целое число ≥ 0."[^>]*sqref="B3:B5"><formula1>0<\/formula1>/);
    expect(sheetXml).toMatch(/<dataValidation type="decimal"[^>]*errorStyle="warning"[^>]*sqref="C3"><formula1>0<\/formula1><formula2>1<\/formula2>/);
    // Dates as serial numbers: 2026-09-13 = 46278.
    expect(sheetXml).toMatch(/<dataValidation type="date"[^>]*prompt="Сроки кампании"[^>]*sqref="C4"><formula1>46278<\/formula1><formula2>46310<\/formula2>/);
    expect(sheetXml).toMatch(/<dataValidation type="custom"[^>]*errorStyle="warning"[^>]*sqref="C5"><formula1>C5&lt;=B5<\/formula1>/);
    // exceljs reads each of them back, with the prompt shown on entering the cell.
    const ws = wb.getWorksheet('Форма')!;
    expect(ws.getCell('A4').dataValidation).toMatchObject({ type: 'list', formulae: ['"Школьный,Муниципальный"'], errorStyle: 'stop', error: 'Выберите из списка.' });
    expect(ws.getCell('C4').dataValidation).toMatchObject({ type: 'date', showInputMessage: true, prompt: 'Сроки кампании', errorStyle: 'warning' });
  });

  test('conditional format, print setup, protection, hidden sheet and tab colour', () => {
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="A3:C5"><cfRule type="expression"[^>]*><formula>\$C3=&quot;&quot;<\/formula>/);
    expect(bookXml).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">'Форма'!\$1:\$2<\/definedName>/);
    expect(bookXml).toMatch(/<sheet [^>]*name="ПК_Настройки"[^>]* state="hidden"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToHeight="0"/);
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    // Protected without a password; resizing columns and rows stays allowed ("0" = not protected).
    expect(sheetXml).toMatch(/<sheetProtection sheet="1" formatColumns="0" formatRows="0"\/>/);
    expect(sheetXml).not.toContain('hashValue');
    expect(sheetXml).toContain('<tabColor rgb="FF2E75B6"/>');
    expect(bookXml.match(/<calcPr[^>]*>/)?.[0]).toContain('fullCalcOnLoad="1"');
    expect(wb.getWorksheet('ПК_Настройки')!.state).toBe('hidden');
  });
});

test('the consolidated workbook of the command line keeps its charts and its print titles (workbook names)', async () => {
  const plan = consolidatedPlan();
  const parts = unzipSync(await writeXlsx(plan, { deflater: zlibDeflater }));
  expect(Object.keys(parts).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
  const book = strFromU8(parts['xl/workbook.xml']);
  const names = [...book.matchAll(/<definedName [^>]*name="([^"]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
  // Every sheet whose plan repeats rows on each printed page has its print titles, those very rows.
  const titled = plan.sheets.filter((s) => s.print?.repeatRows);
  expect(titled.length).toBeGreaterThan(0);
  const titles = names.filter((n) => n.startsWith('_xlnm.Print_Titles='));
  expect(titles).toHaveLength(titled.length);
  for (const s of titled) {
    const [from, to] = s.print!.repeatRows!.split(':');
    expect(titles.filter((n) => n.includes(s.name) && n.endsWith(`!$${from}:$${to}`))).toHaveLength(1);
  }
});

describe('the one writer', () => {
  test('rows made as they are written give the same file as the same rows held', async () => {
    const plan = consolidatedPlan();
    // «Прил. 2 Свод» (a row per event) and «Показатели» (a row of formulas per unit) make their rows as written.
    const made = plan.sheets.filter((s) => s.blocks.some((b) => !Array.isArray(b.rows))).map((s) => s.name);
    expect(made).toEqual(expect.arrayContaining([SHEET.consolidatedPlan, SHEET.indicators]));
    const options = { modified: '2023-10-19T00:00:00Z' };
    expect(Buffer.from(await writeXlsx(plan, options)).equals(Buffer.from(await writeXlsx(withHeldRows(plan), options)))).toBe(true);
  });

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
    // The summary's many parts, and a sheet of many pieces: the writer encodes each piece into the array of the one
    // before, so a deflater still reading a piece after its push would deflate the next one's bytes instead.
    const rows = Array.from({ length: 20_000 }, (_, i) => [`МБОУ СОШ № ${i}`, i, `строка ${i}`]);
    const long: WorkbookPlan = { sheets: [{ name: 'Свод', kind: 'detail', blocks: [{ at: 'A1', rows }], styles: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], charts: [] }] };
    for (const plan of [summarySample().plan, long]) {
      const parts = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]);
      const [zlib, stream, fflate] = [await writeXlsx(plan, { deflater: zlibDeflater }), await writeXlsx(plan), await writeXlsx(plan, { deflater: fflateDeflater })];
      expect(zlibDeflater).toBeDefined();
      expect(streamDeflater()).toBeDefined();
      expect(parts(zlib)).toEqual(parts(fflate));
      expect(parts(stream)).toEqual(parts(fflate));
    }
    const sheet = strFromU8(unzipSync(await writeXlsx(long, { deflater: fflateDeflater }))['xl/worksheets/sheet1.xml']);
    expect(sheet.length).toBeGreaterThan(10 * 64 * 1024);
    expect(sheet).toContain('<row r="20000" spans="1:3"><c r="A20000" t="s"><v>39998</v></c><c r="B20000"><v>19999</v></c><c r="C20000" t="s"><v>39999</v></c></row>');
    expect(Object.keys(unzipSync(await writeXlsx(summarySample().plan))).length).toBeGreaterThan(15);
  });

  test('deflated on another thread (the pane\'s deflate worker, here a port), the file is the same bytes as deflated in place, a few pieces in flight at most', async () => {
    // Several megabytes of parts that do not deflate away: many pieces in flight, answers arriving between pushes.
    let seed = 11;
    const text = () => Array.from({ length: 20 }, () => String.fromCharCode(0x430 + ((seed = (seed * 48271) % 2147483647) % 32))).join('');
    const rows = Array.from({ length: 30_000 }, (_, i) => [text(), i, text()]);
    const big: WorkbookPlan = { sheets: [{ name: 'Свод', kind: 'detail', blocks: [{ at: 'A1', rows }], styles: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], charts: [] }] };
    for (const plan of [summarySample().plan, big]) {
      const channel = new MessageChannel();
      serveDeflate(channel.port2 as unknown as Parameters<typeof serveDeflate>[0]);
      const options = { modified: '2023-10-19T00:00:00Z' };
      // Pieces sent and not yet taken by the other side: bounded, so a big sheet is never held there whole.
      let outstanding = 0;
      let most = 0;
      // Buffers handed back with the acks, and pieces sent in a buffer never handed back (a new one).
      const back = new Set<ArrayBuffer>();
      let fresh = 0;
      let pieces = 0;
      const port1 = channel.port1 as unknown as DeflatePort;
      const counted: DeflatePort = {
        postMessage: (m, transfer) => {
          most = Math.max(most, ++outstanding);
          pieces++;
          if (!back.has(m.data.buffer)) fresh++;
          port1.postMessage(m, transfer);
        },
        set onmessage(fn) {
          port1.onmessage = fn && ((e) => ('ack' in e.data && (outstanding--, e.data.back && back.add(e.data.back)), fn(e)));
        },
        get onmessage() {
          return port1.onmessage;
        },
      };
      const there = await writeXlsx(plan, { ...options, deflater: portDeflater(counted) });
      channel.port1.close();
      expect(Buffer.from(there).equals(Buffer.from(await writeXlsx(plan, options)))).toBe(true);
      expect(most).toBeLessThanOrEqual(4);
      expect(most).toBeGreaterThan(1);
      // The pieces travel in the same few buffers: a new one each was held by its message on the other thread
      // until that thread's next full garbage collection (tens of megabytes for a region's Свод).
      expect(fresh).toBeLessThanOrEqual(5);
      if (plan === big) expect(pieces).toBeGreaterThan(50);
    }
  });

  test('as a Blob (the pane), the file is the same bytes, in pieces made Blobs as they come', async () => {
    // Big enough that its zip runs to several pieces of a megabyte (random texts do not deflate away).
    let seed = 7;
    const text = () => Array.from({ length: 24 }, () => String.fromCharCode(0x430 + ((seed = (seed * 48271) % 2147483647) % 32))).join('');
    const rows = Array.from({ length: 40_000 }, (_, i) => [text(), i, text()]);
    const plan: WorkbookPlan = { sheets: [{ name: 'Свод', kind: 'detail', blocks: [{ at: 'A1', rows }], styles: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], charts: [] }] };
    const options = { modified: '2023-10-19T00:00:00Z' };
    const bytes = await writeXlsx(plan, options);
    expect(bytes.length).toBeGreaterThan(2 * 2 ** 20);
    const blob = await writeXlsxBlob(plan, { ...options, type: 'application/x-test' });
    expect(blob.type).toBe('application/x-test');
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
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
