/**
 * The consolidated monitoring sheet: on top the targets block (the coordinator types the plan of each indicator;
 * fact, deviation and met / not met follow by formula, and a live sentence «Целевые показатели выполнены, кроме: …»),
 * below it one row per unit with A and B as received and plan, fact X = A × 100 / B, deviation and met per
 * indicator, and the «Итого» row of live sums.
 */
import { absolute, cellRef, columnLetter, rangeRef } from '../a1';
import { EDUCATION_LEVELS, MONITORING_INDICATORS, aKey, bKey, indicatorTitle, type IndicatorCode, type MonitoringKey } from '../forms/monitoring';
import { shareFormula } from '../forms/monitoringStamp';
import { str } from '../forms/rowChecks';
import { SEASON_TITLE, type CampaignSettings } from '../settings';
import { SHEET_MONITORING_CONSOLIDATED } from './sheetName';
import { emptySheetPlan, type CellInput, type SheetPlan } from '../sheetPlan';
import type { MonitoringMerge } from './merge';
import type { Targets } from './targets';

export const MET = 'выполнен';
export const NOT_MET = 'не выполнен';
export const TARGETS_HEADER = ['Показатель', 'План, %', 'Факт, %', 'Отклонение, п. п.', 'Выполнение', 'Не выполнен в организациях'];
const PER_INDICATOR = ['A', 'B', 'План, %', 'Факт, %', 'Откл., п. п.', 'Выполнение'] as const;

/** Where everything is, for formulas, tests and reading the plan back. */
export interface MonitoringSheetLayout {
  targetsHeaderRow: number;
  /** Row of each indicator in the targets block (plan in column B, fact C, deviation D, met E, units F). */
  targetRow: Record<IndicatorCode, number>;
  sentenceCell: string;
  headerTop: number;
  firstUnitRow: number;
  totalRow: number;
  /** First column (A) of each indicator's six columns in the unit table. */
  indicatorColumn: Record<IndicatorCode, number>;
  levelColumn: Record<string, number>;
  missedColumn: number;
  fileColumn: number;
}

export function monitoringSheetLayout(units: number): MonitoringSheetLayout {
  const targetsHeaderRow = 4;
  const targetRow = {} as Record<IndicatorCode, number>;
  MONITORING_INDICATORS.forEach((i, k) => (targetRow[i.code] = targetsHeaderRow + 1 + k));
  const sentenceRow = targetsHeaderRow + MONITORING_INDICATORS.length + 1;
  const headerTop = sentenceRow + 3;
  const firstUnitRow = headerTop + 2;
  const indicatorColumn = {} as Record<IndicatorCode, number>;
  let col = 2;
  for (const i of MONITORING_INDICATORS) {
    indicatorColumn[i.code] = col;
    col += PER_INDICATOR.length;
  }
  const levelColumn: Record<string, number> = {};
  for (const l of EDUCATION_LEVELS) levelColumn[l.key] = col++;
  levelColumn.total = col++;
  return {
    targetsHeaderRow,
    targetRow,
    sentenceCell: cellRef(sentenceRow, 2),
    headerTop,
    firstUnitRow,
    totalRow: firstUnitRow + Math.max(units, 1),
    indicatorColumn,
    levelColumn,
    missedColumn: col,
    fileColumn: col + 1,
  };
}

const deviation = (plan: string, fact: string) => `=IF(OR(${plan}="",${fact}=""),"",${fact}-${plan})`;
const met = (plan: string, fact: string) => `=IF(OR(${plan}="",${fact}=""),"",IF(${fact}>=${plan},${str(MET)},${str(NOT_MET)}))`;
/** Fact X = A × 100 / B: the school form's own formula, so the two cannot drift apart. */
const fact = shareFormula;

export function monitoringConsolidatedSheet(m: MonitoringMerge, settings: CampaignSettings, targets: Targets = {}): SheetPlan {
  const plan = emptySheetPlan(SHEET_MONITORING_CONSOLIDATED, 'consolidated-monitoring');
  const L = monitoringSheetLayout(m.units.length);
  addTitle(plan, settings);
  addTargetsBlock(plan, L, m.units.length, targets);
  addSentence(plan, L);
  addUnitTable(plan, L, m);
  // Column A holds the units' names below and the indicators' titles in the targets block.
  plan.columnWidths = [48, ...new Array(L.fileColumn - 1).fill(12)];
  plan.columnWidths[L.fileColumn - 1] = 30;
  plan.freeze = { rows: 0, columns: 1 };
  // Too wide to shrink onto one page: printed across pages at full size.
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: `${L.headerTop}:${L.headerTop + 1}` };
  plan.protect = false;
  return plan;
}

