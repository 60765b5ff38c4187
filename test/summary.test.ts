/**
 * The «Показатели» sheet computed by a real spreadsheet engine: the seed-000 municipality merged, written to .xlsx
 * and recalculated by LibreOffice must give seed 000's figures; a corrected number on «Свод по ОО» moves them;
 * a zero denominator shows an empty cell, not an error.
 */
import { writeXlsx } from '../src/files/xlsxWriter';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { recalculate, type RecalculatedCell, type RecalculatedWorkbook } from './support/libreoffice';
import { summarySample } from './support/summarySample';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { SHEET } from '../src/domain/sheetNames';
import { cellRef, parseCell } from '../src/domain/a1';
import { DETAIL_FIRST_ROW, detailColumn } from '../src/domain/consolidate/detailLayout';
import {
  indicatorsLayout,
  previousCampaign,
  REPORT_STATUS_TITLE,
  TOTAL_COLUMNS,
  type IndicatorKey,
} from '../src/domain/indicators';
import type { SheetPlan, WorkbookPlan } from '../src/domain/sheetPlan';
import { heldRows } from '../src/domain/sheetPlan';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

const at = (wb: RecalculatedWorkbook, sheet: string, row: number, col: number): RecalculatedCell =>
  wb[sheet]?.[row - 1]?.[col - 1] ?? null;

function indicatorPlan(plan: WorkbookPlan): SheetPlan {
  return plan.sheets.find((s) => s.name === SHEET.indicators)!;
}

/** A, B and X of an indicator in the totals table, as LibreOffice computed them. */
function totals(wb: RecalculatedWorkbook, plan: WorkbookPlan, units: number, key: IndicatorKey) {
  const layout = indicatorsLayout(units, { label: '' });
  const r = layout.totalsRow[key];
  return {
    a: at(wb, SHEET.indicators, r, TOTAL_COLUMNS.a),
    b: at(wb, SHEET.indicators, r, TOTAL_COLUMNS.b),
    x: at(wb, SHEET.indicators, r, TOTAL_COLUMNS.x),
  };
}

/** Every formula cell of the sheet computed without an error value. */
function errorsOn(wb: RecalculatedWorkbook, sheet: string): string[] {
  const out: string[] = [];
  (wb[sheet] ?? []).forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!)|^Err:/.test(v)) out.push(`${cellRef(r + 1, c + 1)}=${v}`);
    }),
  );
  return out;
}

describe('the indicators of the seed-000 municipality, recalculated by LibreOffice', () => {
  let sample: ReturnType<typeof summarySample>;
  let wb: RecalculatedWorkbook;
  beforeAll(async () => {
    sample = summarySample();
    wb = await recalculate(await writeXlsx(sample.plan));
  });
  const t = (key: IndicatorKey) => totals(wb, sample.plan, sample.result.units.length, key);

  it('shows 34 290 of 35 719 pupils as 96 %, 66 of 66 schools as 100 %, 2 702 teachers as 51 %, 3 448 events', () => {
    expect(t('participation')).toEqual({ a: 34290, b: 35719, x: 96 });
    expect(t('schoolsActive')).toEqual({ a: 66, b: 66, x: 100 });
    expect(t('teachers')).toEqual({ a: 2702, b: 5298, x: 51 });
    expect(t('events').x).toBe(3448);
    expect(t('ovzParticipation')).toMatchObject({ a: 2277, b: 2381 });
    expect(t('communityPartners')).toEqual({ a: 43, b: 66, x: 65 });
    expect(t('reportsLate').x).toBe(3);
    expect(t('reportsMissing').x).toBe(0);
    expect(errorsOn(wb, SHEET.indicators)).toEqual([]);
  });

  it('writes the note with seed 000’s figures in place', () => {
    const text = (wb[SHEET.note] ?? []).map((r) => String(r[0] ?? '').replace(/\u00a0/g, ' '));
    expect(text).toContain(
      'В осенней профориентационной кампании для обучающихся 5-11 классов общеобразовательных организаций муниципального образования «Город Томск» приняли участие 34 290 обучающихся (в том числе 2 277 обучающихся с ОВЗ), что составляет 96 % от общего числа обучающихся 5-11 классов.',
    );
    expect(text).toContain('В мероприятиях кампании приняли участие 2 702 педагога из 5 298, что составляет 51 % от общего их числа.');
    expect(text).toContain('Несвоевременно представили отчёты: МАОУ СОШ № 2, МАОУ СОШ № 3 и МАОУ школа «Эврика-развитие».');
  });

  it('counts partners as distinct organisations from the partner register: 48, 56 and 7', () => {
    const layout = indicatorsLayout(66, { label: '' });
    const distinct = [0, 1, 2].map((i) => at(wb, SHEET.indicators, layout.partnersFirstRow + i, 3));
    expect(distinct).toEqual([48, 56, 7]);
  });

  it('splits participants by grade, all and with ОВЗ, adding up to the totals', () => {
    const layout = indicatorsLayout(66, { label: '' });
    const all = [0, 1, 2, 3, 4, 5, 6].map((i) => at(wb, SHEET.indicators, layout.gradesFirstRow + i, 3) as number);
    const ovz = [0, 1, 2, 3, 4, 5, 6].map((i) => at(wb, SHEET.indicators, layout.gradesFirstRow + i, 4) as number);
    expect(all.reduce((s, x) => s + x, 0)).toBe(34290);
    expect(ovz.reduce((s, x) => s + x, 0)).toBe(2277);
  });

  it('lists units with the lowest participation first, each row showing its own unit', () => {
    const plan = indicatorPlan(sample.plan);
    const layout = indicatorsLayout(66, { label: '', values: undefined });
    const rows = wb[SHEET.indicators].slice(layout.unitsFirstRow - 1, layout.unitsFirstRow - 1 + 66);
    const shares = rows.map((r) => (r[3] as number) / (r[4] as number));
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    // Each name matches the detail row its formulas refer to.
    const detail = wb[SHEET.detail];
    for (const r of rows) {
      const d = detail.find((row) => row[1] === r[1])!;
      expect(r[3]).toBe(d[detailColumn('participants') - 1]);
    }
    expect(rows.filter((r) => r[2] === REPORT_STATUS_TITLE.late).map((r) => r[1]).sort()).toEqual(
      ['МАОУ СОШ № 2', 'МАОУ СОШ № 3', 'МАОУ школа «Эврика-развитие»'].sort(),
    );
    expect(plan.charts.map((c) => c.kind)).toEqual(['column', 'bar', 'pie', 'bar']);
  });
});

