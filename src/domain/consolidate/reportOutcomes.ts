/**
 * What became of each report in a file (a workbook of collected schools' sheets holds several): the register
 * lists them one per line with their sheets, so a school whose corrected sheet came later in another file is
 * «заменён более поздним» there while its neighbours in the same file stay «принят».
 */
import { reportsOf, type ReadWorkbook } from '../report';
import type { Problem } from '../problems';
import { unitKey } from './names';
import type { FileStatus, ReportOutcome, RowFate } from './mergeTypes';

type Fate = Pick<RowFate, 'unit' | 'outcome' | 'reason'> & { part?: number };

/** Status and reason from the fates of some rows: merged if any row was, superseded if every row was replaced. */
export function statusOfRows(fates: Fate[], none = 'нет строк для свода'): { status: FileStatus; reason: string } {
  if (fates.some((r) => r.outcome === 'merged')) {
    const notMerged = fates.filter((r) => r.outcome !== 'merged');
    const replaced = [...new Set(notMerged.filter((r) => r.outcome === 'superseded').map((r) => r.unit))];
    // A unit re-sent in a later file is named, so the register says which units that file replaced.
    if (replaced.length && replaced.length < new Set(fates.map((r) => r.unit)).size)
      return { status: 'merged', reason: `заменены более поздними файлами: ${replaced.join(', ')} (${notMerged.find((r) => r.outcome === 'superseded')!.reason}); остальные приняты` };
    return { status: 'merged', reason: notMerged.length ? `не принято строк: ${notMerged.length} (${notMerged[0].reason})` : '' };
  }
  const superseded = fates.find((r) => r.outcome === 'superseded');
  if (superseded) return { status: 'superseded', reason: superseded.reason };
  return { status: 'refused', reason: fates[0]?.reason ?? none };
}

const units = (fates: Fate[]) => [...new Set(fates.map((r) => r.unit).filter(Boolean))];

/**
 * One outcome per report of the file, in its order; monitoring rows join the report of their unit, or stand as
 * their own line. `refusal` is the file's own refusal (errors, no forms), which every report shares.
 */
export function reportOutcomes(read: ReadWorkbook, problems: Problem[], fates: RowFate[], monitoring: Fate[], refusal: string | null): ReportOutcome[] {
  const own = problemsByReport(read, problems);
  const count = (ps: Problem[], s: Problem['severity']) => ps.filter((p) => p.severity === s).length;
  const out: (ReportOutcome & { fates: Fate[] })[] = reportsOf(read).map((r, i) => {
    const mine = fates.filter((f) => (f.part ?? 0) === i);
    const sheets = [...new Set([r.report?.sheet, r.plan?.sheet].filter((s): s is string => !!s))];
    const header = r.report?.header.unit || r.plan?.header.unit || '';
    const ps = r.notMerged ? [] : own[i];
    const names = units(mine).length ? units(mine) : [header].filter(Boolean);
    return {
      sheet: sheets.join(', '), unit: names.join(', '), status: 'refused', reason: '', errors: count(ps, 'error'), warnings: count(ps, 'warning'), sheets,
      keys: names.map(unitKey), fates: mine, ...(r.notMerged ? { setAside: true } : {}),
    };
  });
  const rest: Fate[] = [];
  for (const m of monitoring) {
    const home = m.unit ? out.find((o) => units(o.fates).includes(m.unit)) : undefined;
    if (home) home.fates.push(m);
    else rest.push(m);
  }
  if (rest.length) {
    const sheet = read.monitoring?.sheet ?? '';
    out.push({ sheet, unit: units(rest).join(', '), status: 'refused', reason: '', errors: count(problems, 'error'), warnings: count(problems, 'warning'), sheets: sheet ? [sheet] : [], keys: units(rest).map(unitKey), fates: rest });
  }
  return out.map(({ fates: f, ...o }) => ({ ...o, ...(refusal !== null ? { status: 'refused' as const, reason: refusal } : statusOfRows(f)) }));
}

/**
 * Each report's own problems: in a workbook of collected sheets, a school's errors are on its sheets and refuse
 * only its report. Problems on no report's sheets (the file as a whole, the monitoring form) belong to every report;
 * a file of one report keeps all its problems, as always.
 */
export function problemsByReport(read: ReadWorkbook, problems: Problem[]): Problem[][] {
  const reports = reportsOf(read);
  if (reports.length <= 1) return reports.map(() => problems);
  const sheetsOf = reports.map((r) => {
    const rows = [...(r.report?.participation ?? []), ...(r.report?.partners ?? []), ...(r.plan?.rows ?? [])];
    return new Set([r.report?.sheet, r.plan?.sheet, ...rows.map((x) => x.source.sheet)].filter((s): s is string => !!s));
  });
  return sheetsOf.map((own, i) => {
    const others = new Set(sheetsOf.flatMap((s, j) => (j === i ? [] : [...s])).filter((s) => !own.has(s)));
    return problems.filter((p) => !others.has(p.sheet));
  });
}
