/**
 * Word 97–2003 binary documents (.doc, [MS-DOC]) → paragraphs and tables. No maintained JavaScript library reads a
 * .doc's tables (word-extractor, the one in use, gives the text with cell and row marks both turned into tabs), so
 * this reads what the forms need and nothing more: the container with SheetJS's CFB reader (already a dependency),
 * the text through the piece table (Clx), and from the paragraph properties (PAPX in FKP pages) which paragraphs are
 * table cells, which end a row, and the row's cell edges and merges (sprmTDefTable). Fields show their result,
 * not their code; pictures, notes and headers are not read. A Word 6/95 file or an encrypted one is refused.
 */
import type * as XLSX from '@e965/xlsx';
import { sheetjs } from './sheetjs';
import type { DocBlock, DocCell } from './documentGrid';
import { DocumentTooLarge } from './documentGrid';
import { compoundFile, LIMITS } from './guards';

/** A .doc that cannot be read; `encrypted` when Word protected it with a password. */
export class WordBinaryError extends Error {
  constructor(
    message: string,
    readonly encrypted = false,
  ) {
    super(message);
    this.name = 'WordBinaryError';
  }
}

const DAMAGED = 'файл Word повреждён или имеет неизвестное строение';

class Bytes {
  constructor(readonly b: Uint8Array) {}
  u8(at: number): number {
    if (at < 0 || at >= this.b.length) throw new WordBinaryError(DAMAGED);
    return this.b[at];
  }
  u16(at: number): number {
    return this.u8(at) | (this.u8(at + 1) << 8);
  }
  i16(at: number): number {
    const v = this.u16(at);
    return v >= 0x8000 ? v - 0x10000 : v;
  }
  u32(at: number): number {
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }
}

type Container = ReturnType<typeof XLSX.CFB.read>;

/**
 * A stream at the container's root. The leading «/» matters: by a bare name SheetJS finds the first stream so
 * called anywhere, and an embedded object (ObjectPool/_…/, [MS-DOC] 2.1.10) has its own «WordDocument», «1Table»
 * and «Data» — a Word object pasted into the form would be read instead of the form.
 */
function stream(cfb: Container, name: string): Uint8Array | undefined {
  const e = sheetjs().CFB.find(cfb, `/${name}`) as { content?: ArrayLike<number> } | null;
  return e?.content ? Uint8Array.from(e.content as ArrayLike<number>) : undefined;
}

/** A run of text in the document: its characters' positions in the WordDocument stream. */
interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the first character. */
  fc: number;
  compressed: boolean;
}

function pieces(table: Bytes, fcClx: number, lcbClx: number): Piece[] {
  let at = fcClx;
  const end = fcClx + lcbClx;
  // RgPrc: property modifiers, skipped.
  while (at < end && table.u8(at) === 0x01) at += 3 + table.i16(at + 1);
  if (table.u8(at) !== 0x02) throw new WordBinaryError(DAMAGED);
  const lcb = table.u32(at + 1);
  const plc = at + 5;
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1) throw new WordBinaryError(DAMAGED);
  const out: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const pcd = plc + 4 * (n + 1) + 8 * i;
    const fcCompressed = table.u32(pcd + 2);
    const compressed = (fcCompressed & 0x40000000) !== 0;
    const fc = fcCompressed & 0x3fffffff;
    out.push({ cpStart: table.u32(plc + 4 * i), cpEnd: table.u32(plc + 4 * (i + 1)), fc: compressed ? fc / 2 : fc, compressed });
  }
  return out;
}

/** Paragraph properties the reader needs, for the paragraph whose mark lies in [fcStart, fcEnd). */
interface ParaProps {
  fcStart: number;
  fcEnd: number;
  inTable: boolean;
  rowEnd: boolean;
  depth: number;
  /** sprmTDefTable's operand (at a row's end). */
  tdef?: Uint8Array;
}

/** Operand size of a sprm by its spra (bits 13–15); variable ones say their length first. */
function sprmLength(grpprl: Bytes, at: number, sprm: number): number {
  const spra = sprm >> 13;
  if (spra === 0 || spra === 1) return 1;
  if (spra === 2 || spra === 4 || spra === 5) return 2;
  if (spra === 3) return 4;
  if (spra === 7) return 3;
  if (sprm === 0xd608 || sprm === 0xd606) return 2 + grpprl.u16(at) - 1; // TDefTable: cb is two bytes
  return 1 + grpprl.u8(at);
}

