/**
 * Finding the monitoring table on any sheet by its header text (the indicators' titles, then «A», «B», «X» or the
 * levels НОО/ООО/СОО under them) and reading its rows. Columns may be moved, retyped or dropped; what is missing
 * or unreadable is said at its cell.
 */
import { cellRef } from '../a1';
import { normalizeHeader } from '../forms/officialText';
import { EDUCATION_LEVELS, MONITORING_INDICATORS, MONITORING_KEYS, aKey, bKey, type IndicatorCode, type MonitoringKey } from '../forms/monitoring';
import { cellText, cellValue, gridSize, mergeAt, type SheetGrid, type WorkbookGrid } from '../grid';
import type { Problem } from '../problems';
import { readFormHeader } from '../read/header';
import { headerText, isExampleLabel, isTotalLabel } from '../read/matchers';
import type { Read } from '../report';
import { SHEET } from '../sheetNames';
import { SHEET_MONITORING_CONSOLIDATED } from './sheetName';
import { parseCount } from '../values/count';
import type { MonitoringForm, MonitoringRow } from './types';

type GroupField = IndicatorCode | 'levels';

/** Which indicator (or the events-by-level group) a header cell names; undefined for anything else. */
export function monitoringGroup(raw: string): GroupField | undefined {
  // headerText spells out «кол-во»; the indicator's number («1.», «2)») is dropped.
  const t = headerText(raw).replace(/^\d+\s*[.)]\s*/, '');
  if (t.length < 12) return undefined;
  if (/диагностик/.test(t)) return 'diagnostics';
  if (/мероприят/.test(t) && /уровн/.test(t) && /образовани/.test(t) && !/ранн/.test(t)) return 'levels';
  const early = /ранн[а-я]* профориентац/.test(t);
  const m = /^(?:показатель\s*)?[«"]?количеств[а-я]*\s+([а-я]+)\s*([а-я]*)/.exec(t);
  if (!m) return undefined;
  const [, w1, w2] = m;
  if (w1.startsWith('обучающ') || w1.startsWith('учащ')) return /овз|ограниченн/.test(t) ? 'ovz' : early ? 'pupilsEarly' : 'pupils';
  if ((w1.startsWith('образовательн') || w1.startsWith('общеобразовательн')) && w2.startsWith('организац'))
    return early ? 'schoolsEarly' : 'schools';
  if (w1.startsWith('педагог')) return early ? 'teachersEarly' : 'teachers';
  if (w1.startsWith('мероприят') || w1.startsWith('профориентационных')) return early ? 'eventsEarly' : 'events';
  return undefined;
}

type SubLabel = 'A' | 'B' | 'X' | (typeof EDUCATION_LEVELS)[number]['key'];

/** «A — …», «А:», «B», «В —», «X = …», «НОО», «ООО (5-9 классы)» … under a group title. Latin and Cyrillic letters alike. */
export function monitoringSubLabel(raw: string): SubLabel | undefined {
  const t = normalizeHeader(raw);
  if (/^[aа](\s*[:=)—–-]|\s*$|\s+\()/.test(t)) return 'A';
  if (/^[bв](\s*[:=)—–-]|\s*$|\s+\()/.test(t)) return 'B';
  if (/^[xх](\s*[:=)—–-]|\s*$|,)|^%$|^доля|^значение показателя/.test(t)) return 'X';
  if (/^ноо|начальн[а-я]* общ/.test(t)) return 'eventsNoo';
  if (/^ооо|основн[а-я]* общ/.test(t)) return 'eventsOoo';
  if (/^соо|средн[а-я]* общ/.test(t)) return 'eventsSoo';
  return undefined;
}

const UNIT_HEADER = /муниципальн[а-я]* образовани|муниципалитет|^наименование|^организаци|^оо$|^огоо|^школа$|^мо$/;
const MAX_COLS = 300;
const MAX_HEADER_DEPTH = 3;

export interface LocatedMonitoring {
  sheet: SheetGrid;
  headerTop: number;
  headerBottom: number;
  unitColumn?: number;
  columns: Partial<Record<MonitoringKey, number>>;
  /** Groups whose title was found. */
  groups: Set<GroupField>;
}

/**
 * Word stems every group title has (without the first letter, so case does not matter): a cheap test first, asked
 * of every text cell of every received sheet — one expression, not ten searches.
 */
const GROUP_STEMS = /оличеств|ол-во|ол\.|иагност|ровн|ОЛИЧЕСТВ|ОЛ-ВО|ОЛ\.|ИАГНОСТ|РОВН/;
const maybeGroup = (v: string): boolean => v.length >= 12 && GROUP_STEMS.test(v);

