/**
 * `npx tsx bench/collectedSheets.ts [--schools N]` — a workbook of collected schools' sheets (the sample's
 * schools, two sheets each) against the same schools as separate files: CPU ms to find and read the forms
 * (readForms) both ways; and reading the open workbook's own sheets in Excel («Свести листы этой книги»,
 * src/excel/readUserSheets.ts) against the strict double: syncs, the largest response, ms.
 */
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { readForms } from '../src/domain/read';
import { reportsOf } from '../src/domain/report';
import { readUserSheets } from '../src/excel/readUserSheets';
import { detectSupport } from '../src/excel/support';
import { cellRef } from '../src/domain/a1';
import type { SheetGrid, WorkbookGrid } from '../src/domain/grid';
import { FakeExcel } from '../test/support/fakeExcel';
import { planToGrid } from '../test/support/formGrids';

const at = process.argv.indexOf('--schools');
const schools = at > 0 ? Number(process.argv[at + 1]) : 66;
const sample = sampleSchoolWorkbooks({ schools, twice: false, broken: false });
const separate: WorkbookGrid[] = sample.files.map((f) => ({
  file: f.file,
  sheets: f.workbook!.sheets.filter((s) => s.kind !== 'settings').map((s) => planToGrid(s)),
}));
const collected: WorkbookGrid = {
  file: 'Сбор школ.xlsx',
  sheets: separate.flatMap((wb, i) => wb.sheets.map((s): SheetGrid => ({ ...s, name: `${i + 1} ${s.name}`.slice(0, 31) }))),
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const fmt = (n: number) => n.toFixed(1);

for (let round = 0; round < 3; round++) {
  let t = cpu();
  const one = separate.map((wb) => readForms(wb, { year: 2023 }));
  const a = cpu() - t;
  t = cpu();
  const book = readForms(collected, { year: 2023 });
  const b = cpu() - t;
  const reports = reportsOf(book).filter((r) => !r.notMerged).length;
  if (reports !== schools || one.some((r) => !r.report)) throw new Error(`Прочитано отчётов: ${reports} из ${schools}`);
  console.log(`round ${round + 1}: ${schools} schools as files ${fmt(a)} ms (${fmt(a / schools)} ms a school); as ${collected.sheets.length} sheets of one workbook ${fmt(b)} ms (${fmt(b / schools)} ms a school)`);
}

void (async () => {
  const fx = new FakeExcel();
  for (const s of collected.sheets) {
    const cells: Record<string, string | number | boolean | null> = {};
    s.cells.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== '' && (cells[cellRef(r + 1, c + 1)] = v)));
    fx.addSheet(s.name, cells).merges.push(...s.merges.map((m) => `${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}`));
  }
  const started = performance.now();
  const grid = await readUserSheets({ run: fx.run, support: detectSupport((n, v) => fx.isSetSupported(n, v)), file: 'Сбор школ.xlsx' });
  const ms = performance.now() - started;
  const reports = reportsOf(readForms(grid, { year: 2023 })).length;
  console.log(
    `open workbook in Excel (double): ${grid.sheets.length} sheets read in ${fx.syncs} syncs, largest response ${fmt(Math.max(...fx.responseSizes) / 1e6)} MB, ${fmt(ms)} ms; reports found ${reports}`,
  );
})();
