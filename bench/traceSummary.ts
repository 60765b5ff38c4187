/**
 * A Chrome trace (Tracing.dataCollected events as JSON) summed per thread: wall time busy in top-level tasks, and
 * with the sampling profiler on, the functions that took the most time (self). For `bench/pane.ts --trace`.
 */
export interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

export function summarizeTrace(events: TraceEvent[], from: number, top = 12): string {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name));
  // Busy wall time: top-level tasks (RunTask and its synonyms), by thread.
  const busy = new Map<string, { ms: number; first: number; last: number; long: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !/^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask)$/.test(e.name)) continue;
    if (e.ts < from) continue;
    const k = `${e.pid}:${e.tid}`;
    const b = busy.get(k) ?? { ms: 0, first: e.ts, last: e.ts, long: 0 };
    b.ms += e.dur / 1000;
    b.first = Math.min(b.first, e.ts);
    b.last = Math.max(b.last, e.ts + e.dur);
    if (e.dur > 50_000) b.long++;
    busy.set(k, b);
  }
  const lines: string[] = ['Потоки (занято в задачах верхнего уровня, с; первая–последняя задача от начала, с):'];
  const rows = [...busy.entries()].filter(([, b]) => b.ms > 50).sort((a, b) => b[1].ms - a[1].ms);
  for (const [k, b] of rows)
    lines.push(`  ${(names.get(k) ?? k).padEnd(28)} ${(b.ms / 1000).toFixed(2).padStart(7)} с  [${((b.first - from) / 1e6).toFixed(2)}–${((b.last - from) / 1e6).toFixed(2)} с]  задач > 50 мс: ${b.long}`);
  // Sampled profiles: ProfileChunk events carry nodes and samples, per profile id.
  const profiles = new Map<string, { key: string; nodes: Map<number, ProfileNode>; self: Map<number, number> }>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' && e.name !== 'Profile') continue;
    const id = `${e.pid}:${e.id}`;
    const p = profiles.get(id) ?? { key: `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map() };
    profiles.set(id, p);
    const data = (e.args as { data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } })?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((s, i) => p.self.set(s, (p.self.get(s) ?? 0) + Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0)));
  }
  for (const p of profiles.values()) {
    const byFn = new Map<string, number>();
    let total = 0;
    for (const [id, us] of p.self) {
      const n = p.nodes.get(id);
      if (!n) continue;
      const f = n.callFrame;
      const name = `${f.functionName || '(анонимная)'} ${(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      total += us;
      if (/^\((idle|program|garbage collector)\)/.test(f.functionName)) byFn.set(f.functionName, (byFn.get(f.functionName) ?? 0) + us);
      else byFn.set(name, (byFn.get(name) ?? 0) + us);
    }
    if (total < 100_000) continue;
    lines.push(`Профиль ${names.get(p.key) ?? p.key}: ${(total / 1e6).toFixed(2)} с выборок`);
    for (const [fn, us] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${(us / 1000).toFixed(0).padStart(6)} мс  ${fn}`);
  }
  return lines.join('\n');
}
