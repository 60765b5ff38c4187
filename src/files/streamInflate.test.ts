import { inflateRaw } from 'pako';
import { sampleSchoolWorkbooks } from '../domain/sample/schoolWorkbooks';
import { LIMITS, OutputCapExceeded, packedPart, zipEntries } from './guards';
import { readWorkbookFile } from './readWorkbook';
import { nativelyInflated, withNativeInflate } from './streamInflate';
import { writeXlsx } from './xlsxWriter';

const schools = sampleSchoolWorkbooks({ schools: 6, twice: false, broken: false, late: 0 }).files.filter((f) => f.workbook);

test('the pane inflates every part of a school workbook natively, to the bytes pako gives', async () => {
  const bytes = await writeXlsx(schools[0].workbook!);
  const inflater = await nativelyInflated(bytes);
  expect(inflater).toBeDefined();
  const entries = zipEntries(bytes).filter((e) => e.method === 8);
  expect(entries.length).toBeGreaterThan(5);
  for (const e of entries) {
    const packed = packedPart(bytes, e);
    expect(Buffer.from(inflater!(packed, LIMITS.entryBytes)!).equals(Buffer.from(inflateRaw(packed)))).toBe(true);
    // Past the cap a guard asks for, the part is refused, as the other inflaters refuse it.
    expect(() => inflater!(packed, e.uncompressedSize - 1)).toThrow(OutputCapExceeded);
  }
  // Bytes it did not see are left to pako.
  expect(inflater!(new Uint8Array(10), LIMITS.entryBytes)).toBeUndefined();
});

test('a school workbook read with the native inflate gives what it gives with pako', async () => {
  for (const f of schools) {
    const bytes = await writeXlsx(f.workbook!);
    const native = await withNativeInflate(bytes, () => readWorkbookFile(bytes, f.file, { formulas: false }));
    expect(native).toEqual(readWorkbookFile(bytes, f.file, { formulas: false }));
  }
});

test('files that are not zip packages are read as before', async () => {
  const csv = new TextEncoder().encode('Организация\nМБОУ СОШ № 1\n');
  expect(await nativelyInflated(csv)).toBeUndefined();
  expect(await nativelyInflated(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]))).toBeUndefined();
});

test('school workbooks read at once, and one after another, each read their own parts from the reused buffers', async () => {
  const books = await Promise.all(schools.map(async (f) => ({ f, bytes: await writeXlsx(f.workbook!) })));
  const alone = books.map(({ f, bytes }) => readWorkbookFile(bytes, f.file, { formulas: false }));
  // At once: each package is inflated into a buffer of its own while the others' are still in use…
  const together = await Promise.all(books.map(({ f, bytes }) => withNativeInflate(bytes, () => readWorkbookFile(bytes, f.file, { formulas: false }))));
  expect(together).toEqual(alone);
  // …and one after another, into the buffers the earlier ones gave back (twice over, in another order).
  for (const i of [5, 4, 3, 2, 1, 0, 0, 1, 2, 3, 4, 5]) {
    const { f, bytes } = books[i];
    expect(await withNativeInflate(bytes, () => readWorkbookFile(bytes, f.file, { formulas: false }))).toEqual(alone[i]);
  }
  // The sheets are large enough to come from the stream in several chunks: the lent buffer is what joins them.
  const sheet = zipEntries(books[0].bytes).find((e) => /worksheets\/sheet1\.xml$/.test(e.name))!;
  expect(sheet.uncompressedSize).toBeGreaterThan(64 * 1024);
});
