/**
 * The start tags of a sheet's rows and cells as the fast .xlsx reader (xlsxValues.ts) reads them: written plainly
 * (as nearly every writer writes them), read in place — no regular expression, no new object, no copy of a
 * reference — for they are the tags of every cell of every received sheet. Anything written otherwise is left to
 * the strict general reader (xlsxText.ts `attrs`).
 */
import { NotHandled, plainAttribute } from './xlsxText';

/** The row of the reference refAt read last (a number, not an object a cell). */
export const cellRef = { row: 0 };

/**
 * Column number (0-based) of the A1 reference between `from` and `to` in the text, its row (1-based, after the
 * letters) left in cellRef.row: read in place, without cutting the reference out, as for every cell of every received
 * sheet. Row digits are read as digits; anything else after the letters is read as Number() reads it, as before.
 */
export function refAt(text: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  let k = i;
  if (to - i <= 9)
    for (; k < to; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      row = row * 10 + d;
    }
  if (k !== to) row = Number(text.slice(i, to));
  if (i === from || !Number.isInteger(row) || row < 1) throw new NotHandled('неверный адрес ячейки');
  cellRef.row = row;
  return col - 1;
}

/** Column number (0-based) of an A1 reference's letters, and the row (1-based) after them. */
export function decodeRef(ref: string): { col: number; row: number } {
  const col = refAt(ref, 0, ref.length);
  return { col, row: cellRef.row };
}

/** A style index (`s`) between `from` and `to`: digits read in place; anything else as Number() reads it. */
export function styleAt(text: string, from: number, to: number): number {
  if (to === from || to - from > 9) return Number(text.slice(from, to));
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return Number(text.slice(from, to));
    n = n * 10 + d;
  }
  return n;
}

/**
 * A cell's start tag as cellTag reads it, reused from cell to cell (one object, not one a cell): where the values of
 * `r` and `s` lie in the text (-1: absent), and the value of `t`.
 */
export const plainCell = { r: -1, rEnd: 0, s: -1, sEnd: 0, t: undefined as string | undefined };

/**
 * The `r`, `s` and `t` of a cell's start tag as nearly every writer writes it (`<c r="B7" s="3" t="s">`, double
 * quotes, single spaces, no entities), read without a regular expression, a new object or a copy of `r` and `s`:
 * the tag of every cell of every received sheet. False for anything else (another attribute, a reference, odd
 * spacing): the strict general reader (attrs) takes the tag.
 */
export function cellTag(xml: string, from: number, gt: number): boolean {
  plainCell.r = plainCell.s = -1;
  plainCell.t = undefined;
  let i = from;
  for (;;) {
    if (i === gt) return true;
    if (xml.charCodeAt(i) === 47 /* / */ && i + 1 === gt) return true;
    if (xml.charCodeAt(i) !== 32 /* space */) return false;
    const name = xml.charCodeAt(i + 1);
    if (xml.charCodeAt(i + 2) !== 61 /* = */ || xml.charCodeAt(i + 3) !== 34 /* " */) return false;
    const end = xml.indexOf('"', i + 4);
    if (end < 0 || end >= gt) return false;
    for (let k = i + 4; k < end; k++) {
      const c = xml.charCodeAt(k);
      // (and past ASCII: a sheet scanned one byte a character has its UTF-8 read by attrs, through `text`)
      if (c === 38 /* & */ || c === 60 /* < */ || c > 127) return false;
    }
    if (name === 114 /* r */ && plainCell.r < 0) {
      plainCell.r = i + 4;
      plainCell.rEnd = end;
    } else if (name === 115 /* s */ && plainCell.s < 0) {
      plainCell.s = i + 4;
      plainCell.sEnd = end;
    } else if (name === 116 /* t */ && plainCell.t === undefined) plainCell.t = xml.slice(i + 4, end);
    else return false; // another attribute, or one twice
    i = end + 1;
  }
}

/**
 * The row number of a row's start tag written plainly (see plainAttribute: openpyxl's `<row r="12">`, Excel's with
 * `spans`, `ht`, `x14ac:dyDescent` beside it) when `r` is digits; undefined for any other tag, which the strict
 * general reader (attrs) takes as before.
 */
export function plainRowNumber(xml: string, from: number, gt: number): number | undefined {
  const r = plainAttribute(xml, from, gt, 'r');
  if (!r || r.length > 9) return undefined;
  let n = 0;
  for (let i = 0; i < r.length; i++) {
    const d = r.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}
