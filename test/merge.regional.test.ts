/**
 * The level above: municipalities' consolidated workbooks, written by this add-in and never opened in Excel,
 * merge into a regional one — each municipality one unit, its totals read from the stored results of the
 * consolidated Appendix 3, none of its detail, register or summary sheets taken for a second report.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { merge, type MergeJson } from '../src/cli/merge';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../src/files/xlsxWriter';
import { runCommand } from './support/command';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-merge-region-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function mergeJson(args: string[]): Promise<MergeJson> {
  const { code, stdout, stderr } = await runCommand(merge, [...args, '--json']);
  if (code !== 0) throw new Error(`merge ${args.join(' ')} → ${code}: ${stderr}`);
  return JSON.parse(stdout) as MergeJson;
}

test('two municipalities merged into the region: the region totals are the sum of the municipal totals, no warnings', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 10, twice: false, broken: false, messy: false, late: 0 });
  const municipalities = ['Асиновский район', 'Бакчарский район'];
  const up = path.join(dir, 'в регион');
  await mkdir(up, { recursive: true });
  const municipal: MergeJson[] = [];
  for (const [m, name] of municipalities.entries()) {
    const inbox = path.join(dir, `школы ${m}`);
    await mkdir(inbox, { recursive: true });
    const mine = sample.files.filter((_, i) => i % 2 === m);
    for (const f of mine) await writeFile(path.join(inbox, f.file), f.workbook ? await writeXlsx(f.workbook) : f.bytes!);
    municipal.push(await mergeJson([inbox, '--out', path.join(up, `${name}.xlsx`), '--unit', name, '--deadline', sample.deadline]));
  }
  const region = await mergeJson([up, '--out', path.join(dir, 'регион.xlsx'), '--unit', 'Томская область', '--level', 'region', '--deadline', sample.deadline]);

  expect(region.files.map((f) => [f.unit, f.status, f.errors, f.warnings])).toEqual(municipalities.map((u) => [u, 'merged', 0, 0]));
  const sum = (key: 'schools' | 'schoolsActive' | 'events' | 'students' | 'participants' | 'teachers' | 'ovzParticipants') =>
    municipal.reduce((s, m) => s + m.totals[key], 0);
  for (const key of ['schools', 'schoolsActive', 'events', 'students', 'participants', 'teachers', 'ovzParticipants'] as const)
    expect([key, region.totals[key]]).toEqual([key, sum(key)]);
  expect(region.totals.participants).toBe(sample.totals.participants);
  for (const g of ['5', '6', '7', '8', '9', '10', '11'] as const)
    expect(region.totals.grades[g]).toBe(municipal[0].totals.grades[g] + municipal[1].totals.grades[g]);
});

test('files of an older campaign merged with no campaign named: checked against their own campaign, and the console says which', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 3, twice: false, broken: false, messy: false, late: 0 });
  const inbox = path.join(dir, 'старая кампания');
  await mkdir(inbox, { recursive: true });
  for (const f of sample.files) await writeFile(path.join(inbox, f.file), f.workbook ? await writeXlsx(f.workbook) : f.bytes!);
  const { code, stdout, stderr } = await runCommand(merge, [inbox, '--out', path.join(dir, 'старая.xlsx'), '--json']);
  expect(code).toBe(0);
  const json = JSON.parse(stdout) as MergeJson;
  expect(json.files.map((f) => f.warnings)).toEqual([0, 0, 0]);
  expect(stderr).toContain(`осенняя кампания ${sample.settings.year} г.`);
});
