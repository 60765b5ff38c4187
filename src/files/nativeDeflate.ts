/**
 * Node only: the one writer's zip entries deflated by Node's zlib instead of fflate's JavaScript deflate (the
 * command line; the pane keeps fflate). Each piece of a part (~64 KB of XML) is deflated on its own and ended with
 * a sync flush, the last one with a finish: the pieces together are one valid deflate stream (RFC 1951: blocks end
 * byte-aligned at a sync flush, and a block may start afresh without referring to earlier ones), so pieces can be
 * deflated side by side and nothing of a part is held but its compressed bytes and the few pieces in flight.
 * CRC-32 by zlib.crc32 (Node ≥ 20.15); without it, fflate's own entry.
 */
import * as zlib from 'node:zlib';
import type { AsyncFlateStreamHandler } from 'fflate';
import type { Deflater } from './xlsxDeflate';

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Pieces deflated at once on libuv's threads while the writer makes the next (each ~64 KB of XML and its output). */
const IN_FLIGHT = 8;

class ZlibEntry {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata?: AsyncFlateStreamHandler;
  /** Each piece handed on once it and every piece before it are deflated: the zip takes them in order. */
  private handedOn: Promise<void> = Promise.resolve();
  private readonly inFlight: Promise<void>[] = [];
  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}
  /**
   * Deflated on libuv's thread pool, not on the main thread: the writer makes the sheet's next piece meanwhile
   * (deflating was a third of writing a Свод, `--cpu-prof`). Waits only while IN_FLIGHT pieces are
   * outstanding, and at the last piece for all of them.
   */
  async push(data: Uint8Array, final = false): Promise<void> {
    this.crc = crc32!(data, this.crc);
    this.size += data.length;
    const options = { level: 6, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
    // A copy: zlib reads it on another thread after this push has resolved, when the writer's array holds the next piece.
    const piece = Buffer.from(data);
    const deflated = new Promise<Buffer>((resolve, reject) => zlib.deflateRaw(piece, options, (e, out) => (e ? reject(e) : resolve(out))));
    // Not left unhandled when an earlier piece failed and the writer stopped before its last: the last push reports it.
    deflated.catch(() => undefined);
    this.handedOn = this.handedOn.then(async () => {
      const out = await deflated;
      this.ondata!(null, new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength), final);
    });
    if (final) return this.handedOn;
    this.inFlight.push(this.handedOn.catch(() => undefined));
    if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
  }
}

/** Node's zlib for the one writer, where this Node has zlib.crc32; undefined (fflate) otherwise. */
export const zlibDeflater: Deflater | undefined = crc32 ? (name, mtime) => new ZlibEntry(name, mtime) : undefined;
