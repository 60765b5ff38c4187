/**
 * The «Показатели» sheet: every indicator as a live formula over the consolidated sheets, in total and per unit,
 * with A, B and X side by side (X = A × 100 / B), tables for the charts (participants by grade, partners by
 * category, reports on time / late / missing, dynamics over campaigns) and the charts bound to them.
 * Numbers are never pasted: correct a school's figure on «Свод по ОО» and the sheet follows after recalculation.
 * The only literals are earlier campaigns' figures, which come from other workbooks.
 */
import { absolute, cellRef, columnLetter, quoteSheet, rangeRef } from '../a1';
import { DETAIL_FIRST_ROW, detailColumn, detailRange, type DetailKey } from '../consolidate/detailLayout';
import { ON_TIME_UNCONFIRMED } from '../consolidate/cells';
import { distinctPartnersFormula } from '../consolidate/partnersSheet';
import { LEGACY_MISSING_TITLE, ORGANISATION_TITLE, REGISTER_HEADER_ROW, REGISTER_STATUS_COLUMN } from '../consolidate/registerSheet';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, rowSource, type CellInput, type CellValue, type FormulaCell, type SheetPlan } from '../sheetPlan';
import { DYNAMIC_COUNT, DYNAMIC_SHARES, dynamicsTitle, indicatorCharts, type ChartLayout } from './summaryCharts';
import { INDICATORS, indicatorFigure, indicatorValue, xFormula, xOf, type FormulaContext, type IndicatorDef, type IndicatorKey } from './definitions';
import {
  GRADES,
  GRADE_KEYS,
  OVZ_GRADE_KEYS,
  PARTNER_CATEGORIES,
  PARTNER_CATEGORY_TITLE,
  PARTNER_COUNT_KEY,
  REPORT_STATUSES,
  REPORT_STATUS_TITLE,
  isNamedRow,
  numberIn,
  reportStatus,
  type CampaignFigures,
  type DetailValues,
} from './figures';

export interface IndicatorsSheetOptions {
  /** «осенняя кампания 2023 г.» */
  label: string;
  /** The merged values of the detail rows, in detail order: used only to order the per-unit rows (lagging first). */
  values?: DetailValues[];
  /**
   * Rows in the partner register's list («Партнёры»): distinct partners are counted there by formula. Without it
   * (no register in the book) the distinct column says why it is empty.
   */
  partnerEntries?: number;
  /** Whether the book has the register of received reports: missing reports are counted there. */
  register?: boolean;
  /** Earlier campaigns, oldest first (from `previousCampaign`). */
  previous?: CampaignFigures[];
  /**
   * This campaign's figures over the same detail rows, register and partner list (what the note and the pane
   * print): each formula's cached value, so a viewer that does not recalculate shows the numbers, not blanks.
   */
  figures?: CampaignFigures;
}

export const CAMPAIGN_LABEL_CAPTION = 'Кампания:';
export const TOTALS_TITLE = 'Итоговые показатели';
export const UNITS_TITLE = 'Показатели по организациям (сначала — с наименьшей долей участия)';
export const GRADES_TITLE = 'Участники по классам';
export const PARTNERS_TITLE = 'Организации-партнёры по категориям';
export const REPORTS_TITLE = 'Отчёты организаций';
export const DYNAMICS_TITLE = 'Динамика по кампаниям';

const HEADER = { bold: true, fill: 'DDEBF7', border: true, wrap: true, vAlign: 'middle' as const, hAlign: 'center' as const };
const BODY = { border: true, vAlign: 'top' as const };
const PERCENT = '0';
const POINTS = '+0" п. п.";-0" п. п.";0" п. п."';
const PERCENT_CHANGE = '+0" %";-0" %";0" %"';


interface UnitColumn {
  title: string;
  /** The cell on sheet row `row`, column `col`, showing detail row `detailRow` whose values are `v` (when known). */
  cell: (detailRow: number, row: number, col: number, v?: DetailValues) => CellInput;
  format?: string;
}

