import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { receiveInput } from '../src/files/receiveInput';
import { stringPool } from '../src/domain/consolidate/stringPool';
import { defaultSettings } from '../src/domain/settings';

async function main() {
  const dir = process.argv[2];
  const n = Number(process.argv[3] ?? 1000);
  const files = readdirSync(dir).filter((f) => /\.xlsx$/.test(f)).slice(0, n);
  const pool = stringPool(200_000);
  const keep: unknown[] = [];
  const g = (globalThis as any).gc;
  g(); const before = process.memoryUsage().heapUsed;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, f)));
    const r = await receiveInput(bytes, f, '2026-11-20T10:00', defaultSettings('autumn' as any, 2023), () => 'x');
    // as the season worker gets it: structured clone then pool
    keep.push(pool.share(structuredClone(r)));
  }
  g(); const after = process.memoryUsage().heapUsed;
  console.log(`files ${files.length}, retained ${((after - before) / files.length / 1024).toFixed(1)} KB/file`);
  if (process.argv[4]) writeFileSync(process.argv[4], JSON.stringify(keep[0], null, 1));
  if (process.argv[5]) v8.writeHeapSnapshot(process.argv[5]);
}
void main();
