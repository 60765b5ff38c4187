/**
 * The charts of «Показатели», bound to its tables (summarySheet.ts), so they follow the formulas; and the titles of
 * the dynamics over campaigns they share with the dynamics table.
 */
import { absolute, cellRef, quoteSheet } from '../a1';
import { SHEET } from '../sheetNames';
import type { ChartPlan } from '../sheetPlan';
import type { IndicatorKey } from './definitions';
import { REPORT_STATUSES } from './figures';

/** Indicators shown over the campaigns in the dynamics table and its charts. */
export const DYNAMIC_SHARES: IndicatorKey[] = ['participation', 'schoolsActive', 'teachers'];
export const DYNAMIC_COUNT: IndicatorKey = 'events';

/** Where the tables the charts show stand on the sheet (the part of IndicatorsLayout they need). */
export interface ChartLayout {
  gradesFirstRow: number;
  partnersFirstRow: number;
  reportsFirstRow: number;
  dynamicsFirstRow?: number;
  unitsHeaderRow: number;
  unitsFirstRow: number;
}

/**
 * The charts, in a 2 × n grid beside the top tables (from column `left`), and the per-unit chart beside the per-unit
 * table; each series refers to the tables of the sheet, so the charts follow the formulas.
 */
export function indicatorCharts(
  L: ChartLayout,
  at: { withDistinct: boolean; previous: number; left: number; units: number; unitColumns: number; unitShareColumn: number },
): ChartPlan[] {
  const q = quoteSheet(SHEET.indicators);
  const abs = (r1: number, c1: number, r2 = r1, c2 = c1) => `${q}!${absolute(r1, c1)}:${absolute(r2, c2)}`;
  const [g0, p0, r0, u0] = [L.gradesFirstRow, L.partnersFirstRow, L.reportsFirstRow, L.unitsFirstRow];
  const uLast = u0 + at.units - 1;
  const slot = (i: number) => {
    const top = 5 + Math.floor(i / 2) * 16;
    const left = at.left + (i % 2) * 8;
    return { from: cellRef(top, left), to: cellRef(top + 15, left + 7) };
  };
  const charts: Omit<ChartPlan, 'from' | 'to'>[] = [
    {
      kind: 'column',
      title: 'Участники по классам',
      series: [
        { name: 'Все участники', categories: abs(g0, 2, g0 + 6), values: abs(g0, 3, g0 + 6) },
        { name: 'С ОВЗ', categories: abs(g0, 2, g0 + 6), values: abs(g0, 4, g0 + 6) },
      ],
    },
    {
      // Horizontal bars: the category names are long and read better beside the bars than under them.
      kind: 'bar',
      title: 'Организации-партнёры по категориям',
      series: [
        ...(at.withDistinct ? [{ name: 'Различных организаций', categories: abs(p0, 2, p0 + 3), values: abs(p0, 3, p0 + 3) }] : []),
        { name: 'Сумма по отчётам', categories: abs(p0, 2, p0 + 3), values: abs(p0, 4, p0 + 3) },
      ],
    },
    {
      kind: 'pie',
      title: 'Отчёты: в срок, с опозданием, отклонены, не присланы',
      series: [{ name: 'Организаций', categories: abs(r0, 2, r0 + REPORT_STATUSES.length - 1), values: abs(r0, 3, r0 + REPORT_STATUSES.length - 1) }],
    },
  ];
  if (L.dynamicsFirstRow !== undefined) {
    const d0 = L.dynamicsFirstRow;
    const dLast = d0 + at.previous;
    charts.push({
      kind: 'line',
      title: 'Доли участия по кампаниям, %',
      series: DYNAMIC_SHARES.map((k, i) => ({ name: dynamicsTitle(k), categories: abs(d0, 2, dLast), values: abs(d0, 3 + i, dLast) })),
    });
    charts.push({
      kind: 'column',
      title: 'Мероприятий по кампаниям',
      series: [{ name: dynamicsTitle(DYNAMIC_COUNT), categories: abs(d0, 2, dLast), values: abs(d0, 3 + DYNAMIC_SHARES.length, dLast) }],
    });
  }
  const out: ChartPlan[] = charts.map((c, i) => ({ ...c, ...slot(i) }));
  const unitsLeft = at.unitColumns + 2;
  if (at.units > 0)
    out.push({
    kind: 'bar',
    title: 'Доля обучающихся, принявших участие, по организациям, %',
    series: [{ name: 'Доля участия, %', categories: abs(u0, 2, uLast), values: abs(u0, at.unitShareColumn, uLast) }],
    from: cellRef(L.unitsHeaderRow, unitsLeft),
    to: cellRef(L.unitsHeaderRow + Math.max(16, Math.ceil(at.units * 0.9)), unitsLeft + 9),
  });
  return out;
}

export function dynamicsTitle(k: IndicatorKey): string {
  switch (k) {
    case 'participation':
      return 'Доля обучающихся, %';
    case 'schoolsActive':
      return 'Доля ОО, %';
    case 'teachers':
      return 'Доля педагогов, %';
    case 'events':
      return 'Мероприятий';
    default:
      return k;
  }
}
