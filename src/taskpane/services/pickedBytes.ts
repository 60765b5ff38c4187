/**
 * Picked files' bytes read many at a time. Each `File.arrayBuffer()` is a request of its own to the browser's
 * process, which opens the file and streams it back: for a thousand school workbooks (25 KB each) that took the
 * browser 2.4–2.8 s of CPU; the same files read fifty to a Blob (one request, one stream; File API: a Blob made of
 * Files reads as their bytes in order) took 0.9–1.0 s (Chromium, 1,000 files, 2 cores, load 8).
 *
 * Each file keeps its own place: a file read with others gives its own bytes (a copy, so it can be transferred to
 * a reading worker alone); a large file, one that is no Blob (tests) or one whose batch could not be read (a file
 * moved or deleted since it was picked) is read on its own, as before — with its own error, the others unharmed.
 */

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
  bytes?: Promise<ArrayBuffer | undefined>;
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
    const b = this.batch;
    load(b);
    // The next batch is read while this one's files are: the reading never waits for the disk.
    if (b.next) load(b.next);
    const whole = await b.bytes;
    if (--b.left === 0) b.bytes = undefined;
    if (!whole) return this.picked.arrayBuffer();
    const start = b.offsets[this.at];
    return whole.slice(start, start + this.size);
  }
}

function load(b: Batch): void {
  b.bytes ??= new Blob(b.files).arrayBuffer().then(
    (bytes) => (bytes.byteLength === b.offsets[b.offsets.length - 1] ? bytes : undefined),
    () => undefined,
  );
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
