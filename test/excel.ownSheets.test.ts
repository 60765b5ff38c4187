/**
 * «Свести листы этой книги» in the pane, against the strict Excel double: the coordinator's workbook holds the
 * schools' sheets (copied in with «Переместить или скопировать лист») and a sheet of her own notes; the pane reads
 * the sheets through its Excel host, merges them with a picked file, and writes the consolidated sheets into the
 * same workbook without touching any of hers.
 */
import { excelHost } from '../src/taskpane/services/excelHost';
import { mergeFiles, type PickedFile } from '../src/taskpane/services/flows';
import { receiveOwnSheets } from '../src/taskpane/services/ownSheets';
import { detectSupport } from '../src/excel/support';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { SHEET } from '../src/domain/sheetNames';
import { DETAIL_FIRST_ROW, detailColumn } from '../src/domain/consolidate/detailLayout';
import { accountingBalances, rowsReceived, type ReceivedWorkbook } from '../src/domain/consolidate/merge';
import { reportsOf } from '../src/domain/report';
import { writeXlsx } from '../src/files/xlsxWriter';
import { receiveBytes } from '../src/files/receiveFiles';
import { cellRef } from '../src/domain/a1';
import type { SheetGrid } from '../src/domain/grid';
import { FakeExcel, type FakeSheet } from './support/fakeExcel';
import { planToGrid } from './support/formGrids';

/** Puts a grid on a new sheet of the double, as a user's copied sheet: values and merged areas. */
function addGrid(fx: FakeExcel, name: string, grid: SheetGrid): FakeSheet {
  const cells: Record<string, string | number | boolean | null> = {};
  grid.cells.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && v !== '' && (cells[cellRef(r + 1, c + 1)] = v)));
  const s = fx.addSheet(name, cells);
  s.merges.push(...grid.merges.map((m) => `${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}`));
  return s;
}

const snapshot = (s: FakeSheet) => JSON.stringify([[...s.cells.entries()].map(([k, c]) => [k, c.value, c.formula ?? null]), s.merges, s.visibility]);

describe('«Свести листы этой книги» in Excel', () => {
  const sample = sampleSchoolWorkbooks({ schools: 5, twice: false, broken: false, messy: false, late: 0 });
  const [onSheets, picked] = [sample.files.slice(0, 4), sample.files[4]];

  async function workbookOfSheets() {
    const fx = new FakeExcel();
    const notes = fx.addSheet('Мои заметки', { A1: 'Звонить в СОШ по вторникам', B3: 42 });
    onSheets.forEach((f, i) => {
      for (const sheet of f.workbook!.sheets.filter((s) => s.kind !== 'settings')) addGrid(fx, `${i + 1} ${sheet.name}`.slice(0, 31), planToGrid(sheet));
    });
    const host = excelHost({ run: fx.run, support: detectSupport((n, v) => fx.isSetSupported(n, v)), workbookName: 'Сбор школ.xlsx' });
    const bytes = await writeXlsx(picked.workbook!);
    const file: PickedFile = { name: picked.file, lastModified: new Date(picked.received).getTime(), size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
    return { fx, notes, host, file };
  }

  test('each school’s sheets merge as its report, with a picked file, into the same workbook; the user’s sheets stay as they were', async () => {
    const { fx, host, file } = await workbookOfSheets();
    const before = new Map(fx.sheets.map((s) => [s.name, snapshot(s)]));
    const own = (await receiveOwnSheets(host, sample.settings, new Date(2023, 9, 18, 12))) as ReceivedWorkbook;
    expect(reportsOf(own.read).map((r) => [r.report?.sheet, r.plan?.sheet])).toEqual(onSheets.map((_, i) => [`${i + 1} Прил. 3 Отчёт`, `${i + 1} Прил. 2 План`]));

    const { result, plan } = await mergeFiles({ files: [file], own: [own], settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: true });
    expect(result.units.map((u) => u.unit).sort()).toEqual([...sample.expectedUnits].sort());
    // Known totals: the sample's own, for its five schools.
    expect(result.totals.participants).toBe(sample.totals.participants);
    expect(result.totals.students).toBe(sample.totals.students);
    expect(result.totals.events).toBe(sample.totals.events);
    const pickedReceived = receiveBytes(new Uint8Array(await file.arrayBuffer()), file.name, picked.received, sample.settings);
    expect(accountingBalances(result, rowsReceived([own, pickedReceived]))).toBe(true);
    // The workbook keeps no date per sheet: its schools' timeliness is not judged; the picked file's is.
    expect(result.units.map((u) => [u.file, u.onTime])).toEqual([...onSheets.map(() => ['Сбор школ.xlsx', null]), [picked.file, true]]);
    expect(result.files[0].reports.map((r) => r.sheet)).toEqual(onSheets.map((_, i) => `${i + 1} Прил. 3 Отчёт, ${i + 1} Прил. 2 План`));

    const o = await host.deliver(plan, sample.settings, 'свод.xlsx', async () => ({}));
    expect(o.message).toMatch(/записаны в книгу/);
    for (const [name, snap] of before) expect(snapshot(fx.sheet(name)!)).toBe(snap);
    // «Свод по ОО» names file and sheet of every unit.
    const detail = fx.sheet(SHEET.detail)!;
    const at = (row: number, key: Parameters<typeof detailColumn>[0]) => detail.cells.get(`${row},${detailColumn(key)}`)?.value;
    const sources = Array.from({ length: 5 }, (_, i) => [at(DETAIL_FIRST_ROW + i, 'file'), at(DETAIL_FIRST_ROW + i, 'sheet')]);
    expect(sources).toEqual([...onSheets.map((_, i) => ['Сбор школ.xlsx', `${i + 1} Прил. 3 Отчёт`]), [picked.file, 'Прил. 3 Отчёт']]);
  });

  test('merging again reads the schools’ sheets, never the add-in’s own, and gives the same totals', async () => {
    const { fx, host, file } = await workbookOfSheets();
    const first = await mergeFiles({ files: [file], own: [(await receiveOwnSheets(host, sample.settings))!], settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: true });
    await host.deliver(first.plan, sample.settings, 'свод.xlsx', async () => ({}));
    expect(fx.sheet(SHEET.consolidatedReport)).toBeDefined();
    const again = (await receiveOwnSheets(host, sample.settings)) as ReceivedWorkbook;
    expect(reportsOf(again.read)).toHaveLength(4);
    expect(again.problems.filter((p) => p.code.startsWith('report-') || p.code.startsWith('table-'))).toEqual([]);
    const second = await mergeFiles({ files: [file], own: [again], settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: true });
    expect(second.result.totals).toEqual(first.result.totals);
  });
});
