/**
 * The add-in's Excel operations at a given number of units against the strict Excel double, which counts
 * context.sync() calls and records the size of each request and of the data each sync brought back
 * (test/support/fakeExcel.ts).
 */
import { defaultSettings } from '../src/domain/settings';
import { stampAppendix3 } from '../src/domain/forms/stampAppendix3';
import { stampAppendix2 } from '../src/domain/forms/stampAppendix2';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { mergeReports } from '../src/domain/consolidate/merge';
import { received } from '../src/domain/consolidate/testing';
import { buildConsolidatedWorkbook } from '../src/domain/consolidate/workbook';
import { summarySheetsFromWorkbook } from '../src/domain/indicators';
import { applySheetPlans, detectSupport, markProblems, readWorkbookGrids } from '../src/excel';
import { FakeExcel } from '../test/support/fakeExcel';

export interface ExcelFigures {
  operation: string;
  syncs: number;
  largestRequest: number;
  largestResponse: number;
}

const GRADES = [5, 6, 7, 8, 9, 10, 11];

/** Measures one operation: the syncs and the requests it made. */
async function measure(fx: FakeExcel, operation: string, work: () => Promise<void>): Promise<ExcelFigures> {
  const syncs = fx.syncs;
  const requests = fx.requestSizes.length;
  await work();
  return {
    operation,
    syncs: fx.syncs - syncs,
    largestRequest: Math.max(0, ...fx.requestSizes.slice(requests)),
    largestResponse: Math.max(0, ...fx.responseSizes.slice(requests)),
  };
}

export async function excelPath(units: number): Promise<ExcelFigures[]> {
  const settings = defaultSettings('autumn', 2023, { level: 'region', unit: 'Томская область' });
  const fx = new FakeExcel();
  fx.addSheet('Лист1');
  const support = detectSupport((n, v) => fx.isSetSupported(n, v));
  const out: ExcelFigures[] = [];
  const names = Array.from({ length: units }, (_, i) => `Муниципальное образование № ${i + 1}`);

  // Stamping: the region's report with a row per unit, filled, and a plan form of as many rows.
  const participation = names.map((unit, i) => ({
    unit, schools: 12, schoolsActive: 11, events: 40 + (i % 9), students: 7000, participants: 6300,
    ...Object.fromEntries(GRADES.map((g) => [`g${g}`, 900])), teachers: 80, teachersTotal: 95,
    partnersCount: 3, partnersNames: 'ТУСУР, ТГАСУ, ТПУ',
  }));
  const partners = names.map((unit) => ({ unit, partnersTotal: 3, companiesCount: 1, companiesNames: 'Завод' }));
  let owned = [] as Awaited<ReturnType<typeof applySheetPlans>>['owned'];
  out.push(
    await measure(fx, 'штамп (прил. 3 и 2)', async () => {
      const r = await applySheetPlans(
        [stampAppendix3(settings, { rows: units, fill: { participation, partners } }), stampAppendix2(settings, { rows: units })],
        { run: fx.run, support, owned },
      );
      owned = r.owned;
    }),
  );

  // Checking: the open workbook read as grids, found and checked, problem cells marked.
  let problems = 0;
  out.push(
    await measure(fx, 'проверка (чтение + отметки)', async () => {
      const grid = await readWorkbookGrids({ run: fx.run, support, file: 'Книга1.xlsx' });
      const read = readForms(grid, { year: settings.year });
      const found = [...read.problems, ...checkWorkbook(read, settings)];
      problems = await markProblems(found, fx.run);
    }),
  );
  void problems;

  // Merging: the consolidated workbook's sheet plans for `units` received reports of 30 planned events each.
  const files = names.map((unit, i) =>
    received(`${unit}.xlsx`, '2023-10-18T10:00', [{ unit, events: 40 + (i % 9), grades: GRADES.map(() => 900), plan: 30, partners: { companies: [`Завод ${i % 50}`] } }]),
  );
  const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors', earlierRegister: [] });
  const merged = new FakeExcel();
  merged.addSheet('Лист1');
  let mergedOwned = [] as typeof owned;
  out.push(
    await measure(merged, 'свод (листы свода)', async () => {
      const r = await applySheetPlans(buildConsolidatedWorkbook(result, settings, { previous: [] }).sheets, { run: merged.run, support, owned: [] });
      mergedOwned = r.owned;
    }),
  );

  // The summary: the consolidated workbook read back, «Показатели» and the note rebuilt and replaced.
  out.push(
    await measure(merged, 'сводка (чтение + показатели)', async () => {
      const grid = await readWorkbookGrids({ run: merged.run, support, file: 'Свод.xlsx' });
      await applySheetPlans(summarySheetsFromWorkbook(grid, { settings }), { run: merged.run, support, owned: mergedOwned });
    }),
  );
  return out;
}
