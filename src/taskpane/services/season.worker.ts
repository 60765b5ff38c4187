/**
 * The season worker: everything heavy of checking and merging, off the page's thread. It reads the picked files
 * itself and in reading workers (readerPool.ts), keeps what was read for the next step,
 * merges, builds the consolidated workbook and (without Excel) writes it. See seasonWork.ts.
 */
import { SeasonEngine } from './seasonEngine';
import { readerPool } from './readerPool';
import type { SeasonReply, SeasonRequest } from './seasonProtocol';
import { seasonWorker, type Deflating } from './seasonWork';
import { portDeflater, streamDeflater, type DeflatePort } from '../../files/xlsxDeflate';
import { seasonWorkerReading } from './scriptReading';

// What this worker reads, it inflates and decodes without making the browser's buffers and strings, which would
// wait for its rare full collections (scriptReading.ts).
seasonWorkerReading();
const scope = self as unknown as { onmessage: ((e: MessageEvent<SeasonRequest>) => void) | null; postMessage(m: unknown, transfer?: Transferable[]): void };
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

const pool = readerPool(() => new Worker(new URL('./receive.worker.ts', import.meta.url)));
const handle = seasonWorker(new SeasonEngine(pool.read, pool.parallel), replies(), deflating);
scope.onmessage = (e) => {
  const m = e.data;
  if ((m.type === 'picked' || m.type === 'check' || m.type === 'merge') && m.cores) pool.cores(m.cores);
  if (m.type === 'picked') pool.warm();
  if (m.type === 'merge' && m.output === 'bytes') deflateReady ??= newDeflateWorker();
  handle(m);
};
