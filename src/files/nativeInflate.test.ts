/**
 * The command line zips with Node's zlib (useNativeInflate): the workbook it writes holds exactly the parts the
 * JavaScript deflater gives, and every zip reader here opens it.
 */
import JSZip from 'jszip';
import { buildConsolidatedWorkbook } from '../domain/consolidate/workbook';
import { mergeReports } from '../domain/consolidate/merge';
import { received } from '../domain/consolidate/testing';
import { municipalSettings } from '../domain/sample/schoolWorkbooks';
import { useNativeInflate } from './nativeInflate';
import { readWorkbookFile } from './readWorkbook';
import { writeWorkbookStreaming } from './writeXlsxStream';

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out[name] = await file.async('string');
  return out;
}

test('a consolidated workbook zipped by Node\'s zlib has the same parts, and reads back the same', async () => {
  const files = Array.from({ length: 30 }, (_, i) =>
    received(`СОШ ${i + 1}.xlsx`, '2023-10-18T10:00', [{ unit: `МАОУ СОШ № ${i + 1}`, events: 10 + i, grades: [5, 6, 7, 8, 9, 10, i], plan: 2 }]),
  );
  const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors', earlierRegister: [] });
  const plan = buildConsolidatedWorkbook(result, municipalSettings(), { previous: [] });
  const withPako = await writeWorkbookStreaming(plan);
  useNativeInflate();
  const withZlib = await writeWorkbookStreaming(plan);
  expect(await partsOf(withZlib)).toEqual(await partsOf(withPako));
  const read = (b: Uint8Array) => readWorkbookFile(b, 'свод.xlsx', { formulas: false }).sheets.map((s) => [s.name, s.cells]);
  expect(read(withZlib)).toEqual(read(withPako));
});
