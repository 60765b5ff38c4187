/**
 * A received .ods is read by SheetJS from the parts the guards inflated, content.xml without the cells' formulas
 * (src/files/odsValues.ts). The grids must be exactly those SheetJS reads from the file itself: on school workbooks
 * saved as .ods by LibreOffice, and on a hundred and fifty variants of one with what could make the cut go wrong —
 * comments and CDATA holding cell tags, single quotes, `<` or `>` where markup does not expect them, Unicode spaces,
 * formulas on self-closing and covered cells, parts named in another case.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { valuesOnlyContent } from '../src/files/odsValues';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { seededRandom } from '../src/domain/sample/municipality';
import { writeXlsx } from '../src/files/xlsxWriter';
import { saveAs } from './support/libreoffice';
jest.setTimeout(120_000);

const utf8 = new TextDecoder();
const bytesOf = (s: string) => new TextEncoder().encode(s);

/** What receiving reads (the cut) and what SheetJS reads from the file as it is — or the refusal each gives. */
function bothWays(bytes: Uint8Array, name: string) {
  const attempt = (fastXlsx: boolean) => {
    try {
      return readWorkbookFile(bytes, name, { formulas: false, fastXlsx });
    } catch (e) {
      return { refused: (e as Error).message };
    }
  };
  return { received: attempt(true), sheetjs: attempt(false) };
}

let odsFiles: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  const sample = sampleSchoolWorkbooks({ schools: 3, broken: false, twice: false });
  odsFiles = [];
  for (const f of sample.files.filter((f) => f.workbook).slice(0, 2))
    odsFiles.push({ name: f.file.replace(/\.xlsx$/, '.ods'), bytes: await saveAs(await writeXlsx(f.workbook!), 'ods') });
}, 300_000);

test('school workbooks saved as .ods by LibreOffice: the same grids, and their formulas cut', () => {
  for (const f of odsFiles) {
    const content = unzipSync(f.bytes)['content.xml'];
    expect(content && utf8.decode(content)).toContain('table:formula=');
    const cut = valuesOnlyContent(content);
    expect(cut && utf8.decode(cut)).not.toMatch(/<table:table-cell[^>]* table:formula=/);
    expect(cut && utf8.decode(cut)).not.toMatch(/<style:(text|table-cell|paragraph)-properties/);
    // The form's drop-down lists are there in the file, and cut.
    expect(utf8.decode(content)).toContain('<table:content-validations>');
    expect(cut && utf8.decode(cut)).not.toContain('<table:content-validation');
    // So are the attributes SheetJS never reads: the list a cell uses, the second value type after the first.
    const unread = /<table:table-cell[^>]* (table:content-validation-name=|office:value-type="[^"]*" calcext:value-type=)/;
    expect(utf8.decode(content)).toMatch(unread);
    expect(cut && utf8.decode(cut)).not.toMatch(unread);
    const { received, sheetjs } = bothWays(f.bytes, f.name);
    expect('sheets' in received && received.sheets.length).toBeGreaterThan(0);
    expect(received).toEqual(sheetjs);
  }
});