/** None: what rowGroups gives for a row naming no group (most rows), without a Map made for each. */
const NO_GROUPS: ReadonlyMap<number, GroupField> = new Map();

/** Groups named in one row, by column. */
function rowGroups(sheet: SheetGrid, row: number, cols: number): ReadonlyMap<number, GroupField> {
  let out: Map<number, GroupField> | undefined;
  let text: string | undefined;
  let group: GroupField | undefined;
  for (let c = 1; c <= cols; c++) {
    const v = cellValue(sheet, row, c);
    if (typeof v !== 'string') continue;
    // A merged title shows the same text at every column it covers: classify it once.
    if (v !== text) {
      text = v;
      // Cheap test first: every group title says «количество» (or «кол-во»), «диагностика» or «уровни».
      group = maybeGroup(v) ? monitoringGroup(v) : undefined;
    }
    if (group) (out ??= new Map()).set(c, group);
  }
  return out ?? NO_GROUPS;
}

/** Whether a row's groups are at least three different ones: the monitoring table's header names that many. */
const threeOrMore = (groups: ReadonlyMap<number, GroupField>): boolean => groups.size >= 3 && new Set(groups.values()).size >= 3;

/** The first row naming at least three indicators: the monitoring table's header. */
export function locateMonitoring(sheet: SheetGrid): LocatedMonitoring | undefined {
  const { rows } = gridSize(sheet);
  const cols = Math.min(gridSize(sheet).cols, MAX_COLS);
  for (let r = 1; r <= rows; r++) {
    const groups = rowGroups(sheet, r, cols);
    if (!threeOrMore(groups)) continue;
    // Sub-labels sit in the rows below the group titles (a merged title may span them).
    let bottom = r;
    while (bottom < rows && bottom - r + 1 < MAX_HEADER_DEPTH) {
      let labels = 0;
      for (let c = 1; c <= cols; c++) if (monitoringSubLabel(cellText(sheet, bottom + 1, c))) labels++;
      if (labels === 0) break;
      bottom++;
    }
    // Without «A»/«B»/«X» (or НОО/ООО/СОО) under the titles it is not the monitoring form: a table 3.1 retyped
    // as «Кол-во обучающихся…», «Кол-во педагогов…» names the same quantities.
    if (bottom === r) continue;
    const columns: Partial<Record<MonitoringKey, number>> = {};
    let unitColumn: number | undefined;
    for (let c = 1; c <= cols; c++) {
      const m = mergeAt(sheet, r, c);
      const g = groups.get(c);
      if (!g) {
        const t = normalizeHeader(cellText(sheet, r, c));
        if (unitColumn === undefined && t && (!m || m.left === c) && UNIT_HEADER.test(t)) unitColumn = c;
        continue;
      }
      let label: SubLabel | undefined;
      for (let k = bottom; k > r && !label; k--) label = monitoringSubLabel(cellText(sheet, k, c));
      if (!label) continue;
      const key: MonitoringKey | undefined =
        g === 'levels'
          ? label.startsWith('events') ? (label as MonitoringKey) : undefined
          : label === 'A' ? (aKey(g) as MonitoringKey) : label === 'B' ? (bKey(g) as MonitoringKey) : undefined;
      if (key && columns[key] === undefined) columns[key] = c;
    }
    return { sheet, headerTop: r, headerBottom: bottom, unitColumn, columns, groups: new Set(groups.values()) };
  }
  return undefined;
}

/** True when `row` of `sheet` is the monitoring table's header (the report reader leaves that table alone). */
export function isMonitoringHeaderRow(sheet: SheetGrid, row: number): boolean {
  return locateMonitoringAt(sheet, row);
}

/** Whether the monitoring table's header starts at `row`: three indicator titles with sub-labels under them. */
function locateMonitoringAt(sheet: SheetGrid, row: number): boolean {
  const cols = Math.min(gridSize(sheet).cols, MAX_COLS);
  if (!threeOrMore(rowGroups(sheet, row, cols))) return false;
  for (let k = row + 1; k <= Math.min(gridSize(sheet).rows, row + MAX_HEADER_DEPTH - 1); k++)
    for (let c = 1; c <= cols; c++) if (monitoringSubLabel(cellText(sheet, k, c))) return true;
  return false;
}

const GROUP_TITLE = (g: GroupField): string =>
  g === 'levels'
    ? 'Количество проведенных мероприятий по уровням общего образования (НОО, ООО, СОО)'
    : MONITORING_INDICATORS.find((i) => i.code === g)!.title;

