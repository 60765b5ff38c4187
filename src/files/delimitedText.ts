/**
 * A received CSV (or .txt table) read into rows without loading SheetJS: loading it costs a reading thread about half
 * a second of CPU (its code and code-page tables), and a region's folder often holds one form-less list (units.csv)
 * beside a thousand workbooks. The rows are the ones SheetJS's delimited-text reader gives with the options the merge
 * reads text with (raw values, no formatted text, a row limit): every field is kept as typed, a field opening with a
 * quote runs to its closing quote (across separators and line breaks), and its doubled quotes are one. Texts SheetJS
 * takes for another format by their first bytes (markup, SYLK, DIF, dBase, a «sep=» line…) are left to SheetJS
 * (undefined). src/files/delimitedText.test.ts holds the two readers to the same rows.
 */
import type { CellValue } from '../domain/grid';

/** First bytes (as UTF-8) after which SheetJS reads a text as delimited values, whatever follows. */
function readAsDelimited(text: string): boolean {
  if (text.startsWith('sep=') || text.startsWith('socialcalc:version:')) return false;
  const first = text.charCodeAt(0);
  // Whitespace, control characters, markup (<), SYLK (ID), DIF (TABLE), a zip (PK), RTF ({) and, past ASCII, the
  // three-byte characters (a second BOM, markup after one) all go elsewhere in SheetJS.
  if (!(first > 0x20) || first === 0x3c || first === 0x49 || first === 0x54 || first === 0x50 || first === 0x7b || first >= 0x800) return false;
  // dBase versions 0x30 and 0x31 ('0', '1') when the third and fourth bytes are control characters.
  if ((first === 0x30 || first === 0x31) && !(text.charCodeAt(2) > 12 && text.charCodeAt(3) > 31)) return false;
  return true;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * The text's rows (at most `maxRows`), each cell a non-empty string or null, rows and cells as far as the last
 * non-empty one; undefined when SheetJS would read the text as something other than delimited values.
 */
export function delimitedRows(text: string, delimiter: string, maxRows: number): CellValue[][] | undefined {
  if (!readAsDelimited(text)) return undefined;
  const separator = delimiter.charCodeAt(0);
  const rows: CellValue[][] = [];
  let row = 0;
  let col = 0;
  let from = 0;
  let quoted = false;
  // Ends the field [from, to); `next` is the character that ended it. True when the row limit is reached.
  const endField = (to: number, next: number): boolean => {
    let s = text.slice(from, to);
    if (s.endsWith('\r')) s = s.slice(0, -1);
    if (s.charCodeAt(0) === QUOTE && s.charCodeAt(s.length - 1) === QUOTE) s = s.slice(1, -1).replace(/""/g, '"');
    if (s !== '') {
      const cells = (rows[row] ??= []);
      while (cells.length < col) cells.push(null);
      cells[col] = s;
    }
    from = to + 1;
    quoted = false;
    if (next === separator) {
      col++;
      return false;
    }
    col = 0;
    row++;
    return row >= maxRows;
  };
  let at = 0;
  let code = 0;
  scan: for (; at < text.length; at++) {
    code = text.charCodeAt(at);
    if (code === QUOTE) {
      if (text.charCodeAt(from) === QUOTE) quoted = !quoted;
    } else if (quoted) continue;
    else if (code === CR) {
      if (text.charCodeAt(at + 1) === LF) at++;
      if (endField(at, CR)) break scan;
    } else if ((code === separator || code === LF) && endField(at, code)) break scan;
  }
  if (at - from > 0) endField(at, code);
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}