/** Changes to content.xml, each a way the cut could go wrong if it were less careful. */
const CHANGES: ((xml: string, random: () => number) => string)[] = [
  (x, r) => atTag(x, r, (tag) => `<!-- ${tag} -->${tag}`),
  (x, r) => inText(x, r, '<![CDATA[<table:table-cell table:formula="of:=2" office:value-type="float" office:value="5">]]>'),
  (x, r) => inText(x, r, 'a > b "c"'),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/table:formula="([^"']*)"/, "table:formula='$1'")),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/^<table:table-cell/, '<table:table-cell table:formula="of:=[.A1]&gt;0"')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/(\/?>)$/, '\n  table:formula="of:=1"$1')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/^<table:table-cell/, '<table:table-cell\u00a0')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/^<table:table-cell/, '<table:table-cell x:y="a<b"')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/^<table:table-cell/, '<table:table-cell table:formula="of:=1" table:formula="of:=2"')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/^<table:table-cell/, '<table:table-cell_x')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/ office:value="[^"]*"/, '')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/ table:formula="[^"]*"/, ' table:formula="of:=1" calcext:value-type="error"')),
  // LibreOffice's second value type: alone (SheetJS reads it then), before the office one, or saying otherwise.
  (x, r) => cellTag(x, r, (tag) => tag.replace(/ office:value-type="[^"]*"/, '')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/ office:value-type="([^"]*)"/, ' calcext:value-type="error" office:value-type="$1"')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/ calcext:value-type="[^"]*"/, ' calcext:value-type="string"')),
  (x, r) => cellTag(x, r, (tag) => tag.replace(/^<table:table-cell/, '<table:table-cell table:content-validation-name="val9"')),
  (x, r) => atTag(x, r, () => '<table:covered-table-cell table:formula="of:=3" office:value-type="float" office:value="3"/>'),
  (x, r) => atTag(x, r, (tag) => tag.replace(/^<([a-z]+):/, '<$1:x:')),
  (x, r) => atTag(x, r, (tag) => tag.replace(/="/, ' = "')),
  (x, r) => atTag(x, r, (tag) => `${tag}<style:text-properties fo:color="#000000"/>`),
  (x, r) => inText(x, r, '<style:map style:condition="cell-content()=1" style:apply-style-name="ce1"/>x'),
  (x, r) => atTag(x, r, (tag) => tag.replace(/^<style:(text|table-cell|paragraph)-properties([^>]*)\/>$/, '<style:$1-properties$2></style:$1-properties>')),
  // Validations with a cell inside (not where LibreOffice puts any), or a second list of them after the tables.
  (x) => x.replace('</table:content-validations>', '<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:content-validations>'),
  (x) => x.replace('</office:spreadsheet>', '<table:content-validations><table:content-validation table:name="v9"><table:help-message><text:p>подсказка</text:p></table:help-message></table:content-validation></table:content-validations></office:spreadsheet>'),
];

function tagsOf(xml: string, pattern: RegExp): RegExpExecArray[] {
  return [...xml.matchAll(new RegExp(pattern.source, 'g'))];
}
function replaceAt(xml: string, m: RegExpExecArray, by: string): string {
  return xml.slice(0, m.index) + by + xml.slice(m.index + m[0].length);
}
function atTag(xml: string, random: () => number, change: (tag: string) => string): string {
  const tags = tagsOf(xml, /<(?:table|text|office|style):[^<>]*>/);
  const m = tags[Math.floor(random() * tags.length)];
  return m ? replaceAt(xml, m, change(m[0])) : xml;
}
function cellTag(xml: string, random: () => number, change: (tag: string) => string): string {
  const tags = tagsOf(xml, /<table:table-cell[ >/][^<>]*>/);
  const m = tags[Math.floor(random() * tags.length)];
  return m ? replaceAt(xml, m, change(m[0])) : xml;
}
function inText(xml: string, random: () => number, text: string): string {
  const tags = tagsOf(xml, /<text:p>/);
  const m = tags[Math.floor(random() * tags.length)];
  return m ? replaceAt(xml, m, m[0] + text) : xml;
}

function zipped(parts: Record<string, Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = name === 'mimetype' ? [data, { level: 0 }] : data;
  return zipSync(files);
}

test('a hundred and fifty changed copies: the same grids or the same refusal, cut or left to SheetJS', () => {
  const random = seededRandom(26);
  const parts = unzipSync(odsFiles[0].bytes);
  const xml = utf8.decode(parts['content.xml']);
  let cut = 0;
  let left = 0;
  for (let k = 0; k < 150; k++) {
    let changed = xml;
    const changes = 1 + Math.floor(random() * 3);
    for (let c = 0; c < changes; c++) changed = CHANGES[Math.floor(random() * CHANGES.length)](changed, random);
    const content = bytesOf(changed);
    if (valuesOnlyContent(content)) cut++;
    else left++;
    const renamed = random() < 0.05;
    const bytes = zipped({ ...parts, ...(renamed ? { 'Content.xml': content } : { 'content.xml': content }) });
    const { received, sheetjs } = bothWays(bytes, `variant-${k}.ods`);
    expect({ k, received }).toEqual({ k, received: sheetjs });
  }
  // Both kinds are tried often enough to mean something.
  expect(cut).toBeGreaterThan(20);
  expect(left).toBeGreaterThan(20);
});

test('the cut takes exactly the cells’ formula attributes and the attributes SheetJS never reads, the styles’ empty properties and the data validations, and declines markup it cannot be sure of', () => {
  const cell = '<table:table-cell table:style-name="ce1"\n table:formula="of:=SUM([.A1:.A3])&gt;0" office:value-type="float" office:value="1"><text:p>1 &gt; 0 "x"</text:p></table:table-cell>';
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content><table:table table:name="Лист"><table:table-row>${body}</table:table-row></table:table></office:document-content>`;
  expect(utf8.decode(valuesOnlyContent(bytesOf(doc(cell + '<table:table-cell table:formula="of:=1"/>')))!)).toBe(
    doc('<table:table-cell table:style-name="ce1" office:value-type="float" office:value="1"><text:p>1 &gt; 0 "x"</text:p></table:table-cell><table:table-cell/>'),
  );
  const styles = (inside: string) =>
    `<office:document-content><office:automatic-styles><style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1">${inside}</style:style></office:automatic-styles><table:table table:name="Лист"/></office:document-content>`;
  const properties = '<style:table-cell-properties fo:border="none"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:color="#000000"/><style:map style:condition="cell-content()=1" style:apply-style-name="ce2"/>';
  expect(utf8.decode(valuesOnlyContent(bytesOf(styles(properties)))!)).toBe(styles(''));
  // Anywhere else they stay: inside text, or deeper.
  expect(valuesOnlyContent(bytesOf(styles(`<text:p>${properties}</text:p>`)))).toBeUndefined();
  expect(valuesOnlyContent(bytesOf(`<office:document-content><table:table><table:table-row><table:table-cell><text:p>${properties}</text:p></table:table-cell></table:table-row></table:table></office:document-content>`))).toBeUndefined();
  // Data validations go whole, messages and all, only right inside office:spreadsheet; nested deeper they stay.
  const validations = '<table:content-validations><table:content-validation table:name="val1" table:condition="of:cell-content-is-in-list(&quot;Да&quot;)"><table:error-message table:title="Ошибка"><text:p>Выберите из списка.</text:p></table:error-message></table:content-validation></table:content-validations>';
  const spreadsheet = (inside: string) => `<office:document-content><office:body><office:spreadsheet>${inside}<table:table table:name="Лист"><table:table-row>${cell}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  expect(utf8.decode(valuesOnlyContent(bytesOf(spreadsheet(validations)))!)).toBe(spreadsheet('').replace(/\n table:formula="[^"]*"/, ''));
  expect(utf8.decode(valuesOnlyContent(bytesOf(spreadsheet(`<table:x>${validations}</table:x>`)))!)).toContain(validations);
  expect(valuesOnlyContent(bytesOf(spreadsheet(validations.replace('</table:content-validations>', ''))))).toBeUndefined();
  // A cell with a formula inside them (not where LibreOffice puts one) goes with them, cut once.
  const withCell = validations.replace('</table:content-validations>', '<table:table-cell table:formula="of:=1" office:value="1"/></table:content-validations>');
  expect(utf8.decode(valuesOnlyContent(bytesOf(spreadsheet(withCell)))!)).toBe(spreadsheet('').replace(/\n table:formula="[^"]*"/, ''));
  // A cell's list and its second value type go when the first came before it; alone, or first, it stays.
  const typed = '<table:table-cell table:content-validation-name="val1" office:value-type="float" office:value="2" calcext:value-type="float"><text:p>2</text:p></table:table-cell>';
  expect(utf8.decode(valuesOnlyContent(bytesOf(doc(typed)))!)).toBe(doc('<table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>'));
  for (const kept of ['<table:table-cell calcext:value-type="error" table:formula="of:=1/0"/>', '<table:table-cell calcext:value-type="error" office:value-type="float" table:formula="of:=1"/>'])
    expect(utf8.decode(valuesOnlyContent(bytesOf(doc(kept)))!)).toBe(doc(kept.replace(/ table:formula="[^"]*"/, '')));
  // Unbalanced markup is not cut at all.
  expect(valuesOnlyContent(bytesOf(styles(properties).replace('</style:style>', '')))).toBeUndefined();
  // The formulas of covered cells and of other elements stay: SheetJS is not told they are gone.
  expect(valuesOnlyContent(bytesOf(doc('<table:covered-table-cell table:formula="of:=1"/>')))).toBeUndefined();
  for (const odd of ['<!-- c -->', '<![CDATA[x]]>', '<table:table-cell a=\'1\' table:formula="of:=1"/>', '<table:table-cell a="<" table:formula="of:=1"/>', '<table:table-cell\u00a0table:formula="of:=1"/>', '<?pi x?>'])
    expect(valuesOnlyContent(bytesOf(doc(cell + odd)))).toBeUndefined();
});
