/**
 * The guard's count of OpenDocument repeats over bytes (odsRepeats.ts) refuses exactly what the regular expression
 * over the decoded text refused (the guard before it, kept here as the reference): random content.xml-like texts
 * made of the tags, attributes, near-misses and Unicode spaces the expression tells apart, under small limits.
 */
import { openDocumentExcess } from './odsRepeats';
import { checkZip, LIMITS, SheetTooLarge } from './guards';
import { zipSync } from 'fflate';

function referenceExcess(content: string, maxRows: number, maxCells: number): { sheet: string; what: 'rows' | 'cells' } | undefined {
  const repeat = (attrs: string, name: string) => Number(new RegExp(`table:${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1);
  let sheet = '';
  let rows = 0;
  let cells = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  const tags = /<table:table(?=[\s>])([^>]*)>|<table:table-row(?=[\s/>])([^>]*?)(\/?)>|<table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(\/?)>|<\/table:table-row>/g;
  for (let m = tags.exec(content); m; m = tags.exec(content)) {
    if (m[1] !== undefined) {
      sheet = /table:name="([^"]*)"/.exec(m[1])?.[1] ?? '';
      rows = 0;
      cells = 0;
    } else if (m[2] !== undefined) {
      rowRepeat = m[3] ? 0 : repeat(m[2], 'number-rows-repeated');
      rowCells = 0;
    } else if (m[4] !== undefined) {
      if (!m[5]) rowCells += repeat(m[4], 'number-columns-repeated');
    } else if (rowCells > 0) {
      rows += rowRepeat;
      cells += rowRepeat * rowCells;
      if (rows > maxRows) return { sheet, what: 'rows' };
      if (cells > maxCells) return { sheet, what: 'cells' };
    }
  }
  return undefined;
}

const PIECES = [
  '<table:table ', '<table:table>', '<table:table', 'table:name="Лист 1"', 'table:name="', '<table:table-row', '<table:table-row ', '<table:table-row>',
  '<table:table-rows ', '<table:table-row-group>', '<table:table-cell', '<table:table-cell ', '<table:table-cell>', '<table:table-cell/>',
  '<table:covered-table-cell', '<table:covered-table-cell/>', '<table:table-column/>', ' table:number-rows-repeated="',
  ' table:number-columns-repeated="', 'xtable:number-columns-repeated="', '2', '3', '17', '0', 'a', '"', '/', '>', '/>', ' />',
  '</table:table-row>', '</table:table-row', '</table:table>', '<text:p>', 'Итого', '\u00a0', '\u3000', '\u2028', '\ufeff', ' ', '\t', '\n', '<', 'é', '\u{1F600}',
];

/** Mostly well-formed rows, so that the limits are reached often, with the odd pieces between them. */
const ROWS = [
  '<table:table-row>', '<table:table-row table:number-rows-repeated="3">', '<table:table-cell>x</table:table-cell>',
  '<table:table-cell table:number-columns-repeated="2"><text:p>1</text:p></table:table-cell>', '<table:covered-table-cell>',
  '<table:table-cell/>', '</table:table-row>', '</table:table-row>',
];

function randomContent(random: () => number): string {
  let s = '';
  const n = 1 + Math.floor(random() * 120);
  for (let k = 0; k < n; k++) {
    const pieces = random() < 0.6 ? ROWS : PIECES;
    s += pieces[Math.floor(random() * pieces.length)];
  }
  return s;
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('the OpenDocument repeats counted over bytes', () => {
  it('refuses exactly what the expression over the text refused, on random texts', () => {
    const random = seeded(26);
    let refused = 0;
    for (let k = 0; k < 20_000; k++) {
      const content = randomContent(random);
      const maxRows = 1 + Math.floor(random() * 6);
      const maxCells = 1 + Math.floor(random() * 40);
      const want = referenceExcess(content, maxRows, maxCells);
      if (want) refused++;
      expect({ content, got: openDocumentExcess(bytesOf(content), maxRows, maxCells) }).toEqual({ content, got: want });
    }
    // The texts reach the limits often enough for the comparison to mean something.
    expect(refused).toBeGreaterThan(2000);
  });

  it('counts a LibreOffice-like sheet: repeated rows of filled and covered cells, the empty rest not counted', () => {
    const row = (repeat: number) =>
      `<table:table-row table:style-name="ro1"${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}><table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-columns-repeated="16380"/></table:table-row>`;
    const content = `<office:spreadsheet><table:table table:name="Школа №1" table:style-name="ta1">${row(1)}${row(9)}<table:table-row table:number-rows-repeated="1048560"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table></office:spreadsheet>`;
    expect(openDocumentExcess(bytesOf(content), 10, 30)).toBeUndefined();
    expect(openDocumentExcess(bytesOf(content), 9, 30)).toEqual({ sheet: 'Школа №1', what: 'rows' });
    expect(openDocumentExcess(bytesOf(content), 10, 29)).toEqual({ sheet: 'Школа №1', what: 'cells' });
  });

  it('still stops a few bytes asking for a million rows of filled cells, in a package the guards check', () => {
    const content = `<office:document-content><office:body><office:spreadsheet><table:table table:name="Бомба"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const ods = zipSync({ mimetype: bytesOf('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': bytesOf(content) });
    expect(() => checkZip(ods)).toThrow(SheetTooLarge);
    expect(LIMITS.rows).toBeLessThan(1048576);
  });
});
