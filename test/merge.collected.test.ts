/**
 * A coordinator's workbook of collected schools' sheets, made by a hand other than ours (openpyxl copies the
 * sheets of the sample schools' files into one workbook, as Excel's «Переместить или скопировать лист» would),
 * merged by the command line alongside files schools re-sent later and files that came on their own: the totals
 * must be the sample's, each unit counted once, the re-sent units taken from the later files and the rest of the
 * collected workbook kept.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { merge, type MergeJson } from '../src/cli/merge';
import { check } from '../src/cli/check';
import { writeSample } from '../scripts/sample';
import type { Sample } from '../src/domain/sample/schoolWorkbooks';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { readForms } from '../src/domain/read';
import { reportsOf } from '../src/domain/report';
import { SHEET } from '../src/domain/sheetNames';
import { REGISTER_HEADER_ROW, registerColumn } from '../src/domain/consolidate/registerSheet';
import { runCommand } from './support/command';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

const PYTHON = '/usr/bin/python3';
const COLLECT = path.join(__dirname, 'support', 'collectSheets.py');
let dir: string;
let sample: Sample;
let collected: string;

const run = runCommand;

const fileOf = (i: number) => path.join(dir, 'почта', sample.files[i].file);

beforeAll(async () => {
  if (!existsSync(PYTHON)) throw new Error(`Нет ${PYTHON}: установите python3 и python3-openpyxl (scripts/setup.sh).`);
  await promisify(execFile)(PYTHON, ['-c', 'import openpyxl']).catch(() => {
    throw new Error('Нет модуля openpyxl: установите пакет python3-openpyxl (scripts/setup.sh).');
  });
  dir = await mkdtemp(path.join(tmpdir(), 'pk-collected-'));
  sample = await writeSample(path.join(dir, 'почта'), { schools: 6, twice: false, broken: false });
  // Schools 1–4 collected into one workbook, school 1's report copied twice; schools 2 and 3 collected in an
  // earlier version (a wrong number of events), their corrected files re-sent later.
  const eventsCell = async (i: number) => {
    const read = readForms(readWorkbookFile(new Uint8Array(await readFile(fileOf(i))), sample.files[i].file), { year: 2023 });
    return { sheet: read.report!.sheet, cell: read.report!.participation[0].events.cell };
  };
  const older = async (i: number) => {
    const at = await eventsCell(i);
    return { file: fileOf(i), edits: { [at.sheet]: { [at.cell]: 500 + i } } };
  };
  collected = path.join(dir, 'Сбор школ.xlsx');
  const spec = { out: collected, sources: [{ file: fileOf(0) }, await older(1), await older(2), { file: fileOf(3) }, { file: fileOf(0) }] };
  await writeFile(path.join(dir, 'spec.json'), JSON.stringify(spec));
  await promisify(execFile)(PYTHON, [COLLECT, path.join(dir, 'spec.json')]);
  const early = new Date(2023, 9, 16, 10, 0);
  await utimes(collected, early, early);
  const later = new Date(2023, 9, 19, 9, 0);
  for (const i of [1, 2]) await utimes(fileOf(i), later, later);
}, 300_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a workbook of collected schools’ sheets, made by openpyxl, merged alongside re-sent files', () => {
  test('every school counts once with its latest figures: the totals are the sample’s', async () => {
    const out = path.join(dir, 'свод.xlsx');
    const files = [collected, fileOf(1), fileOf(2), fileOf(4), fileOf(5)];
    const { code, stdout, stderr } = await run(merge, [...files, '--out', out, '--deadline', sample.deadline, '--unit', 'Город Томск', '--season', 'autumn', '--year', '2023', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as MergeJson;
    expect(json.totals).toMatchObject({ events: sample.totals.events, participants: sample.totals.participants, students: sample.totals.students });
    const book = json.files.find((f) => f.file.endsWith('Сбор школ.xlsx'))!;
    const unit = (i: number) => sample.files[i].unit;
    expect(book.reports.map((r) => [r.unit, r.status])).toEqual([
      [unit(0), 'refused'],
      [unit(1), 'superseded'],
      [unit(2), 'superseded'],
      [unit(3), 'merged'],
      [unit(0), 'merged'],
    ]);
    // The first copy of school 1 is the one left out: the copies are alike, so the later (right) sheet is taken.
    expect(book.reports[0].reason).toMatch(/есть в книге дважды \(на листах «Прил\. 3 Отчёт», «Прил\. 2 План» и на листах «Прил\. 3 Отчёт \(5\)», «Прил\. 2 План \(5\)»\).*взята более поздняя \(правее\)/);
    expect(book.reports[4].sheet).toBe('Прил. 3 Отчёт (5), Прил. 2 План (5)');
    expect(json.accounting.participation).toEqual({ received: 9, merged: 6, superseded: 2, refused: 1 });

    // «Реестр отчётов»: a line per report, with its sheet.
    const wb = readWorkbookFile(new Uint8Array(await readFile(out)), 'свод.xlsx');
    const register = wb.sheets.find((s) => s.name === SHEET.register)!.cells.slice(REGISTER_HEADER_ROW);
    const c = (t: Parameters<typeof registerColumn>[0]) => registerColumn(t) - 1;
    const lines = register.filter((r) => r[c('Файл')] === 'Сбор школ.xlsx').map((r) => [r[c('Организация')], r[c('Лист')], r[c('Статус')]]);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toEqual([unit(1), 'Прил. 3 Отчёт (2), Прил. 2 План (2)', 'заменён более поздним']);
  });

  test('the check lists each school’s problems under its sheet, and the duplicate copy once', async () => {
    const read = readForms(readWorkbookFile(new Uint8Array(await readFile(collected)), 'Сбор школ.xlsx'), { year: 2023 });
    expect(reportsOf(read)).toHaveLength(5);
    const { stdout } = await run(check, [collected, '--season', 'autumn', '--year', '2023', '--json']);
    const records = JSON.parse(stdout) as { sheet: string; code: string; unit?: string; message: string }[];
    const dup = records.filter((r) => r.code === 'report-duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ sheet: 'Прил. 3 Отчёт', unit: sample.files[0].unit });
    // Every located problem of a school's sheet names that school.
    const sheetUnit = new Map(reportsOf(read).flatMap((r) => [r.report!.sheet, r.plan!.sheet].map((s) => [s, r.report!.header.unit] as const)));
    for (const r of records.filter((x) => x.unit && x.code !== 'report-duplicate')) expect(r.unit).toBe(sheetUnit.get(r.sheet));
  });
});
