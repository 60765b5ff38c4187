/**
 * Boundary rows for every validation rule, shared by the rules' unit tests (src/domain/rules/*.test.ts,
 * src/domain/monitoring/rules.test.ts: the TypeScript verdict, no spreadsheet engine) and the parity test
 * (test/rules.parity.libreoffice.test.ts: the same rows stamped into the forms, recalculated by LibreOffice, the
 * «Проверка» column against the TypeScript verdict). Each rule gets: equal, one over, one under, empty, text
 * («438 чел.», «—»), zero — where the rule has such a boundary.
 *
 * `expect` lists what the rules report for the row, as `code:severity`, in any order.
 * `formula` is set only where the form's own check deliberately says something else than the rules, with `why`.
 */
import { aKey, bKey, EDUCATION_LEVELS, MONITORING_INDICATORS, type IndicatorCode } from '../../src/domain/forms/monitoring';
import { readForms } from '../../src/domain/read';
import { checkWorkbook } from '../../src/domain/rules';
import { defaultSettings } from '../../src/domain/settings';
import type { CellInput, SheetPlan } from '../../src/domain/sheetPlan';
import type { Problem } from '../../src/domain/problems';
import { parseCell } from '../../src/domain/a1';
import { appendix2Layout } from '../../src/domain/forms/appendix2Layout';
import { appendix3Layout } from '../../src/domain/forms/appendix3Layout';
import { monitoringLayout } from '../../src/domain/forms/monitoringLayout';
import { stampMonitoring } from '../../src/domain/forms/monitoringStamp';
import { stampAppendix2 } from '../../src/domain/forms/stampAppendix2';
import { stampAppendix3 } from '../../src/domain/forms/stampAppendix3';
import { SHEET } from '../../src/domain/sheetNames';
import { planToGrid, workbookOf } from './formGrids';

export type Verdict = 'ok' | 'warning' | 'error';
export type Fill = Record<string, CellInput>;

export interface BoundaryCase {
  /** The rule (problem code) the row is about. */
  rule: string;
  name: string;
  fill: Fill;
  expect: string[];
  /** The form's «Проверка» verdict where it deliberately differs from the rules' (with the reason). */
  formula?: Verdict;
  why?: string;
}

/** An autumn 2026 region: the window is 13.09.2026 – 15.10.2026. */
export const PARITY_SETTINGS = defaultSettings('autumn', 2026, { unit: 'Томская область', level: 'region' });

// ——— Table 3.1 ———

const GRADES_OF = (g: number[]): Fill => Object.fromEntries(g.map((n, i) => [`g${i + 5}`, n]));
const OVZ_GRADES_OF = (g: number[]): Fill => Object.fromEntries(g.map((n, i) => [`ovzG${i + 5}`, n]));
const NO_GRADES: Fill = Object.fromEntries([5, 6, 7, 8, 9, 10, 11].map((g) => [`g${g}`, null]));

/** The order's example row (seed 002) with the extra column and one partner named: clean. */
export const CLEAN31: Fill = {
  schools: 7, schoolsActive: 6, events: 42, students: 599, participants: 438,
  ...GRADES_OF([59, 79, 76, 56, 60, 55, 53]),
  teachers: 33, teachersTotal: 40,
  ovzStudents: 109, ovzParticipants: 83,
  ...OVZ_GRADES_OF([11, 20, 17, 11, 22, 1, 1]),
  partnersCount: 1, partnersNames: 'НИ ТГУ',
};

const TEXT_DIGITS_ONLY =
  'the form asks for digits only (its data validation refuses text, its sums cannot add «599 чел.»), while the reader takes the number as a person wrote it';

const c31 = (rule: string, name: string, change: Fill, expect: string[], formula?: Verdict, why?: string): BoundaryCase => ({
  rule, name, fill: { ...CLEAN31, ...change }, expect, ...(formula ? { formula, why } : {}),
});

