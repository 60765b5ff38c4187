/**
 * The merge reads received .xlsx files through its own fast path (src/files/xlsxValues.ts) and everything else
 * through SheetJS. A coordinator must get the same numbers either way: every value, merged area, sheet name and
 * visibility the fast path reads agrees with SheetJS's — on the workbooks the add-in writes, on the same
 * workbooks re-saved by LibreOffice, on hand-made packages with the rarer parts of the format, and on damaged
 * ones (where the fast path either agrees, or steps aside and leaves the file to SheetJS).
 */
import { isAscii } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { inflateRaw } from 'pako';
import { writeSchoolWorkbook } from '../scripts/schoolExcel';
import { writeXlsx } from '../src/files/xlsxWriter';
import { checkZip, LIMITS, packedPart } from '../src/files/guards';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { failOnFastReaderBug, fastReaderCounts, readXlsxValues, type PartCodec } from '../src/files/xlsxValues';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { seededRandom } from '../src/domain/sample/municipality';
import { planToGrid, writeGrids } from './support/formGrids';
import { saveAs } from './support/libreoffice';
import { minimalXlsxParts, rawZip, zipOf } from './hostile/support';
import type { SheetGrid } from '../src/domain/grid';
import { comparableSheets as comparable } from './support/comparableSheets';
import { rewrittenByXlsxWriter, stringsByXlsxWriter } from './support/xlsxwriter';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

