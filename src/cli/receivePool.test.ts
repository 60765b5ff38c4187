/**
 * The merge's worker pool: results come back in the order of the inputs whatever order the workers finish in,
 * and a worker that dies loses nothing — its file is refused with a reason and the others are still received.
 * A stand-in worker script keeps this about the pool, not about reading workbooks (test/merge.workers.test.ts
 * runs the real one).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { defaultSettings } from '../domain/settings';
import { dropReaderAhead, receiveInWorkers, startReaderAhead, workerCount } from './receivePool';
import { readingOrder } from './receive';
import type { GridToReceive } from '../files/receiveInput';
import type { ReceivedFile } from '../domain/consolidate/mergeTypes';

let dir: string;
let script: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-pool-'));
  script = path.join(dir, 'worker.cjs');
  // Like the real worker, reads one file at a time, synchronously (busy for as long as the name says, so later
  // files can finish first on another worker); a name with «падает» kills the thread.
  // The campaign's settings come first (a worker may be started before they are known); each result says which
  // stand-in read it and for what year, so a test can tell the worker started ahead from one the pool started.
  const standIn = (mark: string) => `const { parentPort } = require('node:worker_threads');
     let year;
     parentPort.on('message', (m) => {
       if (m.settings) return void (year = m.settings.year);
       const { index, input, upTo } = m;
       if (input.name.includes('падает')) process.exit(3);
       const until = Date.now() + Number(/(\\d+)мс/.exec(input.name)?.[1] ?? 0);
       while (Date.now() < until);
       // Asked only to read: the «grids» go back for the main thread to find the forms in.
       if (upTo === 'grid') parentPort.postMessage({ index, result: { grid: { file: input.name, sheets: [] }, received: input.modified } });
       else parentPort.postMessage({ index, result: [{ file: input.name, received: input.modified, error: 'прочитан ' + input.name${mark ? ` + ' ${mark} ' + year` : ''} }] });
     });`;
  await writeFile(script, standIn(''));
  await writeFile(path.join(dir, 'ahead.cjs'), standIn('заранее'));
  await writeFile(path.join(dir, 'fails.cjs'), "throw new Error('не запустился');");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const inputs = (names: string[]) => names.map((name) => ({ path: path.join(dir, name), name, modified: '2023-10-18T10:00' }));
const settings = defaultSettings('autumn', 2023, { level: 'municipality' });

test('results are in the order of the files, whichever worker finishes first', async () => {
  const names = ['a 40мс.xlsx', 'b 0мс.xlsx', 'c 25мс.xlsx', 'd 0мс.xlsx', 'e 5мс.xlsx', 'f 0мс.xlsx'];
  const out = await receiveInWorkers(inputs(names), settings, script, 3);
  expect(out.map((r) => r.file)).toEqual(names);
  expect(out.map((r) => ('error' in r ? r.error : ''))).toEqual(names.map((n) => `прочитан ${n}`));
});

test('a worker that dies on a file: that file is refused with a reason, every other file is still received', async () => {
  const names = ['1.xlsx', '2 падает.xlsx', '3.xlsx', '4 падает.xlsx', '5.xlsx', '6.xlsx', '7.xlsx'];
  const out = await receiveInWorkers(inputs(names), settings, script, 2);
  expect(out).toHaveLength(names.length);
  expect(out.map((r) => r.file)).toEqual(names);
  for (const [i, r] of out.entries()) {
    const error = 'error' in r ? r.error : '';
    if (names[i].includes('падает')) expect(error).toMatch(new RegExp(`^Файл «${names[i]}» не удалось прочитать: чтение прервалось .*пришлите снова\\.$`));
    else expect(error).toBe(`прочитан ${names[i]}`);
  }
});

test('every file dying still ends, each refused', async () => {
  const names = ['x падает.xlsx', 'y падает.xlsx', 'z падает.xlsx'];
  const out = await receiveInWorkers(inputs(names), settings, script, 2);
  expect(out.every((r) => 'error' in r && /чтение прервалось/.test(r.error ?? ''))).toBe(true);
});

test('no files: no workers, nothing returned', async () => {
  expect(await receiveInWorkers([], settings, script, 2)).toEqual([]);
});

test('a few files are read in the main thread; PROFKAMPANIYA_WORKERS overrides', () => {
  expect(workerCount(5, {})).toBe(0);
  expect(workerCount(150, {}, 2)).toBe(0);
  expect(workerCount(1000, {}, 2)).toBe(1); // two cores: the main thread and one worker
  expect(workerCount(1000, {}, 1)).toBe(1);
  expect(workerCount(1000, {}, 16)).toBe(7);
  expect(workerCount(1000, { PROFKAMPANIYA_WORKERS: '0' })).toBe(0);
  expect(workerCount(1000, { PROFKAMPANIYA_WORKERS: '3' })).toBe(3);
  expect(workerCount(2, { PROFKAMPANIYA_WORKERS: '3' })).toBe(2);
});

test('the main thread reads alongside the workers: every file once, in order', async () => {
  const names = Array.from({ length: 30 }, (_, i) => `${i} ${i % 3}мс.xlsx`);
  const byMain: string[] = [];
  const out = await receiveInWorkers(inputs(names), settings, script, 2, {
    mainThread: async (input) => {
      byMain.push(input.name);
      return [{ file: input.name, received: input.modified, error: `прочитан ${input.name}` }];
    },
  });
  expect(out.map((r) => r.file)).toEqual(names);
  expect(out.map((r) => ('error' in r ? r.error : ''))).toEqual(names.map((n) => `прочитан ${n}`));
  expect(byMain.length).toBeGreaterThan(0);
  expect(byMain.length).toBeLessThan(names.length);
});

test('the slowest files are read first (other formats, then the largest), the results still in the folder order', async () => {
  const files = [
    { name: 'a.xlsx', size: 10_000 },
    { name: 'b.xls', size: 5_000 },
    { name: 'c.xlsx', size: 90_000 },
    { name: 'd.csv', size: 200 },
    { name: 'e.XLSX', size: 10_000 },
  ].map((f) => ({ ...f, path: path.join(dir, f.name), modified: '2023-10-18T10:00' }));
  const order = readingOrder(files);
  expect(order.map((i) => files[i].name)).toEqual(['b.xls', 'd.csv', 'c.xlsx', 'a.xlsx', 'e.XLSX']);
  const byMain: string[] = [];
  const out = await receiveInWorkers(files, settings, script, 1, {
    order,
    mainThread: async (input) => {
      byMain.push(input.name);
      return [{ file: input.name, received: input.modified, error: `прочитан ${input.name}` }];
    },
  });
  expect(out.map((r) => r.file)).toEqual(files.map((f) => f.name));
  // Handed out in that order: whatever the main thread took, it took in the order's sequence.
  const positions = byMain.map((n) => order.findIndex((i) => files[i].name === n));
  expect(positions).toEqual([...positions].sort((x, y) => x - y));
});

describe('the workers read, the main thread finds the forms (receiveGrid)', () => {
  const foundOnMain = (g: GridToReceive): ReceivedFile[] => [{ file: g.grid.file, received: g.received, error: `формы найдены: ${g.grid.file}` }];

  test('every file is read by a worker and its forms found by the main thread, once, the results in the files’ order', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `${i} ${(i * 7) % 4}мс.xlsx`);
    const out = await receiveInWorkers(inputs(names), settings, script, 2, { receiveGrid: foundOnMain });
    expect(out.map((r) => r.file)).toEqual(names);
    expect(out.map((r) => ('error' in r ? r.error : ''))).toEqual(names.map((n) => `формы найдены: ${n}`));
  });

  test('a worker that dies while reading for the main thread: that file is refused with a reason, every other file is found', async () => {
    const names = ['1.xlsx', '2 падает.xlsx', '3.xlsx', '4 падает.xlsx', '5.xlsx'];
    const out = await receiveInWorkers(inputs(names), settings, script, 1, { receiveGrid: foundOnMain });
    expect(out.map((r) => r.file)).toEqual(names);
    for (const [i, r] of out.entries()) {
      const error = 'error' in r ? r.error : '';
      expect(error).toMatch(names[i].includes('падает') ? /чтение прервалось/ : new RegExp(`^формы найдены: ${names[i]}$`));
    }
  });

  test('a main thread that falls behind gets no pile of grids: the workers are handed whole files meanwhile', async () => {
    const names = Array.from({ length: 400 }, (_, i) => `${i}.xlsx`);
    const out = await receiveInWorkers(inputs(names), settings, script, 2, {
      receiveGrid: (g) => {
        const until = Date.now() + 2; // finding the forms is the slow half here
        while (Date.now() < until);
        return foundOnMain(g);
      },
    });
    expect(out.map((r) => r.file)).toEqual(names);
    const whole = out.filter((r) => 'error' in r && r.error?.startsWith('прочитан')).length;
    const found = out.filter((r) => 'error' in r && r.error?.startsWith('формы найдены')).length;
    expect(whole + found).toBe(names.length);
    expect(whole).toBeGreaterThan(0);
    expect(found).toBeGreaterThan(64);
  });
});

describe('a reading worker started ahead, while the folders are listed', () => {
  afterEach(() => dropReaderAhead());

  test('the pool takes it, and it reads under the settings sent after it started', async () => {
    startReaderAhead(path.join(dir, 'ahead.cjs'));
    const names = ['a.xlsx', 'b.xlsx', 'c.xlsx'];
    const out = await receiveInWorkers(inputs(names), settings, script, 1);
    expect(out.map((r) => ('error' in r ? r.error : ''))).toEqual(names.map((n) => `прочитан ${n} заранее 2023`));
  });

  test('one that failed to start is not taken: a worker of the pool reads every file', async () => {
    startReaderAhead(path.join(dir, 'fails.cjs'));
    await new Promise((resolve) => setTimeout(resolve, 500)); // its start-up has failed by now
    const names = ['a.xlsx', 'b.xlsx'];
    const out = await receiveInWorkers(inputs(names), settings, script, 1);
    expect(out.map((r) => ('error' in r ? r.error : ''))).toEqual(names.map((n) => `прочитан ${n}`));
  });

  test('one not needed is stopped: the next pool starts its own', async () => {
    startReaderAhead(path.join(dir, 'ahead.cjs'));
    dropReaderAhead();
    const out = await receiveInWorkers(inputs(['a.xlsx']), settings, script, 1);
    expect(out.map((r) => ('error' in r ? r.error : ''))).toEqual(['прочитан a.xlsx']);
  });
});
