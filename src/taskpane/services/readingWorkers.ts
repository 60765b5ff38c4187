/**
 * How many reading workers the season worker starts beside itself (season.worker.ts): one a core but its own, five
 * at most — and on two cores only where fresh memory is quick to touch.
 *
 * On two cores a reading worker costs a second warm-up and compilation of the readers, a copy of every result and
 * a second heap whose pages are touched afresh; what it gives is the second core. Which wins is decided by the cost
 * of touching a page for the first time (bench:pane, 1,000 files, alternated pairs, 2026-12-07): on a virtual
 * machine where it cost ~15 µs, reading alone was faster (7.3 s against 8.0 s on average); on one where it cost
 * ~3 µs — a desktop's is well under one — the reading worker was (4.4 s against 5.0 s).
 */

/** Microseconds a page above which, on two cores, the season worker reads alone: between the two measured above. */
export const SLOW_FIRST_TOUCH_MICROS = 8;
const MOST_READERS = 5;

/** Reading workers for `cores` cores; `firstTouchMicros` is asked only on two. */
export function readingWorkersFor(cores: number, firstTouchMicros: () => number): number {
  if (cores <= 1) return 0;
  if (cores === 2) return firstTouchMicros() > SLOW_FIRST_TOUCH_MICROS ? 0 : 1;
  return Math.min(cores - 1, MOST_READERS);
}

const PROBE_BYTES = 4 * 1024 * 1024;
const PAGE = 4096;

/**
 * What touching fresh memory costs here, in microseconds a page: a 4 MB buffer (mapped afresh by the allocator, as
 * the readers' large buffers are) allocated and written a byte a page, the least of three — a thread the system
 * set aside meanwhile only adds time. Measured once, in the worker, when files are first picked: 3–60 ms.
 */
export function measureFirstTouch(now: () => number = () => performance.now()): number {
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const start = now();
    const bytes = new Uint8Array(PROBE_BYTES);
    for (let i = 0; i < bytes.length; i += PAGE) bytes[i] = 1;
    times.push(((now() - start) * 1000) / (PROBE_BYTES / PAGE));
  }
  return Math.min(...times);
}

/**
 * The first-touch cost as the season worker goes by it: measured when first asked, and measured again whenever
 * `recheck` is called while the figure says slow — the least measured counts. A probe taken while the browser is
 * busy (starting up, a pick of a thousand files arriving: every thread on the same two cores) runs slow on a quick
 * machine, and a single probe decided the whole session: a first bench:pane run after a build read with no reading
 * worker — most likely such a probe (it was not logged; four probes logged since read 1.8–2.1 µs) — 1.82× the command
 * line against 1.11–1.56× in the runs after it. `recheck` says whether the figure has just turned quick.
 */
export function firstTouchGauge(measure: () => number = measureFirstTouch): { micros: () => number; recheck: () => boolean } {
  let least: number | undefined;
  return {
    micros: () => (least ??= measure()),
    recheck: () => {
      if (least === undefined || least <= SLOW_FIRST_TOUCH_MICROS) return false;
      least = Math.min(least, measure());
      return least <= SLOW_FIRST_TOUCH_MICROS;
    },
  };
}
