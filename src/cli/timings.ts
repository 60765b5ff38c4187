import type { FastReaderCounts } from '../files/xlsxValues';

/**
 * PROFKAMPANIYA_TIMINGS=1: the merge says on stderr how long each stage took (wall seconds), so a slow run can be
 * told apart — reading, merging, building the sheets, writing. bench/run.ts prints these beside its totals.
 */
/** «Чтение .xlsx: быстрым путём 66, через SheetJS 2 (лист обрезан — 1; strict OOXML — 1)». */
export function readerLine(c: FastReaderCounts): string {
  const why = Object.entries(c.reasons).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} — ${n}`);
  return `Чтение .xlsx: быстрым путём ${c.fast}, через SheetJS ${c.fallbacks}${why.length ? ` (${why.join('; ')})` : ''}`;
}

export function stageTimer(enabled: boolean, write: (line: string) => void) {
  const started = performance.now();
  let lap = started;
  const parts: string[] = [];
  const notes: string[] = [];
  return {
    /** A line printed after the stages (e.g. how the files were read). */
    note(line: string): void {
      notes.push(line);
    },
    stage(name: string): void {
      const now = performance.now();
      // With the process's resident memory at the stage's end (worker threads included), where a peak would show.
      parts.push(`${name} ${((now - lap) / 1000).toFixed(2)} [${Math.round(process.memoryUsage.rss() / 2 ** 20)} МБ, куча ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} МБ]`);
      lap = now;
    },
    report(): void {
      if (!enabled) return;
      // The process's own start (Node, the bundle, the arguments, the folder listed) before the first stage.
      write(`Этапы, с: запуск ${(started / 1000).toFixed(2)}; ${parts.join('; ')}; всего ${((performance.now() - started) / 1000).toFixed(2)}\n`);
      for (const line of notes) write(`${line}\n`);
    },
  };
}
