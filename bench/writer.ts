/**
 * `npx tsx bench/writer.ts [schools]` — the consolidated workbook of N schools (30 plan rows each) written by the
 * one writer with each deflater: fflate's JavaScript (where a host has no native one), CompressionStream (the pane)
 * and Node's zlib (the command line). Median of three, wall time and the heap after. (The exceljs writers it was
 * measured against are gone: in memory 2.4 s of the pane's 8.7 s at 1,000 schools, see docs/architecture.md.)
 */
import { performance } from 'node:perf_hooks';
import { mergeReports } from '../src/domain/consolidate/merge';
import { received } from '../src/domain/consolidate/testing';
import { buildConsolidatedWorkbook } from '../src/domain/consolidate/workbook';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../src/files/xlsxWriter';
import { fflateDeflater } from '../src/files/xlsxDeflate';
import { zlibDeflater } from '../src/files/nativeDeflate';

const n = Number(process.argv[2] ?? 1000);
const files = Array.from({ length: n }, (_, i) =>
  received(`СОШ ${i + 1}.xlsx`, '2023-10-18T10:00', [{ unit: `МАОУ СОШ № ${i + 1}`, events: 10 + (i % 40), grades: [5, 6, 7, 8, 9, 10, i % 30], plan: 30, partners: { companies: [`Завод ${i % 70}`] } }]),
);
const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors', earlierRegister: [] });
const plan = buildConsolidatedWorkbook(result, municipalSettings(), { previous: [] });
const rows = plan.sheets.reduce((s, p) => s + p.blocks.reduce((t, b) => t + b.rows.length, 0), 0);
process.stdout.write(`${n} schools: ${plan.sheets.length} sheets, ${rows} block rows\n`);

const ways: [string, () => Promise<Uint8Array>][] = [
  ['one writer, fflate (no native deflate)', () => writeXlsx(plan, { deflater: fflateDeflater })],
  ['one writer, CompressionStream (pane)', () => writeXlsx(plan)],
  ['one writer, zlib (CLI)', () => writeXlsx(plan, { deflater: zlibDeflater })],
];
(async () => {
  for (const [name, write] of ways) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      size = (await write()).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`${name.padEnd(38)} ${(times[1] / 1000).toFixed(2)} s  ${(size / 1e6).toFixed(2)} MB  heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB\n`);
  }
})();
