/**
 * Excel opens every kind of workbook we write without «We found a problem with some content…»: each is held to
 * check_xlsx.py (test/support/checkXlsx.ts) — schemas after markup compatibility, the package, Excel's limits.
 * The command line's own files (the consolidated Свод of the sample, the forms, the blanks) and the pane's (every
 * plan the project makes, written with the pane's deflate) are checked; LibreOffice would open them all anyway.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { writeSample } from '../scripts/sample';
import { blanks } from '../src/cli/blanks';
import { merge } from '../src/cli/merge';
import { stamp } from '../src/cli/stamp';
import { BLANK_SHEET } from '../src/domain/blanks/blank';
import { SHEET_MONITORING_CONSOLIDATED } from '../src/domain/monitoring/sheetName';
import { SHEET } from '../src/domain/sheetNames';
import type { SheetKind } from '../src/domain/sheetPlan';
import { writeXlsx } from '../src/files/xlsxWriter';
import { checkXlsx } from './support/checkXlsx';
import { runCommand } from './support/command';
import { everyWorkbook } from './support/everySheet';
import { summarySample } from './support/summarySample';
// Slow on purpose: the command line writes whole workbooks, and the checker validates each part against the schemas.
jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-strict-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every SheetKind: a kind added to the type without being added here fails to compile (Record's keys). */
const KINDS: Record<SheetKind, true> = {
  appendix2: true, appendix3: true, monitoring: true, detail: true, 'consolidated-appendix3': true, 'consolidated-appendix2': true,
  'consolidated-monitoring': true, blank: true, partners: true, register: true, indicators: true, note: true, settings: true,
};
const SHEET_KINDS = Object.keys(KINDS);

/** The sheet names and the number of charts in a written workbook. */
function contents(file: Uint8Array): { sheets: string[]; charts: number } {
  const parts = unzipSync(file, { filter: (f) => f.name === 'xl/workbook.xml' || f.name.startsWith('xl/charts/') });
  const sheets = [...strFromU8(parts['xl/workbook.xml']).matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1]);
  return { sheets, charts: Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length };
}

test('every kind of workbook the command line and the pane write passes check_xlsx.py: no [ERROR] after MCE, no [PROBLEM]', async () => {
  const files: string[] = [];
  const cli = async (command: Parameters<typeof runCommand>[0], args: string[]) => {
    const res = await runCommand(command, args);
    expect({ args, code: res.code, stderr: res.stderr }).toEqual({ args, code: 0, stderr: '' });
  };

  // The command line: the sample municipality's consolidated Свод (indicators, partners, register, charts, note).
  const inbox = path.join(dir, 'почта');
  const sample = await writeSample(inbox, { schools: 12 });
  const svod = path.join(dir, 'Свод.xlsx');
  await cli(merge, [inbox, '--out', svod, '--units', path.join(inbox, 'units.csv'), '--deadline', sample.deadline]);
  files.push(svod);
  // Its official forms: Прил. 2 (the plan, protected) and Прил. 3 for a municipality and a region, the monitoring form.
  for (const [form, level] of [['plan', 'municipality'], ['report', 'municipality'], ['plan', 'region'], ['report', 'region'], ['monitoring', 'region']]) {
    const out = path.join(dir, `${form}-${level}.xlsx`);
    await cli(stamp, [form, '--out', out, '--level', level, '--season', 'autumn', '--year', '2025', '--protect']);
    files.push(out);
  }
  // Blanks with Прил. 2 and Прил. 3 (and monitoring), sent by a municipality to schools and by a region to districts.
  await writeFile(path.join(dir, 'units.csv'), 'Организация\nМБОУ СОШ № 1 имени Героя Советского Союза И. И. Иванова\nРайон № 2\n');
  for (const level of ['municipality', 'region']) {
    const out = path.join(dir, `бланки-${level}`);
    await cli(blanks, ['--units', path.join(dir, 'units.csv'), '--out', out, '--forms', 'report,plan,monitoring', '--level', level, '--season', 'spring', '--year', '2025']);
    for (const f of await readdir(out)) files.push(path.join(out, f));
  }

  // The pane's writer (the same code, the host's own deflate): every plan the project makes at every level and
  // season — forms, long forms, blanks, consolidated workbooks of municipalities, ОГОО and regions with monitoring
  // and targets — and the demo municipality's Свод with its charts.
  const plans = [...everyWorkbook({ units: 8 }), { label: 'demo Свод', plan: summarySample().plan }];
  for (const [i, w] of plans.entries()) {
    const out = path.join(dir, `pane-${i}.xlsx`);
    await writeFile(out, await writeXlsx(w.plan));
    files.push(out);
  }

  // What was checked covers every sheet the add-in writes, and charts.
  const seen = await Promise.all(files.map(async (f) => contents(await readFile(f))));
  const sheets = new Set(seen.flatMap((s) => s.sheets));
  for (const name of [...Object.values(SHEET), BLANK_SHEET, SHEET_MONITORING_CONSOLIDATED]) expect({ name, checked: sheets.has(name) }).toEqual({ name, checked: true });
  // …and every kind of sheet a plan can be (SheetKind), through the pane's writer.
  const kinds = new Set(plans.flatMap((w) => w.plan.sheets.map((s) => s.kind)));
  expect([...kinds].sort()).toEqual([...SHEET_KINDS].sort());
  expect(contents(await readFile(svod)).charts).toBeGreaterThan(0);
  expect(seen.filter((s) => s.charts > 0).length).toBeGreaterThan(3);

  expect(await checkXlsx(files)).toEqual([]);
});

test('a workbook Excel would refuse is caught: the checker is really run', async () => {
  // A formula longer than Excel's 8,192 characters: LibreOffice takes it, Excel calls the file damaged.
  const out = path.join(dir, 'too-long.xlsx');
  const plan = { sheets: [{ name: 'Лист', kind: 'note' as const, blocks: [{ at: 'A1', rows: [[{ formula: `=${Array.from({ length: 3000 }, () => 'A2').join('+')}` }]] }], styles: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], charts: [] }] };
  await writeFile(out, await writeXlsx(plan));
  const findings = await checkXlsx([out]);
  expect(findings).toEqual([{ file: out, what: expect.stringMatching(/^\[PROBLEM\] formula longer than 8192 chars/) }]);
});
