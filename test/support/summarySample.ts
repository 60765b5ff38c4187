/**
 * The consolidated workbook of the seed-000 municipality as the indicators see it: the sample schools' figures
 * (src/domain/sample) go through the real merge, which gives the detail sheet, the partner register and the
 * register of received reports; the indicators sheet and the note are built over them.
 */
import { received as receivedWorkbook, type UnitFigures } from '../../src/domain/consolidate/testing';
import { mergeReports, type MergeResult, type ReceivedFile } from '../../src/domain/consolidate/merge';
import { detailSheet } from '../../src/domain/consolidate/detailSheet';
import { partnersSheet } from '../../src/domain/consolidate/partnersSheet';
import { registerSheet } from '../../src/domain/consolidate/registerSheet';
import { sampleMunicipality, type SchoolFigures } from '../../src/domain/sample/municipality';
import { TOMSK_LATE } from '../../src/domain/sample/names';
import { municipalSettings } from '../../src/domain/sample/schoolWorkbooks';
import { summarySheets, type SummaryOptions } from '../../src/domain/indicators';
import type { WorkbookPlan } from '../../src/domain/sheetPlan';

const DEADLINE = '2023-10-19';

export function unitFigures(s: SchoolFigures): UnitFigures {
  return {
    unit: s.unit,
    schools: 1,
    schoolsActive: 1,
    events: s.events,
    students: s.students,
    grades: s.grades,
    teachers: s.teachers,
    teachersTotal: s.teachersTotal,
    ovzStudents: s.ovzStudents,
    ovzGrades: s.ovzGrades,
    partners: s.partners,
    plan: s.plan.length,
  };
}

export interface SummarySample {
  result: MergeResult;
  schools: SchoolFigures[];
  plan: WorkbookPlan;
}

/** `change` lets a test alter one school's figures before the merge; `missing` adds expected units that sent nothing. */
export function summarySample(
  opts: { schools?: number; change?: (s: SchoolFigures, i: number) => SchoolFigures; missing?: string[] } & Partial<SummaryOptions> = {},
): SummarySample {
  const settings = opts.settings ?? municipalSettings();
  const schools = sampleMunicipality({ schools: opts.schools }).schools.map((s, i) => (opts.change ? opts.change(s, i) : s));
  const files: ReceivedFile[] = schools.map((s, i) =>
    receivedWorkbook(`${s.unit}.xlsx`, TOMSK_LATE.includes(s.unit) ? `2023-10-2${i % 3}T10:00` : `2023-10-1${3 + (i % 6)}T12:00`, [unitFigures(s)]),
  );
  const result = mergeReports({
    files,
    expectedUnits: [...schools.map((s) => s.unit), ...(opts.missing ?? [])],
    deadline: DEADLINE,
    policy: 'merge-with-errors',
  });
  const own = summarySheets(result, { settings, ...opts });
  return {
    result,
    schools,
    plan: { sheets: [detailSheet(result, settings), partnersSheet(result), registerSheet(result, settings), ...own] },
  };
}
