// scratch: the season worker's flow in Node, heap at each stage
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { defaultSettings } from '../src/domain/settings';
import { SeasonEngine } from '../src/taskpane/services/seasonEngine';
import { readOne } from '../src/taskpane/services/readOne';
import { stringPool } from '../src/domain/consolidate/stringPool';
import { withSettingsSheet } from '../src/domain/consolidate/workbook';
import { writeXlsxBlob } from '../src/files/xlsxWriter';

const mb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0) + ' MB heap, rss ' + (process.memoryUsage().rss / 2 ** 20).toFixed(0);
const g = () => (globalThis as any).gc?.();
async function main() {
  const dir = process.argv[2];
  const names = readdirSync(dir).filter((f) => /\.xlsx$/.test(f));
  const files = names.map((n) => { const p = path.join(dir, n); const st = statSync(p); return { name: n, size: st.size, lastModified: st.mtimeMs, arrayBuffer: async () => { const b = readFileSync(p); return b.buffer.slice(b.byteOffset, b.byteOffset + b.length); } }; });
  const settings = { ...defaultSettings('autumn', 2023), unit: 'Город Томск', schoolReportsDue: '2023-10-19' };
  const pool = stringPool(200_000);
  const engine = new SeasonEngine(async (f, s) => (pool.share(structuredClone(await readOne(f, s)))), 1);
  g(); console.log('start', mb());
  let t = Date.now();
  const received = await engine.receive(files as any, settings);
  g(); console.log('received', received.length, mb(), Date.now() - t, 'ms');
  t = Date.now();
  const { plan, documentDate } = engine.merge(received, { settings, expectedUnits: [], mergeWithErrors: true });
  console.log('merged (no gc)', mb(), Date.now() - t, 'ms'); g(); console.log('merged', mb()); if (process.env.SNAP) { (globalThis as any).keep = [received, plan]; require('node:v8').writeHeapSnapshot(process.env.SNAP); }
  for (const sh of plan.sheets) { let cells = 0, f = 0, len = 0; for (const b of sh.blocks) for (const r of b.rows) for (const c of r) { cells++; if (c && typeof c === 'object') { f++; len += c.formula.length; } } console.log(sh.name, sh.kind, 'blocks', sh.blocks.length, 'cells', cells, 'formulas', f, 'flen', len, 'styles', sh.styles.length, 'valid', sh.validations.length, 'cf', sh.conditionalFormats.length, 'merges', sh.merges.length); }
  t = Date.now();
  const sheets = withSettingsSheet(plan.sheets, settings);
  const blob = await writeXlsxBlob(sheets, { modified: documentDate });
  console.log('written (no gc)', mb(), blob.size, Date.now() - t, 'ms'); g(); console.log('written', mb());
}
void main();
