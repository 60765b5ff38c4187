import { sampleSchoolWorkbooks, municipalSettings } from '../../domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../files/xlsxWriter';
import type { ReceivedFile } from '../../domain/consolidate/merge';
import type { ReadReply, ReadTask } from './receive.worker';
import { receiveBytes, receiveGrid } from '../../files/receiveFiles';
import { streamsMade } from '../../files/testing';
import { textReceiver } from '../../files/textsSentOnce';

// A reading worker, as the season worker hands it a file: a school's parts it inflates in script (scriptReading.ts),
// so no browser-made buffer waits for its rare full collections.
test('a reading worker reads a school workbook without the native inflate stream, to the forms the command line reads', async () => {
  const school = sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files.find((f) => f.workbook)!;
  const bytes = await writeXlsx(school.workbook!);
  const settings = municipalSettings();
  const posted: { index: number; result: ReceivedFile[] }[] = [];
  const scope = { onmessage: null as ((e: { data: ReadTask }) => Promise<void>) | null, postMessage: (m: { index: number; result: ReceivedFile[] }) => posted.push(m) };
  (globalThis as { self?: unknown }).self = scope;
  let streams: number;
  try {
    streams = await streamsMade(() =>
      jest.isolateModulesAsync(async () => {
        await import('./receive.worker');
        const read = { name: school.file, lastModified: Date.UTC(2023, 9, 16, 10), size: bytes.length, bytes: bytes.slice().buffer };
        await scope.onmessage!({ data: { index: 7, settings, read } });
      }),
    );
  } finally {
    delete (globalThis as { self?: unknown }).self;
  }
  // One made to see whether this host has the stream at all; none for the parts (a dozen, each its own stream before).
  expect(streams).toBeLessThanOrEqual(1);
  expect(posted).toHaveLength(1);
  expect(posted[0].index).toBe(7);
  const [file] = posted[0].result;
  if (!('read' in file)) throw new Error(`не прочитан: ${file.error}`);
  expect(file.read.report?.participation.length).toBeGreaterThan(0);
  expect(file.read.plan?.rows.length).toBeGreaterThan(0);
  const direct = receiveBytes(bytes, school.file, file.received, settings);
  expect(file).toEqual({ ...direct, fingerprint: file.fingerprint });
});

// The season worker lends each file's bytes in a buffer it had back from an earlier file (pickedBytes.ts LENT_BYTES):
// longer than the file, and holding the rest of that earlier file after it.
test('a reading worker reads only the file in a lent buffer, whatever follows it, and hands the buffer back', async () => {
  const [school, other] = sampleSchoolWorkbooks({ schools: 2, twice: false, broken: false, late: 0 }).files.filter((f) => f.workbook);
  const bytes = await writeXlsx(school.workbook!);
  const earlier = await writeXlsx(other.workbook!);
  const lent = new ArrayBuffer(Math.max(bytes.length, earlier.length) + 4096);
  new Uint8Array(lent).set(earlier); // the earlier, longer file, still there
  new Uint8Array(lent).set(bytes); // this file over its start
  const settings = municipalSettings();
  const posted: { message: ReadReply; transfer?: Transferable[] }[] = [];
  const scope = {
    onmessage: null as ((e: { data: ReadTask }) => Promise<void>) | null,
    postMessage: (message: ReadReply, transfer?: Transferable[]) => posted.push({ message, transfer }),
  };
  (globalThis as { self?: unknown }).self = scope;
  try {
    await jest.isolateModulesAsync(async () => {
      await import('./receive.worker');
      await scope.onmessage!({ data: { index: 3, settings, read: { name: school.file, lastModified: Date.UTC(2023, 9, 16, 10), size: bytes.length, bytes: lent } } });
    });
  } finally {
    delete (globalThis as { self?: unknown }).self;
  }
  expect(posted).toHaveLength(1);
  const { message, transfer } = posted[0];
  expect(message.lent).toBe(lent);
  expect(transfer).toEqual([lent]);
  if (!Array.isArray(message.result)) throw new Error('прочитан только до таблиц');
  const [file] = message.result;
  if (!('read' in file)) throw new Error(`не прочитан: ${file.error}`);
  expect(file).toEqual({ ...receiveBytes(bytes, school.file, file.received, settings), fingerprint: file.fingerprint });
  // The register's checksum is this file's, not the lent buffer's.
  const { createHash } = await import('node:crypto');
  expect(file.fingerprint).toBe(createHash('sha1').update(bytes).digest('hex').slice(0, 16));
});

