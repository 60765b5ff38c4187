/**
 * Receiving many files on all cores: worker threads, each reading, finding the forms and checking the files it is
 * handed, and the main thread reading alongside them; results put back in the order of the inputs. Reading is
 * most of a merge's work, and one school's file does not depend on another's.
 *
 * Or split (PoolOptions.receiveGrid, what the merge does): a worker reads a workbook only into its grids and the
 * main thread finds the forms in them and checks them. V8 compiles the code each thread runs, on background threads
 * of the same cores: with every thread running all of it, that compiling took as much CPU as the second thread gave
 * on two cores (1,000 files: reading 2.0 s, main thread or two alike); split, each compiles its half (reading 1.7 s).
 *
 * Workers run the built bundle (dist-cli/receiveWorker.cjs, `npm run build:cli`): started from TypeScript
 * sources each worker would compile the whole core again, which costs more than it saves (measured, bench/).
 * Each worker holds a few files at once, so it never waits for the main thread (busy reading) to hand it the next.
 * A worker that dies (out of memory on a hostile file) loses nothing: the file it was reading is refused with a
 * reason, the files queued behind it go back to the queue, and a fresh worker takes the rest.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReceivedFile } from '../domain/consolidate/merge';
import type { CampaignSettings } from '../domain/settings';
import type { FastReaderCounts } from '../files/xlsxValues';
import type { GridToReceive } from '../files/receiveInput';
import { textReceiver, type SentTexts } from '../files/textsSentOnce';

/** A received file as the folder listing gives it. */
export interface InputToReceive {
  path: string;
  name: string;
  modified: string;
  /** Bytes, when known: the threads take the heaviest files first. */
  size?: number;
}

/**
 * Below this many files a worker's start-up (~0.4 s of CPU on a core the main thread also needs) is not worth
 * it: 102 files took 1.8 s in the main thread alone and 2.0–2.2 s with a worker (`npm run bench`).
 */
const FEW_FILES = 200;
/** Per worker: room for the largest workbook the guards let through, and no more. */
const WORKER_HEAP_MB = 2048;
/** Files a worker holds at once: one being read, the rest waiting in its queue. */
const IN_FLIGHT = 4;
/**
 * Read grids waiting for the main thread past which a worker is handed whole files instead (PoolOptions.receiveGrid):
 * the main thread is then the slower, and a backlog would only hold memory.
 */
const GRIDS_WAITING = 64;

const newReader = (script: string): Worker => new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });

/** A reading worker started ahead of the pool (startReaderAhead), with what became of it meanwhile. */
let ahead: { worker: Worker; exited: boolean } | undefined;

/**
 * Starts a reading worker now, for the pool to take when it starts: a worker's start-up (~0.1 s: a thread, V8,
 * the bundle) then overlaps the main thread's listing of the folders. It keeps no process alive until taken.
 */
export function startReaderAhead(script: string): void {
  if (ahead) return;
  const started = { worker: newReader(script), exited: false };
  // A start-up that fails is not the pool's to see: the worker is simply not taken.
  started.worker.on('error', () => undefined).once('exit', () => (started.exited = true));
  started.worker.unref();
  ahead = started;
}

/** The worker started ahead, if it is still running, taken for the pool; any other is stopped. */
function takeAhead(): Worker | undefined {
  const taken = ahead;
  ahead = undefined;
  if (!taken || taken.exited) return undefined;
  taken.worker.ref();
  return taken.worker;
}

/** A worker started ahead and not needed after all (too few files to read on threads). */
export function dropReaderAhead(): void {
  void takeAhead()?.terminate();
}

/** The built worker beside the running bundle; undefined when running from sources (tsx, jest). */
export function workerScript(dir: string = __dirname): string | undefined {
  const script = path.join(dir, 'receiveWorker.cjs');
  return existsSync(script) ? script : undefined;
}

/**
 * Worker threads for this many files, besides the main thread, which reads too: one per core but the main
 * thread's. PROFKAMPANIYA_WORKERS overrides (0 = the main thread alone).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const asked = env.PROFKAMPANIYA_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), files);
  if (files < FEW_FILES) return 0;
  return Math.max(1, Math.min(cores - 1, 7));
}

const lostWorker = (file: string, why: string): string =>
  `Файл «${file}» не удалось прочитать: чтение прервалось (${why}). Возможно, файл слишком велик или повреждён. ` +
  'Откройте его в Excel, удалите лишние листы и строки, сохраните и пришлите снова.';

/** Gives the event loop a turn: the workers' results are taken and their queues topped up between files. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface PoolOptions {
  /** Reads one file in the main thread between handling the workers' messages; without it only workers read. */
  mainThread?: (input: InputToReceive) => Promise<ReceivedFile[]>;
  /** Each worker's fast-reader counts so far (cumulative), after each of its files: `worker` numbers the thread. */
  onReaderCounts?: (worker: number, counts: FastReaderCounts) => void;
  /** The order in which the inputs are handed out (indices; default: as given). */
  order?: number[];
  /** What is kept of a worker's result (the merge shares repeated texts across files). */
  keep?: (result: ReceivedFile) => ReceivedFile;
  /**
   * Finds the forms in a workbook a worker only read into grids, on the main thread. Given, workers are handed
   * files to read only that far while the main thread has few grids waiting (GRIDS_WAITING), and whole files
   * otherwise: each thread then runs — and V8 compiles — mostly its half of the code, where on two cores the
   * compiling of everything twice took as much as the second thread gave (`npm run bench`, README).
   */
  receiveGrid?: (grid: GridToReceive) => ReceivedFile[];
}