export const CASES_31: BoundaryCase[] = [
  c31('clean', 'the order’s example row', {}, []),
  // organising schools ≤ schools
  c31('schools-active-over-total', 'organising = all schools', { schoolsActive: 7 }, []),
  c31('schools-active-over-total', 'organising one over all schools', { schoolsActive: 8 }, ['schools-active-over-total:error']),
  c31('schools-active-over-total', 'schools one over organising', { schools: 8, schoolsActive: 7 }, []),
  c31('schools-active-over-total', 'no school organised, no events', { schoolsActive: 0, events: 0 }, []),
  c31('schools-active-over-total', 'organising schools empty', { schoolsActive: null }, ['value-missing:warning']),
  c31('schools-active-over-total', 'organising schools «—»', { schoolsActive: '—' }, []),
  c31('schools-active-over-total', 'organising schools «8 ОО» over 7', { schoolsActive: '8 ОО' }, ['schools-active-over-total:error'], 'error', TEXT_DIGITS_ONLY),
  // participants ≤ pupils
  c31('participants-over-students', 'every pupil took part', { participants: 599, g5: 220 }, []),
  c31('participants-over-students', 'one participant over the pupils', { participants: 600, g5: 221 }, ['participants-over-students:error']),
  c31('participants-over-students', 'one participant under the pupils', { participants: 598, g5: 219 }, []),
  c31('participants-over-students', 'pupils empty', { students: null }, ['value-missing:warning']),
  c31('participants-over-students', 'pupils typed «599 чел.», all took part', { students: '599 чел.', participants: 599, g5: 220 }, [], 'error', TEXT_DIGITS_ONLY),
  c31('participants-over-students', 'no pupils at all', {
    schoolsActive: 0, events: 0, students: 0, participants: 0, ...GRADES_OF([0, 0, 0, 0, 0, 0, 0]),
    ovzStudents: 0, ovzParticipants: 0, ...OVZ_GRADES_OF([0, 0, 0, 0, 0, 0, 0]),
  }, []),
  // grades add up to the participants
  c31('grades-sum', 'a grade one over', { g5: 60 }, ['grades-sum:error']),
  c31('grades-sum', 'a grade one under', { g5: 58 }, ['grades-sum:error']),
  c31('grades-sum', 'no breakdown though pupils took part', { ...NO_GRADES, ...OVZ_GRADES_OF([0, 0, 0, 0, 0, 0, 0]), ovzParticipants: 0 }, ['grades-sum:warning']),
  c31('grades-sum', 'no breakdown, nobody took part', { ...NO_GRADES, participants: 0, ovzParticipants: 0, ...OVZ_GRADES_OF([0, 0, 0, 0, 0, 0, 0]) }, []),
  c31('grades-sum', 'a basic school: 10–11 «—»', { g5: 167, g10: '—', g11: '—', ovzG5: 13, ovzG10: '—', ovzG11: '—' }, []),
  // ОВЗ pupils ≤ pupils
  c31('ovz-over-students', 'ОВЗ pupils = pupils', { ovzStudents: 599 }, []),
  c31('ovz-over-students', 'ОВЗ pupils one over pupils', { ovzStudents: 600 }, ['ovz-over-students:error']),
  // ОВЗ participants ≤ ОВЗ pupils
  c31('ovz-participants-over-ovz-students', 'every ОВЗ pupil took part', { ovzStudents: 83 }, []),
  c31('ovz-participants-over-ovz-students', 'one ОВЗ participant over', { ovzStudents: 82 }, ['ovz-participants-over-ovz-students:error']),
  c31('ovz-participants-over-ovz-students', 'ОВЗ pupils empty', { ovzStudents: null }, []),
  // ОВЗ participants ≤ participants
  c31('ovz-over-participants', 'every participant with ОВЗ', { participants: 83, ...GRADES_OF([11, 20, 17, 11, 22, 1, 1]) }, []),
  c31('ovz-over-participants', 'ОВЗ participants one over participants', {
    participants: 83, ...GRADES_OF([11, 20, 17, 11, 22, 1, 1]), ovzParticipants: 84, ovzG9: 23,
  }, ['ovz-over-participants:error', 'ovz-grade-over-grade:error']),
  // ОВЗ grades add up
  c31('ovz-grades-sum', 'an ОВЗ grade one over', { ovzG6: 21 }, ['ovz-grades-sum:error']),
  c31('ovz-grades-sum', 'no ОВЗ breakdown though ОВЗ pupils took part', Object.fromEntries([5, 6, 7, 8, 9, 10, 11].map((g) => [`ovzG${g}`, null])), ['ovz-grades-sum:warning']),
  // per grade, ОВЗ ≤ all
  c31('ovz-grade-over-grade', 'ОВЗ of a grade = the grade', { ovzG10: 55, ovzParticipants: 137, ovzStudents: 150 }, []),
  c31('ovz-grade-over-grade', 'ОВЗ of a grade one over the grade', { ovzG10: 56, ovzParticipants: 138, ovzStudents: 150 }, ['ovz-grade-over-grade:error']),
  // events when schools organised them
  c31('events-missing', 'zero events though schools organised', { events: 0 }, ['events-missing:error']),
  c31('events-missing', 'events empty though schools organised', { events: null }, ['events-missing:error']),
  c31('events-missing', 'events «—» though schools organised', { events: '—' }, ['events-missing:error']),
  c31('events-missing', 'one event', { events: 1 }, []),
  c31('events-missing', 'one school organised, zero events', { schoolsActive: 1, events: 0 }, ['events-missing:error']),
  // teachers ≤ all teachers
  c31('teachers-over-total', 'every teacher took part', { teachers: 40 }, []),
  c31('teachers-over-total', 'one teacher over all', { teachers: 41 }, ['teachers-over-total:error']),
  c31('teachers-over-total', 'all teachers not given', { teachersTotal: null }, []),
  c31('teachers-over-total', 'no teacher took part', { teachers: 0 }, []),
  // whole numbers ≥ 0, readable
  c31('not-whole-number', 'a fraction of events', { events: 12.5 }, ['not-whole-number:error']),
  c31('negative-number', 'a negative count of teachers', { teachers: -3 }, ['negative-number:error']),
  c31('value-unreadable', 'participants as a word', { participants: 'много' }, ['value-unreadable:error']),
  // names listed
  c31('partners-names-count', 'two partners, two names', { partnersCount: 2, partnersNames: 'НИ ТГУ, ТПУ' }, []),
  c31('partners-names-count', 'one name short', { partnersCount: 3, partnersNames: 'НИ ТГУ, ТПУ' }, ['partners-names-count:warning']),
  c31('partners-names-count', 'one name over', { partnersCount: 1, partnersNames: 'НИ ТГУ; ТПУ' }, ['partners-names-count:warning']),
  c31('partners-names-count', 'a shorter list ending «и др.»', { partnersCount: 3, partnersNames: 'НИ ТГУ, ТПУ и др.' }, []),
  c31('partners-names-count', 'no partners, none named', { partnersCount: 0, partnersNames: null }, []),
  c31('partners-names-count', 'partners counted, none named', { partnersCount: 2, partnersNames: null }, ['partners-names-count:warning']),
];