/** Runs the reading worker's script in a stand-in scope that posts through `postMessage`, handing it `tasks` in turn. */
async function runReadingWorker(postMessage: (m: ReadReply, transfer?: Transferable[]) => void, tasks: ReadTask[]): Promise<void> {
  const scope = { onmessage: null as ((e: { data: ReadTask }) => Promise<void>) | null, postMessage };
  (globalThis as { self?: unknown }).self = scope;
  try {
    await jest.isolateModulesAsync(async () => {
      await import('./receive.worker');
      for (const data of tasks) await scope.onmessage!({ data });
    });
  } finally {
    delete (globalThis as { self?: unknown }).self;
  }
}

// A pick below SPLIT_READING_BELOW files: the season worker asks its reading worker only to read (season.worker.ts).
test('a reading worker asked only to read posts the grids, and finding the forms in them gives what it reads whole', async () => {
  const school = sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files.find((f) => f.workbook)!;
  const bytes = await writeXlsx(school.workbook!);
  const settings = municipalSettings();
  const posted: ReadReply[] = [];
  const read = () => ({ name: school.file, lastModified: Date.UTC(2023, 9, 16, 10), size: bytes.length, bytes: bytes.slice().buffer });
  await runReadingWorker((m) => posted.push(m), [
    { index: 1, settings, read: read(), upTo: 'grid' },
    { index: 2, settings, read: read() },
  ]);
  const [grid, whole] = posted.map((m) => m.result);
  if (Array.isArray(grid) || !Array.isArray(whole)) throw new Error('ожидались таблицы, затем прочитанный файл');
  expect(grid.grid.sheets.length).toBeGreaterThan(0);
  // Its texts go once (textsSentOnce.ts): the season worker puts them back as each reply comes.
  textReceiver()(grid.grid, posted[0].texts!);
  expect([receiveGrid(grid.grid, grid.received, settings, grid.fingerprint)]).toEqual(whole);
});

// The season worker waits for an answer for every file it hands out: a reply that cannot be sent (a value the
// browser cannot clone) must not leave its merge waiting for ever.
test('a file whose reply cannot be sent is answered all the same: refused with the reason, its lent buffer back', async () => {
  const school = sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files.find((f) => f.workbook)!;
  const bytes = await writeXlsx(school.workbook!);
  const posted: { message: ReadReply; transfer?: Transferable[] }[] = [];
  let refuse = true;
  const lent = bytes.slice().buffer;
  await runReadingWorker(
    (message, transfer) => {
      if (refuse) {
        refuse = false;
        throw new DOMException('could not be cloned', 'DataCloneError');
      }
      posted.push({ message, transfer });
    },
    [{ index: 4, settings: municipalSettings(), read: { name: school.file, lastModified: Date.UTC(2023, 9, 16, 10), size: bytes.length, bytes: lent } }],
  );
  expect(posted).toHaveLength(1);
  const { message, transfer } = posted[0];
  expect(message.index).toBe(4);
  expect(message.lent).toBe(lent);
  expect(transfer).toEqual([lent]);
  if (!Array.isArray(message.result)) throw new Error('ожидался отказ');
  const [file] = message.result;
  expect('error' in file && file.error).toMatch(new RegExp(`^Файл «${school.file}» не удалось прочитать \\(could not be cloned\\)\\. Откройте его в Excel`));
});

// A grid's texts go once for all of a reading worker's files (textsSentOnce.ts): a reply that could not be posted
// must not leave the season worker without texts the next replies refer to.
test('after a grid that could not be sent, the next grid arrives with every text, and its forms are found as read whole', async () => {
  const school = sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files.find((f) => f.workbook)!;
  const bytes = await writeXlsx(school.workbook!);
  const settings = municipalSettings();
  const posted: ReadReply[] = [];
  let refuse = true;
  const read = () => ({ name: school.file, lastModified: Date.UTC(2023, 9, 16, 10), size: bytes.length, bytes: bytes.slice().buffer });
  await runReadingWorker(
    (m) => {
      if (refuse && !Array.isArray(m.result)) {
        refuse = false;
        throw new DOMException('could not be cloned', 'DataCloneError');
      }
      posted.push(structuredClone(m));
    },
    [
      { index: 1, settings, read: read(), upTo: 'grid' },
      { index: 2, settings, read: read(), upTo: 'grid' },
    ],
  );
  const [refused, second] = posted;
  expect(Array.isArray(refused.result) && 'error' in refused.result[0]).toBe(true);
  if (Array.isArray(second.result)) throw new Error('ожидались таблицы');
  const grid = textReceiver()(second.result.grid, second.texts!);
  expect(receiveGrid(grid, second.result.received, settings, second.result.fingerprint)).toEqual({
    ...receiveBytes(bytes, school.file, second.result.received, settings),
    fingerprint: second.result.fingerprint,
  });
});

