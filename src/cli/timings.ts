/**
 * PROFKAMPANIYA_TIMINGS=1: the merge says on stderr how long each stage took (wall seconds), so a slow run can be
 * told apart — reading, merging, building the sheets, writing. bench/run.ts prints these beside its totals.
 */
export function stageTimer(enabled: boolean, write: (line: string) => void) {
  const started = performance.now();
  let lap = started;
  const parts: string[] = [];
  return {
    stage(name: string): void {
      const now = performance.now();
      parts.push(`${name} ${((now - lap) / 1000).toFixed(2)}`);
      lap = now;
    },
    report(): void {
      if (enabled) write(`Этапы, с: ${parts.join('; ')}; всего ${((performance.now() - started) / 1000).toFixed(2)}\n`);
    },
  };
}
