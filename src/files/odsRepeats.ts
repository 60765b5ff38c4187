/**
 * The OpenDocument guard's count of repeated rows and cells (guards.ts), over content.xml's bytes as they were
 * inflated. It once decoded the part to text and ran a regular expression over it; the decoding alone was a
 * sixth of receiving a school's .ods (a LibreOffice form's content.xml is ~330 KB: long formulas and styles).
 * Tags and attributes are ASCII, so they are found in the bytes; only a sheet's name is decoded, for the refusal.
 * It counts exactly what the expression counted (odsRepeats.test.ts holds it to that expression):
 *   <table:table(?=[\s>])([^>]*)>  |  <table:table-row(?=[\s/>])([^>]*?)(\/?)>
 *   <table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(\/?)>  |  <\/table:table-row>
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const TABLE = ascii('table:table');
const ROW = ascii('table:table-row');
const CELL = ascii('table:table-cell');
const COVERED = ascii('table:covered-table-cell');
const ROW_END = ascii('/table:table-row>');
const ROWS_REPEATED = ascii('table:number-rows-repeated="');
const COLUMNS_REPEATED = ascii('table:number-columns-repeated="');
const NAME = ascii('table:name="');

// ignoreBOM: a U+FEFF inside the text is a character (a space to \s), not a mark to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function startsWith(b: Uint8Array, at: number, word: number[]): boolean {
  if (at + word.length > b.length) return false;
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
}

/** Whether the character starting at `at` is one JavaScript's \s matches (any Unicode space, as in the decoded text). */
function isSpaceAt(b: Uint8Array, at: number): boolean {
  const c = b[at];
  if (c === undefined) return false;
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  // A space outside ASCII (no-break space, U+2028, U+3000, the BOM…): decode the one character and ask.
  const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  return /^\s/.test(utf8.decode(b.subarray(at, at + length)));
}

/** The digits after `attribute` within [from, to), as Number() reads them; 1 without the attribute. */
function repeatOf(b: Uint8Array, from: number, to: number, attribute: number[]): number {
  for (let at = b.indexOf(attribute[0], from); at >= 0 && at < to; at = b.indexOf(attribute[0], at + 1)) {
    if (!startsWith(b, at, attribute)) continue;
    let end = at + attribute.length;
    while (end < to && b[end] >= 0x30 && b[end] <= 0x39) end++;
    // The expression wants at least one digit and the closing quote; otherwise it looks further on.
    if (end > at + attribute.length && end < to && b[end] === 0x22) return Number(utf8.decode(b.subarray(at + attribute.length, end)));
  }
  return 1;
}

function nameOf(b: Uint8Array, from: number, to: number): string {
  for (let at = b.indexOf(NAME[0], from); at >= 0 && at < to; at = b.indexOf(NAME[0], at + 1)) {
    if (!startsWith(b, at, NAME)) continue;
    const close = b.indexOf(0x22, at + NAME.length);
    if (close >= 0 && close < to) return utf8.decode(b.subarray(at + NAME.length, close));
  }
  return '';
}

/**
 * OpenDocument repeats a row or cell with an attribute: a few bytes can ask for 1 048 576 rows of 16 384 filled
 * cells, and SheetJS expands them all. Count the filled cells the repeats stand for, sheet by sheet; the first
 * sheet past `maxRows` rows or `maxCells` cells is returned (the guards refuse it). Empty repeated cells
 * (self-closing, as LibreOffice writes the rest of a sheet) are not expanded and not counted.
 */
export function openDocumentExcess(content: Uint8Array, maxRows: number, maxCells: number): { sheet: string; what: 'rows' | 'cells' } | undefined {
  const b = content;
  let sheet = '';
  let rows = 0;
  let cells = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  let i = b.indexOf(LT);
  while (i >= 0) {
    let next = i + 1;
    if (startsWith(b, i + 1, ROW_END)) {
      next = i + 1 + ROW_END.length;
      if (rowCells > 0) {
        rows += rowRepeat;
        cells += rowRepeat * rowCells;
        if (rows > maxRows) return { sheet, what: 'rows' };
        if (cells > maxCells) return { sheet, what: 'cells' };
      }
    } else if (startsWith(b, i + 1, TABLE)) {
      const after = i + 1 + TABLE.length;
      const gt = b.indexOf(GT, after);
      if ((b[after] === GT || isSpaceAt(b, after)) && gt >= 0) {
        sheet = nameOf(b, after, gt);
        rows = 0;
        cells = 0;
        next = gt + 1;
      } else {
        const word = startsWith(b, i + 1, ROW) ? ROW : startsWith(b, i + 1, CELL) ? CELL : undefined;
        const end = word ? i + 1 + word.length : 0;
        if (word && (b[end] === GT || b[end] === SLASH || isSpaceAt(b, end)) && gt >= 0) {
          const selfClosing = b[gt - 1] === SLASH && gt - 1 >= end;
          if (word === ROW) {
            rowRepeat = selfClosing ? 0 : repeatOf(b, end, selfClosing ? gt - 1 : gt, ROWS_REPEATED);
            rowCells = 0;
          } else if (!selfClosing) rowCells += repeatOf(b, end, gt, COLUMNS_REPEATED);
          next = gt + 1;
        }
      }
    } else if (startsWith(b, i + 1, COVERED)) {
      const end = i + 1 + COVERED.length;
      const gt = b.indexOf(GT, end);
      if ((b[end] === GT || b[end] === SLASH || isSpaceAt(b, end)) && gt >= 0) {
        if (!(b[gt - 1] === SLASH && gt - 1 >= end)) rowCells += repeatOf(b, end, gt, COLUMNS_REPEATED);
        next = gt + 1;
      }
    }
    i = b.indexOf(LT, next);
  }
  return undefined;
}