/** Units of table 3.1's rows: «Район 1»…; a case about the agreement of 3.1 and 3.2 names its own. */
export const unit31 = (i: number): string => `Район ${i + 1}`;

// ——— Table 3.2 (and its agreement with 3.1) ———

export const CLEAN32: Fill = {
  partnersTotal: 6,
  professionalEducationCount: 3, professionalEducationNames: 'ТУСУР, ТГАСУ, НИ ТГУ',
  companiesCount: 1, companiesNames: 'ЗАО «Томский подшипник»',
  businessCount: 1, businessNames: 'И.П. Иванов И.И.',
  communityCount: 1, communityNames: 'успешный выпускник Сидоров П.И.',
};

const c32 = (rule: string, name: string, change: Fill, expect: string[], formula?: Verdict, why?: string): BoundaryCase => ({
  rule, name, fill: { ...CLEAN32, ...change }, expect, ...(formula ? { formula, why } : {}),
});

export const CASES_32: BoundaryCase[] = [
  c32('clean', 'categories add up to the total', {}, []),
  c32('unit-missing', 'no unit on the row, the head names it', { unit: '' }, []),
  c32('partners-categories-sum', 'total one over the categories', { partnersTotal: 7 }, ['partners-categories-sum:warning']),
  c32('partners-categories-sum', 'total one under the categories', { partnersTotal: 5 }, ['partners-categories-sum:warning']),
  c32('partners-categories-sum', 'a total without categories', {
    professionalEducationCount: null, professionalEducationNames: null, companiesCount: null, companiesNames: null,
    businessCount: null, businessNames: null, communityCount: null, communityNames: null,
  }, ['partners-categories-sum:warning']),
  c32('partners-categories-sum', 'no partners at all', {
    partnersTotal: 0, professionalEducationCount: 0, professionalEducationNames: null, companiesCount: 0, companiesNames: null,
    businessCount: 0, businessNames: null, communityCount: 0, communityNames: null,
  }, []),
  c32('partners-categories-sum', 'a category «—»', { partnersTotal: 5, businessCount: '—', businessNames: null }, []),
  c32('value-missing', 'categories without the total', { partnersTotal: null }, ['value-missing:warning']),
  c32('partners-names-count', 'a category one name short', { companiesCount: 2, partnersTotal: 7 }, ['partners-names-count:warning']),
  c32('partners-names-count', 'a category one name over', { companiesNames: 'ЗАО «Томский подшипник»; ООО «Сибирь»' }, ['partners-names-count:warning']),
  c32('partners-names-count', 'a shorter list ending «и т.д.»', { professionalEducationNames: 'ТУСУР, ТГАСУ и т.д.' }, []),
  c32('negative-number', 'a negative category', { communityCount: -1, partnersTotal: 4 }, ['negative-number:error']),
];