/** A formula with its cached value when the value is known. */
const cached = (formula: string, result: CellValue | undefined): FormulaCell => (result === undefined ? { formula } : { formula, result });
/** X as its formula leaves it: empty text where B is 0. */
const xResult = (x: number | null): CellValue => (x === null ? '' : x);

const detailCell = (key: DetailKey, detailRow: number): string =>
  `${quoteSheet(SHEET.detail)}!${cellRef(detailRow, detailColumn(key))}`;

/** A yes-cell test that accepts «да», TRUE, 1 or a date (see `isYes`). */
const yes = (ref: string) => `AND(${ref}<>"",${ref}<>"нет",${ref}<>0,${ref}<>FALSE)`;

/** `=N(cell)`: the number in the cell, 0 for text or nothing (`numberIn`). */
const nCell = (key: DetailKey): UnitColumn['cell'] => (d, _r, _c, v) => cached(`=N(${detailCell(key, d)})`, v && numberIn(v[key]));

const ratioCols = (a: DetailKey, b: DetailKey, aTitle: string, bTitle: string, xTitle: string): UnitColumn[] => [
  { title: aTitle, cell: nCell(a) },
  { title: bTitle, cell: nCell(b) },
  // X over A and B, the two columns to the left.
  {
    title: xTitle,
    cell: (_d, r, c, v) => cached(xFormula('share', cellRef(r, c - 2), cellRef(r, c - 1)), v && xResult(xOf('share', numberIn(v[a]), numberIn(v[b])))),
    format: PERCENT,
  },
];

const UNIT_COLUMNS: UnitColumn[] = [
  { title: '№', cell: () => null },
  { title: 'Организация', cell: (d, _r, _c, v) => cached(`=${detailCell('unit', d)}&""`, v && (v.unit === null || v.unit === undefined ? '' : String(v.unit))) },
  {
    title: 'Отчёт',
    cell: (d, _r, _c, v) => {
      const rec = detailCell('received', d);
      const ontime = detailCell('onTime', d);
      const t = REPORT_STATUS_TITLE;
      // The formula twin of `reportStatus`.
      return cached(`=IF(${yes(rec)},IF(${ontime}="","${t.received}",IF(${ontime}="${ON_TIME_UNCONFIRMED}","${t.unconfirmed}",IF(${yes(ontime)},"${t.onTime}","${t.late}"))),"${t.missing}")`, v && t[reportStatus(v)]);
    },
  },
  ...ratioCols('participants', 'students', 'Приняли участие', 'Обучающихся 5–11 кл.', 'Доля участия, %'),
  ...ratioCols('ovzParticipants', 'ovzStudents', 'С ОВЗ приняли участие', 'Обучающихся с ОВЗ', 'Доля ОВЗ, %'),
  ...ratioCols('schoolsActive', 'schools', 'ОО организовали мероприятия', 'Всего ОО', 'Доля ОО, %'),
  ...ratioCols('teachers', 'teachersTotal', 'Педагогов приняли участие', 'Педагогов всего', 'Доля педагогов, %'),
  ...ratioCols('events', 'plannedEvents', 'Мероприятий проведено', 'Мероприятий по плану', 'Выполнение плана, %'),
  { title: 'Партнёров: родители, НКО, выпускники', cell: nCell('communityCount') },
];
const UNIT_SHARE_COLUMN = 6; // «Доля участия, %»
const STATUS_COLUMN = 3;

export interface IndicatorsLayout extends ChartLayout {
  totalsHeaderRow: number;
  /** Row of each indicator in the totals table; A, B, X are columns C, D, E. */
  totalsRow: Record<IndicatorKey, number>;
  /** Detail row (1-based sheet row) shown on each per-unit row, in display order. */
  unitDetailRows: number[];
  /** First column of the earlier campaigns' values in the totals table, and the change column. */
  previousFirstColumn: number;
  changeColumn?: number;
  unitColumns: string[];
}