/** What a worker is handed: first the campaign settings, then files; `upTo: 'grid'` asks for a workbook on its own only read into its grids. */
export type ToReader = { settings: CampaignSettings } | ReceiveTask;
export interface ReceiveTask {
  index: number;
  input: InputToReceive;
  upTo?: 'grid';
}

/** What a worker posts back: the received files, or the grids of a workbook it was asked only to read. */
export interface ReceiveReply {
  index: number;
  result: ReceivedFile[] | GridToReceive;
  reader?: FastReaderCounts;
  /** With grids: their texts, taken out and sent once for all the worker's files (textsSentOnce.ts). */
  texts?: SentTexts;
}

export function receiveInWorkers(
  inputs: InputToReceive[],
  settings: CampaignSettings,
  script: string,
  workers: number,
  options: PoolOptions = {},
): Promise<ReceivedFile[]> {
  // One input may give several received files (a letter's attachments, an archive's files): kept per input, in order.
  const results: ReceivedFile[][] = new Array(inputs.length);
  // Files not yet handed out: in order, and those a dead worker had queued put back first.
  const order = options.order ?? inputs.map((_, i) => i);
  let next = 0;
  const returned: number[] = [];
  const take = (): number | undefined => (returned.length ? returned.shift() : next < order.length ? order[next++] : undefined);
  let done = 0;
  // Workbooks a worker read into grids, waiting for the main thread to find their forms.
  const grids: { index: number; grid: GridToReceive }[] = [];
  let wake: (() => void) | undefined;
  const kept = (result: ReceivedFile[]) => (options.keep ? result.map(options.keep) : result);
  return new Promise((resolve, reject) => {
    const pool = new Set<Worker>();
    let finished = false;
    const record = (index: number, result: ReceivedFile[]) => {
      results[index] = result;
      if (++done === inputs.length && !finished) {
        finished = true;
        for (const w of pool) void w.terminate();
        wake?.();
        resolve(results.flat());
      }
    };
    const start = () => {
      const worker = takeAhead() ?? newReader(script);
      pool.add(worker);
      worker.postMessage({ settings } satisfies ToReader);
      const queue: number[] = []; // handed to this worker, oldest (the one being read) first
      const receiveTexts = textReceiver(); // this worker's texts, put back as its messages come, in order
      const topUp = () => {
        while (queue.length < IN_FLIGHT) {
          const index = take();
          if (index === undefined) break;
          queue.push(index);
          const task: ReceiveTask = { index, input: inputs[index], ...(options.receiveGrid && grids.length < GRIDS_WAITING ? { upTo: 'grid' as const } : {}) };
          worker.postMessage(task);
        }
      };
      worker.on('message', (m: ReceiveReply) => {
        if (m.reader) options.onReaderCounts?.(worker.threadId, m.reader);
        queue.splice(queue.indexOf(m.index), 1);
        if (Array.isArray(m.result)) record(m.index, kept(m.result));
        else {
          if (m.texts) receiveTexts(m.result.grid, m.texts);
          grids.push({ index: m.index, grid: m.result });
          wake?.();
        }
        topUp();
      });
      let why = '';
      worker.on('error', (e) => (why = /memory/i.test(e.message) ? 'не хватило памяти' : e.message));
      worker.on('exit', () => {
        pool.delete(worker);
        if (finished || queue.length === 0) return;
        // The file it was reading is accounted for with its reason; the ones queued behind it go to another worker.
        const [lost, ...waiting] = queue;
        returned.unshift(...waiting);
        const input = inputs[lost];
        record(lost, [{ file: input.name, received: input.modified, error: lostWorker(input.name, why || 'поток чтения остановился') }]);
        if (done < inputs.length) {
          try {
            start();
          } catch (e) {
            reject(e);
          }
        }
      });
      topUp();
    };
    if (inputs.length === 0) return resolve([]);
    for (let i = 0; i < Math.min(workers, inputs.length); i++) start();
    const read = options.mainThread;
    const receiveGrid = options.receiveGrid;
    if (!read && !receiveGrid) return;
    // The main thread: the forms of the grids waiting first (a worker waits on none of them), else a file of its own,
    // read whole; the workers' messages get a turn after each.
    void (async () => {
      while (!finished) {
        const waiting = grids.shift();
        if (waiting && receiveGrid) record(waiting.index, kept(receiveGrid(waiting.grid)));
        else {
          const index = read ? take() : undefined;
          if (read && index !== undefined) record(index, await read(inputs[index]));
          else if (!receiveGrid) return;
          else await new Promise<void>((resolve) => (wake = resolve)); // until a grid comes or all is done
        }
        wake = undefined;
        await turn();
      }
    })().catch(reject);
  });
}
