/**
 * A workbook is a set of reports, one per form found. Coordinators collect the schools' sheets into one workbook
 * («Переместить или скопировать лист»), so each sheet's forms are a unit's report of their own: tables 3.1/3.2 and
 * the plan are put together by sheet, then by the unit in their header lines. The same unit twice is one report
 * sent twice: the copy with more filled values is taken (on a tie, the later sheet), and the other copy is kept
 * only to be refused with that reason. A hidden sheet's form is not merged while any visible sheet holds one.
 */
import { unitKey } from '../consolidate/names';
import type { Problem } from '../problems';
import type { FormHeader, ParticipationRow, PartnersRow, PlanForm, ReadReport, ReportForm } from '../report';
import { readFormHeader } from './header';
import type { LocatedTable } from './locate';

/** A located table and where its sheet stands in the workbook. */
export interface PlacedTable {
  table: LocatedTable;
  /** The sheet's position among the workbook's tabs (0-based). */
  tab: number;
  hidden: boolean;
}

/** Reads a table's data rows, reporting reading problems into `problems`. */
export interface TableReader {
  participation(t: LocatedTable, headerUnit: string, problems: Problem[]): { rows: ParticipationRow[]; total?: ParticipationRow };
  partners(t: LocatedTable, headerUnit: string, problems: Problem[]): PartnersRow[];
  plan(t: LocatedTable, headerUnit: string, problems: Problem[]): PlanForm['rows'];
  /** Problems of the table's header (columns missing). */
  columns(t: LocatedTable): Problem[];
  /** Appendix 3 has one of its tables on `sheet` but not this one. */
  notFound(kind: 'participation' | 'partners', sheet: string): Problem;
}

/** A report as it is being put together. */
export interface FoundReport extends ReadReport {
  /** Reading problems of its tables; they are the workbook's only when the report is merged. */
  problems: Problem[];
  placed: PlacedTable[];
}

interface Draft {
  p31?: PlacedTable;
  p32?: PlacedTable;
  plan?: PlacedTable;
  header31?: FormHeader;
  rows31?: { rows: ParticipationRow[]; total?: ParticipationRow };
  problems: Problem[];
}

const sheetOf = (p: PlacedTable) => p.table.sheet.name;
const headerOf = (p: PlacedTable) => readFormHeader(p.table.sheet, p.table.headerTop);

/** The unit a participation table's rows name, when it is one unit's form. */
function singleUnit(d: Draft): string {
  const rows = d.rows31?.rows ?? [];
  const named = rows.length === 1 ? rows[0].unit.value?.trim() : '';
  return named || d.header31?.unit.trim() || '';
}

/**
 * Pairs the workbook's tables into reports: 3.2 and the plan join the 3.1 on their own sheet, else the 3.1 whose
 * header names the same unit, else — when one of each is left over — each other (a school's single report spread
 * over sheets, as the form has always been read).
 */
export function assembleReports(placed: PlacedTable[], read: TableReader): FoundReport[] {
  const drafts: Draft[] = [];
  for (const p of placed.filter((x) => x.table.kind === 'participation')) {
    const d: Draft = { p31: p, header31: headerOf(p), problems: [] };
    d.rows31 = read.participation(p.table, d.header31!.unit, d.problems);
    drafts.push(d);
  }
  const attach = (kind: 'p32' | 'plan') => {
    const tables = placed.filter((x) => x.table.kind === (kind === 'p32' ? 'partners' : 'plan'));
    const left: PlacedTable[] = [];
    for (const p of tables) {
      const own = headerOf(p).unit;
      const d =
        drafts.find((d) => !d[kind] && d.p31 && sheetOf(d.p31) === sheetOf(p)) ??
        (own ? drafts.find((d) => !d[kind] && d.p31 && unitKey(singleUnit(d)) === unitKey(own)) : undefined);
      if (d) d[kind] = p;
      else left.push(p);
    }
    const open = drafts.filter((d) => !d[kind] && d.p31);
    if (left.length === 1 && open.length === 1) open[0][kind] = left.shift();
    for (const p of left) drafts.push({ [kind]: p, problems: [] });
  };
  attach('p32');
  attach('plan');

  const found = drafts.map((d): FoundReport => {
    const problems = d.problems;
    const out: FoundReport = { problems, placed: [d.p31, d.p32, d.plan].filter((p): p is PlacedTable => !!p) };
    if (d.p31 || d.p32) {
      const head = (d.p31 ?? d.p32)!;
      const header = d.header31 ?? headerOf(head);
      const report: ReportForm = { sheet: sheetOf(head), header, participation: d.rows31?.rows ?? [], partners: [] };
      if (d.p31) problems.unshift(...read.columns(d.p31.table));
      if (d.rows31?.total) report.participationTotal = d.rows31.total;
      if (d.p32) {
        problems.push(...read.columns(d.p32.table));
        report.partners = read.partners(d.p32.table, header.unit, problems);
      }
      out.report = report;
      if (!d.p31) problems.push(read.notFound('participation', sheetOf(d.p32!)));
      if (!d.p32) problems.push(read.notFound('partners', sheetOf(d.p31!)));
    }
    if (d.plan) {
      const header = headerOf(d.plan);
      problems.push(...read.columns(d.plan.table));
      out.plan = { sheet: sheetOf(d.plan), header, rows: read.plan(d.plan.table, header.unit, problems) };
    }
    return out;
  });
  const firstTab = (r: FoundReport) => Math.min(...r.placed.map((p) => p.tab));
  return found.sort((a, b) => firstTab(a) - firstTab(b));
}

