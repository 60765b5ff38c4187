/**
 * Finding a form's table on a sheet by its header text, wherever the school put it: rows inserted above, columns
 * moved or added, the sheet renamed, headers merged or retyped. Two layouts read the same way: the stamped one
 * (an official title merged over sub-columns «Всего ОО» / «Организовали…», «5 класс»…) and the Word-like one
 * (one cell per official column holding `7/6`, a paragraph, or `3 - ТУСУР, ТГАСУ`).
 */
import { GRADES, PARTNER_CATEGORIES } from '../forms/appendix3';
import { cellText, gridSize, mergeAt, visibleRow, type SheetGrid } from '../grid';
import { parseCount, parsePair } from '../values/count';
import { headerField, subRole, titleKind, type HeaderField, type SubRole } from './matchers';

export type TableKind = 'participation' | 'partners' | 'plan';

export interface LocatedTable {
  kind: TableKind;
  sheet: SheetGrid;
  headerTop: number;
  headerBottom: number;
  /**
   * Field → column. Keys are the header trees' leaf keys (appendix3.ts, appendix2.ts), or, for the Word-like layout
   * where one official column holds several facts, `schoolsPair`, `studentsText`, `ovzText`, `partnersCell`,
   * `<category>Cell`.
   */
  columns: Record<string, number>;
  /** Official columns the header lacks (their HeaderField). */
  missing: HeaderField[];
  /** First row after the table's data area (the next title, the next table's header, or past the sheet's end). */
  end: number;
}

const PARTICIPATION_FIELDS: HeaderField[] = ['schools', 'events', 'students', 'teachers', 'ovz', 'partners'];
const PARTNERS_FIELDS: HeaderField[] = ['partnersTotal', 'categories', ...PARTNER_CATEGORIES];
const PLAN_FIELDS: HeaderField[] = ['level', 'name', 'dates', 'targetGroup', 'expectedParticipants', 'expectedResults', 'responsible'];

const KIND_FIELDS: Record<TableKind, HeaderField[]> = {
  participation: [...PARTICIPATION_FIELDS, 'unit', 'teachersTotal', 'extra', 'check'],
  partners: [...PARTNERS_FIELDS, 'unit', 'check'],
  plan: [...PLAN_FIELDS, 'check'],
};

/** Official columns every form of that kind has. */
const REQUIRED: Record<TableKind, HeaderField[]> = {
  participation: ['unit', ...PARTICIPATION_FIELDS],
  partners: ['unit', 'partnersTotal', ...PARTNER_CATEGORIES],
  plan: PLAN_FIELDS,
};

/** Group titles that hold no value of their own: look further down for the column's field. */
const PASS_THROUGH = new Set<HeaderField>(['categories', 'extra']);

const MAX_COLS = 300;
const MAX_HEADER_DEPTH = 8;

/**
 * Text a person types as a value, never as a column title: a count with its unit («– 599 чел.», «5 класс - 59
 * чел.;»), a pair (`7/6`), a count before names (`3 - ТУСУР, ТГАСУ`). The order's titles hold «5-11 классов» and
 * «(из них: 5 класс, …)» but never a count of people.
 */
export function looksLikeValue(text: string): boolean {
  const t = text.trim();
  return /\d\s*чел\b|\d\s*чел\./i.test(t) || /^\d+\s+[-–—]\s*\S/.test(t) || parsePair(t) !== undefined || parseCount(t).kind === 'number';
}

/**
 * Header fields of a row, keyed by column (undefined when none); merged header cells count at every column they
 * cover. A row holding a value (a number, `7/6`, «599 чел.») is data, never a header, however its free text reads:
 * the Word form's paragraphs («Общее количество обучающихся … – 599 чел.») repeat the titles' words.
 */
function rowFields(sheet: SheetGrid, row: number, cols: number): Map<number, HeaderField> | undefined {
  let out: Map<number, HeaderField> | undefined;
  let text: string | undefined;
  let field: HeaderField | undefined;
  // Every row of every sheet passes here: its values at once, not a merge look-up per cell.
  const values = visibleRow(sheet, row, cols);
  const width = Math.min(cols, values.length);
  for (let c = 1; c <= width; c++) {
    const v = values[c - 1];
    if (typeof v === 'number') return undefined;
    if (typeof v !== 'string') continue; // headers are text
    // A merged title shows the same text at every column it covers: classify it once.
    if (v !== text) {
      text = v;
      field = headerField(v.trim());
    }
    if (field) (out ??= new Map()).set(c, field);
  }
  // Only a row with header fields needs the (slower) look at its texts for values; most rows have none.
  if (!out) return undefined;
  let seen: string | undefined;
  for (let c = 1; c <= width; c++) {
    const v = values[c - 1];
    if (typeof v !== 'string' || v === seen) continue;
    seen = v;
    if (looksLikeValue(v)) return undefined;
  }
  return out;
}

/** A merged cell seen from below its first row: part of a header that started above. */
const isContinuation = (sheet: SheetGrid, row: number, col: number): boolean => {
  const m = mergeAt(sheet, row, col);
  return m !== undefined && m.top < row;
};

