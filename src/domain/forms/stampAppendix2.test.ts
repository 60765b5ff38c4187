import { cellRef, parseRange, rangeRef } from '../a1';
import { defaultSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { heldRows, isFormula, type CellInput, type SheetPlan } from '../sheetPlan';
import { planTable } from './appendix2';
import { appendix2Layout } from './appendix2Layout';
import { CHECK_COLUMN_TITLE, leaves } from './headers';
import { APPENDIX_NUMBER, EVENT_LEVELS, H, normalizeHeader, PLAN_TITLE, UNIT_CAPTION } from './officialText';
import { stampAppendix2 } from './stampAppendix2';

function planCells(plan: SheetPlan): Map<string, CellInput> {
  const out = new Map<string, CellInput>();
  for (const b of plan.blocks) {
    const { top, left } = parseRange(b.at);
    heldRows(b.rows).forEach((row, i) => row.forEach((v, j) => v !== null && out.set(cellRef(top + i, left + j), v)));
  }
  return out;
}

const settings = defaultSettings('spring', 2027, { unit: 'Томский район' });

describe('Appendix 2 stamped as the order has it', () => {
  const plan = stampAppendix2(settings);
  const L = appendix2Layout(settings);
  const t = L.plan;
  const cells = planCells(plan);

  test('head lines and the seven official column titles word for word, then «Проверка»', () => {
    expect(plan.name).toBe(SHEET.plan);
    expect(plan.kind).toBe('appendix2');
    expect(cells.get(L.appendixCell)).toBe(APPENDIX_NUMBER.plan);
    expect(cells.get(L.titleCell)).toBe(PLAN_TITLE);
    expect(cells.get(L.unitCell)).toBe('Томский район');
    expect(cells.get(L.unitCaptionCell)).toBe(UNIT_CAPTION);
    const titles = [H.level, H.eventName, H.dates, H.targetGroup, H.expectedParticipants, H.expectedResults, H.responsible];
    titles.forEach((title, i) => {
      expect(normalizeHeader(String(cells.get(cellRef(t.headerTop, i + 1))))).toBe(normalizeHeader(title));
    });
    expect(leaves(planTable).map((l) => t.columns[l.key])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cells.get(cellRef(t.headerTop, t.checkColumn))).toBe(CHECK_COLUMN_TITLE);
  });

  test('30 input rows by default, each with a check formula', () => {
    expect(t.lastDataRow - t.firstDataRow + 1).toBe(30);
    for (let r = t.firstDataRow; r <= t.lastDataRow; r++) expect(isFormula(cells.get(cellRef(r, t.checkColumn))!)).toBe(true);
    expect(appendix2Layout(settings, { rows: 5 }).plan.lastDataRow).toBe(t.firstDataRow + 4);
  });

  test('the level is chosen from the order\'s three levels; dates outside the window only warn', () => {
    const level = plan.validations.find((v) => v.rule.kind === 'list')!;
    expect(level.range).toBe(rangeRef(t.firstDataRow, 1, t.lastDataRow, 1));
    expect(level.rule).toEqual({ kind: 'list', items: [...EVENT_LEVELS] });
    expect(level.severity).toBe('stop');
    const dates = plan.validations.find((v) => v.rule.kind === 'date')!;
    expect(dates.rule).toEqual({ kind: 'date', min: settings.windowFrom, max: settings.windowTo });
    expect(dates.severity).toBe('warning');
    expect(plan.validations.find((v) => v.rule.kind === 'wholeNumber')!.range).toBe(
      rangeRef(t.firstDataRow, t.columns.expectedParticipants, t.lastDataRow, t.columns.expectedParticipants),
    );
  });

  test('the window in the date check follows the settings', () => {
    const f = (cells.get(cellRef(t.firstDataRow, t.checkColumn)) as { formula: string }).formula;
    expect(f).toContain('DATE(2027,3,15)');
    expect(f).toContain('DATE(2027,4,16)');
    expect(f).toContain('15.03.2027–16.04.2027');
  });

  test('fill prefills events by key', () => {
    const p = stampAppendix2(settings, { fill: [{ level: 'Школьный', name: 'Ярмарка профессий' }] });
    const c = planCells(p);
    expect(c.get(cellRef(t.firstDataRow, 1))).toBe('Школьный');
    expect(c.get(cellRef(t.firstDataRow, 2))).toBe('Ярмарка профессий');
  });
});
