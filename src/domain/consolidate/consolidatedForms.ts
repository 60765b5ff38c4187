/**
 * The consolidated forms for the level above, in the order's layout (through the stamper):
 * Appendix 3 whose one data row is live formulas over the detail sheet and the partner register, and Appendix 2
 * with every unit's planned events and the unit beside each.
 */
import { cellRef, rangeRef } from '../a1';
import { appendix2Layout } from '../forms/appendix2Layout';
import { GRADES, PARTNER_CATEGORIES } from '../forms/appendix3';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { stampAppendix3 } from '../forms/stampAppendix3';
import type { PlanRow } from '../report';
import type { Problem } from '../problems';
import { CHECK_OK, WARNING_PREFIX } from '../forms/rowChecks';
import type { CampaignSettings } from '../settings';
import { SHEET } from '../sheetNames';
import type { CellInput, SheetPlan } from '../sheetPlan';
import { clipText } from './cells';
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
  // Partners are distinct organisations (one university named by ten schools is one partner), counted on «Партнёры».
  participation.partnersCount = { formula: distinctPartnersFormula('all', partners), result: t.partners.distinct };
  participation.partnersNames = clipText([...new Set(result.partners.entries.map((e) => e.name))].join('; '));
  const partnersRow: Record<string, CellInput> = {
    unit: settings.unit,
    partnersTotal: { formula: distinctPartnersFormula('all', partners), result: t.partners.distinct },
  };
  for (const c of PARTNER_CATEGORIES) {
    partnersRow[`${c}Count`] = { formula: distinctPartnersFormula(c, partners), result: t.partners[c] };
    partnersRow[`${c}Names`] = clipText(result.partners.entries.filter((e) => e.category === c).map((e) => e.name).join('; '));
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
 * «Проверка» of the consolidated plan says what the checker found in the received row, as text. Nobody types
 * into a consolidated plan, and the form's per-row formula (2 KB each) made writing 30 000 rows take seconds;
 * the text keeps the form's convention («ОК», errors first, warnings marked), so the row tints still apply.
 */
function staticChecks(plan: SheetPlan, firstDataRow: number, checkColumn: number, result: MergeResult): void {
  const block = plan.blocks.find((b) => b.at === cellRef(firstDataRow, 1) && b.rows.length === result.plan.length);
  if (!block) return;
  const found = new Map<string, Problem[]>();
  for (const f of result.files)
    for (const p of f.problems) {
      if (!p.cell) continue;
      const row = /\d+$/.exec(p.cell)?.[0];
      const id = `${f.file}\u0000${p.sheet}\u0000${row}`;
      found.set(id, [...(found.get(id) ?? []), p]);
    }
  result.plan.forEach((p, i) => {
    const ps = found.get(`${p.file}\u0000${p.row.source.sheet}\u0000${p.row.source.row}`) ?? [];
    const errors = ps.filter((x) => x.severity === 'error').map((x) => x.message);
    const warnings = ps.filter((x) => x.severity === 'warning').map((x) => WARNING_PREFIX + x.message);
    const text = errors.length + warnings.length ? [...errors, ...warnings].join('; ') : CHECK_OK;
    block.rows[i][checkColumn - 1] = clipText(text);
  });
}

export const PLAN_EXTRA_COLUMNS = ['Организация (не входит в форму)', 'Файл'] as const;

export function consolidatedPlanSheet(result: MergeResult, settings: CampaignSettings): SheetPlan {
  const fill: Record<string, CellInput>[] = result.plan.map(({ row: r }) => ({
    level: r.level.value ?? r.level.interpreted ?? '',
    name: r.name.value ?? '',
    dates: datesText(r),
    targetGroup: r.targetGroup.value ?? '',
    expectedParticipants: r.expectedParticipants.value ?? r.expectedParticipants.interpreted ?? null,
    expectedResults: r.expectedResults.value ?? '',
    responsible: r.responsible.value ?? '',
  }));
  const opts = { name: SHEET.consolidatedPlan, rows: Math.max(fill.length, 1), fill };
  const plan = stampAppendix2(settings, opts);
  plan.kind = 'consolidated-appendix2';
  const t = appendix2Layout(settings, opts).plan;
  staticChecks(plan, t.firstDataRow, t.checkColumn, result);
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
    plan.blocks.push({ at: cellRef(t.firstDataRow, left), rows: result.plan.map((p) => [p.unit, p.file]) });
    plan.styles.push({
      range: rangeRef(t.firstDataRow, left, t.firstDataRow + result.plan.length - 1, left + 1),
      style: { border: true, wrap: true, vAlign: 'top', numberFormat: '@' },
    });
  }
  plan.columnWidths = [...plan.columnWidths.slice(0, t.lastColumn), ...new Array(Math.max(0, t.lastColumn - plan.columnWidths.length)).fill(12), 34, 26];
  return plan;
}
