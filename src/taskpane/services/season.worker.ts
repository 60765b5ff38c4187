/**
 * The season worker: everything heavy of checking and merging, off the page's thread. It reads the picked files
 * itself and in reading workers (readerPool below), keeps what was read for the next step,
 * merges, builds the consolidated workbook and (without Excel) writes it. See seasonWork.ts.
 */
import type { ReceivedFile } from '../../domain/consolidate/merge';
import type { CampaignSettings } from '../../domain/settings';
import { stringPool } from '../../domain/consolidate/stringPool';
import { BatchedFile } from './pickedBytes';
import { readOne } from './readOne';
import { firstTouchGauge, readingWorkersFor } from './readingWorkers';
import type { ReadReply, ReadTask } from './receive.worker';
import { SeasonEngine, type PickedFile, type ReadOne } from './seasonEngine';
import type { SeasonReply, SeasonRequest } from './seasonProtocol';
import { seasonWorker, type Deflating } from './seasonWork';
import { portDeflater, streamDeflater, type DeflatePort } from '../../files/xlsxDeflate';
import { bytesLender } from '../../files/reusedBytes';
import { seasonWorkerReading } from './scriptReading';
import { receivedFrom, SPLIT_READING_BELOW, type GridToReceive } from '../../files/receiveInput';
import { textReceiver } from '../../files/textsSentOnce';

// What this worker reads, it inflates and decodes without making the browser's buffers and strings, which would
// wait for its rare full collections (scriptReading.ts).
seasonWorkerReading();
const scope = self as unknown as { onmessage: ((e: MessageEvent<SeasonRequest>) => void) | null; postMessage(m: unknown, transfer?: Transferable[]): void };
const PER_READER = 2;

interface Reader {
  worker: Worker;
  /** What to do with each file's reply: its results, or the grids it was asked only to read. */
  waiting: Map<number, (r: ReceivedFile[] | GridToReceive) => void>;
  /** Buffers lent to this reader and handed back, to be lent again (receive.worker.ts says why). */
  lender: ReturnType<typeof bytesLender>;
  /** Puts back the texts of this reader's grids, sent once (textsSentOnce.ts), as its replies come, in order. */
  receiveTexts: ReturnType<typeof textReceiver>;
}

/**
 * Where the picked files are read: here, in this worker, one file at a time, and in reading workers (one per core
 * but this one's, started on first use), each holding PER_READER files so none waits — as the command line reads
 * on its main thread beside its worker threads (src/cli/receivePool.ts). This worker is idle while files are read
 * otherwise, and every reading worker is one more copy of the readers compiled and optimised by V8 and one more
 * heap. Where a worker cannot start, every file is read here.
 *
 * How many: readingWorkers.ts — on two cores one, or none where fresh memory is slow to touch (some virtual
 * machines), and then every file is read here.
 */
