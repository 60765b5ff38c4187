/**
 * `profkampaniya merge` as installed (bin/profkampaniya.js running the built bundle) reads received files on worker
 * threads: the coordinator gets exactly the same consolidated workbook and the same account of every file as when
 * they are read one by one in the main thread — only sooner.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeSample } from '../scripts/sample';
import type { Sample } from '../src/domain/sample/schoolWorkbooks';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');
let dir: string;
let sample: Sample;

beforeAll(async () => {
  // The bundle the binary runs; built here so the test never runs an old one.
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:cli не удался: ${built.stderr}`);
  dir = await mkdtemp(path.join(tmpdir(), 'pk-workers-'));
  sample = await writeSample(path.join(dir, 'почта'));
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

function mergeWith(workers: string, out: string) {
  const args = [path.join(ROOT, 'bin/profkampaniya.js'), 'merge', path.join(dir, 'почта'), '--out', out, '--units', path.join(dir, 'почта', 'units.csv'),
    '--deadline', sample.deadline, '--unit', 'Город Томск', '--season', 'autumn', '--year', '2023', '--json'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PROFKAMPANIYA_WORKERS: workers, PROFKAMPANIYA_TIMINGS: '1' } });
  if (r.status !== 0) throw new Error(`merge exited ${r.status}: ${r.stderr}`);
  return r;
}

test('reading on worker threads gives the same workbook and the same account of every file as one', async () => {
  const parallel = mergeWith('2', path.join(dir, 'свод-2.xlsx'));
  const serial = mergeWith('0', path.join(dir, 'свод-0.xlsx'));
  // The timings line says how the files were read: proof the bundle and its workers ran.
  expect(parallel.stderr).toMatch(/чтение и проверка \(потоков: основной и 2\)/);
  expect(serial.stderr).toMatch(/чтение и проверка \(потоков: основной\)/);
  const json = (s: string) => ({ ...JSON.parse(s), out: '' });
  expect(json(parallel.stdout)).toEqual(json(serial.stdout));
  expect(JSON.parse(parallel.stdout).files).toHaveLength(sample.files.length);
  // Byte for byte: the output is dated from the data, and the workers change nothing in it.
  expect(Buffer.compare(await readFile(path.join(dir, 'свод-2.xlsx')), await readFile(path.join(dir, 'свод-0.xlsx')))).toBe(0);
}, 300_000);

test('with no campaign named, checking the files under the campaign guessed while reading changes nothing in the workbook or the account', async () => {
  // No --season, --year or --deadline: the merge takes the campaign from the plans' dates (autumn 2023, not today's);
  // the threads' run checks each file under a guess at it while reading, the main thread alone after reading.
  const run = (workers: string, out: string, named: string[] = []) => {
    const args = [path.join(ROOT, 'bin/profkampaniya.js'), 'merge', path.join(dir, 'почта'), '--out', out, '--units', path.join(dir, 'почта', 'units.csv'), '--unit', 'Город Томск', '--json', ...named];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PROFKAMPANIYA_WORKERS: workers, PROFKAMPANIYA_TIMINGS: '1' } });
    if (r.status !== 0) throw new Error(`merge exited ${r.status}: ${r.stderr}`);
    return r;
  };
  const parallel = run('1', path.join(dir, 'свод-угадано-1.xlsx'));
  const serial = run('0', path.join(dir, 'свод-угадано-0.xlsx'));
  expect(parallel.stderr).toMatch(/чтение и проверка \(потоков: основной и 1\)/);
  for (const r of [parallel, serial]) expect(r.stderr).toMatch(/по датам полученных планов это осенняя кампания 2023 г\./);
  const json = (s: string) => ({ ...JSON.parse(s), out: '' });
  expect(json(parallel.stdout)).toEqual(json(serial.stdout));
  // Each file's errors and warnings are those found under the campaign named outright.
  const named = run('0', path.join(dir, 'свод-названо.xlsx'), ['--season', 'autumn', '--year', '2023']);
  const found = (s: string) => (JSON.parse(s) as { files: { file: string; errors: number; warnings: number }[] }).files.map((f) => [f.file, f.errors, f.warnings]);
  expect(found(parallel.stdout)).toEqual(found(named.stdout));
  expect(Buffer.compare(await readFile(path.join(dir, 'свод-угадано-1.xlsx')), await readFile(path.join(dir, 'свод-угадано-0.xlsx')))).toBe(0);
}, 300_000);
