/**
 * Node only: the one writer's zip entries deflated by Node's zlib instead of fflate's JavaScript deflate (the
 * command line; the pane keeps fflate). The writer's pieces of a part (~64 KB of XML each) are gathered to
 * GATHER bytes, and each such piece is deflated on its own and ended with a sync flush, the last one with a
 * finish: the pieces together are one valid deflate stream (RFC 1951: blocks end byte-aligned at a sync flush,
 * and a block may start afresh without referring to earlier ones), so pieces can be deflated side by side and
 * nothing of a part is held but its compressed bytes and the few pieces in flight.
 * CRC-32 by zlib.crc32 (Node ≥ 20.15); without it, fflate's own entry.
 */
import * as zlib from 'node:zlib';
import type { AsyncFlateStreamHandler } from 'fflate';
import type { Deflater } from './xlsxDeflate';

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * zlib's level 5, not its default 6: deflating a Свод's 19 MB of XML takes half the CPU (its plan sheet alone: 76
 * against 135 ms), which showed in the writing stage (0.39 → 0.34 s at 1,000 schools, alternated runs); level 4
 * saves little more for an 8% larger file.
 */
const LEVEL = 5;

/**
 * Bytes deflated at a time: each piece starts afresh, without the text before it to refer to, so fewer and larger
 * pieces compress better — with level 5, the Свод of 1,000 schools is 1.89 MB, where level 6 in pieces of 64 KB
 * gave 1.91 — and each needs a zlib stream of its own started on the main thread. No slower (bench/writer.ts).
 */
const GATHER = 256 * 1024;
/** Pieces deflated at once on libuv's threads while the writer makes the next. */
const IN_FLIGHT = 4;

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
  /** The writer's pieces not yet deflated: copies, as the writer's array holds the next piece once a push resolves. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /**
   * Deflated on libuv's thread pool, not on the main thread: the writer makes the sheet's next piece meanwhile
   * (deflating was a third of writing a Свод, `--cpu-prof`). Waits only while IN_FLIGHT pieces are
   * outstanding, and at the last piece for all of them.
   */
  async push(data: Uint8Array, final = false): Promise<void> {
    this.crc = crc32!(data, this.crc);
    this.size += data.length;
    this.held.push(Buffer.from(data));
    this.heldBytes += data.length;
    if (final) return this.deflate(true);
    if (this.heldBytes >= GATHER) await this.deflate(false);
  }
  private async deflate(final: boolean): Promise<void> {
    const piece = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    const options = { level: LEVEL, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
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