describe('the indicators follow the detail sheet', () => {
  it('moves the share when a school’s number is corrected on «Свод по ОО»', async () => {
    const sample = summarySample();
    const detail = sample.plan.sheets.find((s) => s.name === SHEET.detail)!;
    const block = detail.blocks.find((b) => parseCell(b.at).row === DETAIL_FIRST_ROW)!;
    // The coordinator corrects the first school's pupils: 1 429 more took part, so all 35 719 did.
    const col = detailColumn('participants') - 1;
    heldRows(block.rows)[0][col] = (heldRows(block.rows)[0][col] as number) + 1429;
    const wb = await recalculate(await writeXlsx(sample.plan));
    expect(totals(wb, sample.plan, 66, 'participation')).toEqual({ a: 35719, b: 35719, x: 100 });
  });

  it('shows an empty X, not an error, where B is zero', async () => {
    const sample = summarySample({ change: (s) => ({ ...s, teachersTotal: 0, ovzStudents: 0, ovzGrades: s.ovzGrades.map(() => 0) }) });
    const wb = await recalculate(await writeXlsx(sample.plan));
    const teachers = totals(wb, sample.plan, 66, 'teachers');
    expect(teachers.b).toBe(0);
    expect([null, '']).toContain(teachers.x);
    expect([null, '']).toContain(totals(wb, sample.plan, 66, 'ovzParticipation').x);
    expect(errorsOn(wb, SHEET.indicators)).toEqual([]);
  });
});

describe('dynamics against an earlier campaign', () => {
  it('reads the spring campaign back from its file and shows the change beside each figure', async () => {
    // The spring campaign: 10 % fewer events, and participants short by 715 (94 %).
    const spring = summarySample({
      settings: municipalSettings({ season: 'spring', windowFrom: '2023-03-15', windowTo: '2023-04-16' }),
      change: (s, i) => ({ ...s, events: Math.round(s.events * 0.77), grades: i === 0 ? s.grades.map((g, k) => (k === 0 ? g - 715 : g)) : s.grades }),
    });
    const springFile = await writeXlsx(spring.plan);
    const previous = previousCampaign(readWorkbookFile(springFile, 'весна 2023.xlsx'));
    expect(previous.label).toBe('весенняя кампания 2023 г.');
    expect(previous.participants).toBe(34290 - 715);
    expect(previous.partnersDistinct).toEqual({ professionalEducation: 48, companies: 56, business: 7, community: expect.any(Number) });

    const autumn = summarySample({ previous: [previous] });
    const wb = await recalculate(await writeXlsx(autumn.plan));
    const layout = indicatorsLayout(66, { label: '', previous: [previous] });
    const row = (k: IndicatorKey) => layout.totalsRow[k];
    expect(at(wb, SHEET.indicators, layout.totalsHeaderRow, layout.previousFirstColumn)).toBe('весенняя кампания 2023 г.');
    expect(at(wb, SHEET.indicators, row('participation'), layout.previousFirstColumn)).toBe(94);
    expect(at(wb, SHEET.indicators, row('participation'), layout.changeColumn!)).toBe(2);
    const eventsBefore = previous.events;
    expect(at(wb, SHEET.indicators, row('events'), layout.changeColumn!)).toBe(Math.round(((3448 - eventsBefore) * 100) / eventsBefore));
    expect(errorsOn(wb, SHEET.indicators)).toEqual([]);
    expect(indicatorPlan(autumn.plan).charts.map((c) => c.kind)).toEqual(['column', 'bar', 'pie', 'line', 'column', 'bar']);
  });
});