export const TOTAL_COLUMNS = { n: 1, title: 2, a: 3, b: 4, x: 5, unit: 6, what: 7 } as const;

/** Detail rows ordered by the merged participation share, lowest first; units without figures come first. */
export function lagFirstOrder(units: number, values?: DetailValues[]): number[] {
  const idx = Array.from({ length: units }, (_, i) => i);
  if (!values) return idx;
  const shareOf = (i: number): number => {
    const v = values[i] ?? {};
    const a = Number(v.participants);
    const b = Number(v.students);
    return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : -1;
  };
  return idx.sort((p, q) => shareOf(p) - shareOf(q) || p - q);
}

export function indicatorsLayout(units: number, opts: IndicatorsSheetOptions): IndicatorsLayout {
  const previous = opts.previous ?? [];
  const totalsHeaderRow = 5;
  const totalsRow = {} as Record<IndicatorKey, number>;
  INDICATORS.forEach((d, i) => (totalsRow[d.key] = totalsHeaderRow + 1 + i));
  const afterTotals = totalsHeaderRow + INDICATORS.length + 2;
  const gradesFirstRow = afterTotals + 2; // title, header
  const partnersFirstRow = gradesFirstRow + GRADES.length + 1 + 3; // grades, total row, gap, title, header
  const reportsFirstRow = partnersFirstRow + PARTNER_CATEGORIES.length + 3;
  let next = reportsFirstRow + REPORT_STATUSES.length + 1;
  let dynamicsFirstRow: number | undefined;
  if (previous.length > 0) {
    dynamicsFirstRow = next + 2;
    next = dynamicsFirstRow + previous.length + 1 + 1;
  }
  // Leave room for the charts beside the tables above before the wide per-unit table.
  next = Math.max(next, 5 + 4 * 16 + 1);
  const unitsHeaderRow = next + 1;
  // A row a coordinator emptied on «Свод по ОО» is no organisation: not listed, not counted (as in `workbookFigures`).
  const values = opts.values;
  const order = lagFirstOrder(units, values).filter((i) => !values || isNamedRow(values[i] ?? {}));
  return {
    totalsHeaderRow,
    totalsRow,
    gradesFirstRow,
    partnersFirstRow,
    reportsFirstRow,
    dynamicsFirstRow,
    unitsHeaderRow,
    unitsFirstRow: unitsHeaderRow + 1,
    unitDetailRows: order.map((i) => DETAIL_FIRST_ROW + i),
    previousFirstColumn: TOTAL_COLUMNS.what + 1,
    changeColumn: previous.length > 0 ? TOTAL_COLUMNS.what + 1 + previous.length : undefined,
    unitColumns: UNIT_COLUMNS.map((c) => c.title),
  };
}

const unitsOf = (d: IndicatorDef): string => (d.kind === 'share' ? '%' : (d.unit ?? 'ед.'));

export function indicatorsSheet(units: number, opts: IndicatorsSheetOptions): SheetPlan {
  const plan = emptySheetPlan(SHEET.indicators, 'indicators');
  const L = indicatorsLayout(units, opts);
  const previous = opts.previous ?? [];
  const reg = opts.partnerEntries !== undefined;
  addTitle(plan, L, opts.label);
  const ctx = formulaContext(units, L, opts.register);
  const f = opts.figures;
  const totalsRight = addTotalsTable(plan, L, ctx, previous, f);
  addGradesTable(plan, L, units, f);
  addPartnersTable(plan, L, units, opts.partnerEntries, f);
  addReportsTable(plan, L, ctx, f);
  addDynamicsTable(plan, L, previous, opts.label, f);
  const unitRows = addUnitsTable(plan, L, f && opts.values);

  const lastPrevious = previous.length > 0 ? previous[previous.length - 1] : undefined;
  plan.columnWidths = [5, 58, 14, 12, 10, 8, 34, ...previous.map(() => 14), ...(lastPrevious ? [16] : [])];
  while (plan.columnWidths.length < UNIT_COLUMNS.length) plan.columnWidths.push(13);
  plan.freeze = { rows: 0, columns: 2 };
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true };

  plan.charts = indicatorCharts(L, { withDistinct: reg, previous: previous.length, left: Math.max(totalsRight, 7) + 2, units: unitRows, unitColumns: UNIT_COLUMNS.length, unitShareColumn: UNIT_SHARE_COLUMN });
  return plan;
}

