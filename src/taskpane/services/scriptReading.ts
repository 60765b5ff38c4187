/**
 * How the pane's workers inflate and decode what they read. Parts packed in up to 64 KB (a school's sheets) are
 * inflated with fflate in script, straight into a lent buffer (streamInflate.ts); larger parts keep the browser's
 * native DecompressionStream. What the stream gives are buffers the browser made, freed only when the worker
 * holding them collects in full — rarely, in a worker reading thousands of files: V8 waits for 64 MB more memory
 * outside its heap. At 5,000 schools that was 15–61 MB of ArrayBuffers waiting in the reading worker (bench:pane,
 * PANE_MEMDUMP) and 60–100 MB in the season worker; fflate makes nothing to wait for, at the same speed.
 *
 * Text is decoded by script only in the season worker (utf8InScript.ts), which keeps every school's forms: there
 * TextDecoder's strings waited 60–130 MB at a time. Script decoding costs ~10× TextDecoder's time on a long sheet
 * of markup, and in the reading worker it bought nothing measurable: two alternated pairs at 5,000 schools, peaks
 * 434/490 MB decoding by script against 462/477 by TextDecoder, which used 13% less CPU (43.3/35.7 against
 * 37.5/30.8 s) and read the set with shapes faster (7.0/6.1 against 6.3/5.8 s).
 */
import { inflateSmallPartsInScript } from '../../files/streamInflate';
import { decodePartsInScript } from '../../files/readWorkbook';

/** The season worker: small parts inflated in script, every part's text decoded by script. */
export function seasonWorkerReading(): void {
  inflateSmallPartsInScript();
  decodePartsInScript();
}

/** A reading worker: small parts inflated in script; text decoded by TextDecoder. */
export function readingWorkerReading(): void {
  inflateSmallPartsInScript();
}