/** Below the first header row, a row is still header when it holds only labels (no numbers, no data text). */
function isHeaderRow(sheet: SheetGrid, row: number, left: number, right: number): boolean {
  let labels = 0;
  let continued = 0;
  for (let c = left; c <= right; c++) {
    const t = cellText(sheet, row, c);
    if (t === '') continue;
    if (isContinuation(sheet, row, c)) {
      continued++;
      continue;
    }
    if (parseCount(t).kind === 'number') return false;
    if (subRole(t) !== undefined || headerField(t) !== undefined) labels++;
    else return false;
  }
  return labels > 0 || continued > 0;
}

function columnStack(sheet: SheetGrid, top: number, bottom: number, col: number): string[] {
  const out: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const t = cellText(sheet, r, col);
    if (t !== '' && out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

const GROUP_LEAVES: Partial<Record<HeaderField, string[]>> = {
  schools: ['schools', 'schoolsActive'],
  students: ['students', 'participants', ...GRADES.map((g) => `g${g}`)],
  ovz: ['ovzStudents', 'ovzParticipants', ...GRADES.map((g) => `ovzG${g}`)],
  partners: ['partnersCount', 'partnersNames'],
  ...Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, [`${c}Count`, `${c}Names`]])),
};

const COMBINED: Partial<Record<HeaderField, string>> = {
  schools: 'schoolsPair',
  students: 'studentsText',
  ovz: 'ovzText',
  partners: 'partnersCell',
  ...Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, `${c}Cell`])),
};

/** The leaf key of a sub-column of `group` labelled with `role`. */
function leafKey(group: HeaderField, role: SubRole): string | undefined {
  const leavesOf = GROUP_LEAVES[group];
  if (!leavesOf) return undefined;
  if (typeof role === 'object') {
    if (group !== 'students' && group !== 'ovz') return undefined;
    return GRADES.includes(role.grade as (typeof GRADES)[number]) ? `${group === 'ovz' ? 'ovzG' : 'g'}${role.grade}` : undefined;
  }
  if (role === 'names') return leavesOf[1];
  if (role === 'took-part') return group === 'partners' || PARTNER_CATEGORIES.includes(group as never) ? leavesOf[0] : leavesOf[1];
  return leavesOf[0]; // total, count
}

/** Classifies each column under the header rows and assigns it a field key. */
function assignColumns(sheet: SheetGrid, kind: TableKind, top: number, bottom: number, left: number, right: number) {
  const allowed = new Set(KIND_FIELDS[kind]);
  const columns: Record<string, number> = {};
  const pending = new Map<HeaderField, number[]>();
  const groupCols = new Map<HeaderField, number[]>();
  const seen = new Set<HeaderField>();
  let lastGroup: HeaderField | undefined;
  for (let c = left; c <= right; c++) {
    // A merged data-wide cell (a names column spanning three) belongs to its first column only.
    const m = mergeAt(sheet, bottom, c);
    if (m && m.left < c && m.top <= top) continue;
    const stack = columnStack(sheet, top, bottom, c);
    let group: HeaderField | undefined;
    let i = 0;
    for (; i < stack.length; i++) {
      const f = headerField(stack[i]);
      if (!f || !allowed.has(f)) continue;
      if (PASS_THROUGH.has(f)) continue;
      group = f;
      break;
    }
    if (group === undefined && lastGroup !== undefined && stack.some((t) => subRole(t) !== undefined)) {
      // A sub-column whose group title is not above it: the merge was lost (CSV, a copy without formatting),
      // so the title stands only over the group's first column.
      group = lastGroup;
      i = -1;
    }
    if (!group || group === 'check') {
      lastGroup = undefined;
      continue;
    }
    seen.add(group);
    lastGroup = GROUP_LEAVES[group] ? group : undefined;
    // The lowest sub-column label under the group's title. A loop, not slice/map/filter: the arrays those give
    // change shape from one table to the next, and V8 threw this function's optimised code away each time.
    let role: SubRole | undefined;
    for (let j = stack.length - 1; j > i && role === undefined; j--) role = subRole(stack[j]);
    const key = role !== undefined ? leafKey(group, role) : GROUP_LEAVES[group] ? undefined : group;
    if (GROUP_LEAVES[group]) groupCols.set(group, [...(groupCols.get(group) ?? []), c]);
    if (key !== undefined) {
      if (columns[key] === undefined) columns[key] = c;
    } else {
      pending.set(group, [...(pending.get(group) ?? []), c]);
    }
  }
  // A group of one column is the Word form's single cell, whatever words its title's later lines hold: a Word
  // title pasted into Excel (or saved as CSV) lands one paragraph a row, and «…принявших участие (из них: 5 класс…)»
  // then reads like a sub-column label. Sub-columns of the stamped form come at least two to a group.
  for (const [group, cols] of groupCols) {
    const combined = COMBINED[group];
    if (cols.length !== 1 || !combined || pending.has(group)) continue;
    for (const k of GROUP_LEAVES[group] ?? []) if (columns[k] === cols[0]) delete columns[k];
    pending.set(group, cols);
  }
  for (const [group, cols] of pending) {
    const leavesOf = GROUP_LEAVES[group] ?? [];
    const taken = leavesOf.some((k) => columns[k] !== undefined);
    if (cols.length === 1 && !taken && COMBINED[group]) {
      columns[COMBINED[group] as string] = cols[0];
      continue;
    }
    // Unlabelled sub-columns: in the order of the official tree.
    const free = leavesOf.filter((k) => columns[k] === undefined);
    cols.forEach((c, j) => {
      if (free[j] !== undefined) columns[free[j]] = c;
    });
  }
  const missing = REQUIRED[kind].filter((f) => !seen.has(f));
  return { columns, missing };
}

