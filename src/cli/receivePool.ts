/**
 * Receiving many files on all cores: worker threads, each reading, finding the forms and checking one file at a
 * time, results put back in the order of the inputs. Reading is nine tenths of a merge's work, and one school's
 * file does not depend on another's.
 *
 * Workers run the built bundle (dist-cli/receiveWorker.cjs, `npm run build:cli`): started from TypeScript
 * sources each worker would compile the whole core again, which costs more than it saves (measured, bench/).
 * A worker that dies (out of memory on a hostile file) loses nothing: its file is refused with a reason and a
 * fresh worker takes the rest.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReceivedFile } from '../domain/consolidate/merge';
import type { CampaignSettings } from '../domain/settings';
import type { InputToReceive } from './receive';

/** Below this many files a worker's start-up (~0.2 s) is not worth it. */
const FEW_FILES = 24;
/** Per worker: room for the largest workbook the guards let through, and no more. */
const WORKER_HEAP_MB = 2048;

/** The built worker beside the running bundle; undefined when running from sources (tsx, jest). */
export function workerScript(dir: string = __dirname): string | undefined {
  const script = path.join(dir, 'receiveWorker.cjs');
  return existsSync(script) ? script : undefined;
}

/** How many workers for this many files: PROFKAMPANIYA_WORKERS overrides (0 = read in the main thread). */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.PROFKAMPANIYA_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), files);
  if (files < FEW_FILES) return 0;
  return Math.min(availableParallelism(), 8);
}

const lostWorker = (file: string, why: string): string =>
  `Файл «${file}» не удалось прочитать: чтение прервалось (${why}). Возможно, файл слишком велик или повреждён. ` +
  'Откройте его в Excel, удалите лишние листы и строки, сохраните и пришлите снова.';

export function receiveInWorkers(inputs: InputToReceive[], settings: CampaignSettings, script: string, workers: number): Promise<ReceivedFile[]> {
  const results: ReceivedFile[] = new Array(inputs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool = new Set<Worker>();
    const finish = () => {
      for (const w of pool) void w.terminate();
      resolve(results);
    };
    const start = () => {
      const worker = new Worker(script, { workerData: { settings }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      pool.add(worker);
      let current = -1;
      const give = () => {
        if (next >= inputs.length) {
          current = -1;
          pool.delete(worker);
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, input: inputs[current] });
      };
      worker.on('message', (m: { index: number; result: ReceivedFile }) => {
        results[m.index] = m.result;
        if (++done === inputs.length) return finish();
        give();
      });
      let why = '';
      worker.on('error', (e) => (why = /memory/i.test(e.message) ? 'не хватило памяти' : e.message));
      worker.on('exit', () => {
        pool.delete(worker);
        if (current < 0) return;
        // The file it held is accounted for with its reason; a new worker goes on with the rest.
        const input = inputs[current];
        results[current] = { file: input.name, received: input.modified, error: lostWorker(input.name, why || 'поток чтения остановился') };
        current = -1;
        if (++done === inputs.length) return finish();
        if (next < inputs.length) {
          try {
            start();
          } catch (e) {
            reject(e);
          }
        }
      });
      give();
    };
    if (inputs.length === 0) return resolve(results);
    for (let i = 0; i < Math.min(workers, inputs.length); i++) start();
  });
}