const style = (plan: SheetPlan, range: string, s: SheetPlan['styles'][number]['style']) => plan.styles.push({ range, style: s });

/** Title and what the sheet is. */
function addTitle(plan: SheetPlan, L: IndicatorsLayout, label: string): void {
  plan.blocks.push({
    at: 'A1',
    rows: [
      ['Показатели профориентационной кампании'],
      [`${CAMPAIGN_LABEL_CAPTION} ${label}`],
      [
        `X = A × 100 / B. Все значения — формулы по листу «${SHEET.detail}»: исправьте число там, и показатели пересчитаются. Пустая ячейка X — знаменатель B равен нулю или не указан.`,
      ],
    ],
  });
  plan.merges.push('A1:G1', 'A2:G2', 'A3:G3');
  style(plan, 'A1', { bold: true, fontSize: 14 });
  style(plan, 'A2', { bold: true });
  style(plan, 'A3', { italic: true, wrap: true, fontColor: '595959' });
  plan.rowHeights = { 3: 30, [L.totalsHeaderRow]: 30 };
}

/** What the indicators' A and B formulas count over: the units' statuses, and the register when the book has one. */
function formulaContext(units: number, L: IndicatorsLayout, register: boolean | undefined): FormulaContext {
  const q = quoteSheet(SHEET.indicators);
  // With no unit merged the status column is one empty row, counted as none.
  const statusRange = `${q}!${absolute(L.unitsFirstRow, STATUS_COLUMN)}:${absolute(L.unitsFirstRow + Math.max(L.unitDetailRows.length, 1) - 1, STATUS_COLUMN)}`;
  const statusLetter = columnLetter(REGISTER_STATUS_COLUMN);
  const registerStatus = `${quoteSheet(SHEET.register)}!$${statusLetter}$${REGISTER_HEADER_ROW + 1}:$${statusLetter}$100000`;
  return {
    units,
    statusRange,
    unitCount: units > 0 ? `ROWS(${statusRange})` : '0',
    // Organisations with no report in the consolidation stand on lines of their own in the register.
    missing: register
      ? `COUNTIF(${registerStatus},"${ORGANISATION_TITLE.missing}")+COUNTIF(${registerStatus},"${LEGACY_MISSING_TITLE}")`
      : `COUNTIF(${statusRange},"${REPORT_STATUS_TITLE.missing}")`,
    refused: register ? `COUNTIF(${registerStatus},"${ORGANISATION_TITLE.refused}")` : `COUNTIF(${statusRange},"${REPORT_STATUS_TITLE.refused}")`,
  };
}