/** The title with season, year and territory, and the one-line instruction under it. */
function addTitle(plan: SheetPlan, settings: CampaignSettings): void {
  plan.blocks.push(
    { at: 'A1', rows: [[`Мониторинг профориентационной работы: целевые показатели, план и факт — ${SEASON_TITLE[settings.season].adjective} кампания ${settings.year} г.${settings.unit ? ` (${settings.unit})` : ''}`]] },
    { at: 'A2', rows: [['Впишите плановые значения в столбец «План, %» (жёлтые ячейки): факт (X = A × 100 / B по строке «Итого»), отклонение и выполнение пересчитаются сразу. При следующем своде в этот файл план сохранится и попадёт в аналитическую справку.']] },
  );
  plan.merges.push(rangeRef(1, 1, 1, 12), rangeRef(2, 1, 2, 12));
  plan.styles.push({ range: 'A1', style: { bold: true, fontSize: 14 } }, { range: rangeRef(2, 1, 2, 12), style: { italic: true, wrap: true, vAlign: 'top' } });
  plan.rowHeights = { 1: 21, 2: 32 };
}

/** Column of an indicator's «Выполнение» in the unit table. */
const metColumn = (L: MonitoringSheetLayout, code: IndicatorCode) => L.indicatorColumn[code] + 5;

/** The targets block: the plan the coordinator types, the fact from «Итого», deviation, met, units that missed it. */
function addTargetsBlock(plan: SheetPlan, L: MonitoringSheetLayout, n: number, targets: Targets): void {
  const H = L.targetsHeaderRow;
  const unitRange = (col: number) => rangeRef(L.firstUnitRow, col, L.firstUnitRow + Math.max(n, 1) - 1, col);
  const targetRows: CellInput[][] = MONITORING_INDICATORS.map((i) => {
    const r = L.targetRow[i.code];
    const totalFact = cellRef(L.totalRow, L.indicatorColumn[i.code] + 3);
    return [
      indicatorTitle(i),
      targets[i.code] ?? null,
      { formula: `=${totalFact}` },
      { formula: deviation(cellRef(r, 2), cellRef(r, 3)) },
      { formula: met(cellRef(r, 2), cellRef(r, 3)) },
      { formula: `=IF(${cellRef(r, 2)}="","",COUNTIF(${unitRange(metColumn(L, i.code))},${str(NOT_MET)}))` },
    ];
  });
  plan.blocks.push({ at: cellRef(H, 1), rows: [TARGETS_HEADER, ...targetRows] });
  const firstT = H + 1;
  const lastT = H + MONITORING_INDICATORS.length;
  plan.styles.push(
    { range: rangeRef(H, 1, H, 6), style: { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: true, fill: 'DDEBF7' } },
    { range: rangeRef(firstT, 1, lastT, 6), style: { border: true, vAlign: 'top' } },
    { range: rangeRef(firstT, 1, lastT, 1), style: { wrap: true, fontSize: 9 } },
    { range: rangeRef(firstT, 2, lastT, 2), style: { fill: 'FFF2CC', numberFormat: '0.0', locked: false } },
    { range: rangeRef(firstT, 3, lastT, 4), style: { numberFormat: '0.0' } },
  );
  plan.validations.push({
    range: rangeRef(firstT, 2, lastT, 2),
    rule: { kind: 'decimal', min: 0 },
    severity: 'stop',
    title: 'План, %',
    message: 'Введите плановое значение показателя в процентах — число не меньше 0, например 95.',
  });
  plan.conditionalFormats.push(
    { range: rangeRef(firstT, 5, lastT, 5), formula: `=$E${firstT}=${str(NOT_MET)}`, style: { fill: 'FFC7CE', fontColor: '9C0006' } },
    { range: rangeRef(firstT, 5, lastT, 5), formula: `=$E${firstT}=${str(MET)}`, style: { fill: 'C6EFCE', fontColor: '006100' } },
  );
  plan.rowHeights![H] = 58;
  for (const i of MONITORING_INDICATORS) plan.rowHeights![L.targetRow[i.code]] = 40;
}

