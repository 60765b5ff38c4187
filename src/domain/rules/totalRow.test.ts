/**
 * A sender's own «Итого» row under table 3.1 at its boundaries: equal to the rows above draws nothing, one over or
 * one under is a warning at the total's cell, an empty total or an empty row value draws no total-row warning.
 */
import { cellRef } from '../a1';
import { appendix3Layout } from '../forms/appendix3Layout';
import { SHEET } from '../sheetNames';
import { CLEAN31, PARITY_SETTINGS, checkPlans } from '../../../test/support/ruleBoundaries';
import { stampAppendix3 } from '../forms/stampAppendix3';
import type { CellInput } from '../sheetPlan';

function totalProblems(rows: Record<string, CellInput>[], total: Record<string, CellInput>) {
  const fill = { participation: [...rows, { unit: 'Итого', ...total }] };
  const L = appendix3Layout(PARITY_SETTINGS, { fill });
  const ps = checkPlans('итого.xlsx', [stampAppendix3(PARITY_SETTINGS, { fill })]).filter((p) => p.code === 'total-row-mismatch');
  return { cells: ps.map((p) => [p.sheet, p.cell, p.severity]), at: (key: string) => cellRef(L.participation.firstDataRow + rows.length, L.participation.columns[key]), ps };
}

const two = [
  { ...CLEAN31, unit: 'Район 1', events: 42 },
  { ...CLEAN31, unit: 'Район 2', events: 10 },
];

describe('a sender’s «Итого» row against the rows above it', () => {
  it('equal to their sum draws nothing', () => {
    expect(totalProblems(two, { events: 52 }).cells).toEqual([]);
  });

  it.each([['one over', 53], ['one under', 51]])('%s their sum is a warning at the total’s cell, with both numbers', (_, events) => {
    const { cells, at, ps } = totalProblems(two, { events });
    expect(cells).toEqual([[SHEET.report, at('events'), 'warning']]);
    expect(ps[0].message).toContain(`= ${events}, а сумма строк таблицы выше — 52`);
  });

  it('an empty total cell draws nothing', () => {
    expect(totalProblems(two, { events: null }).cells).toEqual([]);
  });

  it('a row left empty counts as 0 in the sum (it is reported on its own)', () => {
    expect(totalProblems([two[0], { ...two[1], events: null, schoolsActive: 0 }], { events: 42 }).cells).toEqual([]);
  });
});