/** «Итоговые показатели»: A, B and X of every indicator, earlier campaigns and the change beside; its right column. */
function addTotalsTable(plan: SheetPlan, L: IndicatorsLayout, ctx: FormulaContext, previous: CampaignFigures[], f: CampaignFigures | undefined): number {
  const lastPrevious = previous.length > 0 ? previous[previous.length - 1] : undefined;
  const totalsHeader: CellInput[] = ['№', 'Показатель', 'A', 'B', 'X', 'Ед.', 'A и B', ...previous.map((p) => p.label)];
  if (lastPrevious) totalsHeader.push(`Изменение к «${lastPrevious.label}»`);
  const totalsRows: CellInput[][] = INDICATORS.map((d, i) => {
    const r = L.totalsRow[d.key];
    const aCell = cellRef(r, TOTAL_COLUMNS.a);
    const bCell = cellRef(r, TOTAL_COLUMNS.b);
    const xCell = cellRef(r, TOTAL_COLUMNS.x);
    const now = f && indicatorFigure(d.key, f);
    const row: CellInput[] = [
      i + 1,
      d.title,
      cached(`=${d.a(ctx)}`, now?.a),
      d.b ? cached(`=${d.b(ctx)}`, now?.b) : null,
      cached(xFormula(d.kind, aCell, bCell), now && xResult(now.x)),
      unitsOf(d),
      d.bCaption ? `A — ${d.aCaption}; B — ${d.bCaption}` : `A — ${d.aCaption}`,
      ...previous.map((p) => indicatorValue(d.key, p)),
    ];
    if (lastPrevious) {
      const prevCell = cellRef(r, L.previousFirstColumn + previous.length - 1);
      const before = indicatorValue(d.key, lastPrevious);
      row.push(
        d.kind === 'share'
          ? cached(`=IF(OR(${xCell}="",${prevCell}=""),"",${xCell}-${prevCell})`, now && (now.x === null || before === null ? '' : now.x - before))
          : cached(
              `=IF(OR(${xCell}="",N(${prevCell})=0),"",ROUND((${xCell}-${prevCell})*100/${prevCell},0))`,
              now && (now.x === null || !before ? '' : Math.round(((now.x - before) * 100) / before)),
            ),
      );
      style(plan, cellRef(r, L.changeColumn!), { numberFormat: d.kind === 'share' ? POINTS : PERCENT_CHANGE });
    }
    style(plan, xCell, { numberFormat: d.kind === 'ratio' ? '0.0' : d.kind === 'count' ? '#,##0' : '0', bold: true });
    // Wrapped text does not grow the row in a written file: give it the lines it needs.
    const what = d.bCaption ? d.aCaption.length + d.bCaption.length + 12 : d.aCaption.length + 4;
    const lines = Math.max(Math.ceil(d.title.length / 55), Math.ceil(what / 32), 1);
    plan.rowHeights![r] = lines * 15 + 2;
    return row;
  });
  plan.blocks.push({ at: cellRef(L.totalsHeaderRow - 1, 1), rows: [[TOTALS_TITLE]] });
  style(plan, cellRef(L.totalsHeaderRow - 1, 1), { bold: true, fontSize: 12 });
  plan.blocks.push({ at: cellRef(L.totalsHeaderRow, 1), rows: [totalsHeader, ...totalsRows] });
  const totalsRight = totalsHeader.length;
  style(plan, rangeRef(L.totalsHeaderRow, 1, L.totalsHeaderRow, totalsRight), HEADER);
  style(plan, rangeRef(L.totalsHeaderRow + 1, 1, L.totalsHeaderRow + INDICATORS.length, totalsRight), { ...BODY, wrap: true });
  style(plan, rangeRef(L.totalsHeaderRow + 1, TOTAL_COLUMNS.a, L.totalsHeaderRow + INDICATORS.length, TOTAL_COLUMNS.b), { numberFormat: '#,##0' });
  return totalsRight;
}

