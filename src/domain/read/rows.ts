/**
 * Reading the data rows of a located table into report.ts records, each value with its cell. Values are parsed
 * as people type them (values/); what cannot be read becomes a `value-unreadable` problem at its cell.
 */
import { cellRef } from '../a1';
import { GRADES, PARTNER_CATEGORIES } from '../forms/appendix3';
import type { EventLevel } from '../forms/officialText';
import { cellValue, mergeAt, rawCell, type CellValue, type SheetGrid } from '../grid';
import type { Problem } from '../problems';
import type { DateRange, ParticipationRow, PartnerCategoryCell, PartnersRow, PlanRow, Read, Source } from '../report';
import { parseCount, parsePair, type CountReading } from '../values/count';
import { parseDateRange } from '../values/dates';
import { parseEventLevel } from '../values/level';
import { parseCountWithNames, parseNames } from '../values/names';
import { parseStudentsText } from '../values/studentsText';
import { fieldTitle } from './fieldTitles';
import type { LocatedTable } from './locate';
import { isExampleLabel, isTotalLabel } from './matchers';

/** Where read values go and where reading problems are reported. */
export interface RowContext {
  file: string;
  table: LocatedTable;
  row: number;
  /** Last row of the record: below `row` when the record spans rows (see recordEnd). */
  rowEnd?: number;
  /** The unit named in the form's header line, for rows that do not name one. */
  headerUnit: string;
  problems: Problem[];
  /** Year for dates written without one. */
  year: number;
}

const sheetOf = (ctx: RowContext): SheetGrid => ctx.table.sheet;

function at(ctx: RowContext, key: string): { value: CellValue; cell: string } | undefined {
  const col = ctx.table.columns[key];
  if (col === undefined) return undefined;
  const sheet = sheetOf(ctx);
  const m = mergeAt(sheet, ctx.row, col);
  // A merged cell is addressed by its top-left corner, where its value is stored.
  const cell = m ? cellRef(m.top, m.left) : cellRef(ctx.row, col);
  const end = ctx.rowEnd ?? ctx.row;
  if (end === ctx.row || (m && m.bottom >= end)) return { value: m ? rawCell(sheet, m.top, m.left) : rawCell(sheet, ctx.row, col), cell };
  // A record spread over rows: the paragraphs of one Word cell, pasted into Excel one row each.
  const parts: CellValue[] = [];
  for (let r = ctx.row; r <= end; r++) {
    const v = rawCellOf(sheet, r, col);
    if (v !== null && String(v).trim() !== '') parts.push(v);
  }
  return { value: parts.length <= 1 ? (parts[0] ?? null) : parts.map((v) => String(v).trim()).join('\n'), cell };
}

/** A cell's own value, not repeated from a merge that started above it. */
function rawCellOf(sheet: SheetGrid, row: number, col: number): CellValue {
  const m = mergeAt(sheet, row, col);
  return m && m.top < row ? null : cellValue(sheet, row, col);
}

/**
 * The last row of the record starting at `row`. When a Word table is pasted into Excel, each paragraph of a cell
 * lands in a row of its own and the single-paragraph cells are merged down over them: two or more of the table's
 * columns merged from this row to the same bottom row make one record of those rows. (One merged column alone —
 * a municipality over its schools' rows — does not.)
 */
export function recordEnd(table: LocatedTable, row: number): number {
  const sheet = table.sheet;
  // Made only for a row that has merges going down (most have none: a Map a row was 6 MB a thousand schools).
  let bottoms: Map<number, number> | undefined;
  for (const c of columnsOf(table)) {
    const m = mergeAt(sheet, row, c);
    if (m && m.top === row && m.bottom > row) (bottoms ??= new Map()).set(m.bottom, (bottoms.get(m.bottom) ?? 0) + 1);
  }
  let end = row;
  if (bottoms) for (const [bottom, n] of bottoms) if (n >= 2 && bottom > end) end = Math.min(bottom, table.end - 1);
  return end > row ? end : paragraphsEnd(table, row);
}

/** The Word form's cells that hold paragraphs of free text (the pupils paragraph, a count with names). */
const PARAGRAPH_KEY = /^(?:studentsText|ovzText|partnersCell|[a-zA-Z]+Cell)$/;
/** Each table's columns under such keys, found once a table rather than once a row. */
const paragraphColumns = new WeakMap<LocatedTable, number[]>();
function paragraphColumnsOf(table: LocatedTable): number[] {
  let cols = paragraphColumns.get(table);
  if (!cols) {
    cols = [];
    for (const key in table.columns) if (PARAGRAPH_KEY.test(key)) cols.push(table.columns[key]);
    paragraphColumns.set(table, cols);
  }
  return cols;
}

