/**
 * Byte buffers reused from one file to the next instead of allocated for each. A fresh buffer's every page is a
 * page fault the first time it is written; the collector frees dead buffers in bulk, and the allocator hands
 * their pages back to the system, so the next file's buffers fault again. On one of this project's 2-core virtual
 * machines a page fault cost ~13–17 µs (first touch of 1.28 GB: 4.3 s; touching it again: 0.09 s; on another of the
 * same kind ~2 µs, on a desktop well under one): there, reading a school's workbook in Chromium faulted ~95 pages,
 * about a third of its time (bench/readInBrowser.ts).
 */

/** A buffer larger than this is not kept for reuse (a school's workbook inflates to ~0.2 MB). */
const KEPT_BYTES = 8 * 1024 * 1024;

/**
 * One buffer, grown as needed: `take(n)` gives n bytes of it, valid until the next `take`. For work done
 * synchronously from start to end (a sheet's bytes made and decoded), never for what outlives it.
 */
export function scratchBytes(): (length: number) => Uint8Array {
  let buffer = new Uint8Array(0);
  return (length) => {
    // A region's sheet of a hundred megabytes is made once and let go, not kept for the schools after it.
    if (length > KEPT_BYTES) return new Uint8Array(length);
    if (buffer.length < length) buffer = new Uint8Array(Math.min(KEPT_BYTES, Math.max(length, buffer.length * 2, 64 * 1024)));
    return buffer.subarray(0, length);
  };
}

/**
 * Buffers lent out whole and given back: the parts of one package inflated into one buffer, given back once the
 * package is read. Several packages may be read at once (a reading worker holds two), each with its own. None is
 * lent past KEPT_BYTES (undefined): a region's workbook, or a header declaring sizes no buffer should be made for.
 */
export function bytesLender(keep = 4): { lend(length: number): Uint8Array | undefined; giveBack(bytes: Uint8Array): void } {
  const spare: Uint8Array[] = [];
  return {
    lend(length) {
      if (length > KEPT_BYTES) return undefined;
      const i = spare.findIndex((b) => b.length >= length);
      return i >= 0 ? spare.splice(i, 1)[0] : new Uint8Array(Math.max(length, 256 * 1024));
    },
    giveBack(bytes) {
      if (spare.length < keep && bytes.length <= KEPT_BYTES) spare.push(bytes);
    },
  };
}