/** «Участники по классам»: all participants and those with disabilities (ОВЗ), grade by grade. */
function addGradesTable(plan: SheetPlan, L: IndicatorsLayout, units: number, f: CampaignFigures | undefined): void {
  const g0 = L.gradesFirstRow;
  const total = (xs: number[] | undefined) => xs && xs.reduce((s, x) => s + x, 0);
  plan.blocks.push({
    at: cellRef(g0 - 2, 1),
    rows: [
      [GRADES_TITLE],
      ['', 'Класс', 'Все участники', 'С ОВЗ'],
      ...GRADES.map((g, i): CellInput[] => [
        '',
        `${g} класс`,
        cached(`=SUM(${detailRange(GRADE_KEYS[i], units)})`, f?.grades[i]),
        cached(`=SUM(${detailRange(OVZ_GRADE_KEYS[i], units)})`, f?.ovzGrades[i]),
      ]),
      ['', 'Итого', cached(`=SUM(${rangeRef(g0, 3, g0 + 6, 3)})`, total(f?.grades)), cached(`=SUM(${rangeRef(g0, 4, g0 + 6, 4)})`, total(f?.ovzGrades))],
    ],
  });
  style(plan, cellRef(g0 - 2, 1), { bold: true, fontSize: 12 });
  style(plan, rangeRef(g0 - 1, 2, g0 - 1, 4), HEADER);
  style(plan, rangeRef(g0, 2, g0 + 7, 4), { ...BODY, numberFormat: '#,##0' });
  style(plan, rangeRef(g0 + 7, 2, g0 + 7, 4), { bold: true });
}

/** Partners by category: distinct organisations from the register, the units' reported sum beside. */
function addPartnersTable(plan: SheetPlan, L: IndicatorsLayout, units: number, partnerEntries: number | undefined, f: CampaignFigures | undefined): void {
  const p0 = L.partnersFirstRow;
  const reg = partnerEntries !== undefined;
  plan.blocks.push({
    at: cellRef(p0 - 2, 1),
    rows: [
      [PARTNERS_TITLE],
      ['', 'Категория', 'Различных организаций', 'Сумма по отчётам (табл. 3.2)'],
      ...PARTNER_CATEGORIES.map((c): CellInput[] => [
        '',
        PARTNER_CATEGORY_TITLE[c],
        reg ? cached(distinctPartnersFormula(c, partnerEntries), f?.partnersDistinct?.[c]) : '',
        cached(`=SUM(${detailRange(PARTNER_COUNT_KEY[c], units)})`, f?.partnersReported[c]),
      ]),
    ],
  });
  if (!reg) plan.blocks.push({ at: cellRef(p0 + PARTNER_CATEGORIES.length, 2), rows: [[`Различные организации считаются по листу «${SHEET.partners}»; его в этой книге нет.`]] });
  style(plan, cellRef(p0 - 2, 1), { bold: true, fontSize: 12 });
  style(plan, rangeRef(p0 - 1, 2, p0 - 1, 4), HEADER);
  style(plan, rangeRef(p0, 2, p0 + PARTNER_CATEGORIES.length - 1, 4), { ...BODY, wrap: true });
}

/** Reports on time / late / refused / missing. */
function addReportsTable(plan: SheetPlan, L: IndicatorsLayout, ctx: FormulaContext, f: CampaignFigures | undefined): void {
  const r0 = L.reportsFirstRow;
  const statuses = REPORT_STATUSES;
  plan.blocks.push({
    at: cellRef(r0 - 2, 1),
    rows: [
      [REPORTS_TITLE],
      ['', 'Отчёт', 'Организаций'],
      ...statuses.map((s): CellInput[] => [
        '',
        REPORT_STATUS_TITLE[s],
        cached(s === 'missing' || s === 'refused' ? `=${ctx[s]}` : `=COUNTIF(${ctx.statusRange},"${REPORT_STATUS_TITLE[s]}")`, f?.reports[s].length),
      ]),
    ],
  });
  style(plan, cellRef(r0 - 2, 1), { bold: true, fontSize: 12 });
  style(plan, rangeRef(r0 - 1, 2, r0 - 1, 3), HEADER);
  style(plan, rangeRef(r0, 2, r0 + statuses.length - 1, 3), BODY);
}