/** The live sentence under the targets, as seed 003 words it. */
function addSentence(plan: SheetPlan, L: MonitoringSheetLayout): void {
  const firstT = L.targetsHeaderRow + 1;
  const lastT = L.targetsHeaderRow + MONITORING_INDICATORS.length;
  const metRange = rangeRef(firstT, 5, lastT, 5);
  const listed = MONITORING_INDICATORS.map((i) => `IF(E${L.targetRow[i.code]}=${str(NOT_MET)},${str(`; ${i.short}`)},"")`).join('&');
  plan.blocks.push({
    at: L.sentenceCell,
    rows: [[{
      formula:
        `=IF(COUNTIF(${metRange},${str(MET)})+COUNTIF(${metRange},${str(NOT_MET)})=0,${str('Плановые значения не заданы: впишите их в столбец «План, %».')},` +
        `IF(COUNTIF(${metRange},${str(NOT_MET)})=0,${str('Целевые показатели выполнены.')},` +
        `IF(COUNTIF(${metRange},${str(MET)})=0,"Целевые показатели не выполнены: "&MID(${listed},3,4000)&".",` +
        `"Целевые показатели выполнены, кроме: "&MID(${listed},3,4000)&".")))`,
    }]],
  });
  const sentenceRow = Number(L.sentenceCell.slice(1));
  plan.blocks.push({ at: cellRef(sentenceRow, 1), rows: [['Итог']] });
  plan.merges.push(rangeRef(sentenceRow, 2, sentenceRow, 12));
  plan.styles.push({ range: cellRef(sentenceRow, 1), style: { bold: true, vAlign: 'top' } }, { range: rangeRef(sentenceRow, 2, sentenceRow, 12), style: { bold: true, wrap: true, vAlign: 'top' } });
  plan.rowHeights![sentenceRow] = 48;
}

/** The unit table: its caption, two header rows, one row per unit (or «Нет форм мониторинга»), «Итого». */
function addUnitTable(plan: SheetPlan, L: MonitoringSheetLayout, m: MonitoringMerge): void {
  const top = L.headerTop;
  const last = L.fileColumn;
  const T = L.totalRow;
  const firstU = L.firstUnitRow;
  plan.blocks.push({ at: cellRef(top - 1, 1), rows: [['Показатели по организациям: A и B — из форм «Мониторинг», факт X = A × 100 / B, план — из блока целевых показателей']] });
  plan.styles.push({ range: cellRef(top - 1, 1), style: { bold: true } });
  const [head1, head2] = unitTableHeader(plan, L);
  const rowsOf = [...m.units.map((u) => ({ u })), ...(m.units.length === 0 ? [{ u: undefined }] : [])];
  const body = rowsOf.map(({ u }, k) => unitRow(L, firstU + k, u));
  plan.blocks.push({ at: cellRef(top, 1), rows: [head1, head2, ...body, totalRow(L)] });

  plan.styles.push(
    { range: rangeRef(top, 1, top + 1, last), style: { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: true, fill: 'DDEBF7', fontSize: 9 } },
    { range: rangeRef(firstU, 1, T, last), style: { border: true } },
    { range: rangeRef(T, 1, T, last), style: { bold: true, fill: 'F2F2F2' } },
  );
  for (const i of MONITORING_INDICATORS) {
    const c = L.indicatorColumn[i.code];
    plan.styles.push(
      { range: rangeRef(firstU, c, T, c + 1), style: { numberFormat: '0' } },
      { range: rangeRef(firstU, c + 2, T, c + 4), style: { numberFormat: '0.0' } },
    );
    const range = rangeRef(firstU, c + 5, T, c + 5);
    plan.conditionalFormats.push({ range, formula: `=${columnLetter(c + 5)}${firstU}=${str(NOT_MET)}`, style: { fill: 'FFC7CE', fontColor: '9C0006' } });
  }
  plan.rowHeights![top] = 120;
  plan.rowHeights![top + 1] = 30;
}

/** The unit table's two header rows; their merged cells go into the plan. */
function unitTableHeader(plan: SheetPlan, L: MonitoringSheetLayout): [CellInput[], CellInput[]] {
  const top = L.headerTop;
  const head1: CellInput[] = new Array(L.fileColumn).fill(null);
  const head2: CellInput[] = new Array(L.fileColumn).fill(null);
  head1[0] = 'Организация (муниципальное образование)';
  plan.merges.push(rangeRef(top, 1, top + 1, 1));
  for (const i of MONITORING_INDICATORS) {
    const c = L.indicatorColumn[i.code];
    head1[c - 1] = indicatorTitle(i);
    PER_INDICATOR.forEach((t, k) => (head2[c - 1 + k] = t));
    plan.merges.push(rangeRef(top, c, top, c + PER_INDICATOR.length - 1));
  }
  const lc = L.levelColumn;
  head1[lc[EDUCATION_LEVELS[0].key] - 1] = 'Мероприятия по уровням общего образования';
  EDUCATION_LEVELS.forEach((l) => (head2[lc[l.key] - 1] = l.title));
  head2[lc.total - 1] = 'Всего';
  plan.merges.push(rangeRef(top, lc[EDUCATION_LEVELS[0].key], top, lc.total));
  head1[L.missedColumn - 1] = 'Не выполнено показателей';
  head1[L.fileColumn - 1] = 'Файл';
  plan.merges.push(rangeRef(top, L.missedColumn, top + 1, L.missedColumn), rangeRef(top, L.fileColumn, top + 1, L.fileColumn));
  return [head1, head2];
}