/** The sprms the reader needs from a PAPX's grpprl in [from, to). */
function readSprms(b: Bytes, from: number, to: number, props: ParaProps, data: Bytes | undefined, huge = false): void {
  for (let at = from; at + 2 <= to; ) {
    const sprm = b.u16(at);
    const len = sprmLength(b, at + 2, sprm);
    if (sprm === 0x2416) props.inTable = b.u8(at + 2) !== 0;
    else if (sprm === 0x2417) props.rowEnd = b.u8(at + 2) !== 0;
    else if (sprm === 0x6649) props.depth = b.u32(at + 2);
    else if (sprm === 0xd608) props.tdef = b.b.slice(at + 4, at + 2 + len);
    else if (sprm === 0x6646 && data && !huge) {
      // sprmPHugePapx: properties too large for the page (a row's cell definitions) live in the Data stream.
      const off = b.u32(at + 2);
      readSprms(data, off + 2, off + 2 + data.u16(off), props, data, true);
    }
    at += 2 + len;
  }
}

function paraProps(doc: Bytes, table: Bytes, data: Bytes | undefined, fcPlcf: number, lcbPlcf: number): ParaProps[] {
  const n = (lcbPlcf - 4) / 8;
  if (!Number.isInteger(n) || n < 0) throw new WordBinaryError(DAMAGED);
  const out: ParaProps[] = [];
  for (let i = 0; i < n; i++) {
    const pn = table.u32(fcPlcf + 4 * (n + 1) + 4 * i) & 0x3fffff;
    const page = pn * 512;
    const crun = doc.u8(page + 511);
    for (let k = 0; k < crun; k++) {
      const props: ParaProps = { fcStart: doc.u32(page + 4 * k), fcEnd: doc.u32(page + 4 * (k + 1)), inTable: false, rowEnd: false, depth: 0 };
      const bOffset = doc.u8(page + 4 * (crun + 1) + 13 * k);
      if (bOffset !== 0) {
        const off = page + 2 * bOffset;
        let cb = doc.u8(off);
        let start = off + 1;
        if (cb === 0) {
          cb = 2 * doc.u8(off + 1);
          start = off + 2;
        } else cb = 2 * cb - 1;
        // istd (2 bytes), then the sprms.
        readSprms(doc, start + 2, start + cb, props, data);
      }
      out.push(props);
    }
  }
  return out.sort((a, b) => a.fcStart - b.fcStart);
}

function propsAt(all: ParaProps[], fc: number): ParaProps | undefined {
  let lo = 0;
  let hi = all.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].fcEnd <= fc) lo = mid + 1;
    else if (all[mid].fcStart > fc) hi = mid - 1;
    else return all[mid];
  }
  return undefined;
}

/** Field codes out (\x13 code \x14 result \x15 → result), Word's marks turned into text or dropped. */
function clean(text: string): string {
  let out = '';
  const stack: boolean[] = []; // per open field: whether its result has begun
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 0x13) stack.push(false);
    else if (c === 0x14) {
      if (stack.length) stack[stack.length - 1] = true;
    } else if (c === 0x15) stack.pop();
    else if (stack.length && !stack[stack.length - 1]) continue;
    else if (c === 0x0b || c === 0x0c) out += '\n';
    else if (c === 0x09) out += '\t';
    else if (c === 0x1e) out += '-';
    else if (c < 0x20 || c === 0x1f) continue;
    else out += ch;
  }
  return out;
}

/** The row's cells from sprmTDefTable: their edges (twips) and merge flags. */
function rowDefinition(tdef: Uint8Array | undefined, cells: number): { edges: number[]; horz: number[]; vert: number[] } | undefined {
  if (!tdef || tdef.length < 1) return undefined;
  const b = new Bytes(tdef);
  const itcMac = b.u8(0);
  if (itcMac !== cells || tdef.length < 1 + 2 * (itcMac + 1)) return undefined;
  const edges = Array.from({ length: itcMac + 1 }, (_, i) => b.i16(1 + 2 * i));
  const tcs = 1 + 2 * (itcMac + 1);
  const horz: number[] = [];
  const vert: number[] = [];
  for (let i = 0; i < itcMac; i++) {
    const at = tcs + 20 * i;
    const grf = at + 2 <= tdef.length ? b.u16(at) : 0;
    horz.push(grf & 0x3);
    vert.push((grf >> 5) & 0x3);
  }
  return { edges, horz, vert };
}

interface RawRow {
  texts: string[];
  def?: ReturnType<typeof rowDefinition>;
}

