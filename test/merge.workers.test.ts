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
