/**
 * `npx tsx bench/stages.ts DIR [--repeat N]` — where the CLI merge spends its time, stage by stage, in one
 * process (read, find forms, check, merge, build sheet plans, write). For profiling; `npm run bench` is the benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mergeReports, type ReceivedFile } from '../src/domain/consolidate/merge';
import { buildConsolidatedWorkbook } from '../src/domain/consolidate/workbook';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { writeBook as writeWorkbook } from '../src/cli/writeBook';

async function main(): Promise<void> {
  const dir = process.argv[2];
  const at = process.argv.indexOf('--repeat');
  const repeat = at > 0 ? Number(process.argv[at + 1]) : 1;
  const names = readdirSync(dir).filter((n) => /\.xlsx$/.test(n));
  const blobs = names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(path.join(dir, n))) }));
  const settings = municipalSettings();
  for (let round = 0; round < repeat; round++) {
    const t = { read: 0, forms: 0, check: 0, merge: 0, build: 0, write: 0 };
    // CPU time, not wall time: the machine is shared, and the work is single-threaded.
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let lap = cpu();
    const tick = (k: keyof typeof t) => {
      const now = cpu();
      t[k] += now - lap;
      lap = now;
    };
    const files: ReceivedFile[] = [];
    for (const b of blobs) {
      lap = cpu();
      let grid;
      try {
        grid = readWorkbookFile(b.bytes, b.name, { formulas: false }); // as receiving does
      } catch (e) {
        files.push({ file: b.name, received: '2023-10-18T10:00', error: (e as Error).message });
        continue;
      }
      tick('read');
      const read = readForms(grid, { year: settings.year });
      tick('forms');
      const problems = [...read.problems, ...checkWorkbook(read, settings)];
      tick('check');
      files.push({ file: b.name, received: '2023-10-18T10:00', read, problems });
    }
    lap = cpu();
    const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors', earlierRegister: [] });
    tick('merge');
    const plan = buildConsolidatedWorkbook(result, settings, { previous: [] });
    tick('build');
    const bytes = await writeWorkbook(plan);
    tick('write');
    const per = (ms: number) => `${(ms / blobs.length).toFixed(2)} ms/file`;
    console.log(
      `round ${round + 1}: ${blobs.length} files; ` +
        Object.entries(t).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s (${per(v)})`).join('; ') +
        `; out ${(bytes.length / 1024).toFixed(0)} KB; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );
  }
}

main();
