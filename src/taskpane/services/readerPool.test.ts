import { municipalSettings, sampleSchoolWorkbooks } from '../../domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../files/xlsxWriter';
import { readerPool } from './readerPool';
import { readOne } from './readOne';
import type { PickedFile } from './pickedBytes';

/** A reading worker whose script never runs (not loaded, or failed at once): every file it is handed, an error. */
class FailingWorker {
  static made: FailingWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  terminated = false;
  tasks = 0;
  constructor() {
    FailingWorker.made.push(this);
  }
  postMessage(): void {
    this.tasks++;
    setTimeout(() => this.onerror?.(new Event('error')), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

test('a reading worker that fails outright: the files it held are read by the season worker instead, and it gets no more', async () => {
  const settings = municipalSettings();
  const schools = sampleSchoolWorkbooks({ schools: 3, twice: false, broken: false, late: 0 }).files.filter((f) => f.workbook);
  const picked: PickedFile[] = await Promise.all(
    schools.map(async (s) => {
      const bytes = await writeXlsx(s.workbook!);
      return { name: s.file, lastModified: Date.UTC(2023, 9, 16, 10), size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
    }),
  );
  const pool = readerPool(() => new FailingWorker() as unknown as Worker);
  pool.cores(2 + 1);
  const results = await Promise.all(picked.map((f) => pool.read(f, settings, picked.length)));
  // Each file read as it would be anywhere, none lost or refused for the worker's failure.
  for (const [i, f] of picked.entries()) expect(results[i]).toEqual(await readOne(f, settings));
  expect(FailingWorker.made.length).toBeGreaterThan(0);
  expect(FailingWorker.made.every((w) => w.terminated)).toBe(true);
  // Files read later go nowhere near the failed workers.
  const handed = FailingWorker.made.reduce((n, w) => n + w.tasks, 0);
  await pool.read(picked[0], settings, 1);
  expect(FailingWorker.made.reduce((n, w) => n + w.tasks, 0)).toBe(handed);
});
