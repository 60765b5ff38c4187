/**
 * The monitoring form «Мониторинг» stamped as a sheet plan: head lines, the indicators' table with A, B and the
 * computed X = A × 100 / B of every indicator, the events by level, a «Проверка» column, validation, print setup.
 */
import { cellRef, rangeRef } from '../a1';
import { SEASON_TITLE, type CampaignSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, type CellInput, type DataValidationPlan, type SheetPlan } from '../sheetPlan';
import { stampFormHead } from './formHead';
import {
  aKey,
  bKey,
  EDUCATION_LEVELS,
  MONITORING_INDICATORS,
  MONITORING_TITLE,
  xKey,
  type IndicatorCode,
  type MonitoringIndicator,
} from './monitoring';
import { monitoringLayout, type MonitoringLayout, type MonitoringOptions } from './monitoringLayout';
import { monitoringTable } from './monitoring';
import { allNumbers, emptyOrNone, filledCells, str, type RowRule } from './rowChecks';
import { stampTable } from './stampTable';
import type { FormTableLayout } from './tableLayout';

export const MONITORING_APPENDIX = 'Форма мониторинга';
export const MONITORING_METHOD_LINE =
  'Показатели муниципального проекта по профориентации; методика расчета: X = A × 100 / B, где B — 100 %';

const A_WIDTH = 14;
const B_WIDTH = 14;
const X_WIDTH = 9;
const LEVEL_WIDTH = 10;
const WIDTHS = [
  32,
  ...MONITORING_INDICATORS.filter((i) => i.code !== 'diagnostics').flatMap(() => [A_WIDTH, B_WIDTH, X_WIDTH]),
  ...EDUCATION_LEVELS.map(() => LEVEL_WIDTH),
  A_WIDTH, B_WIDTH, X_WIDTH,
  48,
];

/** Pairs of indicators measured against the same base (B): the two B must agree. */
const SAME_BASE: [IndicatorCode, IndicatorCode, string][] = [
  ['pupils', 'pupilsEarly', 'общее количество обучающихся'],
  ['schools', 'schoolsEarly', 'общее количество общеобразовательных организаций'],
  ['teachers', 'teachersEarly', 'общее количество педагогических работников'],
];

/** The title line with the campaign: «… — осенняя кампания 2026 г.». */
export const monitoringTitle = (s: CampaignSettings): string =>
  `${MONITORING_TITLE} — ${SEASON_TITLE[s.season].adjective} кампания ${s.year} г.`;

/** X = A × 100 / B, blank until both are numbers and B > 0 (the same in Excel and LibreOffice). */
export const shareFormula = (a: string, b: string): string =>
  `=IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),IF(${b}>0,${a}*100/${b},""),"")`;

function rules(t: FormTableLayout, row: number): RowRule[] {
  const c = (key: string) => cellRef(row, t.columns[key]);
  const pairs = MONITORING_INDICATORS.map((i) => rangeRef(row, t.columns[aKey(i.code)], row, t.columns[bKey(i.code)]));
  const levels = rangeRef(row, t.columns[EDUCATION_LEVELS[0].key], row, t.columns[EDUCATION_LEVELS[2].key]);
  const ranges = [...pairs, levels];
  const cells = [
    ...MONITORING_INDICATORS.flatMap((i) => [c(aKey(i.code)), c(bKey(i.code))]),
    ...EDUCATION_LEVELS.map((l) => c(l.key)),
  ];
  // Over the whole row at once: an X cell holds a number (counted on both sides) or "" (counted on neither).
  const inputs = rangeRef(row, 2, row, t.checkColumn - 1);
  const notNumbers = `${filledCells(inputs)}-COUNT(${inputs})`;
  const out: RowRule[] = [
    { when: `TRIM(${c('unit')})=""`, text: str(`не указано «Муниципальное образование» (ячейка ${c('unit')})`) },
    { when: `${notNumbers}>0`, text: `"не числом заполнено ячеек: "&(${notNumbers})&" — введите только цифры"` },
    { when: `(${ranges.map((r) => `COUNTIF(${r},"<0")`).join('+')})>0`, text: str('отрицательное количество') },
    { when: `OR(${cells.map((x) => `IF(ISNUMBER(${x}),${x}<>INT(${x}))`).join(',')})`, text: str('количество не целым числом') },
  ];
  for (const i of MONITORING_INDICATORS) {
    const a = c(aKey(i.code));
    const b = c(bKey(i.code));
    const label = i.number ? `показатель ${i.number}` : 'диагностика';
    out.push({
      when: `AND(${allNumbers(a, b)},${a}>${b})`,
      text: i.aMayExceedB
        ? `"${label}: проведено "&${a}&" > "&${b}&" запланировано — проверьте"`
        : `"${label}: A "&${a}&" > B "&${b}`,
      warning: i.aMayExceedB,
    });
    // One of A and B given, the other empty or «—» (a word there is «not a number», said above), as the rules.
    out.push({
      when: `AND(COUNT(${a},${b})=1,OR(${emptyOrNone(a)},${emptyOrNone(b)}))`,
      text: str(`${label}: заполните и A, и B`),
      warning: true,
    });
  }
  for (const [x, y, what] of SAME_BASE) {
    const bx = c(bKey(x));
    const by = c(bKey(y));
    out.push({ when: `AND(${allNumbers(bx, by)},${bx}<>${by})`, text: `"${what}: "&${bx}&" и "&${by}&" — должно совпадать"`, warning: true });
  }
  const eventsA = c(aKey('events'));
  out.push({
    when: `AND(ISNUMBER(${eventsA}),COUNT(${levels})>0,SUM(${levels})<>${eventsA})`,
    text: `"мероприятий по уровням "&SUM(${levels})&" ≠ "&${eventsA}&" (показатель 8)"`,
    warning: true,
  });
  return out;
}

