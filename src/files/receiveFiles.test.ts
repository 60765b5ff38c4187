import { sampleSchoolWorkbooks } from '../domain/sample/schoolWorkbooks';
import { mergeReports, isUnreadable } from '../domain/consolidate/merge';
import { receiveFiles, ReceiveCancelled, type FileToReceive } from './receiveFiles';
import { writeWorkbook } from './writeXlsx';

let files: FileToReceive[];
let settings: ReturnType<typeof sampleSchoolWorkbooks>['settings'];

beforeAll(async () => {
  const sample = sampleSchoolWorkbooks({ schools: 6, twice: false, late: 0 });
  settings = sample.settings;
  files = [];
  for (const f of sample.files) {
    const bytes = f.workbook ? await writeWorkbook(f.workbook, { postProcess: [] }) : f.bytes!;
    files.push({ name: f.file, lastModified: Date.parse(`${f.received}:00`), arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });
  }
}, 60_000);

describe('receiving picked files in the browser, one at a time', () => {
  test('every file is read and checked in order, progress after each, a broken file gives its reason', async () => {
    const progress: string[] = [];
    const received = await receiveFiles(files, settings, { onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.file}`) });
    expect(received.map((r) => r.file)).toEqual(files.map((f) => f.name));
    expect(progress).toEqual(files.map((f, i) => `${i + 1}/${files.length} ${f.name}`));
    const broken = received.filter(isUnreadable);
    expect(broken).toHaveLength(1); // the sample's one file that is not a workbook
    expect(broken[0].error).toContain(broken[0].file);
    const result = mergeReports({ files: received, expectedUnits: [], deadline: settings.schoolReportsDue, policy: 'merge-with-errors' });
    expect(result.units).toHaveLength(6);
    expect(received.every((r) => typeof r.fingerprint === 'string' && r.fingerprint.length === 16)).toBe(true);
  });

  test('the page gets a turn between files (timers fire while receiving)', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let ticksAtEnd = 0;
    try {
      await receiveFiles(files, settings, { sliceMs: 0 });
      ticksAtEnd = ticks;
    } finally {
      clearInterval(timer);
    }
    expect(ticksAtEnd).toBeGreaterThanOrEqual(files.length - 1);
  });

  test('cancelling stops between files and says in Russian how far it got', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = receiveFiles(files, settings, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ReceiveCancelled);
    await expect(run).rejects.toThrow(`Свод отменён: прочитано 2 из ${files.length} файлов`);
    expect(seen).toEqual([1, 2]);
  });
});
