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
 * asynchronous (the native stream), and the next is made only once it is done.
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
    // Errors surface at close(); a write is not awaited, so the next piece is made while this one deflates.
    this.writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
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
