/**
 * Where the season worker's picked files are read (season.worker.ts): in reading workers and in the season worker
 * itself. Apart from the season worker so it can be tested with stand-in workers (`newWorker`).
 */
import type { ReceivedFile } from '../../domain/consolidate/merge';
import type { CampaignSettings } from '../../domain/settings';
import { SHARE_FROM_FILES, stringPool } from '../../domain/consolidate/stringPool';
import { BatchedFile } from './pickedBytes';
import { readOne } from './readOne';
import { firstTouchGauge, readingWorkersFor } from './readingWorkers';
import type { ReadReply, ReadTask } from './receive.worker';
import type { PickedFile, ReadOne } from './seasonEngine';
import { bytesLender } from '../../files/reusedBytes';
import { receivedFrom, SPLIT_READING_BELOW, type GridToReceive } from '../../files/receiveInput';
import { textReceiver } from '../../files/textsSentOnce';

const PER_READER = 2;

interface Reader {
  worker: Worker;
  /**
   * The files handed to it, each with what to do with its reply (its results, or the grids it was asked only to
   * read) and how to read it here instead, should the worker fail.
   */
  waiting: Map<number, { done: (r: ReceivedFile[] | GridToReceive) => void; instead: () => Promise<ReceivedFile[]> }>;
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
export function readerPool(newWorker: () => Worker): { read: ReadOne; parallel: () => number; warm: () => void; cores: (n: number) => void } {
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
  // Each file's result arrives as its own copy of every text (structured cloning): kept for the merge of a large pick,
  // the texts every school repeats (cell addresses, dates, levels, names) are kept once (stringPool.ts).
  const texts = stringPool(200_000);
  const kept = (pickSize: number | undefined) => (results: ReceivedFile[]) => (pickSize !== undefined && pickSize < SHARE_FROM_FILES ? results : results.map((r) => texts.share(r)));
  const start = (): Reader[] | null => {
    const count = readerCount();
    // No Worker in this scope: newWorker throws, and every file is read here.
    if (count === 0) return null;
    try {
      return Array.from({ length: count }, () => {
        const worker = newWorker();
        const reader: Reader = { worker, waiting: new Map(), lender: bytesLender(PER_READER), receiveTexts: textReceiver() };
        worker.onmessage = (e: MessageEvent<ReadReply>) => {
          if (e.data.lent) reader.lender.giveBack(new Uint8Array(e.data.lent));
          if (e.data.texts && !Array.isArray(e.data.result)) reader.receiveTexts(e.data.result.grid, e.data.texts);
          const handed = reader.waiting.get(e.data.index);
          reader.waiting.delete(e.data.index);
          handed?.done(e.data.result);
          idleSoon();
        };
        // A reading worker that fails outright (its script not loaded, an error it did not answer for) would leave
        // the files it holds unanswered and the merge waiting for ever: it is ended, its files read here instead
        // (the lent bytes went with it; they are read again from the picked files), and it gets no more.
        worker.onerror = (e: Event) => {
          e.preventDefault?.();
          worker.terminate();
          if (readers) {
            readers = readers.filter((r) => r !== reader);
            if (readers.length === 0) readers = null;
          }
          const held = [...reader.waiting.values()];
          reader.waiting.clear();
          for (const h of held) void h.instead().then(h.done);
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
  // Under Node (the tests) a listening port would keep the process alive; browsers have no unref.
  (channel?.port1 as { unref?: () => void } | undefined)?.unref?.();
  const turn = (): Promise<void> => new Promise((resolve) => (channel ? (turns.push(resolve), channel.port2.postMessage(null)) : setTimeout(resolve, 0)));
  const readHere = async (file: PickedFile, settings: CampaignSettings, pickSize?: number): Promise<ReceivedFile[]> => {
    here++;
    try {
      if (readers) await turn();
      // Kept as the reading workers' files are.
      return kept(pickSize)(await readOne(file, settings));
    } finally {
      here--;
    }
  };
  const read: ReadOne = (file: PickedFile, settings: CampaignSettings, pickSize?: number) => {
    if (readers === undefined) readers = start();
    if (!readers) return readHere(file, settings, pickSize);
    // A pick below SPLIT_READING_BELOW files: the first reading worker only reads its files into grids, and this
    // worker finds the forms in them and reads none whole itself — each thread runs, and V8 compiles, its half of
    // the readers (on two cores compiling all of them in both took about what the second thread gave; the command
    // line does the same, cli/receivePool.ts). With more cores the other reading workers read whole files.
    const splitPick = pickSize !== undefined && pickSize < SPLIT_READING_BELOW;
    const split = splitPick && (readers.length === 1 || readers[0].waiting.size < PER_READER);
    const reader = split ? readers[0] : readers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    // This worker reads one file at a time, when every reading worker already holds its share.
    if (!splitPick && here === 0 && reader.waiting.size >= PER_READER) return readHere(file, settings, pickSize);
    const index = seq++;
    const upTo = split ? ({ upTo: 'grid' } as const) : {};
    return new Promise<ReceivedFile[]>((resolve) => {
      // Kept as the files read here are.
      const keep = (results: ReceivedFile[]) => resolve(kept(pickSize)(results));
      const instead = () => readOne(file, settings);
      reader.waiting.set(index, { done: (reply) => keep(receivedFrom(reply, settings)), instead });
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
