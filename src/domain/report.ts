/**
 * What a received workbook says, once read: the forms' rows as numbers and text, each value with the cell it
 * came from. The reader (src/domain/read) produces this from plain grids; the rules check it; the merge
 * consolidates it. Nothing here knows about files or Excel.
 */
import type { Problem } from './problems';
import type { EventLevel } from './forms/officialText';
import type { MonitoringForm } from './monitoring/types';
import type { FormHeader, Read, Source } from './readValue';

export type { FormHeader, Read, Source } from './readValue';


/** Table 3.1 — one unit's participation row. Keys match appendix3.participationTable leaves. */
export interface ParticipationRow {
  source: Source;
  unit: Read<string>;
  schools: Read<number>;
  schoolsActive: Read<number>;
  events: Read<number>;
  students: Read<number>;
  participants: Read<number>;
  /** Per grade 5…11, in order. */
  grades: Read<number>[];
  teachers: Read<number>;
  /** Extra column: all teachers, for the share of teachers who took part. */
  teachersTotal: Read<number>;
  ovzStudents: Read<number>;
  ovzParticipants: Read<number>;
  ovzGrades: Read<number>[];
  partnersCount: Read<number>;
  partnersNames: Read<string[]>;
  /** The names end with «и т.д.»/«и др.»: the list is knowingly incomplete. */
  partnersNamesOpen?: boolean;
}

export interface PartnerCategoryCell {
  count: Read<number>;
  names: Read<string[]>;
  /** The names end with «и т.д.»/«и др.»: the list is knowingly incomplete. */
  namesOpen?: boolean;
}

/** Table 3.2 — one unit's partners row. */
export interface PartnersRow {
  source: Source;
  unit: Read<string>;
  partnersTotal: Read<number>;
  professionalEducation: PartnerCategoryCell;
  companies: PartnerCategoryCell;
  business: PartnerCategoryCell;
  community: PartnerCategoryCell;
}

export interface DateRange {
  from: string; // ISO
  to: string; // ISO
}

/** Appendix 2 — one planned event. */
export interface PlanRow {
  source: Source;
  level: Read<EventLevel>;
  name: Read<string>;
  dates: Read<DateRange>;
  targetGroup: Read<string>;
  expectedParticipants: Read<number>;
  expectedResults: Read<string>;
  responsible: Read<string>;
}

/** Appendix 3 as read from one form: tables 3.1 and 3.2 with the header lines above them. */
export interface ReportForm {
  sheet: string;
  header: FormHeader;
  participation: ParticipationRow[];
  partners: PartnersRow[];
  /** A total row the sender added under table 3.1 («Итого»), read to check it against the rows; never merged. */
  participationTotal?: ParticipationRow;
}

/** Appendix 2 as read from one form. */
export interface PlanForm {
  sheet: string;
  header: FormHeader;
  rows: PlanRow[];
}

/**
 * One report found in a workbook: a unit's Appendix 3 and/or Appendix 2 (or a region's table of units). A workbook
 * of collected schools' sheets holds one per school.
 */
export interface ReadReport {
  /** Appendix 3, if found. A school's «Итого» row is recognised and left out of `participation`/`partners`. */
  report?: ReportForm;
  /** Appendix 2, if found. */
  plan?: PlanForm;
  /**
   * Why this report is not merged (Russian), when it is not: a second copy of a unit's report elsewhere in the
   * workbook, or a form on a hidden sheet. Its rows reach the merge only to be refused with this reason.
   */
  notMerged?: string;
  /** Position of its first sheet among the workbook's tabs (0-based): reports are listed in tab order. */
  tab?: number;
}

export interface ReadWorkbook extends ReadReport {
  file: string;
  /**
   * The workbook's other reports, in tab order: other units' forms on other sheets (a workbook of collected
   * schools' sheets), and copies that are not merged. `report`/`plan` above are the first merged report's.
   */
  moreReports?: ReadReport[];
  /** The monitoring form («Мониторинг»), if found. */
  monitoring?: MonitoringForm;
  /** Reading problems: unreadable values, missing tables, etc. (rule violations are added by the checker). */
  problems: Problem[];
}

/** Every report of a workbook, the first one first; empty when no form was found. */
export function reportsOf(read: ReadWorkbook): ReadReport[] {
  const first: ReadReport[] = read.report || read.plan ? [{ report: read.report, plan: read.plan, ...(read.notMerged ? { notMerged: read.notMerged } : {}), tab: read.tab }] : [];
  const all = [...first, ...(read.moreReports ?? [])];
  // Tab order (stable: reports of a reader that gave no tabs keep their order).
  return all.every((r) => r.tab !== undefined) ? all.sort((a, b) => a.tab! - b.tab!) : all;
}
