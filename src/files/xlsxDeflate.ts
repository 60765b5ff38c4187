/**
 * The one writer's zip entries deflated by the host's own CompressionStream('deflate-raw') — native code in
 * Chromium, Safari, Firefox, their workers and Node (the WHATWG Compression Streams standard)
 * — where fflate's JavaScript deflate took four times as long. The stream is drained as it is fed, so a part is
 * held only as its compressed bytes; the CRC-32 the zip needs is pako's.
 */
import { ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import crc32 from 'pako/lib/zlib/crc32';

/**
 * A zip entry to push a part's bytes into, piece by piece (fflate's ZipInputFile contract); a push may be
 * asynchronous (the native stream), and the next is made only once it is done. Once a push has resolved, the
 * writer may overwrite its `data` (xlsxWriter.ts encodes every piece into the same array): an entry that needs the
 * bytes later copies them.
 */
export type Deflater = (name: string, mtime: Date) => ZipInputFile & { push(data: Uint8Array, final?: boolean): void | Promise<void> };

/** fflate's deflate (level 6): the fallback where the host has no native deflate. */
export const fflateDeflater: Deflater = (name, mtime) => {
  const entry = new ZipDeflate(name, { level: 6 });
  entry.mtime = mtime;
  return entry;
};

class StreamEntry {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata?: AsyncFlateStreamHandler;
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly drained: Promise<void>;
  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {
    const stream = new CompressionStream('deflate-raw');
    this.writer = stream.writable.getWriter();
    this.drained = this.drain(stream.readable.getReader() as ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>);
  }
  /** Compressed pieces to the zip as they come; the last one is marked final, once every byte was pushed. */
  private async drain(reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>): Promise<void> {
    let held: Uint8Array<ArrayBuffer> | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (held) this.ondata!(null, held, false);
      held = value;
    }
    this.ondata!(null, held ?? new Uint8Array(0), true);
  }
  async push(data: Uint8Array, final = false): Promise<void> {
    this.crc = crc32(this.crc, data, data.length, 0) >>> 0;
    this.size += data.length;
    await this.writer.ready;
    // Errors surface at close(); a write is not awaited, so the next piece is made while this one deflates — and
    // so it is given a copy, the writer's array being the next piece's.
    this.writer.write(data.slice()).catch(() => undefined);
    if (final) {
      await this.writer.close();
      await this.drained;
    }
  }
}

let supported: boolean | undefined;
/** The native deflater, or undefined where the host has no CompressionStream or it lacks 'deflate-raw'. */
export function streamDeflater(): Deflater | undefined {
  if (supported === undefined) {
    try {
      // The constructor throws (TypeError) for a format the host does not know.
      if (typeof CompressionStream === 'function') new CompressionStream('deflate-raw');
      supported = typeof CompressionStream === 'function';
    } catch {
      supported = false; // Chromium before 103, Safari before 16.4, Firefox before 113
    }
  }
  return supported ? (name, mtime) => new StreamEntry(name, mtime) : undefined;
}

/**
 * Deflating on another thread (the pane's deflate worker): the writer makes the next piece of XML while the last is
 * deflated beside it, where one thread did both (a Свод of 1,000 schools is 19 MB of XML: ~0.36 s of the season
 * worker's deflate, bench:pane --trace). Messages both ways; the worker's side is `serveDeflate`.
 */
export type DeflateRequest = { entry: number; data: Uint8Array<ArrayBuffer>; final: boolean };
/**
 * An ack hands the piece's buffer back (`back`), for the next piece to be copied into. The final chunk brings the
 * part's CRC-32, worked out on the deflating thread (mostly idle beside the writer, where it took ~40 ms of a
 * thousand schools' Свод from the thread making the XML).
 */
export type DeflateReply =
  | { entry: number; ack: true; back?: ArrayBuffer }
  | { entry: number; chunk: Uint8Array; final: false }
  | { entry: number; chunk: Uint8Array; final: true; crc: number }
  | { entry: number; failed: string };
export interface DeflatePort {
  postMessage(m: DeflateRequest, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<DeflateReply>) => void) | null;
}

/** A piece's buffer at least: the writer's pieces are ~64 KB of XML, more in UTF-8 where the text is Cyrillic. */
const PIECE_BYTES = 192 * 1024;
/** Pieces sent and not yet taken by the other thread's stream: enough to keep it busy, little held. */
const PIECES_IN_FLIGHT = 4;

/**
 * The pieces travel in a few buffers that go back and forth, never in a new one each: a buffer that arrives in a
 * message is held by that message until its receiver's next full garbage collection, and the deflate worker,
 * making almost no garbage of its own, had none for long — a region's Свод (5,000 schools, ~100 MB of XML) left
 * 60–100 MB of pieces waiting there at the end of writing (bench:pane, PANE_MEMDUMP). Handed back, a buffer
 * leaves that message empty.
 */