const planCell = (L: MonitoringSheetLayout, code: IndicatorCode) => absolute(L.targetRow[code], 2);

/** One unit's row at sheet row r: A and B as received, then plan, fact, deviation and met by formula. */
function unitRow(L: MonitoringSheetLayout, r: number, u: MonitoringMerge['units'][number] | undefined): CellInput[] {
  const lc = L.levelColumn;
  const line: CellInput[] = new Array(L.fileColumn).fill(null);
  line[0] = u ? u.unit : 'Нет форм мониторинга';
  for (const i of MONITORING_INDICATORS) {
    const c = L.indicatorColumn[i.code];
    const a = cellRef(r, c);
    const b = cellRef(r, c + 1);
    line[c - 1] = u ? u.row.values[aKey(i.code) as MonitoringKey].value : null;
    line[c] = u ? u.row.values[bKey(i.code) as MonitoringKey].value : null;
    line[c + 1] = { formula: `=IF(${planCell(L, i.code)}="","",${planCell(L, i.code)})` };
    line[c + 2] = { formula: fact(a, b) };
    line[c + 3] = { formula: deviation(cellRef(r, c + 2), cellRef(r, c + 3)) };
    line[c + 4] = { formula: met(cellRef(r, c + 2), cellRef(r, c + 3)) };
  }
  for (const l of EDUCATION_LEVELS) line[lc[l.key] - 1] = u ? u.row.values[l.key].value : null;
  line[lc.total - 1] = { formula: `=IF(COUNT(${rangeRef(r, lc[EDUCATION_LEVELS[0].key], r, lc[EDUCATION_LEVELS[2].key])})=0,"",SUM(${rangeRef(r, lc[EDUCATION_LEVELS[0].key], r, lc[EDUCATION_LEVELS[2].key])}))` };
  const metCells = MONITORING_INDICATORS.map((i) => `--(${cellRef(r, metColumn(L, i.code))}=${str(NOT_MET)})`).join('+');
  line[L.missedColumn - 1] = { formula: `=${metCells}` };
  line[L.fileColumn - 1] = u ? u.file : null;
  return line;
}

/** «Итого»: Σ A, Σ B over units that gave both (SUMPRODUCT), so a unit without B does not lower the share. */
function totalRow(L: MonitoringSheetLayout): CellInput[] {
  const T = L.totalRow;
  const lc = L.levelColumn;
  const total: CellInput[] = new Array(L.fileColumn).fill(null);
  total[0] = 'Итого';
  const firstU = L.firstUnitRow;
  const lastU = T - 1;
  for (const i of MONITORING_INDICATORS) {
    const c = L.indicatorColumn[i.code];
    const ar = rangeRef(firstU, c, lastU, c);
    const br = rangeRef(firstU, c + 1, lastU, c + 1);
    // Separate SUMPRODUCT arguments: a blank counts as 0 there in Excel and LibreOffice alike (a product would not).
    const both = `--ISNUMBER(${ar}),--ISNUMBER(${br})`;
    total[c - 1] = { formula: `=SUMPRODUCT(${both},${ar})` };
    total[c] = { formula: `=SUMPRODUCT(${both},${br})` };
    total[c + 1] = { formula: `=IF(${planCell(L, i.code)}="","",${planCell(L, i.code)})` };
    total[c + 2] = { formula: fact(cellRef(T, c), cellRef(T, c + 1)) };
    total[c + 3] = { formula: deviation(cellRef(T, c + 2), cellRef(T, c + 3)) };
    total[c + 4] = { formula: met(cellRef(T, c + 2), cellRef(T, c + 3)) };
  }
  for (const key of [...EDUCATION_LEVELS.map((l) => l.key), 'total']) {
    const c = lc[key];
    total[c - 1] = { formula: `=SUM(${rangeRef(firstU, c, lastU, c)})` };
  }
  total[L.missedColumn - 1] = { formula: `=SUM(${rangeRef(firstU, L.missedColumn, lastU, L.missedColumn)})` };
  return total;
}