const keyTitle = (key: MonitoringKey): string => {
  const level = EDUCATION_LEVELS.find((l) => l.key === key);
  if (level) return `мероприятия: ${level.title}`;
  const i = MONITORING_INDICATORS.find((x) => aKey(x.code) === key || bKey(x.code) === key)!;
  const which = key.endsWith('A') ? 'A' : 'B';
  return `${i.number ? `показатель ${i.number}` : 'диагностика'}, ${which} — ${which === 'A' ? i.a : i.b}`;
};
export const monitoringKeyTitle = keyTitle;

/**
 * Reads the workbook's monitoring tables; undefined when there is none. Problems go to `problems`. A workbook of
 * collected schools' sheets holds one form per school: their rows come together (each row keeps its sheet, and a
 * form's single row without a unit takes its own header's), as a region's table of units does.
 */
export function readMonitoring(wb: WorkbookGrid, problems: Problem[]): MonitoringForm | undefined {
  const forms: MonitoringForm[] = [];
  for (const sheet of wb.sheets) {
    // «Мониторинг Свод» of a consolidated file lists the units below; its form «Мониторинг» is the unit's own row.
    if (sheet.name === SHEET.settings || sheet.name === SHEET_MONITORING_CONSOLIDATED) continue;
    const t = locateMonitoring(sheet);
    if (t) forms.push(readLocated(wb.file, t, problems));
  }
  if (forms.length <= 1) return forms[0];
  return { ...forms[0], rows: forms.flatMap((f) => f.rows) };
}

function readLocated(file: string, t: LocatedMonitoring, problems: Problem[]): MonitoringForm {
  const sheet = t.sheet;
  const header = readFormHeader(sheet, t.headerTop);
  for (const key of MONITORING_KEYS)
    if (t.columns[key] === undefined)
      problems.push({
        file, sheet: sheet.name, cell: '', code: 'monitoring-column-missing', severity: 'warning',
        message: `В таблице мониторинга (заголовок в строке ${t.headerTop}) нет столбца «${keyTitle(key)}». Этот показатель организации не будет учтён: верните столбец из бланка формы «Мониторинг».`,
      });
  const rows: MonitoringRow[] = [];
  const { rows: last } = gridSize(sheet);
  const dataCols = [t.unitColumn, ...Object.values(t.columns)].filter((c): c is number => c !== undefined);
  let blank = 0;
  for (let r = t.headerBottom + 1; r <= last; r++) {
    const texts = dataCols.map((c) => cellText(sheet, r, c));
    if (texts.every((x) => x === '')) {
      // A few empty rows may sit inside the data; many mean the table has ended.
      if (++blank >= 5) break;
      continue;
    }
    blank = 0;
    if (isMonitoringHeaderRow(sheet, r)) break;
    const unitText = t.unitColumn ? cellText(sheet, r, t.unitColumn) : '';
    if (isTotalLabel(unitText) || isExampleLabel(unitText)) continue;
    const values = {} as Record<MonitoringKey, Read<number>>;
    for (const key of MONITORING_KEYS) {
      const col = t.columns[key];
      if (col === undefined) {
        values[key] = { value: null, cell: '' };
        continue;
      }
      const cell = cellRef(r, col);
      const p = parseCount(cellValue(sheet, r, col));
      if (p.kind === 'number') values[key] = p.interpreted === undefined ? { value: p.value, cell } : { value: p.value, cell, interpreted: p.interpreted };
      else if (p.kind === 'none') values[key] = { value: null, cell };
      else {
        values[key] = { value: null, cell, interpreted: p.text };
        problems.push({
          file, sheet: sheet.name, cell, code: 'value-unreadable', severity: 'error',
          ...(unitText || header.unit ? { unit: unitText || header.unit } : {}),
          message: `Не удалось прочитать значение «${p.text.slice(0, 60)}» в столбце «${keyTitle(key)}» формы мониторинга. Укажите целое число (например, 42) или оставьте ячейку пустой.`,
        });
      }
    }
    // A row with the unit's name and no figures is a blank's prefilled line left unfilled: nothing to merge.
    if (MONITORING_KEYS.every((k) => values[k].value === null && values[k].interpreted === undefined)) continue;
    const unitCell = t.unitColumn ? cellRef(r, t.unitColumn) : '';
    rows.push({ source: { file, sheet: sheet.name, row: r }, unit: { value: unitText || null, cell: unitCell }, values });
  }
  // A single row without a unit of its own belongs to the unit named in the header line.
  if (rows.length === 1 && !rows[0].unit.value && header.unit) rows[0].unit = { value: header.unit, cell: rows[0].unit.cell, interpreted: 'из шапки формы' };
  return { sheet: sheet.name, header, rows };
}

export { GROUP_TITLE as monitoringGroupTitle };
