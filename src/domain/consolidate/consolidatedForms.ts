/**
 * The consolidated forms for the level above, in the order's layout (through the stamper):
 * Appendix 3 whose one data row is live formulas over the detail sheet and the partner register, and Appendix 2
 * with every unit's planned events and the unit beside each.
 */
import { cellRef, parseRange, rangeRef } from '../a1';
import { appendix2Layout } from '../forms/appendix2Layout';
import { GRADES, PARTNER_CATEGORIES } from '../forms/appendix3';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { stampAppendix3 } from '../forms/stampAppendix3';
import type { PlanRow } from '../report';
import { rowOfPlace, type Problem } from '../problems';
import { CHECK_OK, WARNING_PREFIX } from '../forms/rowChecks';
import type { CampaignSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { rowSource, type CellInput, type SheetPlan } from '../sheetPlan';
import { clipText, MAX_CELL_TEXT } from './cells';
import { detailRange, type DetailKey } from './detailLayout';
import type { MergeResult } from './merge';
import { distinctPartnersFormula } from './partnersSheet';

/** Leaf keys of table 3.1 that are sums of a detail column of the same key. */
const SUMMED: DetailKey[] = [
  'schools', 'schoolsActive', 'events', 'students', 'participants',
  ...GRADES.map((g) => `g${g}` as DetailKey),
  'teachers', 'teachersTotal', 'ovzStudents', 'ovzParticipants',
  ...GRADES.map((g) => `ovzG${g}` as DetailKey),
];

/**
 * «Общее количество педагогов» is not on the order's Word form, and many schools leave it empty. Their sum would be
 * a total below the teachers who took part (2 702 of «0»), which the form's own «Проверка» and the level above
 * reject. So the cell is the sum only when every unit whose teachers took part gave its total; otherwise it is left
 * empty — unknown, as the level above then reads it (the teachers' share counts only units that gave both).
 */
function teachersTotalCell(result: MergeResult): CellInput {
  const units = result.units.length;
  const teachers = detailRange('teachers', units);
  const totals = detailRange('teachersTotal', units);
  const known = result.units.every((u) => !((u.participation.teachers.value ?? 0) > 0) || typeof u.participation.teachersTotal.value === 'number');
  return {
    formula: `=IF(SUMPRODUCT(ISNUMBER(${teachers})*(${teachers}>0)*(1-ISNUMBER(${totals})))>0,"",SUM(${totals}))`,
    result: known ? result.totals.teachersTotal : '',
  };
}

/**
 * A list of names for one cell, «; » between them (names hold commas of their own). One that would pass Excel's
 * 32 767 characters ends after the last whole name with «и др.», which the reader takes for «more than listed».
 */
export function namesCell(names: string[]): string {
  const text = names.join('; ');
  if (text.length <= MAX_CELL_TEXT) return text;
  const more = '; и др.';
  let end = 0;
  for (let i = 0, len = 0; i < names.length; i++) {
    const next = len + (i ? 2 : 0) + names[i].length;
    if (next + more.length > MAX_CELL_TEXT) break;
    len = next;
    end = i + 1;
  }
  return names.slice(0, end).join('; ') + more;
}

export function consolidatedReportSheet(result: MergeResult, settings: CampaignSettings): SheetPlan {
  const units = result.units.length;
  const partners = result.partners.entries.length;
  const t = result.totals;
  const now: Record<string, number> = {
    schools: t.schools, schoolsActive: t.schoolsActive, events: t.events, students: t.students, participants: t.participants,
    teachers: t.teachers, teachersTotal: t.teachersTotal, ovzStudents: t.ovzStudents, ovzParticipants: t.ovzParticipants,
  };
  for (const g of GRADES) {
    now[`g${g}`] = t.grades[String(g)];
    now[`ovzG${g}`] = t.ovzGrades[String(g)];
  }
  const participation: Record<string, CellInput> = { unit: settings.unit };
  for (const key of SUMMED) participation[key] = { formula: `=SUM(${detailRange(key, units)})`, result: now[key] };
  participation.teachersTotal = teachersTotalCell(result);
  // Partners are distinct organisations (one university named by ten schools is one partner), counted on «Партнёры».
  participation.partnersCount = { formula: distinctPartnersFormula('all', partners), result: t.partners.distinct };
  // One name per organisation, so the level above reads as many names as the count says.
  const once = new Map<string, string>();
  for (const e of result.partners.entries) if (!once.has(e.key)) once.set(e.key, e.name);
  participation.partnersNames = namesCell([...once.values()]);
  const partnersRow: Record<string, CellInput> = {
    unit: settings.unit,
    partnersTotal: { formula: distinctPartnersFormula('all', partners), result: t.partners.distinct },
  };
  for (const c of PARTNER_CATEGORIES) {
    partnersRow[`${c}Count`] = { formula: distinctPartnersFormula(c, partners), result: t.partners[c] };
    partnersRow[`${c}Names`] = namesCell(result.partners.entries.filter((e) => e.category === c).map((e) => e.name));
  }
  const plan = stampAppendix3(settings, {
    name: SHEET.consolidatedReport,
    rows: 1,
    fill: { participation: [participation], partners: [partnersRow] },
  });
  plan.kind = 'consolidated-appendix3';
  return plan;
}

const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A plan row's dates as text the way the form shows them; what the cell held when it could not be read. */
function datesText(r: PlanRow): string {
  const d = r.dates.value;
  if (!d) return r.dates.interpreted ?? '';
  return d.from === d.to ? ru(d.from) : `${ru(d.from)} - ${ru(d.to)}`;
}

/**
 * «Проверка» of the consolidated plan says what the checker found in each received row, as text. Nobody types
 * into a consolidated plan, and the form's per-row formula (2 KB each) made writing 30 000 rows take seconds;
 * the text keeps the form's convention («ОК», errors first, warnings marked), so the row tints still apply.
 */
function checkTexts(result: MergeResult): string[] {
  const found = new Map<string, Problem[]>();
  for (const f of result.files)
    for (const p of f.problems) {
      if (!p.cell) continue;
      const row = rowOfPlace(p.cell);
      const id = `${f.file}\u0000${p.sheet}\u0000${row}`;
      const known = found.get(id);
      if (known) known.push(p);
      else found.set(id, [p]);
    }
  // Most events have nothing found: theirs is «ОК», with no key, lists or text made for them (a region's 300,000
  // events made as many keys and four empty lists each, the most of the garbage of building its workbook).
  const withProblems = new Set<string>();
  for (const id of found.keys()) withProblems.add(id.slice(0, id.indexOf('\u0000')));
  const ok = clipText(CHECK_OK);
  return result.plan.map((p) => {
    if (!withProblems.has(p.file)) return ok;
    const ps = found.get(`${p.file}\u0000${p.row.source.sheet}\u0000${p.row.source.row}`);
    if (!ps) return ok;
    const errors = ps.filter((x) => x.severity === 'error').map((x) => x.message);
    const warnings = ps.filter((x) => x.severity === 'warning').map((x) => WARNING_PREFIX + x.message);
    return clipText(errors.length + warnings.length ? [...errors, ...warnings].join('; ') : CHECK_OK);
  });
}

/**
 * The form stamped for one data row, grown to all of `fill`: the stamper writes every row's «Проверка» formula,
 * which the consolidated plan replaces by text anyway, and 60 000 of them cost most of building a region's
 * workbook. Ranges ending on the one data row (styles, validations, conditional formats, merges) are extended to
 * the last row, merges within the row repeated on every row, and the data rows written as the stamper writes them.
 */
function stampPlanRows(settings: CampaignSettings, name: string, events: MergeResult['plan'], checks: string[]): SheetPlan {
  const plan = stampAppendix2(settings, { name, rows: 1, fill: [planFill(events[0].row)] });
  const one = appendix2Layout(settings, { name, rows: 1 }).plan;
  const t = appendix2Layout(settings, { name, rows: events.length }).plan;
  const grow = (range: string): string => {
    const r = parseRange(range);
    return r.bottom === one.lastDataRow ? rangeRef(r.top, r.left, t.lastDataRow, r.right) : range;
  };
  for (const s of plan.styles) s.range = grow(s.range);
  for (const v of plan.validations) v.range = grow(v.range);
  for (const c of plan.conditionalFormats) c.range = grow(c.range);
  const merges: string[] = [];
  for (const m of plan.merges) {
    const r = parseRange(m);
    if (r.top !== t.firstDataRow) merges.push(grow(m));
    else for (let row = t.firstDataRow; row <= t.lastDataRow; row++) merges.push(rangeRef(row, r.left, row, r.right));
  }
  plan.merges = merges;
  const block = plan.blocks.find((b) => b.at === cellRef(t.firstDataRow, t.firstColumn) && b.rows.length === 1);
  if (!block) throw new Error('Сводный план: в бланке формы нет строки данных.');
  const width = t.lastColumn - t.firstColumn + 1;
  const leaves = Object.entries(t.columns);
  // Each event's values go straight into its row (a record of them per event first, planFill, was 300,000 objects
  // made and dropped for a region's plan), and the row is made as it is written, not held beside the events.
  block.rows = rowSource(events.length, (i) => {
    const r = events[i].row;
    const values: CellInput[] = new Array(width).fill(null);
    for (const [key, col] of leaves) {
      const v = planValue(r, key);
      if (v !== undefined) values[col - t.firstColumn] = v;
    }
    values[t.checkColumn - t.firstColumn] = checks[i];
    return values;
  });
  return plan;
}

/** What the consolidated plan writes of an event in the form's column `key` (appendix2Layout's leaves). */
function planValue(r: PlanRow, key: string): CellInput | undefined {
  switch (key) {
    case 'level':
      return r.level.value ?? r.level.interpreted ?? '';
    case 'name':
      return r.name.value ?? '';
    case 'dates':
      return datesText(r);
    case 'targetGroup':
      return r.targetGroup.value ?? '';
    case 'expectedParticipants':
      return r.expectedParticipants.value ?? r.expectedParticipants.interpreted ?? null;
    case 'expectedResults':
      return r.expectedResults.value ?? '';
    case 'responsible':
      return r.responsible.value ?? '';
    default:
      return undefined;
  }
}

const PLAN_KEYS = ['level', 'name', 'dates', 'targetGroup', 'expectedParticipants', 'expectedResults', 'responsible'] as const;

/** An event as the stamper's fill: its values by column key. */
const planFill = (r: PlanRow): Record<string, CellInput> => Object.fromEntries(PLAN_KEYS.map((k) => [k, planValue(r, k) as CellInput]));

export const PLAN_EXTRA_COLUMNS = ['Организация (не входит в форму)', 'Файл'] as const;

export function consolidatedPlanSheet(result: MergeResult, settings: CampaignSettings): SheetPlan {
  const opts = { name: SHEET.consolidatedPlan, rows: Math.max(result.plan.length, 1) };
  // No events at all: the form keeps its one empty row with the check formula.
  const plan = result.plan.length ? stampPlanRows(settings, opts.name, result.plan, checkTexts(result)) : stampAppendix2(settings, { ...opts, fill: [] });
  plan.kind = 'consolidated-appendix2';
  const t = appendix2Layout(settings, opts).plan;
  // The unit and file beside each event, right of the form and its «Проверка» column.
  const left = t.lastColumn + 1;
  plan.blocks.push({ at: cellRef(t.headerTop, left), rows: [[...PLAN_EXTRA_COLUMNS]] });
  if (t.headerBottom > t.headerTop)
    PLAN_EXTRA_COLUMNS.forEach((_, i) => plan.merges.push(rangeRef(t.headerTop, left + i, t.headerBottom, left + i)));
  plan.styles.push({
    range: rangeRef(t.headerTop, left, t.headerBottom, left + 1),
    style: { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: true, fontSize: 10, fill: 'FFF2CC' },
  });
  if (result.plan.length) {
    plan.blocks.push({ at: cellRef(t.firstDataRow, left), rows: rowSource(result.plan.length, (i) => [result.plan[i].unit, result.plan[i].file]) });
    plan.styles.push({
      range: rangeRef(t.firstDataRow, left, t.firstDataRow + result.plan.length - 1, left + 1),
      style: { border: true, wrap: true, vAlign: 'top', numberFormat: '@' },
    });
  }
  plan.columnWidths = [...plan.columnWidths.slice(0, t.lastColumn), ...new Array(Math.max(0, t.lastColumn - plan.columnWidths.length)).fill(12), 34, 26];
  return plan;
}