/**
 * The same pasted table once its merges are lost (saved as CSV): the record's paragraphs go on in the rows below,
 * which hold nothing else — no unit, no count, text only under the columns whose first line holds free text.
 */
function paragraphsEnd(table: LocatedTable, row: number): number {
  const sheet = table.sheet;
  // A loop, not entries/filter/map: the arrays those give change shape from one table to the next, and V8 threw
  // the optimised code of every row's read away each time.
  const textCols: number[] = [];
  for (const c of paragraphColumnsOf(table)) {
    const v = rawCellOf(sheet, row, c);
    if (typeof v === 'string' && v.trim() !== '' && parseCount(v).kind !== 'number') textCols.push(c);
  }
  if (textCols.length === 0) return row;
  let end = row;
  for (let r = row + 1; r < table.end; r++) {
    const filled = columnsOf(table).filter((c) => {
      const v = rawCellOf(sheet, r, c);
      return v !== null && String(v).trim() !== '';
    });
    if (filled.length === 0) continue; // an empty paragraph: part of the record only if more text follows
    if (!filled.every((c) => textCols.includes(c))) break;
    end = r;
  }
  return end;
}

const none = <T>(cell = ''): Read<T> => ({ value: null, cell });

function unreadable(ctx: RowContext, cell: string, key: string, text: string, hint: string, unit: string): void {
  ctx.problems.push({
    file: ctx.file,
    sheet: sheetOf(ctx).name,
    cell,
    unit: unit || undefined,
    code: 'value-unreadable',
    severity: 'error',
    message: `Не удалось прочитать значение «${clip(text)}» в столбце «${fieldTitle(key)}». ${hint}`,
  });
}

export const clip = (s: string, n = 60): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

const COUNT_HINT = 'Укажите целое число (например, 42) или оставьте ячейку пустой, если данных нет.';

function fromReading(r: CountReading, cell: string): Read<number> {
  if (r.kind === 'number') return r.interpreted === undefined ? { value: r.value, cell } : { value: r.value, cell, interpreted: r.interpreted };
  if (r.kind === 'none') return r.interpreted === undefined ? { value: null, cell } : { value: null, cell, interpreted: r.interpreted };
  return { value: null, cell, interpreted: r.text };
}

/** Excel's error values, shown when a formula fails (#ДЕЛ/0! in a Russian Excel). */
const FORMULA_ERROR = /^#(?:[A-ZА-ЯЁ/0!?]+[!?]?|N\/A|Н\/Д)$/i;

function count(ctx: RowContext, key: string, unit: string): Read<number> {
  const v = at(ctx, key);
  if (!v) return none();
  const r = parseCount(v.value);
  if (r.kind === 'unreadable')
    unreadable(ctx, v.cell, key, r.text, FORMULA_ERROR.test(r.text) ? 'В ячейке формула, которая даёт ошибку: исправьте формулу или впишите число.' : COUNT_HINT, unit);
  return fromReading(r, v.cell);
}

function text(ctx: RowContext, key: string): Read<string> {
  const v = at(ctx, key);
  if (!v) return none();
  const t = v.value === null ? '' : String(v.value).trim();
  return { value: t === '' ? null : t, cell: v.cell };
}

/** Two counts in one cell, `7/6`. */
function pair(ctx: RowContext, key: string, unit: string, example: string): [Read<number>, Read<number>] {
  const v = at(ctx, key);
  if (!v) return [none(), none()];
  const p = parsePair(v.value);
  if (p) {
    for (const part of [p.first, p.second]) if (part.kind === 'unreadable') unreadable(ctx, v.cell, key, String(v.value), COUNT_HINT, unit);
    return [fromReading(p.first, v.cell), fromReading(p.second, v.cell)];
  }
  const single = parseCount(v.value);
  if (single.kind === 'none') return [fromReading(single, v.cell), none(v.cell)];
  unreadable(
    ctx,
    v.cell,
    key,
    String(v.value),
    `В этом столбце нужны два числа через «/»: ${example}.`,
    unit,
  );
  return [single.kind === 'number' ? fromReading(single, v.cell) : none(v.cell), none(v.cell)];
}

