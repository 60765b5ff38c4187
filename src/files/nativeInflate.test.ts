/**
 * On the command line JSZip zips with Node's zlib (useNativeJszipDeflate; the note's .docx goes through it): a package
 * zipped so holds exactly the parts pako's deflate gives, and every zip reader here opens it.
 */
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { buildConsolidatedWorkbook } from '../domain/consolidate/workbook';
import { mergeReports } from '../domain/consolidate/merge';
import { received } from '../domain/consolidate/testing';
import { municipalSettings } from '../domain/sample/schoolWorkbooks';
import { useNativeJszipDeflate } from './nativeInflate';
import { readWorkbookFile } from './readWorkbook';
import { writeXlsx } from './xlsxWriter';

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out[name] = await file.async('string');
  return out;
}

/**
 * The package's parts zipped anew by JSZip, DEFLATE: by pako, or by zlib once useNativeJszipDeflate has run (a loaded
 * zip would keep its parts' compressed bytes, so the parts are put into a new one).
 */
async function rezipped(bytes: Uint8Array): Promise<Uint8Array> {
  const fresh = new JSZip();
  for (const [name, data] of Object.entries(unzipSync(bytes))) fresh.file(name, data, { date: new Date(2023, 9, 19) });
  return fresh.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

test('a consolidated workbook zipped by JSZip through Node\'s zlib has the same parts, and reads back the same', async () => {
  const files = Array.from({ length: 30 }, (_, i) =>
    received(`СОШ ${i + 1}.xlsx`, '2023-10-18T10:00', [{ unit: `МАОУ СОШ № ${i + 1}`, events: 10 + i, grades: [5, 6, 7, 8, 9, 10, i], plan: 2 }]),
  );
  const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors', earlierRegister: [] });
  const plan = buildConsolidatedWorkbook(result, municipalSettings(), { previous: [] });
  const written = await writeXlsx(plan);
  const withPako = await rezipped(written);
  useNativeJszipDeflate();
  const withZlib = await rezipped(written);
  // Deflated by another engine (same dates): other bytes, the same parts.
  expect(Buffer.from(withZlib).equals(Buffer.from(withPako))).toBe(false);
  expect(await partsOf(withZlib)).toEqual(await partsOf(withPako));
  const read = (b: Uint8Array) => readWorkbookFile(b, 'свод.xlsx', { formulas: false }).sheets.map((s) => [s.name, s.cells]);
  expect(read(withZlib)).toEqual(read(withPako));
});
