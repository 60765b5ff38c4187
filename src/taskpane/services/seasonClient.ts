/**
 * The page's side of the season worker: check, merge, earlier campaigns — each a promise, with progress and a
 * cancel. Where a worker cannot be started (an old webview, a test), the same work runs on the page.
 */
import type { CampaignFigures } from '../../domain/indicators';
import type { CampaignSettings } from '../../domain/settings';
import { SeasonEngine, type CheckView, type MergeRequest, type PickedFile, type Progress } from './seasonEngine';
import type { Delivered, Output, SeasonReply, SeasonRequest } from './seasonProtocol';
import { seasonWorker } from './seasonWork';

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
}

type Call = SeasonRequest extends infer R ? (R extends { type: 'cancel' } ? never : Omit<R, 'id'>) : never;
type Endpoint = { send(m: SeasonRequest): void; onReply(fn: (r: SeasonReply) => void): void };

export function seasonOver(endpoint: Endpoint): Season {
  let seq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void }>();
  endpoint.onReply((r) => {
    const p = pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') p.onProgress?.(r.progress);
    else {
      pending.delete(r.id);
      if (r.type === 'done') p.resolve(r.value);
      else p.reject(r.cancelled ? new CancelledByUser(r.message, r.cancelled.done, r.cancelled.total) : new Error(r.message));
    }
  });
  const call = <T>(m: Call, o: RunOptions = {}): Promise<T> => {
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: o.onProgress });
      o.signal?.addEventListener('abort', () => endpoint.send({ id: ++seq, type: 'cancel', of: id }), { once: true });
      endpoint.send({ ...m, id } as SeasonRequest);
    });
  };
  return {
    check: (files, settings, o) => call({ type: 'check', files, settings }, o),
    merge: (files, req, output, o) => call({ type: 'merge', files, req, output }, o),
    previous: (files) => call({ type: 'previous', files }),
    withPrevious: (previous, output) => call({ type: 'withPrevious', previous, output }),
    note: (previous) => call({ type: 'note', previous }),
  };
}

/** The same work on the page (no worker): used where workers are missing, and by tests in Node. */
export function seasonOnPage(engine: SeasonEngine): Season {
  let listener: (r: SeasonReply) => void = () => undefined;
  // Replies are delivered in a later task, as a worker's would be.
  const handle = seasonWorker(engine, (r) => setTimeout(() => listener(r), 0));
  return seasonOver({ send: (m) => handle(m), onReply: (fn) => (listener = fn) });
}