/** 3.1 and 3.2 rows of the same unit: the partner counts must agree. */
export interface AgreementCase {
  name: string;
  unit: string;
  row31: Fill;
  row32: Fill;
  expect31: string[];
  expect32: string[];
}

const agreement = (name: string, unit: string, count31: number, names31: string, total32: number, names32: string, expect31: string[]): AgreementCase => ({
  name, unit,
  row31: { ...CLEAN31, unit, partnersCount: count31, partnersNames: names31 },
  row32: { unit, partnersTotal: total32, professionalEducationCount: total32, professionalEducationNames: names32 },
  expect31,
  expect32: [],
});

export const AGREEMENT_CASES: AgreementCase[] = [
  agreement('3.1 and 3.2 agree', 'Согласный район', 3, 'А, Б, В', 3, 'А, Б, В', []),
  agreement('3.1 one under 3.2', 'Меньший район', 2, 'А, Б', 3, 'А, Б, В', ['partners-total-mismatch:warning']),
  agreement('3.1 one over 3.2', 'Больший район', 3, 'А, Б, В', 2, 'А, Б', ['partners-total-mismatch:warning']),
];

// ——— Appendix 2 (plan) ———

/** Excel's serial number of an ISO date (what a date cell holds). */
export const serialOf = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
const dayAfter = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const W = PARITY_SETTINGS;

export const CLEAN_PLAN: Fill = {
  level: 'Школьный', name: 'Ярмарка профессий', dates: serialOf('2026-09-25'), targetGroup: '8-9 классы',
  expectedParticipants: 120, expectedResults: 'знакомство с профессиями',
  responsible: 'Иванова И. И., заместитель директора, 8 (3822) 90-11-22',
};

const cPlan = (rule: string, name: string, change: Fill, expect: string[], formula?: Verdict, why?: string): BoundaryCase => ({
  rule, name, fill: { ...CLEAN_PLAN, ...change }, expect, ...(formula ? { formula, why } : {}),
});

const TEXT_DATES = 'the form checks the window on date cells only; a period typed as text is read and checked by the rules';

