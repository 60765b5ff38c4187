/**
 * The pane's rows: one per organisation (not per file), problems first. After a merge the statuses are the core's
 * (`MergeResult.organisations`, src/domain/consolidate/organisations.ts: the same words as the register, the note
 * and the command line); after a check, one row per organisation a file reports on. Only arranged here.
 */
import type { MergeResult, ReceivedFile, ReportFate } from '../../domain/consolidate/merge';
import { fateLabel } from '../../domain/consolidate/organisations';
import type { Problem } from '../../domain/problems';
import { reportsOf } from '../../domain/report';
import { unitsOfReport } from '../../domain/read/reports';
import { problemsByReport } from '../../domain/consolidate/reportOutcomes';

/** A merge's fates, and what a check can say. */
export type OrgStatus = ReportFate | 'checkedErrors' | 'checkedWarnings' | 'checkedClean' | 'unreadable';

/** Problems first: the order of the table. */
const RANK: Record<OrgStatus, number> = {
  unreadable: 0,
  missing: 1,
  refused: 2,
  checkedErrors: 3,
  withErrors: 4,
  late: 5,
  unconfirmed: 6,
  checkedWarnings: 7,
  received: 8,
  onTime: 9,
  superseded: 10,
  checkedClean: 11,
};
const ATTENTION = new Set<OrgStatus>(['unreadable', 'missing', 'refused', 'checkedErrors', 'withErrors', 'late', 'unconfirmed', 'checkedWarnings']);

export interface OrgRow {
  /** Stable key for React and for the details panel. */
  id: string;
  /** The organisation as the report names it (or the expected list), empty when no file said it. */
  unit: string;
  status: OrgStatus;
  /** Errors in the file that counts for the organisation (rules and reading). */
  errors: number;
  warnings: number;
  /** The file that counts, empty for a missing organisation. */
  file: string;
  /** ISO date-time received. */
  received?: string;
  /** Why it was refused, or what to do about a missing report (Russian, from the core). */
  reason?: string;
  /** Earlier files of the organisation replaced by a later one. */
  supersededFiles: string[];
  /** The organisation's other files with what became of them: «Школа (копия).xlsx»: прислал, отклонён — причина. */
  otherFiles: string[];
  /** Located problems of the file that counts. */
  problems: Problem[];
}

export const needsAttention = (r: OrgRow): boolean => ATTENTION.has(r.status);

export const byAttention = (a: OrgRow, b: OrgRow): number => RANK[a.status] - RANK[b.status] || b.errors - a.errors || a.unit.localeCompare(b.unit, 'ru');

/** After a merge: every organisation once, as the core decided its fate. */
export function organisationsOfMerge(result: MergeResult): OrgRow[] {
  return result.organisations
    .map((o, i): OrgRow => ({
      id: `o:${i}:${o.key}`,
      unit: o.key ? o.unit : '',
      status: o.fate,
      errors: o.errors,
      warnings: o.warnings,
      file: o.file,
      received: o.received || undefined,
      reason: o.reason || undefined,
      supersededFiles: o.files.filter((f) => f.fate === 'superseded').map((f) => f.file),
      otherFiles: o.files.filter((f) => f.file !== o.file && f.fate !== 'superseded').map((f) => `«${f.file}»: ${fateLabel(f.fate, f.errors)}${f.reason ? ` — ${f.reason}` : ''}`),
      problems: o.problems,
    }))
    .sort(byAttention);
}

/** After a check: one row per organisation a file reports on (the file's name when it names none). */
export function organisationsOfCheck(files: ReceivedFile[]): OrgRow[] {
  const rows: OrgRow[] = [];
  files.forEach((f, i) => {
    if ('error' in f) {
      rows.push({ id: `c:${i}`, unit: '', status: 'unreadable', errors: 1, warnings: 0, file: f.file, received: f.received, reason: f.error, supersededFiles: [], otherFiles: [], problems: [] });
      return;
    }
    // A workbook of collected schools' sheets: a row per school's report, with the problems of its own sheets.
    const parts = reportsOf(f.read);
    if (parts.length > 1) {
      const own = problemsByReport(f.read, f.problems);
      parts.forEach((r, k) => {
        const unit = unitsOfReport(r).names.join(', ');
        const ps = own[k];
        const errs = ps.filter((p) => p.severity === 'error').length;
        const warns = ps.filter((p) => p.severity === 'warning').length;
        const status: OrgStatus = errs ? 'checkedErrors' : warns ? 'checkedWarnings' : 'checkedClean';
        rows.push({ id: `c:${i}:${k}`, unit, status, errors: errs, warnings: warns, file: f.file, received: f.received, reason: r.notMerged, supersededFiles: [], otherFiles: [], problems: ps });
      });
      return;
    }
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    const warnings = f.problems.filter((p) => p.severity === 'warning').length;
    const report = f.read.report;
    const named = [...new Set((report?.participation ?? []).map((r) => r.unit.value?.trim() ?? '').filter(Boolean))];
    const header = report?.header.unit?.trim() || f.read.plan?.header.unit?.trim() || '';
    const units = named.length ? named : [header];
    const status: OrgStatus = errors ? 'checkedErrors' : warnings ? 'checkedWarnings' : 'checkedClean';
    for (const u of units)
      rows.push({ id: `c:${i}:${u}`, unit: u, status, errors, warnings, file: f.file, received: f.received, supersededFiles: [], otherFiles: [], problems: units.length > 1 ? f.problems.filter((p) => !p.unit || p.unit === u) : f.problems });
  });
  return rows.sort(byAttention);
}
