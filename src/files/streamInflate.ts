/**
 * The pane's reading path, inflated natively: the parts of a received zip package (.xlsx, .docx, .ods) inflated by
 * the browser's own DecompressionStream('deflate-raw') — Chromium 103+, Safari 16.4+, Firefox 113+, their workers
 * (the WHATWG Compression Streams standard) — before the guards and the reader run, where
 * pako inflated every part twice (the guards' count, then the reader). The guards get the parts whole through their
 * capped inflater and keep them (`ZipEntry.inflated`), so the reader does not inflate again; their caps and refusals
 * are unchanged. Anything the native stream does not take (no such API, a damaged part, bytes after a part's end,
 * a part past the caps) is left to pako exactly as before.
 *
 * The pane's workers inflate the smaller parts in script instead (fflate, straight into the lent buffer:
 * `inflateSmallPartsInScript`, set by src/taskpane/services/scriptReading.ts). What the native stream gives are
 * buffers the browser made, and those live until the thread's next full garbage collection, which is rare in a
 * worker reading thousands of files: a region's files (5,000) kept 60–100 MB of inflated parts waiting in the season
 * worker while reading (bench:pane, PANE_MEMDUMP; the page's peak 620–630 → 540 MB), and 15–61 MB of them in the
 * reading worker (peak 526/478 → 467/446 MB). fflate into the lent buffer makes nothing to wait for, at the same
 * speed (bench/readInBrowser.ts: 2.2–2.6 against 2.3 ms a school's workbook in Chromium, with a third of the page
 * faults). Larger parts (a region's workbook) keep the native stream, which stops at the guards' cap.
 */
import { inflateSync } from 'fflate';
import { bytesLender } from './reusedBytes';
import { checkDeclared, concatAll, hasCappedInflater, LIMITS, OutputCapExceeded, packedPart, sniff, useCappedInflater, zipEntries, type CappedInflater } from './guards';

/** A part inflated whole, or 'over' when it inflates past what any guard would allow. */
type Inflated = Uint8Array | 'over';

let supported: boolean | undefined;
function nativeInflateAvailable(): boolean {
  if (supported === undefined) {
    try {
      // The constructor throws (TypeError) for a format the host does not know.
      if (typeof DecompressionStream === 'function') new DecompressionStream('deflate-raw');
      supported = typeof DecompressionStream === 'function';
    } catch {
      supported = false;
    }
  }
  return supported;
}

/**
 * Where a part the stream gives in several chunks is joined: one lent buffer a package, given back once it is read
 * (reusedBytes.ts: a new buffer for each part cost more in page faults than the copying).
 */
const arenas = bytesLender();

interface Arena {
  bytes: Uint8Array;
  used: number;
}

let smallPartsInScript = false;
/**
 * Packed parts up to this size are the ones inflated in script: a part that lies about its size is decoded to its
 * end all the same (fflate has no cap), and deflate's most, 1,032 to 1, bounds that at ~66 MB written nowhere.
 * A school's sheet is packed in 5–30 KB; larger parts keep the native stream, which stops at the cap.
 */
const SCRIPT_PACKED_BYTES = 64 * 1024;

/** This thread inflates packages' smaller parts in script, not in the native stream (the pane's workers: see above). */
export function inflateSmallPartsInScript(on = true): void {
  smallPartsInScript = on;
}

/**
 * One part inflated by fflate into the arena (or a buffer of its own where the arena is full); undefined — pako
 * decides, and the guards say why — unless it gives exactly its declared size: the buffer has room for one byte
 * more, so a part that goes on past it is told from one that ends there.
 */
function inflatedInScript(packed: Uint8Array, declared: number, arena: Arena): Uint8Array | undefined {
  const room = declared + 1;
  const inArena = arena.used + room <= arena.bytes.length;
  const out = inArena ? arena.bytes.subarray(arena.used, arena.used + room) : new Uint8Array(room);
  let got: Uint8Array;
  try {
    got = inflateSync(packed, { out });
  } catch {
    return undefined;
  }
  if (got.length !== declared) return undefined;
  if (inArena) arena.used += declared;
  return got;
}