/** Dynamics over campaigns: earlier campaigns' values, then this campaign's live totals (only with earlier ones). */
function addDynamicsTable(plan: SheetPlan, L: IndicatorsLayout, previous: CampaignFigures[], label: string, f: CampaignFigures | undefined): void {
  if (L.dynamicsFirstRow === undefined) return;
  const d0 = L.dynamicsFirstRow;
  const keys = [...DYNAMIC_SHARES, DYNAMIC_COUNT];
  plan.blocks.push({
    at: cellRef(d0 - 2, 1),
    rows: [
      [DYNAMICS_TITLE],
      ['', 'Кампания', ...keys.map((k) => dynamicsTitle(k))],
      ...previous.map((p): CellInput[] => ['', p.label, ...keys.map((k) => indicatorValue(k, p))]),
      ['', label, ...keys.map((k): CellInput => cached(`=${cellRef(L.totalsRow[k], TOTAL_COLUMNS.x)}`, f && xResult(indicatorValue(k, f))))],
    ],
  });
  style(plan, cellRef(d0 - 2, 1), { bold: true, fontSize: 12 });
  style(plan, rangeRef(d0 - 1, 2, d0 - 1, 2 + keys.length), HEADER);
  style(plan, rangeRef(d0, 2, d0 + previous.length, 2 + keys.length), BODY);
}

/** Per unit: one row per unit, lagging first, each a formula over its own detail row; how many rows. */
function addUnitsTable(plan: SheetPlan, L: IndicatorsLayout, values: DetailValues[] | undefined): number {
  const u0 = L.unitsFirstRow;
  plan.blocks.push({ at: cellRef(L.unitsHeaderRow - 1, 1), rows: [[UNITS_TITLE]] });
  style(plan, cellRef(L.unitsHeaderRow - 1, 1), { bold: true, fontSize: 12 });
  // A row of formulas per unit (~300 characters each), made as it is written: a region's were 30 MB held.
  const unitRows = L.unitDetailRows;
  plan.blocks.push({ at: cellRef(L.unitsHeaderRow, 1), rows: [UNIT_COLUMNS.map((c) => c.title)] });
  if (unitRows.length > 0)
    plan.blocks.push({
      at: cellRef(u0, 1),
      rows: rowSource(unitRows.length, (i) => {
        const d = unitRows[i];
        const v = values?.[d - DETAIL_FIRST_ROW];
        return UNIT_COLUMNS.map((c, ci) => (ci === 0 ? i + 1 : c.cell(d, u0 + i, ci + 1, v)));
      }),
    });
  const uLast = u0 + unitRows.length - 1;
  style(plan, rangeRef(L.unitsHeaderRow, 1, L.unitsHeaderRow, UNIT_COLUMNS.length), HEADER);
  plan.rowHeights![L.unitsHeaderRow] = 48;
  if (unitRows.length === 0) {
    plan.blocks.push({ at: cellRef(u0, 2), rows: [['В своде нет ни одной организации: показатели по организациям появятся после свода отчётов.']] });
    return 0;
  }
  style(plan, rangeRef(u0, 1, uLast, UNIT_COLUMNS.length), BODY);
  UNIT_COLUMNS.forEach((c, ci) => {
    if (c.format) style(plan, rangeRef(u0, ci + 1, uLast, ci + 1), { numberFormat: c.format, bold: true });
  });
  // Units below the overall share of participation stand out.
  const shareCol = UNIT_SHARE_COLUMN;
  const total = `$${String.fromCharCode(64 + TOTAL_COLUMNS.x)}$${L.totalsRow.participation}`;
  plan.conditionalFormats.push({
    range: rangeRef(u0, shareCol, uLast, shareCol),
    formula: `AND(${cellRef(u0, shareCol)}<>"",${total}<>"",${cellRef(u0, shareCol)}<${total})`,
    style: { fill: 'FCE4D6' },
  });
  // Reports not on time stand out in red.
  plan.conditionalFormats.push({
    range: rangeRef(u0, STATUS_COLUMN, uLast, STATUS_COLUMN),
    formula: `${cellRef(u0, STATUS_COLUMN)}<>"${REPORT_STATUS_TITLE.onTime}"`,
    style: { fontColor: 'C00000', bold: true },
  });
  return unitRows.length;
}
