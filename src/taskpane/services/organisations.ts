/**
 * The pane's rows: one per organisation (not per file), problems first. The statuses themselves come from the merge
 * (MergeResult: merged units with onTime / errors, refused and superseded files, missing units); this module only
 * arranges them for the table. When the core publishes its own per-organisation status model, this reads it instead.
 */
import type { MergeResult } from '../../domain/consolidate/merge';
import type { Problem } from '../../domain/problems';
import type { ReceivedFile } from '../../domain/consolidate/merge';

export type OrgStatus = 'refused' | 'missing' | 'withErrors' | 'late' | 'superseded' | 'received' | 'onTime' | 'checkedErrors' | 'checkedWarnings' | 'checkedClean' | 'unreadable';

/** Problems first: the order of the table. */
const RANK: Record<OrgStatus, number> = {
  unreadable: 0,
  refused: 1,
  missing: 2,
  checkedErrors: 3,
  withErrors: 4,
  late: 5,
  checkedWarnings: 6,
  superseded: 7,
  received: 8,
  onTime: 9,
  checkedClean: 10,
};

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
  /** Why it was refused (Russian, from the merge). */
  reason?: string;
  /** Earlier files of the organisation replaced by the one that counts. */
  supersededFiles: string[];
  /** Located problems of the file that counts. */
  problems: Problem[];
}

export const needsAttention = (r: OrgRow): boolean => RANK[r.status] <= RANK.checkedWarnings || r.errors > 0;

export const byAttention = (a: OrgRow, b: OrgRow): number => RANK[a.status] - RANK[b.status] || b.errors - a.errors || a.unit.localeCompare(b.unit, 'ru');

const split = (units: string): string[] => units.split(',').map((u) => u.trim()).filter(Boolean);

/** After a merge: every organisation once — merged (on time / late / with errors), refused, missing. */
export function organisationsOfMerge(result: MergeResult): OrgRow[] {
  const rows: OrgRow[] = [];
  const seen = new Set<string>();
  const problemsOf = new Map(result.files.map((f) => [f.file, f.problems]));
  const supersededBy = new Map<string, string[]>();
  for (const f of result.files)
    if (f.status === 'superseded') for (const u of split(f.unit)) supersededBy.set(u, [...(supersededBy.get(u) ?? []), f.file]);
  for (const u of result.units) {
    seen.add(u.unit);
    const status: OrgStatus = u.errors > 0 ? 'withErrors' : u.onTime === false ? 'late' : u.onTime === null ? 'received' : supersededBy.has(u.unit) ? 'superseded' : 'onTime';
    rows.push({
      id: `u:${u.key}`,
      unit: u.unit,
      status,
      errors: u.errors,
      warnings: u.warnings,
      file: u.file,
      received: u.received,
      supersededFiles: supersededBy.get(u.unit) ?? [],
      problems: problemsOf.get(u.file) ?? [],
    });
  }
  result.files.forEach((f, i) => {
    if (f.status !== 'refused') return;
    const units = split(f.unit).filter((u) => !seen.has(u));
    if (f.unit && units.length === 0) return; // the organisation is in the consolidation from another file
    for (const u of units.length ? units : ['']) {
      if (u) seen.add(u);
      rows.push({ id: `f:${i}:${u}`, unit: u, status: 'refused', errors: f.errors, warnings: f.warnings, file: f.file, received: f.received, reason: f.reason, supersededFiles: [], problems: f.problems });
    }
  });
  for (const m of result.missing)
    if (!seen.has(m)) rows.push({ id: `m:${m}`, unit: m, status: 'missing', errors: 0, warnings: 0, file: '', supersededFiles: [], problems: [] });
  return rows.sort(byAttention);
}

/** After a check: one row per organisation a file reports on (the file's name when it names none). */
export function organisationsOfCheck(files: ReceivedFile[]): OrgRow[] {
  const rows: OrgRow[] = [];
  files.forEach((f, i) => {
    if ('error' in f) {
      rows.push({ id: `c:${i}`, unit: '', status: 'unreadable', errors: 1, warnings: 0, file: f.file, received: f.received, reason: f.error, supersededFiles: [], problems: [] });
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
      rows.push({ id: `c:${i}:${u}`, unit: u, status, errors, warnings, file: f.file, received: f.received, supersededFiles: [], problems: units.length > 1 ? f.problems.filter((p) => !p.unit || p.unit === u) : f.problems });
  });
  return rows.sort(byAttention);
}
