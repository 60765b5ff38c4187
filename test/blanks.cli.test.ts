/** `profkampaniya blanks` as a coordinator meets its mistakes: each one said in Russian, exit code 2, nothing written. */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { runCommand } from './support/command';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-blanks-cli-'));
  await writeFile(path.join(dir, 'units.txt'), 'Организация\nМАОУ СОШ № 4\nCON\nШкола: «Знание»/филиал\n');
  await writeFile(path.join(dir, 'empty.txt'), '\n\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => runCommand((rest, io) => main(['blanks', ...rest], io), args);

test.each([
  [['--out', 'x'], 'Укажите список организаций: --units'],
  [['--units', 'нет-такого.csv', '--out', 'x'], 'Список организаций «нет-такого.csv» не найден'],
  [['--units', 'EMPTY', '--out', 'x'], 'нет ни одной организации'],
  [['--units', 'UNITS', '--out', 'x', '--forms', 'report,отчёт'], 'Неизвестная форма: «отчёт»'],
  [['--units', 'UNITS', '--out', 'x', '--season', 'winter'], 'Неизвестная кампания: «winter»'],
  [['--units', 'UNITS', '--out', 'x', '--report-due', '19.10.2026'], 'Срок --report-due указан неверно: «19.10.2026»'],
  [['--units', 'UNITS', '--out', 'x', '--level', 'school'], 'Неизвестный уровень: «school»'],
])('%j is refused with a message that says what to do', async (args, message) => {
  const fixed = args.map((a) => (a === 'UNITS' ? path.join(dir, 'units.txt') : a === 'EMPTY' ? path.join(dir, 'empty.txt') : a === 'x' ? path.join(dir, 'out-x') : a));
  const r = await run(...fixed);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stderr).toContain('Справка: profkampaniya blanks --help');
  expect(existsSync(path.join(dir, 'out-x'))).toBe(false);
});

test('a plain text list gives one blank per line, the header line skipped, names made safe', async () => {
  const out = path.join(dir, 'бланки');
  const r = await run('--units', path.join(dir, 'units.txt'), '--out', out, '--season', 'spring', '--year', '2027');
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toContain('Бланков записано: 3');
  expect(r.stdout).toContain('Имена некоторых файлов изменены');
  expect((await readdir(out)).sort()).toEqual(['_CON.xlsx', 'МАОУ СОШ № 4.xlsx', 'Школа «Знание» филиал.xlsx'].sort());
});
