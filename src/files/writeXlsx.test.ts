import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { emptySheetPlan, type SheetPlan } from '../domain/sheetPlan';
import { writeWorkbook } from './writeXlsx';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

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

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('writeWorkbook', () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let sheetXml: string;
  beforeAll(async () => {
    bytes = await writeWorkbook({ sheets: [formPlan(), hiddenPlan()] });
    wb = await load(bytes);
    sheetXml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
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
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getRow(1).height).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
  });

  test('data validations of every kind, with stop or warning and the messages', () => {
    expect(sheetXml).toMatch(/<dataValidation type="list"[^>]*errorStyle="stop"[^>]*sqref="A3:A5"><formula1>&quot;Школьный,Муниципальный&quot;<\/formula1>/);
    expect(sheetXml).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*error="Целое число ≥ 0."[^>]*sqref="B3:B5"><formula1>0<\/formula1>/);
    expect(sheetXml).toMatch(/<dataValidation type="decimal"[^>]*errorStyle="warning"[^>]*sqref="C3:C3"><formula1>0<\/formula1><formula2>1<\/formula2>/);
    // Dates as serial numbers: 2026-09-13 = 46278.
    expect(sheetXml).toMatch(/<dataValidation type="date"[^>]*prompt="Сроки кампании"[^>]*sqref="C4:C4"><formula1>46278<\/formula1><formula2>46310<\/formula2>/);
    expect(sheetXml).toMatch(/<dataValidation type="custom"[^>]*errorStyle="warning"[^>]*sqref="C5:C5"><formula1>C5&lt;=B5<\/formula1>/);
  });

  test('conditional format, print setup, protection, hidden sheet and tab colour', async () => {
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="A3:C5"><cfRule type="expression"[^>]*><formula>\$C3=&quot;&quot;<\/formula>/);
    const zip = await JSZip.loadAsync(bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(book).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Форма&apos;!\$1:\$2<\/definedName>/);
    expect(book).toMatch(/<sheet [^>]*name="ПК_Настройки" state="hidden"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToHeight="0"/);
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    // Protected without a password; resizing columns and rows stays allowed ("0" = not protected).
    expect(sheetXml).toMatch(/<sheetProtection sheet="1" formatColumns="0" formatRows="0"\/>/);
    expect(sheetXml).not.toContain('hashValue');
    expect(sheetXml).toContain('<tabColor rgb="FF2E75B6"/>');
    const calc = book.match(/<calcPr[^>]*>/)?.[0] ?? '';
    expect(calc).toContain('fullCalcOnLoad="1"');
  });

  test('a consolidated sheet of 5,000 rows × 40 columns is written in seconds', async () => {
    const p = emptySheetPlan('Свод по ОО', 'detail');
    const rows = Array.from({ length: 5000 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => (j === 0 ? `Школа ${i}` : j === 39 ? { formula: `=SUM(B${i + 4}:AL${i + 4})` } : i + j)),
    );
    p.blocks.push({ at: 'A4', rows });
    p.styles.push({ range: 'A4:AN5003', style: { border: true } }, { range: 'B4:AM5003', style: { numberFormat: '0' } });
    p.validations.push({ range: 'B4:AM5003', rule: { kind: 'wholeNumber', min: 0 }, severity: 'stop', title: 'Количество', message: 'Целое ≥ 0' });
    const t0 = Date.now();
    const out = await writeWorkbook({ sheets: [p] });
    const ms = Date.now() - t0;
    expect(out.length).toBeGreaterThan(100_000);
    // About 3 s on an idle 2-core machine; the bound leaves room for a busy one.
    expect(ms).toBeLessThan(60_000);
    const back = XLSX.read(out, { type: 'array', sheetRows: 6 });
    expect(back.Sheets['Свод по ОО'].A5.v).toBe('Школа 1');
  });
});