function readerPool(): { read: ReadOne; parallel: () => number; warm: () => void; cores: (n: number) => void } {
  // This worker's count until the page says its own (seasonClient.ts: the same, unless a test emulates another).
  let cores = (globalThis.navigator as Navigator | undefined)?.hardwareConcurrency || 2;
  const firstTouch = firstTouchGauge();
  const readersFor = (n: number) => readingWorkersFor(n, firstTouch.micros);
  // Decided when first needed (a pick, a check, a merge), not while the pane is still loading beside the probe.
  let size: number | undefined;
  const readerCount = () => (size ??= readersFor(cores));
  let readers: Reader[] | null | undefined;
  let seq = 0;
  let here = 0;
  // Each file's result arrives as its own copy of every text (structured cloning): kept for the merge, the texts
  // every school repeats (cell addresses, dates, levels, names) are kept once (stringPool.ts).
  const texts = stringPool(200_000);
  const start = (): Reader[] | null => {
    const count = readerCount();
    if (typeof Worker === 'undefined' || count === 0) return null;
    try {
      return Array.from({ length: count }, () => {
        const worker = new Worker(new URL('./receive.worker.ts', import.meta.url));
        const reader: Reader = { worker, waiting: new Map(), lender: bytesLender(PER_READER), receiveTexts: textReceiver() };
        worker.onmessage = (e: MessageEvent<ReadReply>) => {
          if (e.data.lent) reader.lender.giveBack(new Uint8Array(e.data.lent));
          if (e.data.texts && !Array.isArray(e.data.result)) reader.receiveTexts(e.data.result.grid, e.data.texts);
          const done = reader.waiting.get(e.data.index);
          reader.waiting.delete(e.data.index);
          done?.(e.data.result);
          idleSoon();
        };
        return reader;
      });
    } catch {
      return null;
    }
  };
  // Done reading (no file handed out by the next task: seasonWork.ts gives the merge a task boundary), the reading
  // workers end — each is a heap and a compiled copy of the readers, idle beside the merge and the writer, which
  // need the memory most (5,000 files: the page's peak 777 → 619 MB); files read later start new ones.
  let idle: ReturnType<typeof setTimeout> | undefined;
  const idleSoon = () => {
    idle ??= setTimeout(() => {
      idle = undefined;
      if (!readers || readers.some((r) => r.waiting.size > 0)) return;
      for (const r of readers) r.worker.terminate();
      readers = undefined;
    }, 0);
  };
  // A task boundary before each file read here: the reading workers' results (messages, tasks of their own) are
  // taken and they are handed their next files, as a file's bytes read beforehand may let a read run without one.
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
  const turns: (() => void)[] = [];
  if (channel) channel.port1.onmessage = () => turns.shift()?.();
  const turn = (): Promise<void> => new Promise((resolve) => (channel ? (turns.push(resolve), channel.port2.postMessage(null)) : setTimeout(resolve, 0)));
  const readHere = async (file: PickedFile, settings: CampaignSettings): Promise<ReceivedFile[]> => {
    here++;
    try {
      if (readers) await turn();
      // Kept as the reading workers' files are: each repeated text once.
      return (await readOne(file, settings)).map((r) => texts.share(r));
    } finally {
      here--;
    }
  };
  const read: ReadOne = (file: PickedFile, settings: CampaignSettings, pickSize?: number) => {
    if (readers === undefined) readers = start();
    if (!readers) return readHere(file, settings);
    // A pick below SPLIT_READING_BELOW files: the first reading worker only reads its files into grids, and this
    // worker finds the forms in them and reads none whole itself — each thread runs, and V8 compiles, its half of
    // the readers (on two cores compiling all of them in both took about what the second thread gave; the command
    // line does the same, cli/receivePool.ts). With more cores the other reading workers read whole files.
    const splitPick = pickSize !== undefined && pickSize < SPLIT_READING_BELOW;
    const split = splitPick && (readers.length === 1 || readers[0].waiting.size < PER_READER);
    const reader = split ? readers[0] : readers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    // This worker reads one file at a time, when every reading worker already holds its share.
    if (!splitPick && here === 0 && reader.waiting.size >= PER_READER) return readHere(file, settings);
    const index = seq++;
    const upTo = split ? ({ upTo: 'grid' } as const) : {};
    return new Promise<ReceivedFile[]>((resolve) => {
      // Kept as the files read here are: each repeated text once.
      const keep = (results: ReceivedFile[]) => resolve(results.map((r) => texts.share(r)));
      reader.waiting.set(index, (reply) => keep(receivedFrom(reply, settings)));
      // A file read with others (pickedBytes.ts) goes as its bytes, in a buffer lent again and again; any other as
      // the File.
      if (!(file instanceof BatchedFile)) return reader.worker.postMessage({ index, file, settings, ...upTo } satisfies ReadTask);
      void file.into(reader.lender.lend(file.size)).then(
        ({ buffer, size }) => {
          const task: ReadTask = { index, read: { name: file.name, lastModified: file.lastModified, size, bytes: buffer }, settings, ...upTo };
          reader.worker.postMessage(task, [buffer]);
        },
        // Not to be read (moved, deleted): the reading worker tries the File itself and says why.
        () => reader.worker.postMessage({ index, file: file.picked, settings, ...upTo } satisfies ReadTask),
      );
    });
  };
  // Files picked: the reading workers start now, loading and compiling their scripts (~160 ms, bench:pane --trace)
  // while the coordinator goes on to press «Проверить» or «Свести», not after.
  const warm = () => {
    if (readers === undefined) readers = start();
  };
  // The page's count, with its requests: reading workers not yet started are started for it (ones already
  // reading finish, and end when idle).
  const pageCores = (n: number) => {
    // Reading alone for a slow first touch: measured again with each request, and reading workers started for this
    // one should memory prove quick after all (readingWorkers.ts, firstTouchGauge).
    if (readers === null && firstTouch.recheck()) {
      size = undefined;
      readers = undefined;
    }
    if (n === cores || readers) return;
    cores = n;
    size = undefined;
    readers = undefined;
  };
  return { read, parallel: () => readerCount() * PER_READER + 1, warm, cores: pageCores };
}

/**
 * Replies to the page, progress at most every PROGRESS_MS per request (the last file's always): the page draws
 * it five times a second at most, and each message is a task on its thread — a thousand files, a thousand tasks.
 */
const PROGRESS_MS = 100;
function replies(): (r: SeasonReply, transfer?: Transferable[]) => void {
  const sent = new Map<number, number>();
  const held = new Map<number, SeasonReply>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (r: SeasonReply, transfer?: Transferable[]) => scope.postMessage(r, transfer);
  const flush = () => {
    timer = undefined;
    for (const [id, r] of held) {
      sent.set(id, Date.now());
      send(r);
    }
    held.clear();
  };
  return (r, transfer) => {
    if (r.type === 'progress') {
      const last = sent.get(r.id) ?? 0;
      if (Date.now() - last >= PROGRESS_MS || r.progress.done === r.progress.total) {
        held.delete(r.id);
        sent.set(r.id, Date.now());
        return send(r);
      }
      held.set(r.id, r);
      timer ??= setTimeout(flush, PROGRESS_MS);
      return;
    }
    // Done or failed: what progress was held back is out of date.
    held.delete(r.id);
    sent.delete(r.id);
    send(r, transfer);
  };
}

/**
 * The writer's deflating, on a thread of its own (deflate.worker.ts): a worker for each workbook written, started
 * with its merge so it is ready by the time the files are read, ended once the workbook is written (a heap less
 * beside what the pane keeps). None where there is no such worker or no native deflate: the writer deflates here.
 */
function newDeflateWorker(): Worker | undefined {
  if (typeof Worker === 'undefined' || !streamDeflater()) return undefined;
  try {
    return new Worker(new URL('./deflate.worker.ts', import.meta.url));
  } catch {
    return undefined;
  }
}
let deflateReady: Worker | undefined;
const deflating: Deflating = () => {
  const worker = deflateReady ?? newDeflateWorker();
  deflateReady = undefined;
  return worker && { deflater: portDeflater(worker as unknown as DeflatePort), written: () => worker.terminate() };
};

const pool = readerPool();
const handle = seasonWorker(new SeasonEngine(pool.read, pool.parallel), replies(), deflating);
scope.onmessage = (e) => {
  const m = e.data;
  if ((m.type === 'picked' || m.type === 'check' || m.type === 'merge') && m.cores) pool.cores(m.cores);
  if (m.type === 'picked') pool.warm();
  if (m.type === 'merge' && m.output === 'bytes') deflateReady ??= newDeflateWorker();
  handle(m);
};
