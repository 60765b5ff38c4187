/**
 * How the pane's workers inflate and decode what they read: parts packed in up to 64 KB (a school's sheets) with
 * fflate in script, straight into a lent buffer, and their text decoded by script (streamInflate.ts,
 * utf8InScript.ts); larger parts keep the browser's native DecompressionStream. What the browser makes — the
 * stream's chunks, TextDecoder's strings — is freed only when the worker holding it collects in full, which a
 * worker whose old generation hardly grows does rarely: its external memory then rises by V8's 64 MB step before a
 * full collection. At 5,000 schools that was 15–61 MB of ArrayBuffers and 22–41 MB of Blink's buffers waiting in
 * the reading worker (bench:pane, PANE_MEMDUMP), the season worker having been set so already; with both workers
 * so, the page's peak 526/478 → 467/446 MB (two alternated pairs) and 1,000 files no slower (6.3/6.5/4.4 →
 * 6.1/6.3/4.2 s, three pairs).
 */
import { inflateSmallPartsInScript } from '../../files/streamInflate';
import { decodePartsInScript } from '../../files/readWorkbook';

export function readPartsInScript(): void {
  inflateSmallPartsInScript();
  decodePartsInScript();
}