export const CASES_PLAN: BoundaryCase[] = [
  cPlan('clean', 'an event filled right', {}, []),
  cPlan('plan-level-unknown', 'another level of the list', { level: 'Участие в региональном мероприятии' }, []),
  cPlan('plan-level-unknown', 'a level not in the list', { level: 'Районный' }, ['plan-level-unknown:error']),
  cPlan('plan-level-unknown', 'no level', { level: null }, ['plan-level-unknown:error']),
  cPlan('plan-name-missing', 'no name', { name: null }, ['plan-name-missing:error']),
  cPlan('plan-dates-outside-window', 'the first day of the campaign', { dates: serialOf(W.windowFrom) }, []),
  cPlan('plan-dates-outside-window', 'the day before the campaign', { dates: serialOf(dayAfter(W.windowFrom, -1)) }, ['plan-dates-outside-window:warning']),
  cPlan('plan-dates-outside-window', 'the last day of the campaign', { dates: serialOf(W.windowTo) }, []),
  cPlan('plan-dates-outside-window', 'the day after the campaign', { dates: serialOf(dayAfter(W.windowTo, 1)) }, ['plan-dates-outside-window:warning']),
  cPlan('plan-dates-outside-window', 'a period inside the campaign', { dates: '20.09–25.09.2026' }, []),
  cPlan('plan-dates-outside-window', 'a period starting inside, ending after the campaign', { dates: '10.10–20.10.2026' },
    ['plan-dates-outside-window:warning'], 'ok', TEXT_DATES),
  cPlan('plan-dates-outside-window', 'a period starting before the campaign', { dates: '10.09–20.09.2026' },
    ['plan-dates-outside-window:warning'], 'ok', TEXT_DATES),
  cPlan('plan-dates-unreadable', 'no dates', { dates: null }, ['plan-dates-unreadable:error']),
  cPlan('plan-expected-participants', 'none expected', { expectedParticipants: 0 }, []),
  cPlan('plan-expected-participants', 'one under zero', { expectedParticipants: -1 }, ['plan-expected-participants:error']),
  cPlan('plan-expected-participants', 'a fraction', { expectedParticipants: 12.5 }, ['plan-expected-participants:error']),
  cPlan('plan-expected-participants', 'words', { expectedParticipants: 'около 30' }, ['plan-expected-participants:error']),
  cPlan('plan-expected-participants', 'empty', { expectedParticipants: null }, ['plan-expected-participants:warning']),
  cPlan('plan-expected-participants', '«—»', { expectedParticipants: '—' }, ['plan-expected-participants:warning']),
  cPlan('plan-expected-participants', '«120 чел.»', { expectedParticipants: '120 чел.' }, [], 'error', TEXT_DIGITS_ONLY),
  cPlan('plan-responsible-contact', 'an e-mail only', { responsible: 'Петров П. П., ivanova@school1.ru' }, []),
  cPlan('plan-responsible-contact', 'a local six-digit number', { responsible: 'Петров П. П., тел. 43-05-20' }, []),
  cPlan('plan-responsible-contact', 'five digits are no phone', { responsible: 'Петров П. П., каб. 12, корп. 345' }, ['plan-responsible-contact:warning']),
  cPlan('plan-responsible-contact', 'a name only', { responsible: 'Петров П. П., учитель' }, ['plan-responsible-contact:warning']),
  cPlan('plan-responsible-contact', 'nobody', { responsible: null }, ['plan-responsible-contact:warning']),
];

// ——— Monitoring form ———

type Pairs = Partial<Record<IndicatorCode, [CellInput, CellInput]>>;
const CLEAN_PAIRS: Pairs = {
  pupils: [450, 500], pupilsEarly: [200, 500], ovz: [10, 12], schools: [1, 1], schoolsEarly: [1, 1],
  teachers: [30, 40], teachersEarly: [10, 40], events: [18, 20], eventsEarly: [5, 5], diagnostics: [150, 160],
};
const CLEAN_LEVELS: CellInput[] = [6, 7, 5];

export function monitoringFill(pairs: Pairs = {}, levels: CellInput[] = CLEAN_LEVELS): Fill {
  const out: Fill = {};
  const all = { ...CLEAN_PAIRS, ...pairs };
  for (const i of MONITORING_INDICATORS) {
    const v = all[i.code];
    out[aKey(i.code)] = v?.[0] ?? null;
    out[bKey(i.code)] = v?.[1] ?? null;
  }
  EDUCATION_LEVELS.forEach((l, k) => (out[l.key] = levels[k] ?? null));
  return out;
}

const cMon = (rule: string, name: string, pairs: Pairs, expect: string[], levels?: CellInput[]): BoundaryCase => ({
  rule, name, fill: monitoringFill(pairs, levels), expect,
});

