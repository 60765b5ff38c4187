/**
 * The merge's fast path for the commonest received file: an .xlsx package read for its cell values, merged areas,
 * sheet names and visibility only — what receiving needs (no formulas, no styles beyond "is this a date").
 * SheetJS spends most of a school's file on things receiving never uses (it scans each sheet's XML with a dozen
 * regular expressions and builds a cell object per cell); this reads the same values in a third of the time,
 * guard included (bench/readers.ts: 2.2 vs 6.5 ms for a school's workbook).
 *
 * It reads only what it fully understands and answers `undefined` for anything else (a chart sheet, an unknown
 * cell type, a part it cannot find, a strict-OOXML namespace…): the caller then reads the file with SheetJS, so
 * an unusual file is never read wrongly, only more slowly. The guards (guards.ts) have checked the package first.
 * test/readers.agree.test.ts holds it to SheetJS's values on every workbook the tests write and on mutated ones.
 */
import type { CellValue, MergedArea } from '../domain/grid';
import { checkDeferred, GuardRefusal, packedPart, SheetTooLarge, type ZipEntry } from './guards';
import { countFast, declined, failsOnBug } from './fastReaderCounts';
import { isBuiltInDateFormat, isDateFormat, serialToIso } from './numberFormats';
export { isoDate } from './numberFormats';
import { withoutFormulaText } from './formulaText';
import { scratchBytes } from './reusedBytes';
import { attrs, isNameEnd, NotHandled, own, plainAttribute, plainItemText, prefixOf, stringItemText, unescapeXml } from './xlsxText';
import { cellRef, cellTag, decodeRef, plainCell, plainRowNumber, refAt, styleAt } from './xlsxCellTags';

/**
 * How parts become text: inflate one raw deflate stream (Node's zlib on the command line, pako in the pane) and
 * decode UTF-8 (Node's Buffer decodes several times faster than TextDecoder).
 */
export interface PartCodec {
  inflate(packed: Uint8Array): Uint8Array;
  utf8(bytes: Uint8Array): string;
  /**
   * Optional (Node): the bytes one character each (latin1), and such a text's UTF-8 read back. A sheet's markup is
   * ASCII, and a UTF-8 sequence never holds an ASCII byte, so the sheet is scanned in this form — a tenth of the
   * cost of decoding UTF-8, most of a school's non-ASCII bytes being formulas the reader skips — and only the
   * values that hold other bytes are decoded as UTF-8.
   */
  latin1?(bytes: Uint8Array): string;
  utf8OfLatin1?(text: string): string;
  /** Optional: whether the bytes are all ASCII (then nothing scanned from them needs reading back). */
  isAscii?(bytes: Uint8Array): boolean;
}

/** Whether a text holds a character past ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

export interface XlsxSheetValues {
  name: string;
  hidden: boolean;
  cells: CellValue[][];
  merges: MergedArea[];
}

export { addFastReaderCounts, failOnFastReaderBug, fastReaderCounts, type FastReaderCounts } from './fastReaderCounts';

/** A part's bytes, inflated (or as the guards kept them), or undefined when the package has no such part. */
function partBytes(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string, codec: PartCodec): Uint8Array | undefined {
  const e = entries.get(name.toLowerCase());
  if (!e) return undefined;
  checkDeferred(e);
  if (e.inflated) return e.inflated;
  const packed = packedPart(bytes, e);
  if (e.method === 0) return packed;
  if (e.method !== 8) throw new NotHandled('сжатие не deflate');
  try {
    return codec.inflate(packed);
  } catch {
    throw new NotHandled('часть не распаковывается');
  }
}

function partText(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string, codec: PartCodec): string | undefined {
  const data = partBytes(bytes, entries, name, codec);
  return data && codec.utf8(data);
}

/**
 * Big parts are decoded in pieces of at most this many bytes. A string past ~128 KB goes to V8's large-object
 * space, and on the machines measured each such string cost over a millisecond (a sheet of 190 KB: 1.3 ms whole,
 * 0.03 ms in pieces); a piece of 48 KB stays under that as UTF-16 whatever its text.
 */
const PIECE_BYTES = 48 * 1024;