/** `chunks` joined, in the arena while it has room. */
function joined(chunks: Uint8Array[], total: number, arena: Arena): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  if (arena.used + total > arena.bytes.length) return concatAll(chunks, total);
  const out = arena.bytes.subarray(arena.used, arena.used + total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  arena.used += total;
  return out;
}

/** One part through the native stream, stopping past `cap`; undefined when the stream refuses it. */
async function inflatePart(packed: Uint8Array, cap: number, arena: Arena): Promise<Inflated | undefined> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Errors (a damaged part) surface on the reading side.
  writer.write(packed as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        reader.cancel().catch(() => undefined);
        return 'over';
      }
      chunks.push(value);
    }
  } catch {
    return undefined; // pako decides, and the guards say why
  }
  return joined(chunks, total, arena);
}

/** The capped inflater of one package's parts, and the parts let go once the package is read. */
type NativeInflater = CappedInflater & { release(): void };

/**
 * The package's deflated parts inflated natively (the smaller ones in script, where this thread asked so), as a
 * capped inflater for the guards (keyed by where each part's bytes start); undefined for anything that is not a zip
 * package, or with neither way to inflate.
 */
export async function nativelyInflated(bytes: Uint8Array): Promise<NativeInflater | undefined> {
  if (!(nativeInflateAvailable() || smallPartsInScript) || sniff(bytes) !== 'zip') return undefined;
  let entries;
  try {
    entries = zipEntries(bytes);
    checkDeclared(entries);
  } catch {
    return undefined; // the guards refuse it with their own words, before inflating anything
  }
  const parts = new Map<number, Inflated>();
  const toInflate = entries.filter((e) => e.method === 8 && e.uncompressedSize <= LIMITS.entryBytes);
  const declared = toInflate.reduce((n, e) => n + e.uncompressedSize, 0);
  // None lent for a package past the lender's size: its parts are joined in buffers of their own, as before.
  const arena: Arena = { bytes: arenas.lend(declared) ?? new Uint8Array(0), used: 0 };
  let total = 0;
  for (const e of toInflate) {
    let packed: Uint8Array;
    try {
      packed = packedPart(bytes, e);
    } catch {
      continue;
    }
    const inScript = smallPartsInScript && packed.length <= SCRIPT_PACKED_BYTES;
    if (!inScript && !nativeInflateAvailable()) continue;
    // The most any guard allows this part: its declared size and the slack it lets through, under the cap.
    const got = inScript
      ? inflatedInScript(packed, e.uncompressedSize, arena)
      : await inflatePart(packed, Math.min(LIMITS.entryBytes, e.uncompressedSize + LIMITS.ratioFloor), arena);
    if (got === undefined) continue;
    parts.set(packed.byteOffset, got);
    if (got !== 'over' && (total += got.length) > LIMITS.totalBytes) break; // the rest to pako, which refuses
  }
  const inflater: NativeInflater = (packed, cap) => {
    if (packed.buffer !== bytes.buffer) return undefined;
    const got = parts.get(packed.byteOffset);
    if (got === undefined) return undefined;
    if (got === 'over' || got.length > cap) throw new OutputCapExceeded();
    return got;
  };
  inflater.release = () => {
    parts.clear();
    if (arena.bytes.length > 0) arenas.giveBack(arena.bytes);
  };
  return inflater;
}

/** `read` (the synchronous reading of `bytes`) with the parts the browser inflated natively beforehand. */
export async function withNativeInflate<T>(bytes: Uint8Array, read: () => T): Promise<T> {
  // Node's zlib (the command line) inflates faster still, in place: left to it.
  const inflater = hasCappedInflater() ? undefined : await nativelyInflated(bytes);
  if (!inflater) return read();
  // The reading is synchronous, so no other file's reading runs while this inflater is plugged in.
  useCappedInflater(inflater);
  try {
    return read();
  } finally {
    useCappedInflater(undefined);
    // Read synchronously, into plain values (no ReceivedFile keeps bytes): the parts' buffer serves the next package.
    inflater.release();
  }
}