export const CASES_MONITORING: BoundaryCase[] = [
  cMon('clean', 'every indicator filled right', {}, []),
  cMon('monitoring-a-above-b', 'every pupil took part', { pupils: [500, 500] }, []),
  cMon('monitoring-a-above-b', 'one pupil over all pupils', { pupils: [501, 500] }, ['monitoring-a-above-b:error']),
  cMon('monitoring-a-above-b', 'nobody took part', { pupils: [0, 500] }, []),
  cMon('monitoring-a-above-b', 'teachers one over', { teachers: [41, 40] }, ['monitoring-a-above-b:error']),
  cMon('monitoring-events-above-plan', 'events held = planned', { events: [20, 20] }, [], [6, 9, 5]),
  cMon('monitoring-events-above-plan', 'one event over the plan', { events: [21, 20] }, ['monitoring-events-above-plan:warning'], [6, 10, 5]),
  cMon('monitoring-incomplete', 'B empty', { ovz: [10, null] }, ['monitoring-incomplete:warning']),
  cMon('monitoring-incomplete', 'A empty', { diagnostics: [null, 160] }, ['monitoring-incomplete:warning']),
  cMon('monitoring-incomplete', 'A «—»', { ovz: ['—', 12] }, ['monitoring-incomplete:warning']),
  cMon('monitoring-incomplete', 'both empty', { ovz: [null, null] }, []),
  cMon('monitoring-base-mismatch', 'the second base one over', { pupilsEarly: [200, 501] }, ['monitoring-base-mismatch:warning']),
  cMon('monitoring-levels-sum', 'levels one over the events', {}, ['monitoring-levels-sum:warning'], [6, 8, 5]),
  cMon('monitoring-levels-sum', 'no levels given', {}, [], [null, null, null]),
  cMon('not-whole-number', 'a fraction', { diagnostics: [150.5, 160] }, ['not-whole-number:error']),
  cMon('negative-number', 'a negative A', { eventsEarly: [-1, 5] }, ['negative-number:error']),
  cMon('value-unreadable', 'a word', { teachers: ['много', 40] }, ['value-unreadable:error']),
];

// ——— The rules' verdicts, without a spreadsheet engine ———

/** Problems per sheet row: `sheet!row` → `code:severity`. */
export function problemsByRow(problems: Problem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    if (!p.cell) continue;
    const key = `${p.sheet}!${parseCell(p.cell).row}`;
    out.set(key, [...(out.get(key) ?? []), `${p.code}:${p.severity}`]);
  }
  return out;
}

/** The worst severity of a row's problems. */
export function verdictOf(found: string[]): Verdict {
  if (found.some((f) => f.endsWith(':error'))) return 'error';
  return found.length ? 'warning' : 'ok';
}

/** What the rules say about stamped sheets read back as a person would see them (formulas not computed). */
export function checkPlans(file: string, plans: SheetPlan[]): Problem[] {
  return checkWorkbook(readForms(workbookOf(file, ...plans.map(planToGrid)), { year: PARITY_SETTINGS.year }), PARITY_SETTINGS);
}

/** The rules' findings for boundary rows of table 3.1 (and 3.2), all in one stamped region report. */
export function rulesOnReport(rows31: Fill[], rows32: Fill[]): { of31: (i: number) => string[]; of32: (i: number) => string[] } {
  const fill = { participation: rows31, partners: rows32 };
  const L = appendix3Layout(PARITY_SETTINGS, { fill });
  const byRow = problemsByRow(checkPlans('отчёт.xlsx', [stampAppendix3(PARITY_SETTINGS, { fill })]));
  const of = (row: number) => [...new Set(byRow.get(`${SHEET.report}!${row}`) ?? [])].sort();
  return { of31: (i) => of(L.participation.firstDataRow + i), of32: (i) => of(L.partners.firstDataRow + i) };
}

/** The rules' findings for plan rows, all in one stamped plan. */
export function rulesOnPlan(rows: Fill[]): (i: number) => string[] {
  const L = appendix2Layout(PARITY_SETTINGS, { fill: rows });
  const byRow = problemsByRow(checkPlans('план.xlsx', [stampAppendix2(PARITY_SETTINGS, { fill: rows })]));
  return (i) => [...new Set(byRow.get(`${SHEET.plan}!${L.plan.firstDataRow + i}`) ?? [])].sort();
}

/** The rules' findings for monitoring rows, all in one stamped monitoring form. */
export function rulesOnMonitoring(rows: Fill[]): (i: number) => string[] {
  const L = monitoringLayout(PARITY_SETTINGS, { fill: rows });
  const byRow = problemsByRow(checkPlans('мониторинг.xlsx', [stampMonitoring(PARITY_SETTINGS, { fill: rows })]));
  return (i) => [...new Set(byRow.get(`${SHEET.monitoring}!${L.table.firstDataRow + i}`) ?? [])].sort();
}

export const sortedUnique = (xs: string[]): string[] => [...new Set(xs)].sort();
