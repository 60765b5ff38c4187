/**
 * The command line on hostile files: `check` and `merge` refuse each bad file with a Russian message naming it and
 * go on with the others; a file of gigabytes is refused from its size without being loaded.
 */
import { mkdtemp, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check } from '../../src/cli/check';
import { merge, type MergeJson } from '../../src/cli/merge';
import { cfbWith, rawZip, schoolReportBytes } from './support';
import { capturedIO } from '../support/command';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

let dir: string;
const files: Record<string, Uint8Array | number> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-cli-hostile-'));
  await mkdir(path.join(dir, 'почта'));
  Object.assign(files, {
    'школа.xlsx': await schoolReportBytes(),
    'пустой.xlsx': new Uint8Array(0),
    'документ.xlsx': new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
    'с паролем.xlsx': cfbWith({ EncryptionInfo: new Uint8Array(64).fill(4), EncryptedPackage: new Uint8Array(2048).fill(9) }),
    'бомба.xlsx': rawZip([{ name: 'xl/workbook.xml', data: new Uint8Array(30 * 1024 * 1024), declared: 1000 }]),
    'огромный.xlsx': 3 * 1024 * 1024 * 1024, // sparse: three gigabytes that take no disk space
  });
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, 'почта', name);
    if (typeof content === 'number') {
      const fh = await open(p, 'w');
      await fh.truncate(content);
      await fh.close();
    } else await writeFile(p, content);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const capture = capturedIO;

test('check: each hostile file is named with what is wrong and what to do; the good one is still checked', async () => {
  const { out, io } = capture();
  const t0 = Date.now();
  const code = await check([...Object.keys(files).map((f) => path.join(dir, 'почта', f)), '--json', '--season', 'autumn', '--year', '2023'], io);
  expect(Date.now() - t0).toBeLessThan(30_000);
  expect(code).toBe(2); // some files could not be read
  const records = JSON.parse(out.stdout) as { file: string; code: string; message: string }[];
  const unreadable = records.filter((r) => r.code === 'file-unreadable');
  expect(unreadable.map((r) => path.basename(r.file)).sort()).toEqual(['бомба.xlsx', 'документ.xlsx', 'огромный.xlsx', 'пустой.xlsx', 'с паролем.xlsx']);
  const say = (name: string) => unreadable.find((r) => path.basename(r.file) === name)!.message;
  expect(say('пустой.xlsx')).toMatch(/пуст/);
  expect(say('документ.xlsx')).toMatch(/PDF/);
  expect(say('с паролем.xlsx')).toMatch(/защищён паролем/);
  expect(say('бомба.xlsx')).toMatch(/вывести компьютер из строя/);
  expect(say('огромный.xlsx')).toMatch(/слишком велик: 3072 МБ/);
  for (const r of unreadable) expect(r.message).not.toMatch(/\bat \w+ \(|Error:|undefined/);
  expect(out.stderr).not.toMatch(/Непредвиденная ошибка|\bat \w+ \(/);
});

test('merge: the good report is merged, each hostile file is refused with its reason in the register', async () => {
  const { out, io } = capture();
  const code = await merge([path.join(dir, 'почта'), '--out', path.join(dir, 'свод.xlsx'), '--season', 'autumn', '--year', '2023', '--json'], io);
  expect(code).toBe(0);
  const json = JSON.parse(out.stdout) as MergeJson;
  const by = new Map(json.files.map((f) => [f.file, f]));
  expect(by.get('школа.xlsx')?.status).toBe('merged');
  for (const bad of ['пустой.xlsx', 'документ.xlsx', 'с паролем.xlsx', 'бомба.xlsx', 'огромный.xlsx']) {
    expect(by.get(bad)?.status).toBe('refused');
    expect(by.get(bad)?.reason).toContain(`«${bad}»`);
  }
  expect(by.get('огромный.xlsx')?.reason).toMatch(/слишком велик/);
});
