/**
 * Guards for received files, run before SheetJS touches the bytes: a received file is hostile until proven
 * otherwise. SheetJS inflates every zip entry in full and trusts the sizes the file declares, so a zip bomb would
 * exhaust memory inside XLSX.read; here the central directory is checked and each entry is inflated once with a
 * hard cap (streaming, nothing kept) before SheetJS is allowed to inflate it. No fs, no DOM: runs in the pane too.
 *
 * The limits are documented in docs/threat-model.md; change them there too.
 */
import { sheetjs, sheetjsInput } from './sheetjs';
import { pako } from './pakoOnDemand';
import { CELL_MAX_CHARS } from '../domain/cellLimit';
import { openDocumentExcess } from './odsRepeats';

export const LIMITS = {
  /** A school's report is tens of kilobytes, a municipality's consolidated workbook a few megabytes. */
  fileBytes: 30 * 1024 * 1024,
  /** Parts in a zip package: a workbook of 100 sheets has about 300. */
  zipEntries: 2000,
  /** Inflated size of one part (one sheet's XML) and of the whole package. */
  entryBytes: 100 * 1024 * 1024,
  totalBytes: 200 * 1024 * 1024,
  /** Declared inflated/compressed ratio above which a part larger than ratioFloor is taken for a bomb. */
  ratio: 1000,
  ratioFloor: 1024 * 1024,
  /** Rows read per sheet (SheetJS stops there) and cells per sheet; Excel itself allows 1 048 576 × 16 384. */
  rows: 100_000,
  cellsPerSheet: 3_000_000,
  /** Excel keeps at most 32 767 characters in a cell; longer text from a CSV is cut when written (domain/cellLimit.ts). */
  cellChars: CELL_MAX_CHARS,
  /**
   * A saved mailbox (a season's Thunderbird folder) or a zip of many schools' reports is larger than a workbook:
   * letters carry their attachments in base64 (a third larger). Each file found inside is held to `fileBytes`.
   */
  mailBytes: 300 * 1024 * 1024,
  /** Letters and archives inside one another: mailbox → letter → forwarded letter → zip → zip is five. */
  containerDepth: 6,
  /** Files found in one received file (every letter of a mailbox, every part of an archive, counted together). */
  containerItems: 20_000,
} as const;

/**
 * A guard's verdict. The kind decides the words the school reads (src/files/refusals.ts); the message is the
 * detail for developers (which part, which size) and is not shown.
 */