/** Where `<{prefix}{tag}` starts at `at` in the bytes (`<` never occurs inside a UTF-8 sequence). */
function startsTag(data: Uint8Array, at: number, pattern: Uint8Array): boolean {
  for (let i = 0; i < pattern.length; i++) if (data[at + i] !== pattern[i]) return false;
  return isNameEnd(data[at + pattern.length]);
}

/**
 * The part's text in pieces, each cut just before a `<{prefix}{tag}` start tag (a row of a sheet, an item of the
 * shared strings), so no element the readers look at straddles two pieces. Small parts are one piece.
 */
function textPieces(data: Uint8Array, codec: PartCodec, root: string, tag: string, decode: (bytes: Uint8Array) => string = codec.utf8): { prefix: string; pieces: string[]; starts: number[] } {
  const head = codec.utf8(data.subarray(0, Math.min(data.length, 4096)));
  const prefix = new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(head)?.[1];
  if (prefix === undefined && !new RegExp(`<${root}[\\s>]`).test(head)) throw new NotHandled('нет корневого тега');
  const p = prefix ?? '';
  if (data.length <= PIECE_BYTES) return { prefix: p, pieces: [decode(data)], starts: [0] };
  const pattern = new TextEncoder().encode(`<${p}${tag}`);
  const pieces: string[] = [];
  const starts: number[] = [];
  let from = 0;
  while (data.length - from > PIECE_BYTES) {
    let cut = -1;
    for (let at = from + PIECE_BYTES; at > from; at--) if (data[at] === 60 && startsTag(data, at, pattern)) { cut = at; break; }
    // One element longer than a piece (a row of thousands of cells): cut after it instead.
    if (cut < 0) for (let at = from + PIECE_BYTES; at < data.length; at++) if (data[at] === 60 && startsTag(data, at, pattern)) { cut = at; break; }
    if (cut < 0) break;
    pieces.push(decode(data.subarray(from, cut)));
    starts.push(from);
    from = cut;
  }
  pieces.push(decode(data.subarray(from)));
  starts.push(from);
  return { prefix: p, pieces, starts };
}

function sharedStrings(data: Uint8Array | undefined, codec: PartCodec): string[] {
  if (data === undefined) return [];
  const { prefix: p, pieces } = textPieces(data, codec, 'sst', 'si');
  if (pieces[pieces.length - 1].indexOf(`</${p}sst>`) < 0) throw new NotHandled('общие строки обрезаны'); // cut short
  const out: string[] = [];
  const open = `<${p}si`;
  const close = `</${p}si>`;
  for (const xml of pieces)
    for (let at = xml.indexOf(open); at >= 0; ) {
      if (!isNameEnd(xml.charCodeAt(at + open.length))) {
        at = xml.indexOf(open, at + 1);
        continue;
      }
      const gt = xml.indexOf('>', at);
      if (xml.charCodeAt(gt - 1) === 47) {
        out.push('');
        at = xml.indexOf(open, gt);
        continue;
      }
      const end = xml.indexOf(close, gt);
      if (end < 0) throw new NotHandled('строка без конца');
      out.push(stringItemText(xml.slice(gt + 1, end), p));
      at = xml.indexOf(open, end);
    }
  return out;
}

/**
 * For each cell style (the `s` of a cell), whether its number format shows a date or time; remembered by the styles
 * part's text, which the schools' copies of one blank share (read only: the answer is shared).
 */
const datesOfStyles = new Map<string, boolean[]>();
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  let dates = datesOfStyles.get(xml);
  if (dates === undefined) {
    dates = readDateStyles(xml);
    if (datesOfStyles.size >= 64) datesOfStyles.clear();
    datesOfStyles.set(xml, dates);
  }
  return dates;
}

