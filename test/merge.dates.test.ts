/**
 * The sample municipality's 66 reports copied into a new folder (the copies' times are the moment of copying, days
 * after the deadline), merged by the command line: before, 0 on time and 66 late. No school may be «с опозданием» on
 * such dates; the coordinator is told why and how to confirm them — a date typed into «Получен» of the written
 * register, or a dates file — and those dates then decide.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { merge, MERGE_USAGE, type MergeJson } from '../src/cli/merge';
import { REGISTER_HEADER_ROW, registerColumn } from '../src/domain/consolidate/registerSheet';
import { SHEET } from '../src/domain/sheetNames';
import { writeSample } from '../scripts/sample';
import type { Sample } from '../src/domain/sample/schoolWorkbooks';
import { runCommand } from './support/command';
import { eml, rfc2231Name } from './support/mail';
// Slow on purpose (CLI): each test merges the sample's 68 files end to end and writes the consolidated workbook.
jest.setTimeout(300_000);

let dir: string;
let sample: Sample;
let copied: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-dates-'));
  sample = await writeSample(path.join(dir, 'почта'));
  // As `cp` without -p, or saving every attachment today: every file's time is now.
  copied = path.join(dir, 'копия');
  await mkdir(copied);
  for (const f of await readdir(path.join(dir, 'почта'))) if (f !== 'units.csv') await copyFile(path.join(dir, 'почта', f), path.join(copied, f));
}, 600_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCommand(merge, args);
const args = (out: string, ...more: string[]) => [copied, '--out', path.join(dir, out), '--units', path.join(dir, 'почта', 'units.csv'), '--deadline', sample.deadline, '--unit', 'Город Томск', ...more];

test('the sample copied into a new folder: no school «с опозданием», each «срок не подтверждён» with what to do', async () => {
  const res = await run(args('свод.xlsx', '--json'));
  expect(res.code).toBe(0);
  const json = JSON.parse(res.stdout) as MergeJson;
  expect(json.counts).toMatchObject({ expected: 66, merged: 66, onTime: 0, late: 0, unconfirmed: 66 });
  expect(json.organisations.every((o) => o.status === 'unconfirmed' && o.label === 'срок не подтверждён' && o.onTime === null)).toBe(true);
  const merged = json.files.filter((f) => f.status === 'merged');
  expect(merged.every((f) => f.onTime === null && f.dateSource === 'modified' && f.dateDoubt?.includes('впишите дату получения в столбец «Получен»'))).toBe(true);
  // «Отчёты в срок» and «с опозданием» count none of them.
  expect(json.indicators.find((i) => i.key === 'reportsLate')?.a).toBe(0);

  const human = await run(args('свод-текст.xlsx'));
  expect(human.stdout).toContain('Срок не подтверждён (66): ');
  expect(human.stdout).toContain('опоздавшими они не считаются. Чтобы подтвердить сроки, сведите сами письма (.eml, .msg, папку почты)');
  expect(human.stdout).not.toContain('С опозданием:');
  expect(human.stdout.replace(/\u00a0/g, ' ')).toContain('Доля отчётов, представленных в срок: 0 % (0 из 66; срок не подтверждён у 66).');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path.join(dir, 'свод.xlsx'))) as unknown as ArrayBuffer);
  const register = wb.getWorksheet(SHEET.register)!;
  const summary = String(register.getCell('A2').value);
  expect(summary).toContain('получено с опозданием: 0; срок не подтверждён: 66');
  expect(summary).toContain('Даты получения 66 файлов после срока — время их изменения');
  const status = register.getRow(REGISTER_HEADER_ROW + 1).getCell(registerColumn('Статус')).value;
  expect(status).toBe('срок не подтверждён');
});

test('a date typed into «Получен» of the written register is kept by the next merge and decides «в срок»', async () => {
  const out = path.join(dir, 'свод-руками.xlsx');
  expect((await run(args('свод-руками.xlsx', '--json'))).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
  const register = wb.getWorksheet(SHEET.register)!;
  const typed: Record<string, string> = {};
  const [onTime, late] = ['МАОУ СОШ № 2.xlsx', 'МАОУ гимназия № 6.xlsx'];
  register.eachRow((row, n) => {
    if (n <= REGISTER_HEADER_ROW) return;
    const file = row.getCell(registerColumn('Файл')).value;
    if (file === onTime) row.getCell(registerColumn('Получен')).value = typed[file] = '17.10.2023 11:20';
    if (file === late) row.getCell(registerColumn('Получен')).value = typed[file] = '20.10.2023';
  });
  expect(Object.keys(typed)).toHaveLength(2);
  await writeFile(out, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

  const again = await run(args('свод-руками.xlsx', '--json'));
  expect(again.code).toBe(0);
  const json = JSON.parse(again.stdout) as MergeJson;
  const file = (name: string) => json.files.find((f) => f.file === name)!;
  expect([file(onTime).received, file(onTime).onTime, file(onTime).dateSource, file(onTime).label]).toEqual(['2023-10-17T11:20', true, 'manual', 'в срок']);
  expect([file(late).received, file(late).onTime, file(late).label]).toEqual(['2023-10-20T00:00', false, 'с опозданием']);
  expect(json.counts).toMatchObject({ onTime: 1, late: 1, unconfirmed: 64 });
});

test('--dates: a file or an organisation → its date; bad lines refused by number, in Russian', async () => {
  const dates = path.join(dir, 'даты.csv');
  await writeFile(dates, '\uFEFFФайл или организация;Дата получения\nМАОУ СОШ № 3.xlsx;18.10.2023 16:05\nМАОУ лицей № 7;21.10.2023\nЛицей № 999;18.10.2023\n');
  const res = await run(args('свод-даты.xlsx', '--json', '--dates', dates));
  expect(res.code).toBe(0);
  const json = JSON.parse(res.stdout) as MergeJson;
  const org = (u: string) => json.organisations.find((o) => o.unit === u)!;
  expect([org('МАОУ СОШ № 3').status, org('МАОУ СОШ № 3').received]).toEqual(['onTime', '2023-10-18T16:05']);
  expect(org('МАОУ лицей № 7').status).toBe('late');
  expect(json.datesUnmatched).toEqual([{ line: 4, name: 'Лицей № 999' }]);
  expect(res.stderr).toContain('Файл дат, строка 4: «Лицей № 999» — нет ни такого файла, ни организации с таким названием среди полученных');

  await writeFile(dates, 'МАОУ СОШ № 3.xlsx;18.10.2023\nМАОУ лицей № 7;31.09.2023\nМАОУ СОШ № 5\n');
  const bad = await run(args('свод-плохие-даты.xlsx', '--dates', dates));
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('В файле дат');
  expect(bad.stderr).toContain('строка 2: «31.09.2023» — не дата; пишите дд.мм.гггг или дд.мм.гггг чч:мм');
  expect(bad.stderr).toContain('строка 3: для «МАОУ СОШ № 5» не указана дата');
  expect(MERGE_USAGE).toContain('--dates ФАЙЛ');
});

test('the same reports merged as the letters they came in, saved today: each letter\'s date decides, as the official results', async () => {
  const letters = path.join(dir, 'письма');
  await mkdir(letters);
  for (const [i, f] of sample.files.entries()) {
    const data = new Uint8Array(await readFile(path.join(dir, 'почта', f.file)));
    const letter = eml({
      from: `Школа <school${i}@example.ru>`,
      subject: `Отчёт ${f.unit}`,
      // The school's sending time: what the sample's file time stood for.
      date: new Date(f.received).toUTCString(),
      attachments: [{ filenameParam: rfc2231Name(f.file, 'utf-8'), data }],
    });
    await writeFile(path.join(letters, `письмо ${i + 1}.eml`), letter);
  }
  const res = await run([letters, '--out', path.join(dir, 'свод-письма.xlsx'), '--units', path.join(dir, 'почта', 'units.csv'), '--deadline', sample.deadline, '--unit', 'Город Томск', '--json']);
  expect(res.code).toBe(0);
  const json = JSON.parse(res.stdout) as MergeJson;
  expect(json.counts).toMatchObject({ expected: 66, merged: 66, onTime: 63, late: 3, unconfirmed: 0 });
  expect(json.files.filter((f) => f.status === 'merged').every((f) => f.dateSource === 'message' && !f.dateDoubt)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path.join(dir, 'свод-письма.xlsx'))) as unknown as ArrayBuffer);
  const line = wb.getWorksheet(SHEET.register)!.getRow(REGISTER_HEADER_ROW + 1);
  // eslint-disable-next-line office-addins/load-object-before-read -- an ExcelJS row, not office.js
  expect(String(line.getCell(registerColumn('Откуда дата')).value)).toBe(`дата письма ${line.getCell(registerColumn('Получен')).value}`);
});
