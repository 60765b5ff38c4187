/**
 * Where the page's memory is, over a bench:pane run: Chromium's own memory dumps (the trace's memory-infra
 * category), taken every few hundred milliseconds, summed by allocator for the renderer process (the page and its
 * workers). `PANE_MEMDUMP=light [PANE_MEMDUMP_MS=250] npm run bench:pane -- --trace FILE` records them and prints
 * this table; the dumps slow the run, so its times are not figures.
 *
 * What the columns tell (2026-12-07, 5,000 files): V8's young and old generations of the workers (the young one is
 * most of a worker's heap while it reads), ArrayBuffers and Blink's buffer partition (strings and message data) —
 * both freed only when the thread holding them collects in full, so their swing is what a thread that collects
 * rarely (the season worker) keeps waiting — and malloc and Blink's objects.
 */
import type { TraceEvent } from './traceSummary';

/** Trace categories and config for the dumps. */
export function memoryDumpTracing(mode: string, everyMs: number): { categories: string[]; memoryDumpConfig: unknown } {
  return { categories: ['disabled-by-default-memory-infra', '__metadata'], memoryDumpConfig: { triggers: [{ mode, periodic_interval_ms: everyMs }] } };
}

const COLUMNS: [title: string, allocator: string][] = [
  ['молодое V8 (воркеры)', 'v8/workers/heap/new_space'],
  ['старое V8 (воркеры)', 'v8/workers/heap/old_space'],
  ['V8 главного потока', 'v8/main/heap'],
  ['ArrayBuffer', 'partition_alloc/partitions/array_buffer'],
  ['буферы Blink', 'partition_alloc/partitions/buffer'],
  ['malloc', 'malloc'],
  ['объекты Blink', 'blink_gc'],
];

const megabytes = (dump: Record<string, { attrs?: Record<string, { value: string }> }>, name: string): number => {
  const size = dump[name]?.attrs?.size?.value;
  return size ? parseInt(size, 16) / 2 ** 20 : 0;
};

/** The renderer's dumps as lines: seconds from the first, then each column in MB. */
export function memoryDumpLines(events: TraceEvent[]): string[] {
  const renderers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'process_name' && (e.args as { name?: string })?.name === 'Renderer').map((e) => e.pid));
  const dumps = events.filter((e) => e.ph === 'v' && renderers.has(e.pid) && (e.args as { dumps?: { allocators?: unknown } })?.dumps?.allocators);
  if (dumps.length === 0) return ['Снимков памяти страницы нет (PANE_MEMDUMP=light или detailed вместе с --trace ФАЙЛ).'];
  const t0 = dumps[0].ts;
  const lines = [`Память страницы по снимкам Chromium, МБ: с | ${COLUMNS.map(([t]) => t).join(' | ')}`];
  for (const e of dumps) {
    const allocators = (e.args as { dumps: { allocators: Record<string, { attrs?: Record<string, { value: string }> }> } }).dumps.allocators;
    lines.push(`${((e.ts - t0) / 1e6).toFixed(1)} | ${COLUMNS.map(([, a]) => megabytes(allocators, a).toFixed(0)).join(' | ')}`);
  }
  return lines;
}