/** Rows → cells with spans on the table's common grid of cell edges. */
function tableBlock(rows: RawRow[]): DocBlock {
  const edges = [...new Set(rows.flatMap((r) => r.def?.edges ?? []))].sort((a, b) => a - b);
  // Edges a few twips apart are one edge (rows drawn by hand rarely line up exactly).
  const grid: number[] = [];
  for (const e of edges) if (grid.length === 0 || e - grid[grid.length - 1] > 30) grid.push(e);
  const index = (x: number) => grid.reduce((best, g, i) => (Math.abs(g - x) < Math.abs(grid[best] - x) ? i : best), 0);
  return {
    kind: 'table',
    table: {
      rows: rows.map((r) => {
        const d = r.def;
        const cells: DocCell[] = r.texts.map((text, i) => {
          const colSpan = d ? Math.max(1, index(d.edges[i + 1]) - index(d.edges[i])) : 1;
          const cell: DocCell = { text, colSpan };
          if (d?.vert[i] === 3) cell.vMerge = 'restart';
          else if (d?.vert[i] === 1) cell.vMerge = 'continue';
          return cell;
        });
        // Old-style horizontal merges: a first cell (1) and the cells merged into it (2).
        for (let i = cells.length - 1; i > 0; i--)
          if (d?.horz[i] === 2) {
            cells[i - 1].colSpan += cells[i].colSpan;
            cells.splice(i, 1);
          }
        return cells;
      }),
      before: rows.map((r) => (r.def && grid.length ? index(r.def.edges[0]) : 0)),
    },
  };
}

export function docBlocks(bytes: Uint8Array): DocBlock[] {
  let cfb: Container;
  try {
    cfb = compoundFile(bytes); // parsed already by the guard that found it is Word's
  } catch {
    throw new WordBinaryError(DAMAGED);
  }
  const wordDocument = stream(cfb, 'WordDocument');
  if (!wordDocument) throw new WordBinaryError(DAMAGED);
  const doc = new Bytes(wordDocument);
  if (doc.u16(0) !== 0xa5ec) throw new WordBinaryError(DAMAGED);
  const nFib = doc.u16(2);
  const flags = doc.u16(0x0a);
  if (flags & 0x0100) throw new WordBinaryError('документ защищён паролем', true);
  if (nFib < 0x00c1) throw new WordBinaryError('это документ Word 6.0/95, такие файлы не читаются');
  const table = stream(cfb, flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new WordBinaryError(DAMAGED);
  const tbl = new Bytes(table);
  const csw = doc.u16(32);
  const lw = 34 + 2 * csw;
  const cslw = doc.u16(lw);
  const ccpText = doc.u32(lw + 2 + 4 * 3);
  const fcLcb = lw + 2 + 4 * cslw + 2;
  const pair = (i: number) => [doc.u32(fcLcb + 8 * i), doc.u32(fcLcb + 8 * i + 4)];
  const [fcClx, lcbClx] = pair(33);
  const [fcPapx, lcbPapx] = pair(13);
  if (ccpText > LIMITS.cellsPerSheet) throw new DocumentTooLarge();
  const dataStream = stream(cfb, 'Data');
  const props = paraProps(doc, tbl, dataStream && new Bytes(dataStream), fcPapx, lcbPapx);

  const out: DocBlock[] = [];
  let rows: RawRow[] = [];
  let cells: string[] = [];
  let lines: string[] = [];
  let text = '';
  const closeTable = () => {
    // A row whose end mark was not told apart (its properties unreadable) is still a row, not lost text.
    if (cells.length) rows.push({ texts: cells });
    if (rows.length) out.push(tableBlock(rows));
    rows = [];
    cells = [];
  };
  const latin = new TextDecoder('windows-1252');
  const utf16 = new TextDecoder('utf-16le');
  for (const p of pieces(tbl, fcClx, lcbClx)) {
    if (p.cpStart >= ccpText) break;
    const count = Math.min(p.cpEnd, ccpText) - p.cpStart;
    const size = p.compressed ? 1 : 2;
    if (p.fc + count * size > wordDocument.length) throw new WordBinaryError(DAMAGED);
    const chars = p.compressed ? latin.decode(wordDocument.subarray(p.fc, p.fc + count)) : utf16.decode(wordDocument.subarray(p.fc, p.fc + 2 * count));
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch !== '\r' && ch !== '\x07') {
        text += ch;
        continue;
      }
      const pp = propsAt(props, p.fc + i * size);
      const line = clean(text);
      text = '';
      if (pp?.inTable && pp.depth <= 1) {
        if (ch === '\x07' && pp.rowEnd) {
          rows.push({ texts: cells, def: rowDefinition(pp.tdef, cells.length) });
          cells = [];
        } else if (ch === '\x07') {
          cells.push([...lines, line].join('\n').trim());
          lines = [];
        } else lines.push(line);
      } else if (pp?.inTable) lines.push(line); // a nested table's paragraph: lines of the outer cell
      else {
        closeTable();
        out.push({ kind: 'paragraph', text: line });
      }
    }
  }
  closeTable();
  return out;
}