/** The Word form's pupils cell: a paragraph, or `599/438`. */
function studentsCell(ctx: RowContext, key: string, unit: string): { total: Read<number>; took: Read<number>; grades: Read<number>[] } {
  const v = at(ctx, key);
  const empty = { total: none<number>(v?.cell), took: none<number>(v?.cell), grades: GRADES.map(() => none<number>(v?.cell)) };
  if (!v || v.value === null || parseCount(v.value).kind === 'none') return empty;
  if (parsePair(v.value)) {
    const [total, took] = pair(ctx, key, unit, 'всего / приняли участие, например 599/438');
    return { total, took, grades: empty.grades };
  }
  const parsed = typeof v.value === 'string' ? parseStudentsText(v.value) : undefined;
  if (!parsed) {
    unreadable(
      ctx,
      v.cell,
      key,
      String(v.value),
      'Укажите общее количество и количество принявших участие (например, «599/438») и число участников по классам — лучше в отдельных столбцах бланка «Профкампании».',
      unit,
    );
    return empty;
  }
  const interpreted = String(v.value);
  const read = (n: number | null): Read<number> => (n === null ? { value: null, cell: v.cell } : { value: n, cell: v.cell, interpreted });
  return { total: read(parsed.total), took: read(parsed.participants), grades: parsed.grades.map(read) };
}

/** A partner column: a count with names in one cell, or a count column and a names column. */
function partnerCell(ctx: RowContext, unit: string, combinedKey: string, countKey: string, namesKey: string): PartnerCategoryCell {
  const c = at(ctx, combinedKey);
  if (c) {
    const p = parseCountWithNames(c.value);
    const cell: PartnerCategoryCell = {
      count: p.count === null ? { value: null, cell: c.cell } : { value: p.count, cell: c.cell, ...(p.interpreted ? { interpreted: p.interpreted } : {}) },
      names: { value: p.names.length ? p.names : null, cell: c.cell, ...(p.interpreted ? { interpreted: p.interpreted } : {}) },
    };
    if (p.open) cell.namesOpen = true;
    return cell;
  }
  const n = at(ctx, namesKey);
  const names = n ? parseNames(n.value) : { names: [], open: false };
  const cell: PartnerCategoryCell = {
    count: count(ctx, countKey, unit),
    names: { value: names.names.length ? names.names : null, cell: n?.cell ?? '' },
  };
  if (names.open) cell.namesOpen = true;
  return cell;
}

/**
 * The table's columns, left to right, each once. Asked for every row of the table, so kept per table (the
 * columns are settled when the table is located).
 */
function columnsOf(table: LocatedTable): number[] {
  let cols = tableColumns.get(table);
  if (!cols) {
    cols = [...new Set(Object.values(table.columns))].sort((a, b) => a - b);
    tableColumns.set(table, cols);
  }
  return cols;
}
const tableColumns = new WeakMap<LocatedTable, number[]>();

/** Whether a row holds a record: not blank, not the «Пример» row, not a total, not the column-number row. */
export function rowKind(table: LocatedTable, row: number): 'data' | 'blank' | 'example' | 'total' | 'numbers' {
  const sheet = table.sheet;
  const cols = columnsOf(table);
  const texts = cols.map((c) => {
    const m = mergeAt(sheet, row, c);
    // A cell merged down from a row above repeats that row's value; it does not make this row a record.
    if (m && m.top < row) return '';
    const v = m ? rawCell(sheet, m.top, m.left) : rawCell(sheet, row, c);
    return v === null ? '' : String(v).trim();
  });
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return 'blank';
  const first = filled[0];
  if (isExampleLabel(first)) return 'example';
  if (isTotalLabel(first)) return 'total';
  if (filled.length >= 3 && filled.every((t, i) => t === String(i + 1) || t === `${i + 1}.`)) return 'numbers';
  const unitCol = table.columns.unit;
  const unitText = unitCol === undefined ? '' : texts[cols.indexOf(unitCol)];
  // A signature or a note under the table: text in the first column only.
  if (table.kind !== 'plan' && filled.length === 1 && unitText !== '' && (unitText.length > 100 || /подпис|руководител|директор|исполнител|м\.\s*п\./i.test(unitText)))
    return 'blank';
  // Only the unit's name (a personalised blank's prefilled line, never filled in): no report in it.
  if (table.kind !== 'plan' && filled.length === 1 && unitText !== '' && table.columns.unit !== undefined) return 'blank';
  return 'data';
}

const sourceOf = (ctx: RowContext): Source => ({ file: ctx.file, sheet: sheetOf(ctx).name, row: ctx.row });

const unitOf = (ctx: RowContext): Read<string> => text(ctx, 'unit');

/**
 * Teachers who took part, and all teachers where given: in a column of their own, or — as the order writes schools
 * «7/6» — both in the teachers' cell, «80/41» under «Общее количество педагогов / принявших участие».
 */
