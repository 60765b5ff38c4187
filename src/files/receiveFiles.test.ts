import { heldRows } from '../domain/sheetPlan';
import { sampleSchoolWorkbooks } from '../domain/sample/schoolWorkbooks';
import { mergeReports, isUnreadable } from '../domain/consolidate/merge';
import { receiveBytes, receiveFiles, ReceiveCancelled, type FileToReceive } from './receiveFiles';
import { appendix3Layout } from '../domain/forms/appendix3Layout';
import { dataCell } from '../domain/forms/tableLayout';
import { parseCell } from '../domain/a1';
import { writeXlsx } from './xlsxWriter';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

let files: FileToReceive[];
let settings: ReturnType<typeof sampleSchoolWorkbooks>['settings'];

beforeAll(async () => {
  const sample = sampleSchoolWorkbooks({ schools: 6, twice: false, late: 0 });
  settings = sample.settings;
  files = [];
  for (const f of sample.files) {
    const bytes = f.workbook ? await writeXlsx(f.workbook) : f.bytes!;
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

test('a value that cannot be read is reported once for the file, not once by the reader and again by the checker', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, messy: false, late: 0 });
  const wb = sample.files[0].workbook!;
  const sheet = wb.sheets.find((s) => s.kind === 'appendix3')!;
  const L = appendix3Layout({ ...sample.settings, level: 'school' }, { rows: 1 });
  const target = parseCell(dataCell(L.participation, 'participants', 0));
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    const row = heldRows(b.rows)[target.row - at.row];
    if (row && target.col - at.col >= 0 && target.col - at.col < row.length) row[target.col - at.col] = 'много';
  }
  const received = receiveBytes(await writeXlsx(wb), 'школа.xlsx', sample.files[0].received, sample.settings);
  const unreadable = 'problems' in received ? received.problems.filter((p) => p.code === 'value-unreadable') : [];
  expect(unreadable.map((p) => p.cell)).toEqual([dataCell(L.participation, 'participants', 0)]);
});
