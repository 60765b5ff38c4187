/**
 * The season's work on the page, without a worker: where workers are missing (an old webview) and in tests in
 * Node. Loaded only then (startSeason.ts), as it brings every reader with it.
 */
import { readOne } from './readOne';
import { seasonOver, type Season } from './seasonClient';
import { SeasonEngine } from './seasonEngine';
import type { SeasonReply } from './seasonProtocol';
import { seasonWorker } from './seasonWork';

export function seasonOnPage(engine: SeasonEngine = new SeasonEngine(readOne, 1)): Season {
  let listener: (r: SeasonReply) => void = () => undefined;
  // Replies are delivered in a later task, as a worker's would be.
  const handle = seasonWorker(engine, (r) => setTimeout(() => listener(r), 0));
  return seasonOver({ send: (m) => handle(m), onReply: (fn) => (listener = fn) });
}