const CODECS: Record<string, PartCodec> = {
  'Node (command line)': { inflate: (p) => inflateRawSync(p), utf8: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8') },
  'pako (pane)': { inflate: (p) => inflateRaw(p), utf8: (b) => new TextDecoder().decode(b) },
  // As the command line's reading threads have it (nativeInflate.ts): sheets scanned one byte a character.
  'Node, sheets scanned as bytes': {
    inflate: (p) => inflateRawSync(p),
    utf8: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8'),
    latin1: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'),
    utf8OfLatin1: (t) => Buffer.from(t, 'latin1').toString('utf8'),
    isAscii: (b) => isAscii(b),
  },
};

/** 'fast' when the fast path read the file (and agreed, else the expectation fails), 'sheetjs' when it stepped aside. */
function expectAgreement(bytes: Uint8Array, name: string): 'fast' | 'sheetjs' {
  const viaSheetJS = readWorkbookFile(bytes, name, { formulas: false, fastXlsx: false });
  let outcome: 'fast' | 'sheetjs' | undefined;
  for (const [host, codec] of Object.entries(CODECS)) {
    const fast = readXlsxValues(bytes, checkZip(bytes).map((e) => ({ ...e, inflated: undefined })), codec, LIMITS.rows + 1);
    const now = fast ? 'fast' : 'sheetjs';
    if (outcome && outcome !== now) throw new Error(`${name}: the two codecs disagree on whether to read it (${host})`);
    outcome = now;
    if (fast) expect({ host, name, sheets: comparable(fast) }).toEqual({ host, name, sheets: comparable(viaSheetJS.sheets) });
  }
  // And through the reader's own door, as receiving calls it.
  expect(comparable(readWorkbookFile(bytes, name, { formulas: false }).sheets)).toEqual(comparable(viaSheetJS.sheets));
  return outcome!;
}

const sample = sampleSchoolWorkbooks({ schools: 12, broken: false, twice: false });
let written: { file: string; bytes: Uint8Array }[];
beforeAll(async () => {
  written = [];
  for (const f of sample.files) if (f.workbook) written.push({ file: f.file, bytes: await writeXlsx(f.workbook) });
}, 120_000);

test('school workbooks as the add-in writes them (the one writer): read the same by both, all by the fast path', () => {
  expect(written.length).toBeGreaterThan(5);
  for (const w of written) expect(expectAgreement(w.bytes, w.file)).toBe('fast');
});

test('the same workbooks as the sample writes them, by another hand (exceljs): read the same by both, all by the fast path', async () => {
  for (const f of sample.files.slice(0, 6)) if (f.workbook) expect(expectAgreement(await writeSchoolWorkbook(f.workbook), `exceljs-${f.file}`)).toBe('fast');
});

test('the same workbooks saved by SheetJS and by LibreOffice (other writers, other habits) read the same', async () => {
  for (const w of written.slice(0, 3)) {
    const grids = readWorkbookFile(w.bytes, w.file).sheets;
    expect(expectAgreement(writeGrids(grids, 'xlsx'), `sheetjs-${w.file}`)).toBe('fast');
    expect(expectAgreement(await saveAs(w.bytes, 'xlsx'), `libreoffice-${w.file}`)).toBe('fast');
  }
}, 300_000);

test.each(['shared', 'inline'] as const)(
  'the same workbooks written by XlsxWriter (pandas\' writer; %s strings): read the same by both, all by the fast path',
  async (mode) => {
    const rewritten = await rewrittenByXlsxWriter(written.slice(0, 4).map((w) => ({ name: w.file, bytes: w.bytes })), mode);
    for (const r of rewritten) {
      expect(expectAgreement(r.bytes, `xlsxwriter-${mode}-${r.name}`)).toBe('fast');
      // Not a copy of the source: XlsxWriter's own package (its strings where the mode puts them).
      const entry = checkZip(r.bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
      const sheet = inflateRawSync(packedPart(r.bytes, entry)).toString('utf8');
      expect(sheet).toContain(mode === 'inline' ? 't="inlineStr"' : 't="s"');
    }
    // And the values are the school's own: the copy reads as the original does, cell for cell.
    for (const [i, r] of rewritten.entries())
      expect(comparable(readWorkbookFile(r.bytes, r.name, { formulas: false }).sheets)).toEqual(comparable(readWorkbookFile(written[i].bytes, written[i].file, { formulas: false }).sheets));
  },
  120_000,
);

test.each(['shared', 'inline'] as const)('strings XlsxWriter escapes (%s): control characters as _xHHHH_, a literal _x0041_ as _x005F_x0041_ — read back as typed', (mode) => {
  const typed = ['a\u0001b', '_x0041_', 'x_x005F_y', 'две\nстроки', 'таб\tтаб', '  пробелы  ', '<&>', '\r', 'Школа № 1 «Лицей»'];
  const bytes = stringsByXlsxWriter(typed, mode);
  expect(expectAgreement(bytes, `xlsxwriter-strings-${mode}.xlsx`)).toBe('fast');
  expect(readWorkbookFile(bytes, 'строки.xlsx', { formulas: false }).sheets[0].cells.map((row) => row[0])).toEqual(typed);
});

/** A package from hand-written parts: workbook.xml, styles and shared strings given, sheets as <sheetData> rows. */
async function handMade(o: { sheets: { name: string; data: string; state?: string; extra?: string }[]; strings?: string[]; styles?: string; workbookPr?: string; prefix?: boolean }) {
  const parts = minimalXlsxParts(o.sheets);
  if (o.sheets.some((s) => s.state) || o.workbookPr)
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']
      .replace('<sheets>', `${o.workbookPr ?? ''}<sheets>`)
      .replace(/<sheet name="([^"]*)" sheetId="(\d+)"/g, (m, n, id) => (o.sheets[Number(id) - 1].state ? `${m} state="${o.sheets[Number(id) - 1].state}"` : m));
  o.sheets.forEach((s, i) => {
    if (s.extra) parts[`xl/worksheets/sheet${i + 1}.xml`] = parts[`xl/worksheets/sheet${i + 1}.xml`].replace('</worksheet>', `${s.extra}</worksheet>`);
  });
  const rels: string[] = [];
  if (o.strings) {
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${o.strings.join('')}</sst>`;
    rels.push('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>');
  }
  if (o.styles) {
    parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${o.styles}</styleSheet>`;
    rels.push('<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  }
  parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace('</Relationships>', `${rels.join('')}</Relationships>`);
  // SheetJS finds these parts by their content types, as every real writer declares them.
  const types = [
    o.strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '',
    o.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : '',
  ].join('');
  parts['[Content_Types].xml'] = parts['[Content_Types].xml'].replace('</Types>', `${types}</Types>`);
  if (o.prefix)
    for (const k of Object.keys(parts).filter((k) => k.startsWith('xl/') && !k.includes('_rels')))
      parts[k] = parts[k]
        .replace(/<(\/?)(?!\?)([a-zA-Z]+)([\s>/])/g, (m, slash, tag, end) => (tag === 'r' || tag.includes(':') ? m : `<${slash}x:${tag}${end}`))
        .replace(/xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
  return zipOf(parts);
}

const STYLES_WITH_DATES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;чел.&quot;\\ 0"/></numFmts>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>';

describe('the rarer parts of the format read the same as SheetJS reads them', () => {
  test.each([
    ['rich text, phonetic runs, escapes, line breaks, empty strings', {
      strings: ['<si><t>Школа № 1</t></si>', '<si><r><rPr><b/></rPr><t>Про</t></r><r><t xml:space="preserve">фи &amp; ль</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>', '<si><t>строка_x000D_\r\nперенос &lt;b&gt; &#1046; &#x416;</t></si>', '<si><t/></si>', '<si></si>'],
      sheets: [{ name: 'Лист', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>0</v></c></row>' }],
    }],
    ['numbers, booleans, errors, formula strings, inline strings, formulas without cached values', {
      sheets: [{ name: 'Числа', data: '<row r="2"><c r="B2"><v>438</v></c><c r="C2"><v>1.5E3</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2" t="str"><f>A1&amp;""</f><v>ОК &amp; да</v></c><c r="G2" t="inlineStr"><is><t>вписано</t></is></c><c r="H2"><f>SUM(A1:A3)</f></c><c r="I2" t="str"><f>""</f><v></v></c><c r="J2"><v></v></c></row><row r="4"><c r="A4"><v>-0.25</v></c></row>' }],
    }],
    ['dates in built-in and custom formats, with and without time; a number format that is not a date', {
      styles: STYLES_WITH_DATES,
      sheets: [{ name: 'Даты', data: '<row r="1"><c r="A1" s="1"><v>45218</v></c><c r="B1" s="2"><v>45218.5868055556</v></c><c r="C1" s="3"><v>438</v></c><c r="D1" s="4"><v>45218.25</v></c><c r="E1"><v>45218</v></c><c r="F1" s="1"><v>59</v></c><c r="G1" s="1"><v>60</v></c><c r="H1" s="1"><v>61</v></c></row>' }],
    }],
    ['the 1904 date system', {
      styles: STYLES_WITH_DATES,
      workbookPr: '<workbookPr date1904="1"/>',
      sheets: [{ name: 'Mac', data: '<row r="1"><c r="A1" s="1"><v>43756</v></c></row>' }],
    }],
    ['hidden and very hidden sheets, merged areas, a sheet with no cells', {
      sheets: [
        { name: 'Видимый', data: '<row r="3"><c r="C3"><v>1</v></c></row>', extra: '<mergeCells count="2"><mergeCell ref="A1:D2"/><mergeCell ref="C3:C5"/></mergeCells>' },
        { name: 'Скрытый', data: '<row r="1"><c r="A1"><v>2</v></c></row>', state: 'hidden' },
        { name: 'Очень скрытый', data: '', state: 'veryHidden' },
      ],
    }],
    ['cells and rows without references', {
      sheets: [{ name: 'Без ссылок', data: '<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c><v>4</v></c></row><row r="7"><c r="B7"><v>7</v></c><c><v>8</v></c></row>' }],
    }],
    ['elements with a namespace prefix (as the OpenXML SDK writes)', {
      prefix: true,
      strings: ['<si><t>с префиксом</t></si>'],
      sheets: [{ name: 'x', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row>', extra: '<mergeCells><mergeCell ref="A2:B2"/></mergeCells>' }],
    }],
  ] as const)('%s', async (_what, o) => {
    const bytes = await handMade(o as unknown as Parameters<typeof handMade>[0]);
    expect(expectAgreement(bytes, 'ручной.xlsx')).toBe('fast');
  });

  test('inline strings as openpyxl writes them (every letter an entity), with rich runs or empty, read the same as SheetJS reads them; one whose runs name a colour is still left to SheetJS', async () => {
    const strings = await handMade({
      sheets: [{ name: 'Строки', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1064;&#1082;&#1086;&#1083;&#1072; &#8470; 1</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Про</t></r><r><t xml:space="preserve">фи_x000D_\r\nль</t></r></is></c><c r="C1" t="inlineStr"><is><t/></is></c><c r="D1" t="inlineStr"><is></is></c><c r="E1" t="inlineStr"><is><t>с формулой</t></is><f>A1</f></c><c r="F1"><v xml:space="preserve">12</v></c><c r="G1" t="inlineStr"><v>7</v></c></row>' }],
    });
    expect(expectAgreement(strings, 'строки.xlsx')).toBe('fast');
    expect(readWorkbookFile(strings, 'строки.xlsx', { formulas: false }).sheets[0].cells[0].slice(0, 2)).toEqual(['Школа № 1', 'Профи\r\nль']);
    const colour = await handMade({ sheets: [{ name: 'Цвет', data: '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><color rgb="FFFF0000"/></rPr><t>красный</t></r></is></c></row>' }] });
    expect(expectAgreement(colour, 'цвет.xlsx')).toBe('sheetjs');
  });

  test('a time typed as 14:05 reads as 14:05, not 14:04 (as openpyxl writes it: 45218.58680555555)', async () => {
    const bytes = await handMade({ styles: STYLES_WITH_DATES, sheets: [{ name: 'Время', data: '<row r="1"><c r="A1" s="2"><v>45218.58680555555</v></c><c r="B1" s="2"><v>45218.999999999</v></c></row>' }] });
    expect(expectAgreement(bytes, 'время.xlsx')).toBe('fast');
    expect(readWorkbookFile(bytes, 'время.xlsx', { formulas: false }).sheets[0].cells[0]).toEqual(['2023-10-19 14:05', '2023-10-20']);
  });

  test('a sheet larger than a decoding piece (rows cut between pieces) reads the same', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 3000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Организация № ${r} — «Школа»</t></is></c><c r="B${r}"><v>${r * 3}</v></c><c r="C${r}" s="0"/></row>`);
    const wide = Array.from({ length: 4000 }, (_, c) => `<c><v>${c}</v></c>`).join('');
    const bytes = await handMade({ sheets: [{ name: 'Большой', data: rows.join('') + `<row r="3001">${wide}</row>`, extra: '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>' }] });
    expect(expectAgreement(bytes, 'большой.xlsx')).toBe('fast');
  });

  test('what the fast path does not know (a chart sheet, ISO date cells, strict OOXML) is left to SheetJS', async () => {
    const iso = await handMade({ sheets: [{ name: 'ISO', data: '<row r="1"><c r="A1" t="d"><v>2023-10-18T00:00:00</v></c></row>' }] });
    expect(expectAgreement(iso, 'iso.xlsx')).toBe('sheetjs');
    const strictParts = minimalXlsxParts([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    for (const k of Object.keys(strictParts)) strictParts[k] = strictParts[k].replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main');
    const before = fastReaderCounts();
    expect(readXlsxValues(await zipOf(strictParts), checkZip(await zipOf(strictParts)), CODECS['pako (pane)'], 10)).toBeUndefined();
    // Every step aside is counted with its reason (PROFKAMPANIYA_TIMINGS=1 prints them).
    expect(fastReaderCounts().reasons['strict OOXML']).toBe((before.reasons['strict OOXML'] ?? 0) + 1);
  });

  test('an ISO date cell with no value is an empty cell and the row beside it is read (SheetJS reads such a sheet as having no cells)', async () => {
    for (const empty of ['<c r="A1" t="d"/>', '<c r="A1" t="d"></c>', '<c r="A1" t="d"><v></v></c>']) {
      const bytes = await handMade({ sheets: [{ name: 'Лист', data: `<row r="1">${empty}<c r="B1"><v>438</v></c></row>` }] });
      const fast = readXlsxValues(bytes, checkZip(bytes).map((e) => ({ ...e, inflated: undefined })), CODECS['Node (command line)'], 10);
      expect({ empty, cells: fast?.[0].cells }).toEqual({ empty, cells: [[null, 438]] });
      expect({ empty, cells: readWorkbookFile(bytes, 'iso.xlsx', { formulas: false }).sheets[0].cells }).toEqual({ empty, cells: [[null, 438]] });
      // Why it is not handed over: the reference loses the whole sheet.
      expect(readWorkbookFile(bytes, 'iso.xlsx', { formulas: false, fastXlsx: false }).sheets[0].cells).toEqual([]);
    }
  });

  test('a bug in the fast path fails the tests; for a user the file still reads through SheetJS, and the fallback is counted', async () => {
    const bytes = await handMade({ sheets: [{ name: 'Лист', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const buggy: PartCodec = { ...CODECS['pako (pane)'], utf8: () => { throw new TypeError('ошибка в коде'); } };
    const zip = () => checkZip(bytes).map((e) => ({ ...e, inflated: undefined }));
    expect(() => readXlsxValues(bytes, zip(), buggy, 10)).toThrow(TypeError);
    failOnFastReaderBug(false);
    try {
      const before = fastReaderCounts();
      expect(readXlsxValues(bytes, zip(), buggy, 10)).toBeUndefined();
      expect(fastReaderCounts().reasons['ошибка чтения: ошибка в коде']).toBe((before.reasons['ошибка чтения: ошибка в коде'] ?? 0) + 1);
    } finally {
      failOnFastReaderBug(true);
    }
  });
});

test('cells in every spelling the fast path reads in place (plain inline strings, empty cells with an end tag, references and styles read as digits) read the same as SheetJS reads them: random sheets', async () => {
  const rnd = seededRandom(2612);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const col = (c: number): string => (c >= 26 ? col(Math.floor(c / 26) - 1) : '') + String.fromCharCode(65 + (c % 26));
  const texts = ['&#1064;&#1082;&#1086;&#1083;&#1072; &#8470; 1', 'ОК &amp; да', 'строка_x000D_\r\nперенос', '', ' ', 'a&lt;b', '&#x416;', 'Лицей'];
  // What each cell may be: [its markup after the start tag, its type]. Types the reader leaves to SheetJS ('d') and
  // markup it reads the general way (runs, a preserved space, phonetic runs) come in too. Left out: spellings where
  // the fast path and SheetJS already differed before it read tags in place (a negative number in a date style, a
  // style written "01" or " 2", an empty boolean cell; an ISO date cell with no value, which SheetJS reads as a sheet
  // without cells and the fast path as an empty cell — its own test above).
  const bodies: (() => [string, string | undefined])[] = [
    () => [`<is><t>${pick(texts)}</t></is>`, 'inlineStr'],
    () => [`<is><t xml:space="preserve">${pick(texts)}</t></is>`, 'inlineStr'],
    () => [`<is><r><t>${pick(texts)}</t></r><r><t>${pick(texts)}</t></r></is>`, 'inlineStr'],
    () => [`<is><t>${pick(texts)}</t><rPh sb="0" eb="1"><t>ふ</t></rPh></is>`, 'inlineStr'],
    () => [`<v>${pick(['45218', '45218.5868055556', '438', '0.25', '1.5E3', '60'])}</v>`, pick([undefined, 'n'])],
    () => ['', pick([undefined, 'n', 's', 'str', 'e', 'inlineStr', 'inlineStr', 'n'])],
  ];
  // Styles 1, 10 and 12 show dates, the others numbers: a style index misread as another digit shows.
  const xfs = Array.from({ length: 13 }, (_, i) => `<xf numFmtId="${[1, 10, 12].includes(i) ? 14 : 0}"/>`).join('');
  const styleSheet = `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><cellXfs count="13">${xfs}</cellXfs>`;
  const styles = ['', ' s="1"', ' s="2"', ' s="10"', ' s="11"', ' s="12"', ' s="0"', ' s=""', ' s="3"'];
  const outcomes = { fast: 0, sheetjs: 0 };
  for (let k = 0; k < 40; k++) {
    const rows: string[] = [];
    for (let r = 1; r <= 12; r++) {
      const cells: string[] = [];
      for (let c = 0; c < 5; c++) {
        // Every fourth sheet holds a cell the fast path leaves to SheetJS: an ISO date cell, or one filed under another row.
        const odd = k % 4 === 3 && r === 6 && c === 2;
        if (rnd() < 0.2 && !odd) continue;
        const [body, type] = odd && k % 8 === 3 ? ['<v>2023-10-18T00:00:00</v>', 'd'] : pick(bodies)();
        // The reference as writers spell it, now and then with a leading zero or left out.
        const ref = rnd() < 0.1 && !odd ? '' : ` r="${col(c * 7)}${rnd() < 0.1 ? '0' : ''}${odd && k % 8 === 7 ? r + 1 : r}"`;
        const t = type === undefined ? '' : ` t="${type}"`;
        const attributes = rnd() < 0.5 ? `${ref}${pick(styles)}${t}` : `${ref}${t}${pick(styles)}`;
        cells.push(body === '' && type !== 'd' && rnd() < 0.4 ? `<c${attributes}/>` : `<c${attributes}>${body}</c>`);
      }
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    const bytes = await handMade({ styles: styleSheet, prefix: k % 5 === 4, sheets: [{ name: 'Случайный', data: rows.join('') }] });
    outcomes[expectAgreement(bytes, `случайный-${k}.xlsx`)]++;
  }
  // The sheets without an odd cell are read by the fast path (and agree); those with one are left to SheetJS.
  expect(outcomes).toEqual({ fast: 30, sheetjs: 10 });
});

test('damaged packages: the fast path agrees with SheetJS, or steps aside; where only it reads the file, it reads the undamaged values', () => {
  const base = written[0].bytes;
  const iterations = Number(process.env.FUZZ_ITERATIONS ?? 1500) / 5;
  const seed = Number(process.env.FUZZ_SEED ?? 394);
  const rnd = seededRandom(seed);
  const tally = { fast: 0, sheetjs: 0, onlyFast: 0 };
  const original = JSON.stringify(comparable(readWorkbookFile(base, 'исходный.xlsx', { formulas: false, fastXlsx: false }).sheets));
  // Parts rewritten with damaged XML (flipped characters, cut text), zipped again so the guards pass them.
  const parts = new Map<string, Uint8Array>();
  for (const e of checkZip(base)) {
    const copy = new Uint8Array(base);
    const one = readXlsxPart(copy, e.name);
    if (one) parts.set(e.name, one);
  }
  const before = fastReaderCounts();
  for (let i = 0; i < iterations; i++) {
    const names = [...parts.keys()].filter((n) => n.endsWith('.xml'));
    const victim = names[Math.floor(rnd() * names.length)];
    const text = new TextDecoder().decode(parts.get(victim));
    const at = Math.floor(rnd() * text.length);
    const damaged = i % 2 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 20)) : text.slice(0, at) + '<>"&'[Math.floor(rnd() * 4)] + text.slice(at);
    const bytes = rawZip([...parts].map(([name, data]) => ({ name, data: name === victim ? new TextEncoder().encode(damaged) : data })));
    let sheetjs: SheetGrid[] | undefined;
    try {
      sheetjs = readWorkbookFile(bytes, 'повреждённый.xlsx', { formulas: false, fastXlsx: false }).sheets;
    } catch {
      sheetjs = undefined;
    }
    const fast = readXlsxValues(bytes, checkZip(bytes), CODECS['Node (command line)'], LIMITS.rows + 1);
    const where = `seed ${seed}, iteration ${i}, ${victim}: …${damaged.slice(Math.max(0, at - 60), at + 60)}…`;
    const read = fast && JSON.stringify(comparable(fast));
    // Scanned one byte a character (the reading threads' way), the same values or the same step aside.
    const scanned = readXlsxValues(bytes, checkZip(bytes), CODECS['Node, sheets scanned as bytes'], LIMITS.rows + 1);
    expect({ where, read: scanned && JSON.stringify(comparable(scanned)) }).toEqual({ where, read });
    // Read by the fast path: the values SheetJS reads, or those the file held before the damage (damage SheetJS
    // trips on but the values do not depend on, such as a cut content-type entry) — never anything else.
    if (!read) tally.sheetjs++;
    else if (sheetjs && read === JSON.stringify(comparable(sheetjs))) tally.fast++;
    else if (read === original) tally.onlyFast++;
    else throw new Error(`the fast path read values neither SheetJS nor the undamaged file has: ${where}`);
  }
  const after = fastReaderCounts();
  // What was compared: many damaged files read by both and found equal, many the fast path stepped aside from —
  // each such step counted by the reader with a reason, none of them an exception of its own (a bug would throw:
  // test/support/jestSetup.ts).
  expect(tally.fast).toBeGreaterThan(iterations / 4);
  expect(tally.sheetjs).toBeGreaterThan(iterations / 20); // the damage does reach what the fast path reads
  // (each file read twice by the fast path: decoded whole and scanned as bytes)
  expect(after.fallbacks - before.fallbacks).toBe(2 * tally.sheetjs);
  expect(after.fast - before.fast).toBe(2 * (tally.fast + tally.onlyFast));
  expect(Object.keys(after.reasons).filter((k) => k.startsWith('ошибка чтения') && after.reasons[k] !== before.reasons[k])).toEqual([]);
});

test('bytes that are not UTF-8 in a sheet: scanned one byte a character, it reads as decoded whole', () => {
  const base = written[0].bytes;
  const parts = new Map<string, Uint8Array>();
  for (const e of checkZip(base)) {
    const one = readXlsxPart(new Uint8Array(base), e.name);
    if (one) parts.set(e.name, one);
  }
  const sheet = [...parts.keys()].find((n) => /worksheets\/sheet\d+\.xml$/.test(n))!;
  const rnd = seededRandom(26);
  const read = (data: Uint8Array, codec: PartCodec) => {
    const bytes = rawZip([...parts].map(([name, d]) => ({ name, data: name === sheet ? data : d })));
    const sheets = readXlsxValues(bytes, checkZip(bytes), codec, LIMITS.rows + 1);
    return sheets && JSON.stringify(comparable(sheets));
  };
  const text = new TextDecoder().decode(parts.get(sheet));
  // A merged area written with a no-break space after the tag's name (\s to a regular expression over characters).
  const nbsp = text.replace('<mergeCell ', '<mergeCell\u00a0');
  expect(nbsp).not.toBe(text);
  // … and in a cell's style and reference (Number() reads «3\u00a0» as 3).
  const odd = [nbsp, text.replace(/ s="(\d+)"/g, ' s="$1\u00a0"'), text.replace(/ r="([A-Z]+\d+)"/, ' r="$1\u00a0"')];
  const cases = odd.map((t) => new TextEncoder().encode(t));
  for (let i = 0; i < 60; i++) {
    const data = parts.get(sheet)!.slice();
    for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) data[Math.floor(rnd() * data.length)] = 0x80 + Math.floor(rnd() * 0x80);
    cases.push(data);
  }
  let readBoth = 0;
  for (const data of cases) {
    const whole = read(data, CODECS['Node (command line)']);
    expect(read(data, CODECS['Node, sheets scanned as bytes'])).toBe(whole);
    if (whole) readBoth++;
  }
  expect(readBoth).toBeGreaterThan(cases.length / 2);
});

/** One part's bytes, inflated. */
function readXlsxPart(bytes: Uint8Array, name: string): Uint8Array | undefined {
  const e = checkZip(bytes).find((x) => x.name === name);
  if (!e || e.name.endsWith('/')) return undefined;
  const packed = packedPart(bytes, e);
  return e.method === 0 ? packed.slice() : new Uint8Array(inflateRawSync(packed));
}

test('a stamped form read back for the merge: the same by both', async () => {
  const { stampAppendix3 } = await import('../src/domain/forms/stampAppendix3');
  const { defaultSettings } = await import('../src/domain/settings');
  const plan = stampAppendix3(defaultSettings('autumn', 2023, { level: 'school', unit: 'МАОУ СОШ № 1' }), { rows: 3 });
  const bytes = await writeXlsx({ sheets: [plan] });
  expect(expectAgreement(bytes, 'бланк.xlsx')).toBe('fast');
  expect(planToGrid(plan).name).toBe(readWorkbookFile(bytes, 'бланк.xlsx', { formulas: false }).sheets[0].name);
});