function teachersOf(ctx: RowContext, who: string): { teachers: Read<number>; teachersTotal: Read<number> } {
  const v = ctx.table.columns.teachersTotal === undefined ? at(ctx, 'teachers') : undefined;
  if (v && parsePair(v.value)) {
    const [teachersTotal, teachers] = pair(ctx, 'teachers', who, 'всего педагогов / приняли участие, например 80/41');
    return { teachers, teachersTotal };
  }
  return { teachers: count(ctx, 'teachers', who), teachersTotal: count(ctx, 'teachersTotal', who) };
}

export function readParticipationRow(ctx: RowContext): ParticipationRow {
  const unit = unitOf(ctx);
  const who = unit.value ?? ctx.headerUnit;
  const [schools, schoolsActive] = ctx.table.columns.schoolsPair
    ? pair(ctx, 'schoolsPair', who, 'всего ОО / организовавших мероприятия, например 7/6')
    : [count(ctx, 'schools', who), count(ctx, 'schoolsActive', who)];
  const students = ctx.table.columns.studentsText
    ? studentsCell(ctx, 'studentsText', who)
    : { total: count(ctx, 'students', who), took: count(ctx, 'participants', who), grades: GRADES.map((g) => count(ctx, `g${g}`, who)) };
  const ovz = ctx.table.columns.ovzText
    ? studentsCell(ctx, 'ovzText', who)
    : { total: count(ctx, 'ovzStudents', who), took: count(ctx, 'ovzParticipants', who), grades: GRADES.map((g) => count(ctx, `ovzG${g}`, who)) };
  const partners = partnerCell(ctx, who, 'partnersCell', 'partnersCount', 'partnersNames');
  const row: ParticipationRow = {
    source: sourceOf(ctx),
    unit,
    schools,
    schoolsActive,
    events: count(ctx, 'events', who),
    students: students.total,
    participants: students.took,
    grades: students.grades,
    ...teachersOf(ctx, who),
    ovzStudents: ovz.total,
    ovzParticipants: ovz.took,
    ovzGrades: ovz.grades,
    partnersCount: partners.count,
    partnersNames: partners.names,
  };
  if (partners.namesOpen) row.partnersNamesOpen = true;
  return row;
}

export function readPartnersRow(ctx: RowContext): PartnersRow {
  const unit = unitOf(ctx);
  const who = unit.value ?? ctx.headerUnit;
  const cat = (c: (typeof PARTNER_CATEGORIES)[number]) => partnerCell(ctx, who, `${c}Cell`, `${c}Count`, `${c}Names`);
  return {
    source: sourceOf(ctx),
    unit,
    partnersTotal: count(ctx, 'partnersTotal', who),
    professionalEducation: cat('professionalEducation'),
    companies: cat('companies'),
    business: cat('business'),
    community: cat('community'),
  };
}

/** Plan values are kept as typed when they do not parse: the plan rules say what is wrong with them. */
export function readPlanRow(ctx: RowContext): PlanRow {
  const levelCell = at(ctx, 'level');
  let level: Read<EventLevel> = none(levelCell?.cell);
  if (levelCell && levelCell.value !== null && String(levelCell.value).trim() !== '') {
    const parsed = parseEventLevel(levelCell.value);
    const typed = String(levelCell.value).trim();
    level = parsed
      ? parsed.exact
        ? { value: parsed.level, cell: levelCell.cell }
        : { value: parsed.level, cell: levelCell.cell, interpreted: typed }
      : { value: null, cell: levelCell.cell, interpreted: typed };
  }
  const datesCell = at(ctx, 'dates');
  let dates: Read<DateRange> = none(datesCell?.cell);
  if (datesCell && datesCell.value !== null && String(datesCell.value).trim() !== '') {
    const typed = String(datesCell.value).trim();
    const range = parseDateRange(datesCell.value, ctx.year);
    dates = range ? { value: range, cell: datesCell.cell, interpreted: typed } : { value: null, cell: datesCell.cell, interpreted: typed };
  }
  const expected = at(ctx, 'expectedParticipants');
  const expectedRead = expected ? fromReading(parseCount(expected.value), expected.cell) : none<number>();
  return {
    source: sourceOf(ctx),
    level,
    name: text(ctx, 'name'),
    dates,
    targetGroup: text(ctx, 'targetGroup'),
    expectedParticipants: expectedRead,
    expectedResults: text(ctx, 'expectedResults'),
    responsible: text(ctx, 'responsible'),
  };
}
