/**
 * Starts the season worker (webpack bundles season.worker.ts as a worker chunk). Without one the page does the
 * work (seasonOnPage.ts), loaded only then: where the worker starts, the page's thread loads no reader at all.
 */
import { seasonOver, type Season } from './seasonClient';
import type { SeasonReply } from './seasonProtocol';

/** A Season whose calls wait for `later`. */
export function seasonWhenReady(later: Promise<Season>): Season {
  return {
    check: (...a) => later.then((s) => s.check(...a)),
    merge: (...a) => later.then((s) => s.merge(...a)),
    previous: (...a) => later.then((s) => s.previous(...a)),
    withPrevious: (...a) => later.then((s) => s.withPrevious(...a)),
    note: (...a) => later.then((s) => s.note(...a)),
    pick: (...a) => void later.then((s) => s.pick(...a)),
  };
}

export function startSeason(): Season {
  if (typeof Worker !== 'undefined') {
    try {
      const worker = new Worker(new URL('./season.worker.ts', import.meta.url));
      return seasonOver({ send: (m) => worker.postMessage(m), onReply: (fn) => (worker.onmessage = (e: MessageEvent<SeasonReply>) => fn(e.data)) });
    } catch {
      // fall through: a webview without workers (or refusing this one) does the work on the page
    }
  }
  return seasonWhenReady(import(/* webpackChunkName: "season-on-page" */ './seasonOnPage').then((m) => m.seasonOnPage()));
}