export function portDeflater(port: DeflatePort): Deflater {
  let next = 0;
  let inFlight = 0;
  let roomMade: (() => void) | undefined;
  const spare: ArrayBuffer[] = [];
  /** `data` copied into a spare buffer (or a new one where none is large enough), to be handed over. */
  const inSpare = (data: Uint8Array): Uint8Array<ArrayBuffer> => {
    const i = spare.findIndex((b) => b.byteLength >= data.length);
    const buffer = i >= 0 ? spare.splice(i, 1)[0] : new ArrayBuffer(Math.max(data.length, PIECE_BYTES));
    const piece = new Uint8Array(buffer, 0, data.length);
    piece.set(data);
    return piece;
  };
  const open = new Map<number, { entry: PortEntry; ended?: () => void; failed?: (e: Error) => void }>();
  port.onmessage = (e) => {
    const r = e.data;
    const o = open.get(r.entry);
    if ('ack' in r) {
      inFlight--;
      if (r.back && spare.length <= PIECES_IN_FLIGHT) spare.push(r.back);
      roomMade?.();
      roomMade = undefined;
      return;
    }
    if (!o) return;
    if ('failed' in r) {
      open.delete(r.entry);
      o.failed?.(new Error(r.failed));
      return;
    }
    // fflate reads the CRC for the entry's descriptor when the final chunk comes.
    if (r.final) o.entry.crc = r.crc;
    o.entry.ondata!(null, r.chunk as Uint8Array<ArrayBuffer>, r.final);
    if (r.final) {
      open.delete(r.entry);
      o.ended?.();
    }
  };
  class PortEntry {
    size = 0;
    crc = 0;
    readonly compression = 8;
    ondata?: AsyncFlateStreamHandler;
    private readonly id = next++;
    constructor(
      readonly filename: string,
      readonly mtime: Date,
    ) {
      open.set(this.id, { entry: this });
    }
    async push(data: Uint8Array, final = false): Promise<void> {
      this.size += data.length;
      while (inFlight >= PIECES_IN_FLIGHT) await new Promise<void>((resolve) => (roomMade = resolve));
      const o = open.get(this.id);
      if (!o) throw new Error(`Не удалось сжать часть «${this.filename}» книги.`);
      const ended = final ? new Promise<void>((resolve, reject) => ((o.ended = resolve), (o.failed = reject))) : undefined;
      const piece = inSpare(data);
      inFlight++;
      port.postMessage({ entry: this.id, data: piece, final }, [piece.buffer]);
      if (ended) await ended;
    }
  }
  return (name, mtime) => new PortEntry(name, mtime);
}

/** The other thread's side of `portDeflater`: each entry through its own CompressionStream, its output sent back. */
export function serveDeflate(scope: { onmessage: ((e: MessageEvent<DeflateRequest>) => void) | null; postMessage(m: DeflateReply, transfer?: Transferable[]): void }): void {
  const streams = new Map<number, WritableStreamDefaultWriter<BufferSource>>();
  const crcs = new Map<number, number>();
  const start = (entry: number) => {
    const stream = new CompressionStream('deflate-raw');
    const reader = stream.readable.getReader() as ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>;
    void (async () => {
      let held: Uint8Array<ArrayBuffer> | undefined;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (held) scope.postMessage({ entry, chunk: held, final: false }, [held.buffer]);
          held = value;
        }
        const last = held ?? new Uint8Array(0);
        // Every piece was taken before the stream could end (its close follows the last write).
        const crc = crcs.get(entry) ?? 0;
        crcs.delete(entry);
        scope.postMessage({ entry, chunk: last, final: true, crc }, [last.buffer]);
      } catch (e) {
        scope.postMessage({ entry, failed: String(e) });
      }
    })();
    const writer = stream.writable.getWriter();
    streams.set(entry, writer);
    return writer;
  };
  scope.onmessage = (e) => {
    const { entry, data, final } = e.data;
    const writer = streams.get(entry) ?? start(entry);
    crcs.set(entry, crc32(crcs.get(entry) ?? 0, data, data.length, 0) >>> 0);
    // A stream takes its writes, and its close after them, in the order they are made (WHATWG Streams); a write
    // refused is reported by the reading side, and acknowledged here all the same.
    // The write is done with the piece once it resolves (the stream's transform has deflated it): its buffer goes
    // back with the ack.
    writer
      .write(data)
      .catch(() => undefined)
      .finally(() => scope.postMessage({ entry, ack: true, back: data.buffer }, [data.buffer]));
    if (final) {
      streams.delete(entry);
      writer.close().catch(() => undefined);
    }
  };
}