export class GuardRefusal extends Error {
  constructor(
    readonly kind: 'too-large' | 'zip-bomb' | 'corrupt' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'GuardRefusal';
  }
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} МБ`;

/**
 * Inflates one raw deflate stream whole, refusing (throwing OutputCapExceeded) rather than producing more than
 * `cap` bytes, and failing when the stream does not end within `packed`; undefined leaves the part to pako's
 * streaming inflater. The command line plugs in Node's zlib (src/files/nativeInflate.ts), several times faster
 * than pako; the pane, the parts its browser inflated natively beforehand (src/files/streamInflate.ts).
 */
export type CappedInflater = (packed: Uint8Array, cap: number) => Uint8Array | undefined;
export class OutputCapExceeded extends Error {}
let cappedInflater: CappedInflater | undefined;
/** Whether an inflater is plugged in (the command line's zlib). */
export const hasCappedInflater = (): boolean => cappedInflater !== undefined;
/** Sets the inflater the guards use; returns the one it replaces. */
export function useCappedInflater(inflater: CappedInflater | undefined): CappedInflater | undefined {
  const was = cappedInflater;
  cappedInflater = inflater;
  return was;
}

/** What the first bytes say the file is, whatever its name claims. */
export type ContentKind = 'zip' | 'cfb' | 'pdf' | 'empty' | 'other';

export function sniff(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'cfb';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf'; // %PDF
  return 'other';
}

/** One entry of a zip's central directory, as declared. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** The part's bytes once checked, when the capped inflater gave them whole (Node): not inflated a second time. */
  inflated?: Uint8Array;
  /** The name as stored (an archive made by Windows writes it in cp866, without the UTF-8 flag 0x0800). */
  nameBytes?: Uint8Array;
  /** The name from Info-ZIP's Unicode Path field (0x7075), which some archivers add beside a cp866 name. */
  unicodePath?: string;
  /** Not yet inflated by the guards (checkZip's `defer`): checkDeferred inflates it, under the same limits, when read. */
  deferred?: DeferredCheck;
}

/** What checking a deferred part needs: the package, the rows a sheet may have, what the package may still inflate to. */
interface DeferredCheck {
  bytes: Uint8Array;
  maxRows: number;
  budget: { left: number };
}

const u16 = (b: Uint8Array, at: number): number => {
  if (at + 2 > b.length) throw new GuardRefusal('corrupt', 'оглавление архива обрывается');
  return b[at] | (b[at + 1] << 8);
};
const u32 = (b: Uint8Array, at: number): number => {
  if (at + 4 > b.length) throw new GuardRefusal('corrupt', 'оглавление архива обрывается');
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
};
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');

/**
 * The central directory, read by hand: no installed library exposes the declared sizes without inflating.
 * The end record is looked up the way SheetJS does (the last signature in the file), so both see the same entries.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new GuardRefusal('corrupt', 'у архива нет оглавления (файл обрезан или повреждён)');
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new GuardRefusal('unsupported', 'архив ZIP64');
  if (count > LIMITS.zipEntries)
    throw new GuardRefusal('too-large', `частей: ${count}, допустимо до ${LIMITS.zipEntries}`);
  const out: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw new GuardRefusal('corrupt', 'оглавление архива повреждено');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) throw new GuardRefusal('corrupt', 'оглавление архива обрывается');
    const entry: ZipEntry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      uncompressedSize: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      nameBytes: bytes.subarray(at + 46, at + 46 + nameLength),
    };
    // ZIP64 sizes live in extra field 0x0001 (some writers use it even for small parts).
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(bytes, e);
      const size = u16(bytes, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (entry.uncompressedSize === 0xffffffff) {
          entry.uncompressedSize = u64(bytes, p);
          p += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(bytes, p);
          p += 8;
        }
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = u64(bytes, p);
      }
      // Info-ZIP Unicode Path: version 1, the CRC-32 of the stored name, then the name in UTF-8.
      if (id === 0x7075 && size > 5 && bytes[e + 4] === 1) entry.unicodePath = utf8.decode(bytes.subarray(e + 9, e + 4 + size));
      e += 4 + size;
    }
    out.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** A worksheet part with more rows or cells than LIMITS allow; the reader names the sheet. */
export class SheetTooLarge extends Error {
  constructor(
    readonly part: string,
    readonly what: 'rows' | 'cells',
    /** The sheet's name when the part itself says it (OpenDocument). */
    readonly sheet?: string,
  ) {
    super(`${part}: ${what}`);
    this.name = 'SheetTooLarge';
  }
}

const LT = 0x3c;
const isTagEnd = (b: number) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;

/** Counts `<row` and `<c` tags in sheet XML as it streams by (a tag may straddle two chunks). */
class TagCounter {
  rows = 0;
  cells = 0;
  private carry = new Uint8Array(0);
  add(chunk: Uint8Array): void {
    const b = this.carry.length ? concat(this.carry, chunk) : chunk;
    const stop = b.length - 4; // a tag needs 5 bytes to be told apart; the rest waits for the next chunk
    let i = b.indexOf(LT);
    while (i >= 0 && i < stop) {
      if (b[i + 1] === 0x63 && isTagEnd(b[i + 2])) this.cells++;
      else if (b[i + 1] === 0x72 && b[i + 2] === 0x6f && b[i + 3] === 0x77 && isTagEnd(b[i + 4])) this.rows++;
      i = b.indexOf(LT, i + 1);
    }
    this.carry = b.slice(Math.max(0, stop));
  }
}

/**
 * A part given whole and shorter than this cannot hold more rows or cells than the limits allow, so its tags need not
 * be counted: each row counted takes at least 5 bytes (`<row` and the byte after), each cell 3 (`<c` and the byte
 * after), and a refusal needs one more than the limit. A school's sheet (tens of kilobytes) is never counted.
 */
export const tagsBytes = (maxRows: number): number => Math.min(5 * (maxRows + 1), 3 * (LIMITS.cellsPerSheet + 1));

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A part's compressed bytes: they follow its local header, whose name and extra field lengths may differ from the directory's. */
export function packedPart(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const local = entry.localHeaderOffset;
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflate one entry, counting and discarding the output, and stop at `cap` bytes. The deflate stream must end
 * within its declared compressed size: SheetJS inflates from the entry's start until the stream ends, so only a
 * stream proven to end there is proven bounded for SheetJS too.
 */
function inflatedSize(bytes: Uint8Array, entry: ZipEntry, cap: number, maxRows: number): number {
  const local = entry.localHeaderOffset;
  if (u32(bytes, local) !== 0x04034b50) throw new GuardRefusal('corrupt', `часть «${entry.name}» архива не найдена`);
  const localUncompressed = u32(bytes, local + 22);
  if (localUncompressed > cap) throw new GuardRefusal('too-large', `часть «${entry.name}» объявляет ${MB(localUncompressed)} после распаковки`);
  const packed = packedPart(bytes, entry);
  if (packed.length < entry.compressedSize) throw new GuardRefusal('corrupt', `часть «${entry.name}» архива обрезана`);
  let total = 0;
  // Rows are counted in every XML part, wherever the package keeps its sheets (no other part has <row> or <c>).
  const rowCount = /\.xml$/i.test(entry.name) ? new TagCounter() : undefined;
  const odsContent = /^[\\/]?content\.xml$/i.test(entry.name) ? ([] as Uint8Array[]) : undefined;
  // An .xlsb worksheet holds records, not tags: its rows and cells are counted once it is inflated.
  const binarySheet = /(^|[\\/])worksheets[\\/][^\\/]+\.bin$/i.test(entry.name) ? ([] as Uint8Array[]) : undefined;
  const overCap = () => new GuardRefusal('too-large', `часть «${entry.name}» распаковывается больше чем в ${MB(cap)}`);
  // A part a little larger than its directory entry says is not refused for that: some writers get the sizes
  // slightly wrong (a part 2 bytes over, in a file other readers open; Excel and SheetJS inflate to the stream's
  // end). Up to `slack` bytes over is let through; a part that lies by more is what a bomb does.
  const slack = LIMITS.ratioFloor;
  const allowed = Math.min(cap, entry.uncompressedSize + slack);
  const overDeclared = () =>
    new GuardRefusal('zip-bomb', `часть «${entry.name}» распаковывается в больший размер, чем объявлено в оглавлении архива`);
  const take = (chunk: Uint8Array, whole = false) => {
    total += chunk.length;
    if (total > cap) throw overCap();
    if (total > allowed) throw overDeclared();
    if (rowCount && !(whole && total < tagsBytes(maxRows))) {
      rowCount.add(chunk);
      // Counting rows while inflating stops a million-row sheet after its first megabytes, not after SheetJS.
      if (rowCount.rows > maxRows) throw new SheetTooLarge(entry.name, 'rows');
      if (rowCount.cells > LIMITS.cellsPerSheet) throw new SheetTooLarge(entry.name, 'cells');
    }
    odsContent?.push(chunk);
    binarySheet?.push(chunk);
  };
  // Whole, and never past the limits take() enforces: the same refusals.
  let inflated: Uint8Array | undefined;
  if (entry.method !== 0 && cappedInflater)
    try {
      inflated = cappedInflater(packed, allowed);
    } catch (e) {
      if (!(e instanceof OutputCapExceeded)) throw new GuardRefusal('corrupt', `часть «${entry.name}» архива повреждена`);
      throw allowed === cap && cap < entry.uncompressedSize + slack ? overCap() : overDeclared();
    }
  if (entry.method === 0) {
    // Stored, not compressed (SheetJS writes so): the same counting over the bytes as they are.
    for (let at = 0; at < packed.length; at += 64 * 1024) take(packed.subarray(at, at + 64 * 1024));
  } else if (inflated) {
    take(inflated, true);
    entry.inflated = inflated;
  } else {
    const inflater = new (pako().Inflate)({ raw: true, chunkSize: 64 * 1024 });
    inflater.onData = take;
    inflater.onEnd = () => undefined;
    const ok = inflater.push(packed, false);
    if (!ok || !inflater.ended) throw new GuardRefusal('corrupt', `часть «${entry.name}» архива повреждена`);
  }
  if (odsContent) checkOpenDocumentRepeats(odsContent.length === 1 ? odsContent[0] : concatAll(odsContent, total));
  if (binarySheet) checkBinarySheet(concatAll(binarySheet, total), entry.name, maxRows);
  return total;
}

/** Chunks of a known total length as one array (the guards' pieces, the native inflater's output). */
export function concatAll(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The rows and cells of an .xlsb worksheet, counted from its records (MS-XLSB 2.1.4: each record a type of one or two
 * bytes and a size of one to four, seven bits a byte, the high bit saying another follows): BrtRowHdr is type 0,
 * the cell records (BrtCellBlank … BrtShortIsst) types 1 to 18. Refused past LIMITS before SheetJS expands them.
 */
export function checkBinarySheet(data: Uint8Array, part: string, maxRows: number = LIMITS.rows): void {
  let rows = 0;
  let cells = 0;
  for (let i = 0; i < data.length; ) {
    let type = data[i++];
    if (type & 0x80) type = (type & 0x7f) | ((data[i++] & 0x7f) << 7);
    let size = 0;
    for (let k = 0; k < 4; k++) {
      const b = data[i++];
      size += (b & 0x7f) * 2 ** (7 * k);
      if (!(b & 0x80)) break;
    }
    if (type === 0 && ++rows > maxRows) throw new SheetTooLarge(part, 'rows');
    if (type >= 1 && type <= 18 && ++cells > LIMITS.cellsPerSheet) throw new SheetTooLarge(part, 'cells');
    i += size;
  }
}

/** The OpenDocument repeats' count (odsRepeats.ts) as the guards' refusal. */
export function checkOpenDocumentRepeats(content: Uint8Array): void {
  const excess = openDocumentExcess(content, LIMITS.rows, LIMITS.cellsPerSheet);
  if (excess) throw new SheetTooLarge('content.xml', excess.what, excess.sheet);
}

/** What the central directory declares: encryption, methods, sizes and ratios. Throws GuardRefusal. */
export function checkDeclared(entries: ZipEntry[]): void {
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 0x0001) throw new GuardRefusal('encrypted', 'части архива зашифрованы');
    if (e.method !== 0 && e.method !== 8) throw new GuardRefusal('unsupported', `часть «${e.name}» сжата способом ${e.method}`);
    if (e.uncompressedSize > LIMITS.entryBytes)
      throw new GuardRefusal('too-large', `часть «${e.name}» объявляет ${MB(e.uncompressedSize)} после распаковки (допустимо до ${MB(LIMITS.entryBytes)})`);
    if (e.uncompressedSize > LIMITS.ratioFloor && e.uncompressedSize > LIMITS.ratio * Math.max(1, e.compressedSize))
      throw new GuardRefusal('zip-bomb', `часть «${e.name}» сжата в ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} раз — так сжимаются только «zip-бомбы»`);
    declared += e.uncompressedSize;
  }
  if (declared > LIMITS.totalBytes)
    throw new GuardRefusal('too-large', `после распаковки архив занял бы ${MB(declared)} (допустимо до ${MB(LIMITS.totalBytes)})`);
}

/**
 * Check a zip package (xlsx, xlsm, ods) before it is parsed: number of parts, declared sizes and ratios, then the
 * real inflated sizes under a cap. Throws GuardRefusal; returns the entries when the package is safe to parse.
 * `maxRows`: rows a sheet may have (LIMITS.rows for received files; more for the add-in's own consolidated workbook).
 * `defer`: parts whose inflating waits until a reader asks for them (checkDeferred) — for a reader that takes a few
 * parts of a large package and nothing else; their declared sizes are checked now with the rest. A package with
 * deferred parts must not go to SheetJS, which inflates every part: check it again without `defer` first.
 */
export function checkZip(bytes: Uint8Array, maxRows: number = LIMITS.rows, defer?: (entry: ZipEntry) => boolean): ZipEntry[] {
  const entries = zipEntries(bytes);
  checkDeclared(entries);
  // Declared sizes may lie: inflate for real, under the caps, before SheetJS does.
  const budget = { left: LIMITS.totalBytes };
  for (const e of entries) {
    e.deferred = { bytes, maxRows, budget };
    if (!defer?.(e)) checkDeferred(e);
  }
  return entries;
}

/**
 * A part checked, now or when a reader reaches it (checkZip's `defer`): inflated under the caps, its rows and cells
 * counted, and what the package inflates to in all still bounded. Once only. Throws GuardRefusal or SheetTooLarge.
 */
export function checkDeferred(entry: ZipEntry): void {
  const check = entry.deferred;
  if (!check) return;
  entry.deferred = undefined;
  const { budget } = check;
  budget.left -= inflatedSize(check.bytes, entry, Math.min(LIMITS.entryBytes, budget.left), check.maxRows);
  if (budget.left < 0) throw new GuardRefusal('too-large', `после распаковки архив занимает больше ${MB(LIMITS.totalBytes)}`);
}

/** A compound file (CFB) as SheetJS's CFB.read gives it (typed `any` by SheetJS): what we look at of it. */
export interface CompoundFile {
  FullPaths: string[];
  FileIndex: { name: string; content?: ArrayLike<number> }[];
}
const compoundFiles = new WeakMap<Uint8Array, CompoundFile>();

/**
 * The compound file these bytes hold, parsed once: receiving an .xls or a .doc asks three times (is it a letter,
 * what does it hold, its streams), and in the browser — where SheetJS copies every sector byte by byte — each
 * parse costs more than reading the workbook itself. Throws what SheetJS throws on a damaged file (not kept).
 */
export function compoundFile(bytes: Uint8Array): CompoundFile {
  let cfb = compoundFiles.get(bytes);
  if (!cfb) {
    const { data, type } = sheetjsInput(bytes);
    cfb = sheetjs().CFB.read(data, { type }) as CompoundFile;
    compoundFiles.set(bytes, cfb);
  }
  return cfb;
}

/**
 * What a compound (CFB) file holds: Office puts a password-protected .xlsx into a CFB container with the streams
 * «EncryptionInfo» and «EncryptedPackage»; an old .xls has «Workbook» (or «Book»); Word has «WordDocument» — each
 * at the container's root ([MS-CFB] storages below it are embedded objects, [MS-DOC] 2.1.10 ObjectPool).
 */
export function cfbKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'word' | 'outlook' | 'other' {
  let names: string[];
  try {
    const cfb = compoundFile(bytes);
    // Only the root's own streams say what the file is: a Word document with an Excel sheet pasted in keeps that
    // sheet's «Workbook» in ObjectPool/_…/, an Excel book with a Word object its «WordDocument» in MBD…/.
    names = cfb.FullPaths.filter((p) => /^[^/]*\/[^/]+$/.test(p)).map((p) => p.replace(/^.*\//, '').toLowerCase());
  } catch {
    throw new GuardRefusal('corrupt', 'составной файл Office повреждён');
  }
  if (names.includes('encryptedpackage') || names.includes('encryptioninfo')) return 'encrypted';
  if (names.includes('workbook') || names.includes('book')) return 'xls';
  if (names.includes('worddocument')) return 'word';
  // An Outlook letter (.msg, MS-OXMSG 2.2): its properties stream and __substg1.0_ streams at the top.
  if (names.includes('__properties_version1.0') && names.some((n) => n.startsWith('__substg1.0_'))) return 'outlook';
  return 'other';
}


