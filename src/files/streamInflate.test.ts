import { inflateRaw } from 'pako';
import { sampleSchoolWorkbooks } from '../domain/sample/schoolWorkbooks';
import { LIMITS, OutputCapExceeded, packedPart, zipEntries } from './guards';
import { readWorkbookFile } from './readWorkbook';
import { inflateSmallPartsInScript, nativelyInflated, withNativeInflate } from './streamInflate';
import { writeXlsx } from './xlsxWriter';
import { streamsMade } from './testing';

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

describe('the season worker inflates the smaller parts in script', () => {
  beforeAll(() => inflateSmallPartsInScript());
  afterAll(() => inflateSmallPartsInScript(false));
  const read = (bytes: Uint8Array, file: string) => {
    try {
      return readWorkbookFile(bytes, file, { formulas: false });
    } catch (e) {
      return (e as Error).message;
    }
  };

  test('every part of a school workbook to the bytes pako gives, refused past the cap as the others refuse it', async () => {
    const bytes = await writeXlsx(schools[0].workbook!);
    let inflater: Awaited<ReturnType<typeof nativelyInflated>>;
    // None through the browser's stream: its buffers are what waited for the season worker's collections.
    expect(await streamsMade(async () => void (inflater = await nativelyInflated(bytes)))).toBe(0);
    for (const e of zipEntries(bytes).filter((x) => x.method === 8)) {
      const packed = packedPart(bytes, e);
      expect(Buffer.from(inflater!(packed, LIMITS.entryBytes)!).equals(Buffer.from(inflateRaw(packed)))).toBe(true);
      expect(() => inflater!(packed, e.uncompressedSize - 1)).toThrow(OutputCapExceeded);
    }
  });

  test('school workbooks read as with pako, one after another from the reused buffer', async () => {
    for (const f of [...schools, ...schools]) {
      const bytes = await writeXlsx(f.workbook!);
      expect(await withNativeInflate(bytes, () => readWorkbookFile(bytes, f.file, { formulas: false }))).toEqual(readWorkbookFile(bytes, f.file, { formulas: false }));
    }
  });

  test('a part that says it is smaller or larger than it is, or is damaged, is refused as pako refuses it', async () => {
    const bytes = await writeXlsx(schools[1].workbook!);
    const sheet = zipEntries(bytes).find((e) => /worksheets\/sheet1\.xml$/.test(e.name))!;
    // The declared size, in the central directory (where the guards read it) and in the local header.
    const declaring = (size: number) => {
      const lying = bytes.slice();
      const view = new DataView(lying.buffer);
      view.setUint32(sheet.localHeaderOffset + 22, size, true);
      for (let at = lying.length - 22; at > 0; at--)
        if (view.getUint32(at, true) === 0x02014b50 && view.getUint32(at + 42, true) === sheet.localHeaderOffset) view.setUint32(at + 24, size, true);
      return lying;
    };
    const damaged = bytes.slice();
    const packed = packedPart(bytes, sheet);
    damaged.fill(0xff, packed.byteOffset + 10, packed.byteOffset + 40);
    for (const odd of [declaring(sheet.uncompressedSize - 1000), declaring(sheet.uncompressedSize + 1000), damaged]) {
      const inflater = await nativelyInflated(odd);
      // Left to pako: the part in question is not among those inflated beforehand.
      expect(inflater!(packedPart(odd, zipEntries(odd).find((e) => e.name === sheet.name)!), LIMITS.entryBytes)).toBeUndefined();
      expect(await withNativeInflate(odd, () => read(odd, 'школа.xlsx'))).toEqual(read(odd, 'школа.xlsx'));
    }
  });

  test('a part packed in more than 64 KB keeps the native stream, which stops at the cap', async () => {
    let seed = 5;
    const text = () => Array.from({ length: 30 }, () => String.fromCharCode(0x430 + ((seed = (seed * 48271) % 2147483647) % 32))).join('');
    const big = await writeXlsx({ sheets: [{ name: 'Лист', kind: 'detail', blocks: [{ at: 'A1', rows: Array.from({ length: 6000 }, (_, i) => [text(), i]) }], styles: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], charts: [] }] });
    const strings = zipEntries(big).find((e) => e.name === 'xl/sharedStrings.xml')!;
    expect(strings.compressedSize).toBeGreaterThan(64 * 1024);
    let inflater: Awaited<ReturnType<typeof nativelyInflated>>;
    const large = zipEntries(big).filter((e) => e.method === 8 && e.compressedSize > 64 * 1024);
    expect(await streamsMade(async () => void (inflater = await nativelyInflated(big)))).toBe(large.length);
    expect(large.length).toBeLessThan(zipEntries(big).filter((e) => e.method === 8).length);
    expect(Buffer.from(inflater!(packedPart(big, strings), LIMITS.entryBytes)!).equals(Buffer.from(inflateRaw(packedPart(big, strings))))).toBe(true);
  });
});
