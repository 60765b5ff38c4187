/**
 * The page's side of the season worker: check, merge, earlier campaigns — each a promise, with progress and a
 * cancel. Where a worker cannot be started (an old webview, a test), the same work runs on the page
 * (seasonOnPage.ts, loaded only then: this module imports no reading or merging code, so the page's thread never
 * evaluates the readers' chunks).
 */
import type { CampaignFigures } from '../../domain/indicators';
import type { CampaignSettings } from '../../domain/settings';
import type { CheckView, MergeRequest, PickedFile, Progress } from './seasonEngine';
import { FILES_PER_MESSAGE, withRowsAhead, type Delivered, type Output, type SeasonReply, type SeasonRequest } from './seasonProtocol';
import type { OrgRow } from './organisations';

/** A cancel the coordinator asked for: shown as information, never as an error. */
export class CancelledByUser extends Error {
  constructor(
    message: string,
    readonly done: number,
    readonly total: number,
  ) {
    super(message);
    this.name = 'CancelledByUser';
  }
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface Season {
  check(files: PickedFile[], settings: CampaignSettings, o?: RunOptions): Promise<CheckView>;
  merge(files: PickedFile[], req: MergeRequest, output: Output, o?: RunOptions): Promise<Delivered>;
  previous(files: PickedFile[]): Promise<{ previous: CampaignFigures[]; errors: string[] }>;
  withPrevious(previous: CampaignFigures[], output: Output): Promise<Delivered | undefined>;
  /** «Аналитическая справка» (.docx) of the last merge; undefined before any merge. */
  note(previous: CampaignFigures[]): Promise<{ bytes: Uint8Array } | undefined>;
  /** The coordinator picked these files: they go to the worker now, so a check or a merge of them starts at once. */
  pick(files: PickedFile[]): void;
}

type Call = SeasonRequest extends infer R ? (R extends { type: 'cancel' | 'files' | 'picked' } ? never : Omit<R, 'id'>) : never;
export type Endpoint = { send(m: SeasonRequest): void; onReply(fn: (r: SeasonReply) => void): void };

export function seasonOver(endpoint: Endpoint): Season {
  let seq = 0;
  const cores = () => globalThis.navigator?.hardwareConcurrency;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void; rows: OrgRow[]; settled?: () => void }>();
  endpoint.onReply((r) => {
    const p = pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') p.onProgress?.(r.progress);
    else if (r.type === 'rows') for (const row of r.rows) p.rows.push(row);
    else {
      pending.delete(r.id);
      p.settled?.();
      if (r.type === 'done') p.resolve(withRowsAhead(r.value, p.rows));
      else p.reject(r.cancelled ? new CancelledByUser(r.message, r.cancelled.done, r.cancelled.total) : new Error(r.message));
    }
  });
  /** A task boundary: the page handles input and paints between two batches of files. */
  const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  /**
   * The last pick, sent as picked. Cloning a picked File the first time costs the page's thread a question to the
   * browser about the file (its size and date; later clones are cheap): 0.3 ms a file on a quiet machine, 2–7 ms on
   * a busy one, so a batch of 50 at the merge's start was a task of 130–360 ms (bench:pane, load 8–10). Sent when
   * picked, in batches sized to take ~8 ms each, that is done while the coordinator fills in the rest, and the
   * merge's request names the pick instead (its files are the same array). A request made before the last batch
   * goes at once: the worker reads the files it has while the rest arrive (1,000 files: the first 0.6 s of the
   * merge had no file read, bench:pane).
   */
  let picked: { files: PickedFile[]; id: number; asked: number } | undefined;
  const pick = (files: PickedFile[]) => {
    if (picked?.files === files || files.length === 0) return;
    const id = ++seq;
    const now = { files, id, asked: 0 };
    picked = now;
    void (async () => {
      let n = 8;
      // Sent to the end while a request reads them, even when other files have been picked since.
      for (let at = 0; at < files.length && (picked?.id === id || now.asked > 0); ) {
        const started = performance.now();
        endpoint.send({ id, type: 'picked', files: files.slice(at, at + n), total: files.length, cores: cores() });
        at += n;
        const took = performance.now() - started;
        n = Math.max(1, Math.min(FILES_PER_MESSAGE, Math.round((n * 8) / Math.max(took, 0.5))));
        await turn();
      }
    })();
  };
  const call = <T>(given: Call, o: RunOptions = {}): Promise<T> => {
    const id = ++seq;
    const m = given.type === 'check' || given.type === 'merge' ? { ...given, cores: cores() } : given;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: o.onProgress, rows: [] });
      o.signal?.addEventListener('abort', () => endpoint.send({ id: ++seq, type: 'cancel', of: id }), { once: true });
      const files = 'files' in m ? m.files : [];
      const p = picked;
      if (p && p.files === files && (m.type === 'check' || m.type === 'merge')) {
        // At once, not after the pick's last file: the worker reads the files it has while the rest arrive.
        p.asked++;
        pending.get(id)!.settled = () => p.asked--;
        endpoint.send({ ...m, files: [], picked: p.id, id } as SeasonRequest);
        return;
      }
      if (files.length <= FILES_PER_MESSAGE) return endpoint.send({ ...m, id } as SeasonRequest);
      // Cloning a picked File into a message takes the page's thread a moment each (structured cloning, MDN
      // «The structured clone algorithm»: File and Blob are cloneable): a thousand in one message blocked the page
      // for a quarter of a second. They go in batches, one task each; the request follows with the last batch.
      void (async () => {
        for (let at = 0; at + FILES_PER_MESSAGE < files.length; at += FILES_PER_MESSAGE) {
          endpoint.send({ id, type: 'files', files: files.slice(at, at + FILES_PER_MESSAGE) });
          await turn();
        }
        const last = files.length - ((files.length - 1) % FILES_PER_MESSAGE) - 1;
        endpoint.send({ ...m, files: files.slice(last), id } as SeasonRequest);
      })();
    });
  };
  return {
    check: (files, settings, o) => call({ type: 'check', files, settings }, o),
    merge: (files, req, output, o) => call({ type: 'merge', files, req, output }, o),
    previous: (files) => call({ type: 'previous', files }),
    withPrevious: (previous, output) => call({ type: 'withPrevious', previous, output }),
    note: (previous) => call({ type: 'note', previous }),
    pick,
  };
}
