/**
 * The one writer (src/files/xlsxWriter.ts) against the writer it replaces, in a real spreadsheet engine: LibreOffice
 * opens both workbooks, recalculates every formula and gives the same values on every sheet.
 */
import { everyWorkbook } from './support/everySheet';
import { recalculate } from './support/libreoffice';
import { summarySample } from './support/summarySample';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import type { WorkbookPlan } from '../src/domain/sheetPlan';
import { writeWorkbook } from '../src/files/writeXlsx';
import { writeXlsx } from '../src/files/xlsxWriter';
// Slow on purpose: LibreOffice starts twice per workbook.
jest.setTimeout(300_000);

const cases: [string, () => WorkbookPlan][] = [
  ['the demo municipality consolidated (Свод.xlsx)', () => summarySample().plan],
  ['a region consolidated from districts, with monitoring and targets', () => everyWorkbook({ seasons: ['autumn'], units: 12 }).find((w) => w.label === 'consolidated region autumn')!.plan],
  ["a school's stamped and filled forms", () => sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files[0].workbook!],
];

test.each(cases)('%s: LibreOffice computes the same values from both writers’ files', async (_, make) => {
  const plan = make();
  const [was, now] = [await recalculate(await writeWorkbook(plan)), await recalculate(await writeXlsx(plan))];
  expect(Object.keys(now)).toEqual(Object.keys(was));
  for (const sheet of Object.keys(was)) expect({ sheet, values: now[sheet] }).toEqual({ sheet, values: was[sheet] });
  // The comparison means something only if there are computed values.
  expect(Object.values(now).flat(2).filter((v) => typeof v === 'number').length).toBeGreaterThan(10);
});