/** Whether a row holds a form's title line (not the part of a merged title that started above). */
function isTitleRow(sheet: SheetGrid, row: number, cols: number): boolean {
  let text: string | undefined;
  let title = false;
  const values = visibleRow(sheet, row, cols);
  const width = Math.min(cols, values.length);
  for (let c = 1; c <= width; c++) {
    const v = values[c - 1];
    if (typeof v !== 'string') continue; // titles are text
    // A merged title shows the same text at every column it covers: classify it once.
    if (v !== text) {
      text = v;
      const t = v.trim();
      title = t.length > 12 && titleKind(t) !== undefined;
    }
    if (title && !isContinuation(sheet, row, c)) return true;
  }
  return false;
}

/** Finds the first header row of each table kind on the sheet. */
export function locateTables(sheet: SheetGrid): LocatedTable[] {
  const { rows } = gridSize(sheet);
  const cols = Math.min(gridSize(sheet).cols, MAX_COLS);
  const fieldsByRow: (Map<number, HeaderField> | undefined)[] = [];
  for (let r = 1; r <= rows; r++) fieldsByRow[r] = rowFields(sheet, r, cols);
  const count = (r: number, set: HeaderField[]) => {
    const fields = fieldsByRow[r];
    return fields ? new Set([...fields.values()].filter((f) => set.includes(f))).size : 0;
  };

  const found: { kind: TableKind; top: number }[] = [];
  const firstRow = (kind: TableKind, test: (r: number) => boolean) => {
    for (let r = 1; r <= rows; r++)
      if (test(r)) {
        found.push({ kind, top: r });
        return;
      }
  };
  firstRow('participation', (r) => count(r, PARTICIPATION_FIELDS) >= 3);
  firstRow('plan', (r) => count(r, PLAN_FIELDS) >= 3);
  firstRow('partners', (r) => {
    if (count(r, PARTNERS_FIELDS) === 0 || count(r, PARTICIPATION_FIELDS) >= 3) return false;
    const near = new Set<HeaderField>();
    for (let k = r; k <= Math.min(rows, r + 2); k++) for (const f of fieldsByRow[k]?.values() ?? []) if (PARTNERS_FIELDS.includes(f)) near.add(f);
    return near.size >= 3;
  });

  const tables: LocatedTable[] = [];
  for (const { kind, top } of found) {
    const fieldCols = [...(fieldsByRow[top]?.keys() ?? [])];
    let left = Math.min(...fieldCols);
    let right = Math.max(...fieldCols);
    // Header cells merged across columns widen the table to their whole span.
    for (const c of [left, right]) {
      const m = mergeAt(sheet, top, c);
      if (m) {
        left = Math.min(left, m.left);
        right = Math.max(right, m.right);
      }
    }
    let bottom = top;
    // An empty line inside the header is a Word title's empty paragraph (pasted one paragraph a row) when more
    // header follows it.
    const blank = (r: number) => {
      for (let c = left; c <= right; c++) if (cellText(sheet, r, c) !== '') return false;
      return true;
    };
    for (;;) {
      if (bottom - top + 1 >= MAX_HEADER_DEPTH) break;
      if (bottom < rows && isHeaderRow(sheet, bottom + 1, left, right)) bottom++;
      else if (bottom + 1 < rows && blank(bottom + 1) && isHeaderRow(sheet, bottom + 2, left, right)) bottom += 2;
      else break;
    }
    // 3.2's category titles sit one row below its first header row; widen to them too.
    // (Only text cells can be header fields, so the fields found per row above are all there is.)
    for (let r = top; r <= bottom; r++)
      for (const c of fieldsByRow[r]?.keys() ?? []) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    const { columns, missing } = assignColumns(sheet, kind, top, bottom, left, right);
    tables.push({ kind, sheet, headerTop: top, headerBottom: bottom, columns, missing, end: rows + 1 });
  }
  // A table's data ends at the next title line or the next table's header.
  for (const t of tables) {
    const others = tables.filter((o) => o !== t && o.headerTop > t.headerBottom).map((o) => o.headerTop);
    let end = Math.min(rows + 1, ...others);
    for (let r = t.headerBottom + 1; r < end; r++)
      if (isTitleRow(sheet, r, cols)) {
        end = r;
        break;
      }
    t.end = end;
  }
  return tables;
}
