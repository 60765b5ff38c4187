/**
 * Node only: the one writer's zip entries deflated by Node's zlib instead of fflate's JavaScript deflate (the
 * command line; the pane keeps fflate). Each piece of a part (~64 KB of XML) is deflated as it comes and ended with
 * a sync flush, the last one with a finish: the pieces together are one valid deflate stream (RFC 1951: blocks end
 * byte-aligned at a sync flush, and a block may start afresh without referring to earlier ones), so nothing of a
 * part is held but its compressed bytes. CRC-32 by zlib.crc32 (Node ≥ 20.15); without it, fflate's own entry.
 */
import * as zlib from 'node:zlib';
import type { AsyncFlateStreamHandler } from 'fflate';
import type { Deflater } from './xlsxDeflate';

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

class ZlibEntry {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata?: AsyncFlateStreamHandler;
  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}
  push(data: Uint8Array, final = false): void {
    this.crc = crc32!(data, this.crc);
    this.size += data.length;
    const out = zlib.deflateRawSync(data, { level: 6, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    this.ondata!(null, new Uint8Array(out.buffer, out.byteOffset, out.byteLength), final);
  }
}

/** Node's zlib for the one writer, where this Node has zlib.crc32; undefined (fflate) otherwise. */
export const zlibDeflater: Deflater | undefined = crc32 ? (name, mtime) => new ZlibEntry(name, mtime) : undefined;