/** The units a report is about (keys): its rows' units, else the unit in its header lines. */
export function unitsOfReport(r: ReadReport): { keys: string[]; names: string[] } {
  const names: string[] = [];
  const rep = r.report;
  const single = (n: number) => (n === 1 ? rep?.header.unit.trim() ?? '' : '');
  for (const row of rep?.participation ?? []) names.push(row.unit.value?.trim() || single(rep!.participation.length));
  if (!names.some(Boolean)) for (const row of rep?.partners ?? []) names.push(row.unit.value?.trim() || single(rep!.partners.length));
  if (!names.some(Boolean)) names.push(rep?.header.unit.trim() || r.plan?.header.unit.trim() || '');
  const seen = new Set<string>();
  const out = { keys: [] as string[], names: [] as string[] };
  for (const n of names.filter(Boolean)) {
    const k = unitKey(n);
    if (seen.has(k)) continue;
    seen.add(k);
    out.keys.push(k);
    out.names.push(n);
  }
  return out;
}

/** How many values of the report were filled in: the measure of which copy says more. */
export function filledValues(x: unknown): number {
  if (Array.isArray(x)) return x.reduce((n: number, v) => n + filledValues(v), 0);
  if (!x || typeof x !== 'object') return 0;
  if ('cell' in x && 'value' in x) return (x as { value: unknown }).value === null ? 0 : 1;
  let n = 0;
  for (const [k, v] of Object.entries(x)) if (k !== 'source' && k !== 'header' && k !== 'problems' && k !== 'placed') n += filledValues(v);
  return n;
}

/** «листе «Асино»» or «листах «Прил. 3 Отчёт (2)», «Прил. 2 План (2)»» — after «на». */
function where(r: FoundReport): string {
  const names = [...new Set(r.placed.map(sheetOf))].map((s) => `«${s}»`);
  return names.length === 1 ? `листе ${names[0]}` : `листах ${names.join(', ')}`;
}
const lastTab = (r: FoundReport) => Math.max(...r.placed.map((p) => p.tab));
const allHidden = (r: FoundReport) => r.placed.every((p) => p.hidden);

/**
 * Marks the reports that are not merged (`notMerged`) and says why in `problems`: a unit's second copy, and the
 * forms of hidden sheets while a visible sheet holds a report.
 */
export function settleReports(file: string, found: FoundReport[], problems: Problem[]): void {
  const groups = new Map<string, FoundReport[]>();
  for (const r of found) {
    const { keys } = unitsOfReport(r);
    if (keys.length === 0) continue;
    const id = [...keys].sort().join('\u0000');
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  for (const copies of groups.values()) {
    if (copies.length < 2) continue;
    const filled = new Map(copies.map((c) => [c, filledValues(c)]));
    const rank = (c: FoundReport) => [allHidden(c) ? 0 : 1, filled.get(c)!, lastTab(c)];
    const taken = copies.reduce((best, c) => {
      const [a, b] = [rank(best), rank(c)];
      return b[0] > a[0] || (b[0] === a[0] && (b[1] > a[1] || (b[1] === a[1] && b[2] > a[2]))) ? c : best;
    });
    const unit = unitsOfReport(taken).names.join(', ');
    for (const c of copies) {
      if (c === taken) continue;
      const why = allHidden(c) && !allHidden(taken)
        ? 'она на видимом листе, а другая — на скрытом'
        : filled.get(taken)! > filled.get(c)!
          ? `в ней больше заполненных значений (${filled.get(taken)} против ${filled.get(c)})`
          : 'заполненных значений в копиях поровну, взята более поздняя (правее)';
      c.notMerged = `отчёт организации «${unit}» есть в книге дважды (на ${where(c)} и на ${where(taken)}); в свод взята копия на ${where(taken)}: ${why}`;
      problems.push({
        file, sheet: c.placed[0] ? sheetOf(c.placed[0]) : '', cell: '', unit, code: 'report-duplicate', severity: 'warning',
        message: `Отчёт организации «${unit}» есть в книге дважды: на ${where(c)} и на ${where(taken)}. Учтён один раз — копия на ${where(taken)}: ${why}. Если нужна другая, удалите лишнюю копию.`,
      });
    }
  }
  if (!found.some((r) => !r.notMerged && !allHidden(r))) return;
  for (const r of found) {
    if (r.notMerged || !allHidden(r)) continue;
    const unit = unitsOfReport(r).names.join(', ') || 'организация не указана';
    r.notMerged = `форма на скрытом ${where(r)} («${unit}») не сведена`;
    problems.push({
      file, sheet: sheetOf(r.placed[0]), cell: '', unit, code: 'report-hidden', severity: 'warning',
      message: `Форма на скрытом ${where(r)} («${unit}») не сведена и не проверена: на видимых листах есть отчёты. Если это отчёт, покажите лист (правой кнопкой по ярлыку → «Показать») и проверьте снова.`,
    });
  }
}
