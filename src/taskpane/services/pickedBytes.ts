/**
 * Picked files' bytes read many at a time. Each `File.arrayBuffer()` is a request of its own to the browser's
 * process, which opens the file and streams it back: for a thousand school workbooks (25 KB each) that took the
 * browser 2.4–2.8 s of CPU; the same files read fifty to a Blob (one request, one stream; File API: a Blob made of
 * Files reads as their bytes in order) took 0.9–1.0 s (Chromium, 1,000 files, 2 cores, load 8).
 *
 * Memory: the batches are read into a few buffers of this worker's own, read into again (readBatch), and a file
 * for a reading worker is copied into a buffer it lent back (into): the browser frees the buffers it makes only in
 * a thread's full collection, and new ones for every batch and file waited for it by the tens of megabytes.
 *
 * Each file keeps its own place: a file read with others gives its own bytes (a copy, so it can be handed to a
 * reading worker alone); a large file, one that is no Blob (tests) or one whose batch could not be read (a file
 * moved or deleted since it was picked) is read on its own, as before — with its own error, the others unharmed.
 */

import { bytesLender } from '../../files/reusedBytes';

/** A picked file as the season's engine takes it (re-exported by seasonEngine.ts): a browser File, or the same few members. */
export interface PickedFile {
  name: string;
  lastModified: number;
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Files read together at most, and their bytes at most. */
const BATCH_FILES = 50;
const BATCH_BYTES = 4 * 1024 * 1024;
/** A file larger than this is read on its own, only when its reader asks (after the size gate). */
const ALONE_BYTES = 1024 * 1024;

interface Batch {
  files: Blob[];
  /** Where each file's bytes start in the batch. */
  offsets: number[];
  /** Files of the batch not yet taken: the batch's bytes are let go when none is left. */
  left: number;
  bytes?: Promise<Uint8Array | undefined>;
  next?: Batch;
}

/** A picked file whose bytes come from its batch. */
export class BatchedFile implements PickedFile {
  readonly name: string;
  readonly lastModified: number;
  readonly size: number;
  constructor(
    /** The file as picked. */
    readonly picked: PickedFile & Blob,
    private readonly batch: Batch,
    private readonly at: number,
  ) {
    this.name = picked.name;
    this.lastModified = picked.lastModified;
    this.size = picked.size;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const start = this.batch.offsets[this.at];
    const own = await this.fromBatch((whole) => whole?.slice(start, start + this.size).buffer);
    return own ?? this.picked.arrayBuffer();
  }

  /**
   * The file's bytes at the start of `lent` (a buffer lent to a reading worker again and again: season.worker.ts)
   * where they fit, else in a buffer of their own: `size` bytes, the buffer maybe longer. Where its batch could not
   * be read, the file read on its own, all of it.
   */
  async into(lent: Uint8Array | undefined): Promise<{ buffer: ArrayBuffer; size: number }> {
    const start = this.batch.offsets[this.at];
    const copied = await this.fromBatch((whole) => {
      if (!whole) return undefined;
      const target = lent && lent.byteOffset === 0 && lent.length >= this.size ? lent : new Uint8Array(this.size);
      target.set(whole.subarray(start, start + this.size));
      return { buffer: target.buffer as ArrayBuffer, size: this.size };
    });
    if (copied) return copied;
    const own = await this.picked.arrayBuffer();
    return { buffer: own, size: own.byteLength };
  }

  /**
   * `take` given the batch's bytes (none where the batch could not be read), at once: the batch's buffer is read
   * into again once its last file has taken its bytes.
   */
  private async fromBatch<T>(take: (whole: Uint8Array | undefined) => T): Promise<T> {
    const b = this.batch;
    load(b);
    // The next batch is read while this one's files are: the reading never waits for the disk.
    if (b.next) load(b.next);
    const read = await b.bytes;
    // A buffer read into again (its batch let go early, a file taken twice by requests side by side) was handed to
    // the stream and left empty here: its files are then read on their own, never from another batch's bytes.
    const whole = read && read.byteLength === b.offsets[b.offsets.length - 1] ? read : undefined;
    try {
      return take(whole);
    } finally {
      if (--b.left === 0) {
        b.bytes = undefined;
        if (whole?.buffer.byteLength === BATCH_BUFFER_BYTES) batchBuffers.giveBack(new Uint8Array(whole.buffer));
      }
    }
  }
}

/**
 * Buffers the batches are read into, again and again (reusedBytes.ts): a buffer the browser makes
 * (Blob.arrayBuffer()) is freed only by the thread's full collection, rare in the season worker — up to ~50 MB of
 * batches read long ago waited for it (bench:pane, PANE_MEMDUMP, 5,000 files). One more byte than a batch holds, to
 * see a file that grew.
 */
const batchBuffers = bytesLender(3);
const BATCH_BUFFER_BYTES = BATCH_BYTES + 1;

/**
 * The blob's bytes read into a buffer of batchBuffers (a byte stream read by a BYOB reader: File API, «stream()»;
 * Chromium, Firefox, Safari 26.4), or by Blob.arrayBuffer() where the stream is no byte stream. Undefined where
 * the blob's bytes are not `size` long (a file changed since it was picked).
 */
export async function readBatch(blob: Blob, size: number): Promise<Uint8Array | undefined> {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return bytes.byteLength === size ? bytes : undefined;
  }
  let buffer = batchBuffers.lend(BATCH_BUFFER_BYTES)!.buffer as ArrayBuffer;
  let at = 0;
  for (;;) {
    // Each read hands the buffer to the stream and gives it back (a new ArrayBuffer object, the same memory).
    const { done, value } = await reader.read(new Uint8Array(buffer, at, buffer.byteLength - at));
    if (!value) return undefined;
    buffer = value.buffer as ArrayBuffer;
    at += value.byteLength;
    if (done || at === buffer.byteLength) break;
  }
  if (at !== size) {
    void reader.cancel().catch(() => undefined);
    batchBuffers.giveBack(new Uint8Array(buffer));
    return undefined;
  }
  return new Uint8Array(buffer, 0, size);
}

function load(b: Batch): void {
  b.bytes ??= readBatch(new Blob(b.files), b.offsets[b.offsets.length - 1]).catch(() => undefined);
}

const isBlob = (f: PickedFile): f is PickedFile & Blob => typeof Blob !== 'undefined' && f instanceof Blob;

/** The files, in the same order, those read together wrapped (BatchedFile); the rest as they are. */
export function readTogether(files: PickedFile[]): PickedFile[] {
  const out: PickedFile[] = [];
  let batch: Batch | undefined;
  let last: Batch | undefined;
  for (const f of files) {
    if (!isBlob(f) || f.size > ALONE_BYTES) {
      out.push(f);
      continue;
    }
    const end = batch ? batch.offsets[batch.offsets.length - 1] : 0;
    if (!batch || batch.files.length >= BATCH_FILES || end + f.size > BATCH_BYTES) {
      const b: Batch = { files: [], offsets: [0], left: 0 };
      if (last) last.next = b;
      last = batch = b;
    }
    batch.files.push(f);
    batch.offsets.push(batch.offsets[batch.offsets.length - 1] + f.size);
    batch.left++;
    out.push(new BatchedFile(f, batch, batch.files.length - 1));
  }
  return out;
}