const COUNT_MESSAGE = 'Введите целое число не меньше 0 — только цифры, без «чел.» и пробелов.';

function validations(t: FormTableLayout): DataValidationPlan[] {
  const r = t.firstDataRow;
  const col = (key: string) => rangeRef(t.firstDataRow, t.columns[key], t.lastDataRow, t.columns[key]);
  const top = (key: string) => cellRef(r, t.columns[key]);
  const whole = (range: string): DataValidationPlan => ({
    range, rule: { kind: 'wholeNumber', min: 0 }, severity: 'stop', title: 'Количество', message: COUNT_MESSAGE,
  });
  const out: DataValidationPlan[] = [];
  for (const i of MONITORING_INDICATORS) {
    out.push(whole(col(bKey(i.code))));
    if (i.aMayExceedB) out.push(whole(col(aKey(i.code))));
    else {
      const a = top(aKey(i.code));
      const b = top(bKey(i.code));
      out.push({
        range: col(aKey(i.code)),
        rule: { kind: 'custom', formula: `=AND(ISNUMBER(${a}),${a}>=0,${a}=INT(${a}),OR(NOT(ISNUMBER(${b})),${a}<=${b}))` },
        severity: 'stop',
        title: 'Количество (A)',
        message: `Введите целое число не меньше 0 и не больше B (${indicatorB(i)}).`,
      });
    }
  }
  for (const l of EDUCATION_LEVELS) out.push(whole(col(l.key)));
  return out;
}

const indicatorB = (i: MonitoringIndicator): string => i.b.replace(/,? (чел\.|\(В [^)]*\))$/, '').toLowerCase();

/** The monitoring form for `settings.unit`; `opts.fill` prefills data rows by leaf key. */
export function stampMonitoring(settings: CampaignSettings, opts: MonitoringOptions = {}): SheetPlan {
  const L: MonitoringLayout = monitoringLayout(settings, opts);
  const t = L.table;
  const plan = emptySheetPlan(opts.name ?? SHEET.monitoring, 'monitoring');
  plan.columnWidths = [...WIDTHS];
  stampFormHead(
    plan,
    { ...settings, orderReference: MONITORING_METHOD_LINE },
    MONITORING_APPENDIX,
    monitoringTitle(settings),
    L.lastColumn,
    WIDTHS,
  );
  const unitFill = settings.level !== 'region' && settings.unit ? [{ unit: settings.unit }] : undefined;
  const rows: Record<string, CellInput>[] = (opts.fill ?? unitFill ?? []).map((r) => ({ ...r }));
  while (rows.length < t.lastDataRow - t.firstDataRow + 1) rows.push({});
  rows.forEach((r, i) => {
    const row = t.firstDataRow + i;
    for (const ind of MONITORING_INDICATORS)
      r[xKey(ind.code)] = { formula: shareFormula(cellRef(row, t.columns[aKey(ind.code)]), cellRef(row, t.columns[bKey(ind.code)])) };
  });
  stampTable(plan, {
    tree: monitoringTable,
    layout: t,
    widths: WIDTHS,
    fill: rows,
    rules: (row) => rules(t, row),
    // X columns hold formulas that give "" while empty: they do not make a row count as filled.
    inputRange: (row) => rangeRef(row, 2, row, t.checkColumn - 1),
  });
  // X is computed: locked, grey, one decimal.
  for (const i of MONITORING_INDICATORS) {
    const c = t.columns[xKey(i.code)];
    plan.styles.push({
      range: rangeRef(t.firstDataRow, c, t.lastDataRow, c),
      style: { locked: true, fill: 'F2F2F2', numberFormat: '0.0', hAlign: 'right', wrap: false },
    });
  }
  plan.validations.push(...validations(t));
  plan.freeze = { rows: t.headerBottom, columns: 1 };
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: `${t.headerTop}:${t.headerBottom}` };
  plan.protect = opts.protect;
  return plan;
}
