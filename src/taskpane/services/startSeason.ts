/** Starts the season worker (webpack bundles season.worker.ts as a worker chunk); the page does the work without one. */
import { SeasonEngine } from './seasonEngine';
import { readOne } from './readOne';
import { seasonOnPage, seasonOver, type Season } from './seasonClient';
import type { SeasonReply } from './seasonProtocol';

export function startSeason(): Season {
  if (typeof Worker !== 'undefined') {
    try {
      const worker = new Worker(new URL('./season.worker.ts', import.meta.url));
      return seasonOver({ send: (m) => worker.postMessage(m), onReply: (fn) => (worker.onmessage = (e: MessageEvent<SeasonReply>) => fn(e.data)) });
    } catch {
      // fall through: a webview without workers (or refusing this one) does the work on the page
    }
  }
  return seasonOnPage(new SeasonEngine(readOne, 1));
}