function readDateStyles(xml: string): boolean[] {
  const p = /<(\w+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? '';
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${p}numFmt\\s[^>]*>`, 'g'))) {
    const { numFmtId: id, formatCode: code } = attrs(m[0]);
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const isDate = new Map<number, boolean>();
  const formatIsDate = (id: number): boolean => {
    let known = isDate.get(id);
    if (known === undefined) {
      const code = custom.get(id);
      known = code !== undefined ? isDateFormat(code) : isBuiltInDateFormat(id);
      isDate.set(id, known);
    }
    return known;
  };
  const xfs = new RegExp(`<${p}cellXfs\\b[^>]*>([\\s\\S]*?)</${p}cellXfs>`).exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(new RegExp(`<${p}xf\\b[^>]*>`, 'g'))].map((m) => formatIsDate(Number(attrs(m[0]).numFmtId ?? 0)));
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
  maxRows: number;
}

function cellValue(type: string | undefined, raw: string | undefined, inline: string | undefined, style: number | undefined, ctx: SheetContext): CellValue {
  switch (type ?? 'n') {
    case 'n': {
      if (raw === undefined || raw === '') return null;
      const n = parseFloat(raw);
      // A cell without a style is General, never a date, whatever the first style says.
      return style !== undefined && ctx.dates[style] && Number.isFinite(n) ? serialToIso(n, ctx.date1904) : n;
    }
    case 's': {
      if (raw === undefined) return null;
      const s = ctx.strings[parseInt(raw, 10)];
      if (s === undefined) throw new NotHandled('нет общей строки');
      return s === '' ? null : s;
    }
    case 'str':
      return raw ? own(unescapeXml(raw)) : null;
    case 'inlineStr':
      return inline ? inline || null : null;
    case 'b':
      return raw === undefined ? null : raw === '1' || raw === 'true';
    case 'e':
      return raw ? own(raw) : null;
    case 'd':
      // An ISO date cell with no value is empty, as `<c t="d"/>` is; SheetJS reads such a sheet as having no cells at
      // all, so it is not handed over. One with a value goes to SheetJS, which knows them.
      if (raw === undefined) return null;
      throw new NotHandled('тип ячейки не поддержан');
    default:
      throw new NotHandled('тип ячейки не поддержан'); // anything newer: SheetJS may know it
  }
}

/** The sheet without its formulas' text, made in one reused buffer: each sheet is made and read before the next. */
const sheetScratch = scratchBytes();

function worksheet(whole: Uint8Array, codec: PartCodec, ctx: SheetContext): { cells: CellValue[][]; merges: MergedArea[] } {
  // Formulas are passed over: their text is not decoded at all (formulaText.ts).
  const root = /<(\w+:)?worksheet[\s>]/.exec(codec.utf8(whole.subarray(0, Math.min(whole.length, 4096))));
  // Read to the end before this function returns (nothing keeps a view of it): the buffer serves the next sheet.
  const data = root ? withoutFormulaText(whole, root[1] ?? '', sheetScratch) : whole;
  // Scanned one byte a character where the host can (see PartCodec.latin1); `text` reads a value back as UTF-8.
  const { latin1, utf8OfLatin1 } = codec;
  const binary = latin1 !== undefined && utf8OfLatin1 !== undefined;
  let ascii = false; // the piece being scanned is all ASCII
  const text = binary ? (s: string) => (ascii || !NON_ASCII.test(s) ? s : utf8OfLatin1(s)) : (s: string) => s;
  const { prefix: p, pieces, starts } = textPieces(data, codec, 'worksheet', 'row', binary ? latin1 : codec.utf8);
  const cells: CellValue[][] = [];
  const dataOpen = `<${p}sheetData`;
  const dataClose = `</${p}sheetData>`;
  const rowOpen = `<${p}row`;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const isOpen = `<${p}is`;
  const vTag = `<${p}v>`;
  const isTag = `<${p}is>`;
  const isClose = `</${p}is>`;
  const plainInline = `<${p}is><${p}t>`;
  const plainInlineEnd = `</${p}t></${p}is></${p}c>`;
  let row = 0;
  let col = -1;
  // Where the cells end: the piece and the offset of </sheetData> (the merged areas follow it).
  let endPiece = pieces.length - 1;
  let endAt = -1;
  let first = pieces.findIndex((x) => x.indexOf(dataOpen) >= 0);
  if (first < 0) first = pieces.length; // no sheetData: no cells
  else {
    const open = pieces[first].indexOf(dataOpen);
    const openEnd = pieces[first].indexOf('>', open);
    if (pieces[first].charCodeAt(openEnd - 1) === 47) {
      endPiece = first; // <sheetData/>
      endAt = openEnd;
      first = pieces.length;
    }
  }
  scan: for (let k = first; k < pieces.length; k++) {
    const xml = pieces[k];
    ascii = binary && codec.isAscii !== undefined && codec.isAscii(data.subarray(starts[k], k + 1 < starts.length ? starts[k + 1] : data.length));
    const stop = xml.indexOf(dataClose);
    const limit = stop < 0 ? xml.length : stop;
    let at = xml.indexOf('<', k === first ? xml.indexOf(dataOpen) + 1 : 0);
    while (at >= 0 && at < limit) {
      const gt = xml.indexOf('>', at);
      if (gt < 0) throw new NotHandled('повреждённый тег');
      if (xml.startsWith(rowOpen, at) && isNameEnd(xml.charCodeAt(at + rowOpen.length))) {
        const plain = plainRowNumber(xml, at + rowOpen.length, gt);
        const r = plain === undefined ? attrs(text(xml.slice(at, gt + 1))).r : undefined;
        row = plain ?? (r !== undefined ? Number(r) : row + 1);
        if (!Number.isInteger(row) || row < 1) throw new NotHandled('неверный номер строки');
        if (row > ctx.maxRows) break scan;
        col = -1;
        at = xml.indexOf('<', gt + 1);
        continue;
      }
      if (xml.startsWith(cellOpen, at) && isNameEnd(xml.charCodeAt(at + cellOpen.length))) {
        let type: string | undefined;
        let style: number | undefined;
        let hasRef: boolean;
        if (cellTag(xml, at + cellOpen.length, gt)) {
          type = plainCell.t;
          hasRef = plainCell.r >= 0;
          if (hasRef) col = refAt(xml, plainCell.r, plainCell.rEnd);
          if (plainCell.s >= 0) style = styleAt(xml, plainCell.s, plainCell.sEnd);
        } else {
          const tag = attrs(text(xml.slice(at, gt + 1)));
          type = tag.t;
          hasRef = tag.r !== undefined;
          if (hasRef) col = refAt(tag.r!, 0, tag.r!.length);
          if (tag.s !== undefined) style = Number(tag.s);
        }
        if (!hasRef) col++;
        else if (cellRef.row !== row) throw new NotHandled('ячейка не в своей строке'); // a cell filed under another row: leave it to SheetJS
        if (xml.charCodeAt(gt - 1) === 47) {
          at = xml.indexOf('<', gt + 1);
          continue; // <c …/>: formatted, empty
        }
        if (xml.startsWith(cellClose, gt + 1)) {
          // <c …></c>: formatted, empty, with an end tag (openpyxl's styled cells, most of such a sheet). Its type is
          // still one this reader knows, or the file goes to SheetJS as below.
          cellValue(type, undefined, undefined, style, ctx);
          at = xml.indexOf('<', gt + 1 + cellClose.length);
          continue;
        }
        if (type === 'inlineStr' && xml.startsWith(plainInline, gt + 1)) {
          // <is><t>…</t></is> and nothing else (openpyxl's every inline string): its text read in place, once,
          // instead of searched again for runs, phonetic runs and CDATA.
          const from = gt + 1 + plainInline.length;
          const lt = xml.indexOf('<', from);
          if (lt >= 0 && xml.startsWith(plainInlineEnd, lt)) {
            const value = plainItemText(text(xml.slice(from, lt)));
            if (value !== '') (cells[row - 1] ??= [])[col] = value;
            at = xml.indexOf('<', lt + plainInlineEnd.length);
            continue;
          }
        }
        const end = xml.indexOf(cellClose, gt);
        if (end < 0 || end > limit) throw new NotHandled('ячейка без конца');
        let raw: string | undefined;
        let inline: string | undefined;
        // The usual cell holds nothing but its value, `<v>…</v>` (or its inline string, `<is>…</is>`): read in place,
        // without first copying the cell's markup and searching it three times (every cell of every received sheet).
        // Anything else — attributes, a formula, markup inside — takes the general way below, as before.
        const from = gt + 1;
        let plain = false;
        if (xml.startsWith(vTag, from)) {
          const vend = xml.indexOf(vClose, from);
          if (vend >= 0 && vend + vClose.length === end) {
            const value = xml.slice(from + vTag.length, vend);
            if (value.indexOf('<') < 0) {
              raw = value === '' ? undefined : text(value);
              plain = true;
            }
          }
        } else if (type === 'inlineStr' && xml.startsWith(isTag, from)) {
          const isEnd = xml.indexOf(isClose, from);
          if (isEnd >= 0 && isEnd + isClose.length === end) {
            const si = xml.slice(from + isTag.length, isEnd);
            if (si.indexOf(cellOpen) < 0 && si.indexOf(vOpen) < 0) {
              inline = stringItemText(text(si), p);
              plain = true;
            }
          }
        }
        if (!plain) {
          const body = xml.slice(from, end);
          // Another cell's start inside this one: a damaged sheet, which SheetJS reads its own way.
          if (body.indexOf(cellOpen) >= 0) throw new NotHandled('ячейка внутри ячейки');
          let v = body.indexOf(vOpen);
          while (v >= 0 && !isNameEnd(body.charCodeAt(v + vOpen.length))) v = body.indexOf(vOpen, v + 1);
          if (v >= 0) {
            const vgt = body.indexOf('>', v);
            if (body.charCodeAt(vgt - 1) !== 47) {
              const vend = body.indexOf(vClose, vgt);
              if (vend < 0) throw new NotHandled('значение без конца');
              raw = body.slice(vgt + 1, vend);
              if (raw.indexOf('<') >= 0) throw new NotHandled('разметка в значении'); // markup inside a value: damaged
              raw = raw === '' ? undefined : text(raw);
            }
          }
          if (type === 'inlineStr') {
            const i = body.indexOf(isOpen);
            if (i >= 0) inline = stringItemText(text(body.slice(body.indexOf('>', i) + 1, body.indexOf(isClose, i))), p);
          }
        }
        if (type !== 'inlineStr' && raw !== undefined) raw = unescapeXml(raw);
        const value = cellValue(type, raw, inline, style, ctx);
        if (value !== null) (cells[row - 1] ??= [])[col] = value;
        at = xml.indexOf('<', end + cellClose.length);
        continue;
      }
      // Any other markup (</row>, <f>, extensions) is passed over; a `<` that starts no tag at all is damage.
      const next = xml.charCodeAt(at + 1);
      if (isNameEnd(next) && next !== 47 /* / */ && next !== 63 /* ? */ && next !== 33 /* ! */) throw new NotHandled('неизвестный тег');
      at = xml.indexOf('<', gt + 1);
    }
    if (stop >= 0) {
      endPiece = k;
      endAt = stop;
      break;
    }
  }
  // A sheet cut short (a truncated or damaged part) is not read in part: SheetJS decides what to make of it.
  if (first < pieces.length && endAt < 0) throw new NotHandled('лист обрезан');
  if (pieces[pieces.length - 1].indexOf(`</${p}worksheet>`) < 0) throw new NotHandled('лист обрезан');
  const merges: MergedArea[] = [];
  const mergeOpen = new RegExp(`<${p}mergeCell\\s[^>]*>`, 'g');
  const mergeTag = `<${p}mergeCell`;
  for (let k = endPiece; k < pieces.length; k++) {
    const skip = k === endPiece ? Math.max(0, endAt) : 0;
    let xml = pieces[k];
    mergeOpen.lastIndex = skip;
    if (binary) {
      // Scanned one byte a character: the merged areas' tags (from the first to the end of the last) are read again
      // as UTF-8, for the regular expression's \s knows characters, not bytes.
      const first = xml.indexOf(mergeTag, skip);
      if (first < 0) continue;
      const gt = xml.indexOf('>', xml.lastIndexOf(mergeTag));
      xml = codec.utf8(data.subarray(starts[k] + first, starts[k] + (gt < 0 ? xml.length : gt + 1)));
      mergeOpen.lastIndex = 0;
    }
    for (let m = mergeOpen.exec(xml); m; m = mergeOpen.exec(xml)) {
      const plain = plainAttribute(m[0], mergeTag.length, m[0].length - 1, 'ref');
      const ref = plain !== undefined ? plain : attrs(m[0]).ref;
      if (!ref) continue;
      const [a, b = a] = ref.split(':');
      const from = decodeRef(a);
      const to = decodeRef(b);
      merges.push({ top: from.row, left: from.col + 1, bottom: to.row, right: to.col + 1 });
    }
  }
  // Rows as SheetJS's dense sheets give them: every row up to the last, holes filled with null.
  for (let r = 0; r < cells.length; r++) {
    const line = (cells[r] ??= []);
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
  return { cells, merges };
}

/** Resolves a relationship target against the workbook part's folder (xl/). */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * The sheets of an .xlsx package, or undefined when it holds anything this reader leaves to SheetJS.
 * `maxRows`: rows past it are not read (the guards have already refused a sheet with more).
 */
export function readXlsxValues(
  bytes: Uint8Array,
  zip: ZipEntry[],
  codec: PartCodec,
  maxRows: number,
  /** Sheets whose cells are read; the others are listed by name, empty (default: all). */
  wanted: (sheet: string) => boolean = () => true,
): XlsxSheetValues[] | undefined {
  try {
    const entries = new Map(zip.map((e) => [e.name.toLowerCase(), e]));
    if (entries.has('xl/workbook.bin') || !entries.has('xl/workbook.xml')) return declined('нет xl/workbook.xml (xlsb?)');
    const workbook = partText(bytes, entries, 'xl/workbook.xml', codec)!;
    const rels = partText(bytes, entries, 'xl/_rels/workbook.xml.rels', codec);
    if (rels === undefined) return declined('нет связей книги');
    const wp = prefixOf(workbook, 'workbook');
    if (!/xmlns(?::\w+)?="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/.test(workbook)) return declined('strict OOXML'); // strict OOXML
    const targets = new Map<string, { target: string; type: string }>();
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      const { Id: id, Target: target, Type: type } = attrs(m[0]);
      if (id && target) targets.set(id, { target, type: type ?? '' });
    }
    const date1904 = /<(?:\w+:)?workbookPr\s[^>]*date1904\s*=\s*["'](?:1|true)["']/.test(workbook);
    let strings: string[] = [];
    let dates: boolean[] = [];
    for (const t of targets.values()) {
      if (t.type.endsWith('/sharedStrings')) strings = sharedStrings(partBytes(bytes, entries, partPath(t.target), codec), codec);
      if (t.type.endsWith('/styles')) dates = dateStyles(partText(bytes, entries, partPath(t.target), codec));
    }
    const ctx: SheetContext = { strings, dates, date1904, maxRows };
    const sheets: XlsxSheetValues[] = [];
    for (const m of workbook.matchAll(new RegExp(`<${wp}sheet\\s[^>]*>`, 'g'))) {
      const tag = attrs(m[0]);
      const name = tag.name === undefined ? undefined : own(tag.name);
      const relId = Object.keys(tag).find((k) => k.endsWith(':id'));
      const rel = targets.get(relId ? tag[relId] : '');
      if (name === undefined || !rel || !rel.type.endsWith('/worksheet')) return declined('лист диаграммы или диалога'); // chart and dialog sheets
      // Only a wanted sheet's part is inflated: a region's plan sheet read back for nothing took seconds.
      const part = partPath(rel.target);
      if (!entries.has(part.toLowerCase())) return declined('нет части листа');
      const state = tag.state;
      const hidden = state === 'hidden' || state === 'veryHidden';
      sheets.push({ name, hidden, ...(wanted(name) ? worksheet(partBytes(bytes, entries, part, codec)!, codec, ctx) : { cells: [], merges: [] }) });
    }
    if (!sheets.length) return declined('нет листов');
    countFast();
    return sheets;
  } catch (e) {
    // A file declined, or a part that does not inflate: SheetJS reads it, or says why not in its own way.
    if (e instanceof NotHandled) return declined(e.message);
    // A deferred part the guards refuse (checkDeferred): refused as the guards refuse, not read another way.
    if (e instanceof GuardRefusal || e instanceof SheetTooLarge) throw e;
    if (failsOnBug()) throw e;
    return declined(`ошибка чтения: ${(e as Error)?.message ?? String(e)}`);
  }
}
