/** The pane's steps over the core, in Node: picked files → check → merge → summary (as from the open workbook). */
import { sampleSchoolWorkbooks } from '../../domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../files/xlsxWriter';
import { readWorkbookFile } from '../../files/readWorkbook';
import { SHEET } from '../../domain/sheetNames';
import { checkFiles, mergeFiles, summaryPlans, type PickedFile } from './flows';

async function picked(): Promise<{ files: PickedFile[]; sample: ReturnType<typeof sampleSchoolWorkbooks> }> {
  const sample = sampleSchoolWorkbooks({ schools: 3, late: 1, twice: false, broken: true });
  const files = await Promise.all(
    sample.files.map(async (f) => {
      const bytes = f.workbook ? await writeXlsx(f.workbook) : f.bytes!;
      const copy = bytes.slice();
      return { name: f.file, lastModified: Date.parse(f.received), arrayBuffer: async () => copy.buffer as ArrayBuffer };
    }),
  );
  return { files, sample };
}

test('a coordinator checks and merges picked files; the summary is then built from the merged workbook as Excel reads it', async () => {
  const { files, sample } = await picked();
  const checked = await checkFiles(files, sample.settings);
  expect(checked).toHaveLength(4);
  const broken = checked.filter((c) => c.error);
  expect(broken).toHaveLength(1);
  expect(broken[0].error).toMatch(/не является таблицей/);

  const { result, plan } = await mergeFiles({ files, settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false });
  expect(result.units.map((u) => u.unit).sort()).toEqual(sample.files.filter((f) => f.workbook).map((f) => f.unit).sort());
  expect(result.totals.participants).toBe(sample.totals.participants);
  expect(plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([SHEET.consolidatedReport, SHEET.detail, SHEET.register]));

  // In Excel the summary reads «Свод по ОО» back from the open workbook: the same grid a written file gives.
  const grid = readWorkbookFile(await writeXlsx(plan), 'Свод.xlsx');
  const sheets = summaryPlans({ workbook: grid }, sample.settings, []);
  expect(sheets.map((s) => s.name)).toEqual([SHEET.indicators, SHEET.note]);
  expect(JSON.stringify(sheets[1].blocks)).toContain(String(sample.totals.participants).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0'));
});

test('the summary of a workbook without the detail sheet says, in Russian, which file to choose', () => {
  expect(() => summaryPlans({ workbook: { file: 'Книга1.xlsx', sheets: [] } }, sampleSchoolWorkbooks({ schools: 1 }).settings, [])).toThrow(
    /В файле «Книга1\.xlsx» нет листа «Свод по ОО»/,
  );
});
