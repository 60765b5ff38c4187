/**
 * The merge: many units' received workbooks → one consolidated result, losing nothing. Every row that came in
 * ends up merged, superseded by the same unit's later file, or refused with a reason, and `accounting` proves it.
 * The level above sees only units: schools into a municipality and municipalities into the region merge alike.
 */
import { placeOf, type Problem } from '../problems';
import { reportsOf, type ParticipationRow, type PartnersRow, type PlanRow, type Source } from '../report';
import { PARTNER_CATEGORIES } from '../forms/appendix3';
import { unitKey } from './names';
import { plural } from '../text/plural';
import { formatReceived } from './cells';
import { buildPartnerRegister, type PartnerRegister } from './partnerRegister';
import { mergeMonitoring, type MonitoringMerge } from '../monitoring/merge';
import { organisationStatuses } from './organisations';
import { problemsByReport, reportOutcomes, statusOfRows } from './reportOutcomes';
import { applyGivenDates, dateDoubts } from './receiptDates';
import {
  FIX_OR_MERGE_WITH_ERRORS, isUnreadable, type EarlierRegisterEntry, type FileOutcome, type FileStatus, type MergedPlanRow, type MergedUnit, type MergeInput, type MergeResult,
  type ReceivedFile, type ReceivedWorkbook, type Receipt, type RowFate, type RowKind, type Tally, type Totals,
} from './mergeTypes';

export * from './mergeTypes';

const GRADE_KEYS = ['5', '6', '7', '8', '9', '10', '11'];

/** Does the received date-time fall on or before the deadline day? Compared on the calendar date. */
export function isOnTime(received: string, deadline?: string): boolean | null {
  if (!deadline) return null;
  return received.slice(0, 10) <= deadline.slice(0, 10);
}

interface Candidate {
  kind: RowKind;
  key: string;
  unit: string;
  fileIndex: number;
  received: string;
  source: Source;
  row: ParticipationRow | PartnersRow | PlanRow;
  part: number;
  /** Problems of the row's report (a collected workbook's school: its own sheets only). */
  errors: number;
  warnings: number;
}

const countOf = (ps: Problem[], s: Problem['severity']) => ps.reduce((n, p) => n + (p.severity === s ? 1 : 0), 0);

function firstError(ps: Problem[]): Problem | undefined {
  return ps.find((p) => p.severity === 'error');
}

const describeProblem = (p: Problem): string => {
  const place = placeOf(p);
  return `${place}${place ? ': ' : ''}${p.message}`;
};

/** Merge received files. Pure: the same input always gives the same result. */
export function mergeReports(input: MergeInput): MergeResult {
  const earlier = withEarlierDates(input.files, input.earlierRegister);
  const given = applyGivenDates(earlier.files, input.givenDates ?? []);
  const files = given.files;
  const doubts = dateDoubts(files, input.deadline, earlier.modifiedAgain);
  const names = unitNames(input.expectedUnits);
  const { rows, candidates, fileRefusal } = gatherRows(files, input.policy, names);
  const fateOf = supersede(candidates, files, rows);
  const { units, plan, partners } = mergedUnits(candidates, fateOf, files, names, input.deadline, doubts);
  const monitoring = monitoringOf(files, input, units);
  const hasList = names.expected.size > 0;
  const result: MergeResult = {
    files: fileOutcomes(files, rows, fileRefusal, monitoring.monitoring, input.deadline, doubts),
    units,
    expected: [...names.expected.values()],
    missing: [],
    refused: [],
    organisations: [],
    offList: hasList ? units.filter((u) => !u.onList).map((u) => u.unit) : [],
    plan,
    partners,
    totals: totalsOf(units, partners),
    rows,
    accounting: tally(rows),
    deadline: input.deadline,
    policy: input.policy,
    ...(given.unmatched.length ? { givenDatesUnmatched: given.unmatched } : {}),
    ...monitoring,
  };
  result.organisations = organisationStatuses(result);
  for (const o of result.organisations) {
    if (o.fate === 'missing' && o.key) result.missing.push(o.unit);
    if (o.fate === 'refused' && o.key) result.refused.push(o.unit);
  }
  return result;
}

/**
 * A file named in an earlier output's register keeps the date it first came — unless its contents changed (a new
 * receipt). A date the coordinator typed there stays; a letter's date wins over a kept modification time (the
 * letters merged after their saved attachments). `modifiedAgain`: modification times of kept files later than the
 * date recorded for them — the folder was saved or copied again since (receiptDates.ts, dateDoubts).
 */
function withEarlierDates(files: ReceivedFile[], register: MergeInput['earlierRegister'] = []): { files: ReceivedFile[]; modifiedAgain: string[] } {
  const earlier = new Map<string, EarlierRegisterEntry>();
  // A file of several reports has a line each: a date typed on any of them is the coordinator's.
  for (const e of register) if (e.dateSource === 'manual' || !earlier.has(e.file.toLowerCase())) earlier.set(e.file.toLowerCase(), e);
  const modifiedAgain: string[] = [];
  const out = files.map((f) => {
    const e = earlier.get(f.file.toLowerCase());
    const same = e && (!e.fingerprint || !f.fingerprint || e.fingerprint === f.fingerprint);
    if (!e || !same) return f;
    const source = f.dateSource ?? 'modified';
    const kept = e.dateSource ?? 'modified';
    if (source === 'message' && kept === 'modified') return f;
    if (source === 'modified' && kept === 'modified' && f.received > e.received) modifiedAgain.push(f.received);
    return { ...f, received: e.received, ...(e.dateSource && e.dateSource !== 'modified' ? { dateSource: e.dateSource } : {}) };
  });
  return { files: out, modifiedAgain };
}

/** How units are told apart and shown: the expected list's spelling where the unit is on it. */
interface UnitNames {
  expected: Map<string, string>;
  keyOf: (name: string) => string;
  display: (name: string) => string;
}

function unitNames(list: string[]): UnitNames {
  const expected = new Map<string, string>();
  for (const u of list) {
    const name = u.trim();
    if (name && !expected.has(unitKey(name))) expected.set(unitKey(name), name);
  }
  // A file's plan rows all name one unit: key each spelling once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = unitKey(name)));
    return k;
  };
  return { expected, keyOf, display: (name) => expected.get(keyOf(name)) ?? name.trim() };
}

/** Why a file with errors is refused under «refuse-errors»: how many, and the first one with its place. */
function errorRefusal(problems: Problem[], what = 'в файле'): string | null {
  const err = firstError(problems);
  if (!err) return null;
  const n = countOf(problems, 'error');
  return `${what} ${n} ${plural(n, ['ошибка', 'ошибки', 'ошибок'])} (первая — ${describeProblem(err)}); ${FIX_OR_MERGE_WITH_ERRORS}`;
}

/**
 * Every received row becomes a candidate for the merge or is refused with its reason (no unit named, the file
 * refused for errors, a report the reader set aside); a file with no row at all is refused as a whole.
 */
function gatherRows(files: ReceivedFile[], policy: MergeInput['policy'], names: UnitNames) {
  const rows: RowFate[] = [];
  const candidates: Candidate[] = [];
  const fileRefusal: (string | null)[] = files.map(() => null);
  files.forEach((f, fileIndex) => {
    if (f.notReport !== undefined) return; // no report, no rows: listed as «не отчёт», refused for nothing
    if (isUnreadable(f)) {
      fileRefusal[fileIndex] = f.error;
      return;
    }
    const { read, problems } = f;
    // Each report of the workbook on its own: a collected workbook holds one per school's sheet, and a school's
    // errors refuse only its report.
    const parts = reportsOf(read);
    const partProblems = problemsByReport(read, problems);
    const refusalOf = (ps: Problem[], what?: string) => (policy === 'refuse-errors' ? errorRefusal(ps, what) : null);
    const refusals = parts.map((r, i) => (r.notMerged ? undefined : refusalOf(partProblems[i], parts.length > 1 ? 'в отчёте' : 'в файле')));
    const open = refusals.filter((r) => r !== undefined);
    const refuseFile = parts.length <= 1 ? refusalOf(problems) : open.length && open.every(Boolean) ? open[0]! : null;
    parts.forEach(({ report, plan, notMerged }, part) => {
      const refuse = refusals[part];
      const errors = countOf(partProblems[part], 'error');
      const warnings = countOf(partProblems[part], 'warning');
      const headerUnit = report?.header.unit?.trim() || plan?.header.unit?.trim() || '';
      const reportUnits: string[] = [];
      const add = (kind: RowKind, rawUnit: string, source: Source, row: Candidate['row']) => {
        const unit = rawUnit.trim();
        if (notMerged) {
          rows.push({ kind, fileIndex, source, unit: unit ? names.display(unit) : '', outcome: 'refused', reason: notMerged, part });
          return;
        }
        if (!unit) {
          rows.push({ kind, fileIndex, source, unit: '', outcome: 'refused', reason: `не указана организация (столбец «Муниципальное образование» и шапка формы пусты): впишите её в строку ${source.row} листа «${source.sheet}»`, part });
          return;
        }
        if (refuse) {
          rows.push({ kind, fileIndex, source, unit: names.display(unit), outcome: 'refused', reason: refuse, part });
          return;
        }
        candidates.push({ kind, key: names.keyOf(unit), unit: names.display(unit), fileIndex, received: f.received, source, row, part, errors, warnings });
      };
      const single = (n: number) => (n === 1 ? headerUnit : '');
      for (const r of report?.participation ?? []) {
        const u = r.unit.value?.trim() || single(report!.participation.length);
        if (u) reportUnits.push(u);
        add('participation', u, r.source, r);
      }
      for (const r of report?.partners ?? []) add('partners', r.unit.value?.trim() || single(report!.partners.length), r.source, r);
      const planUnit = plan?.header.unit?.trim() || (reportUnits.length === 1 ? reportUnits[0] : '') || headerUnit;
      for (const r of plan?.rows ?? []) add('plan', planUnit, r.source, r);
    });
    const any = reportsOf(read).reduce((n, r) => n + (r.report?.participation.length ?? 0) + (r.report?.partners.length ?? 0) + (r.plan?.rows.length ?? 0), read.monitoring?.rows.length ?? 0);
    if (refuseFile) fileRefusal[fileIndex] = refuseFile;
    else if (any === 0)
      fileRefusal[fileIndex] = read.report || read.plan || read.monitoring
        ? 'в формах нет ни одной заполненной строки: заполните таблицы и пришлите файл снова'
        : 'в файле не найдены формы прил. 2 или прил. 3 (ищутся по заголовкам столбцов из распоряжения): заполните шаблон «Профкампании» и пришлите снова';
  });
  return { rows, candidates, fileRefusal };
}

/**
 * The latest file of a unit counts, per kind of row (a unit may send its plan and its report separately); the
 * rows of its earlier files are superseded. Each candidate's fate is added to `rows`.
 */
function supersede(candidates: Candidate[], files: ReceivedFile[], rows: RowFate[]): Map<Candidate, RowFate> {
  const order = (a: Candidate, b: Candidate) => (a.received < b.received ? -1 : a.received > b.received ? 1 : a.fileIndex - b.fileIndex);
  // By kind, then by the unit's key: no key made per row (a Свод's 40,000 rows made and hashed 80,000 of them).
  const winners = new Map<RowKind, Map<string, Candidate>>();
  const winnersOf = (kind: RowKind) => winners.get(kind) ?? winners.set(kind, new Map()).get(kind)!;
  for (const c of candidates) {
    const ofKind = winnersOf(c.kind);
    const w = ofKind.get(c.key);
    if (!w || order(w, c) <= 0) ofKind.set(c.key, c);
  }
  const fateOf = new Map<Candidate, RowFate>();
  for (const c of candidates) {
    const wf = winnersOf(c.kind).get(c.key)!.fileIndex;
    const fate: RowFate = { kind: c.kind, fileIndex: c.fileIndex, source: c.source, unit: c.unit, outcome: 'merged', reason: '', part: c.part };
    if (wf !== c.fileIndex) {
      fate.outcome = 'superseded';
      fate.reason = `в своде файл «${files[wf].file}» (получен ${formatReceived(files[wf].received)})`;
    }
    rows.push(fate);
    fateOf.set(c, fate);
  }
  return fateOf;
}

/**
 * The merged units, in the order their winning participation rows came in, with their partners and plan rows; a
 * unit's second row in one file is refused (counting both would double it). Then the partner register.
 */
function mergedUnits(candidates: Candidate[], fateOf: Map<Candidate, RowFate>, files: ReceivedFile[], names: UnitNames, deadline: string | undefined, doubts: (string | undefined)[]) {
  const hasList = names.expected.size > 0;
  const units: MergedUnit[] = [];
  const unitByKey = new Map<string, MergedUnit>();
  const winning = candidates.filter((c) => fateOf.get(c)!.outcome === 'merged');
  for (const c of winning) {
    if (c.kind !== 'participation') continue;
    const f = files[c.fileIndex] as ReceivedWorkbook;
    if (unitByKey.has(c.key)) {
      const fate = fateOf.get(c)!;
      fate.outcome = 'refused';
      const first = unitByKey.get(c.key)!.participation.source;
      fate.reason = `организация «${c.unit}» указана в файле дважды; принята первая строка (${first.sheet === c.source.sheet ? '' : `лист «${first.sheet}», `}строка ${first.row})`;
      continue;
    }
    const u: MergedUnit = {
      unit: c.unit,
      key: c.key,
      onList: hasList ? names.expected.has(c.key) : null,
      file: f.file,
      received: f.received,
      ...timeliness(f, deadline, doubts[c.fileIndex]),
      participation: c.row as ParticipationRow,
      plan: [],
      errors: c.errors,
      warnings: c.warnings,
    };
    unitByKey.set(c.key, u);
    units.push(u);
  }
  const plan: MergedPlanRow[] = [];
  const partnerRows: { unit: string; row: PartnersRow }[] = [];
  for (const c of winning) {
    const u = unitByKey.get(c.key);
    if (c.kind === 'partners') {
      if (u && u.partners) {
        const fate = fateOf.get(c)!;
        fate.outcome = 'refused';
        fate.reason = `организация «${c.unit}» указана в табл. 3.2 дважды; принята первая строка`;
        continue;
      }
      if (u) u.partners = c.row as PartnersRow;
      // A partners row of a unit without table 3.1 still names partners: it stays merged into the register.
      partnerRows.push({ unit: c.unit, row: c.row as PartnersRow });
    } else if (c.kind === 'plan') {
      u?.plan.push(c.row as PlanRow);
      plan.push({ unit: c.unit, file: files[c.fileIndex].file, row: c.row as PlanRow });
    }
  }
  const partners = buildPartnerRegister(units.map((u) => ({ unit: u.unit, participation: u.participation })), partnerRows);
  return { units, plan, partners };
}

/** Each file's outcome: refused as a whole, or as its rows (and monitoring rows) fared. */
/**
 * On time or not by the file's date — unless its date is not known (the open workbook's sheets) or is a
 * modification time that looks like a save: then a late date states nothing (onTime null, the doubt said).
 */
function timeliness(f: ReceivedFile, deadline: string | undefined, doubt: string | undefined): { onTime: boolean | null; dateDoubt?: string } {
  if (f.notReport !== undefined || (!isUnreadable(f) && f.undated)) return { onTime: null };
  const onTime = isOnTime(f.received, deadline);
  return onTime === false && doubt ? { onTime: null, dateDoubt: doubt } : { onTime };
}

function fileOutcomes(files: ReceivedFile[], rows: RowFate[], fileRefusal: (string | null)[], monitoring: MonitoringMerge | undefined, deadline: string | undefined, doubts: (string | undefined)[]): FileOutcome[] {
  const fatesByFile: RowFate[][] = files.map(() => []);
  for (const r of rows) fatesByFile[r.fileIndex].push(r);
  return files.map((f, i) => {
    // A file may bring only the monitoring form: its rows decide the file's status too.
    const monitoringFates = monitoring?.rows.filter((r) => r.fileIndex === i) ?? [];
    const fates: Pick<RowFate, 'unit' | 'outcome' | 'reason'>[] = [...fatesByFile[i], ...monitoringFates];
    const problems = isUnreadable(f) ? [] : f.problems;
    let status: FileStatus;
    let reason = '';
    if (f.notReport !== undefined) {
      // A cover letter, a signature, a picture: listed, neither merged nor refused (no rows came from it).
      status = 'not-report';
      reason = f.notReport;
    } else if (fileRefusal[i] !== null) {
      status = 'refused';
      reason = fileRefusal[i]!;
    } else ({ status, reason } = statusOfRows(fates));
    return {
      file: f.file,
      received: f.received,
      unit: [...new Set(fates.map((r) => r.unit).filter(Boolean))].join(', '),
      status,
      reason,
      ...timeliness(f, deadline, doubts[i]),
      errors: f.notReport !== undefined ? 0 : isUnreadable(f) ? 1 : countOf(problems, 'error'),
      warnings: countOf(problems, 'warning'),
      fingerprint: f.fingerprint,
      ...receiptOf(f),
      problems,
      reports: isUnreadable(f) ? [] : reportOutcomes(f.read, f.problems, fatesByFile[i], monitoringFates, fileRefusal[i]),
    };
  });
}

/** How the file came (date source, sender, letters and archives around it), only the fields it has. */
function receiptOf(f: ReceivedFile): Receipt {
  const out: Receipt = {};
  if (f.dateSource) out.dateSource = f.dateSource;
  if (f.sender) out.sender = f.sender;
  if (f.via?.length) out.via = f.via;
  if (f.notReport !== undefined) out.notReport = f.notReport;
  return out;
}

function tally(rows: RowFate[]): Record<RowKind, Tally> {
  const t = (): Tally => ({ received: 0, merged: 0, superseded: 0, refused: 0 });
  const out: Record<RowKind, Tally> = { participation: t(), partners: t(), plan: t() };
  for (const r of rows) {
    out[r.kind].received++;
    out[r.kind][r.outcome]++;
  }
  return out;
}

/** True when every received row is merged, superseded or refused — nothing lost, nothing counted twice. */
export function accountingBalances(result: MergeResult, rowsIn: Record<RowKind, number>): boolean {
  return (Object.keys(rowsIn) as RowKind[]).every((k) => {
    const t = result.accounting[k];
    return t.received === rowsIn[k] && t.merged + t.superseded + t.refused === rowsIn[k];
  });
}

/** Rows a set of received files holds, counted straight from what was read (the other side of the balance). */
export function rowsReceived(files: ReceivedFile[]): Record<RowKind, number> {
  const out: Record<RowKind, number> = { participation: 0, partners: 0, plan: 0 };
  for (const f of files) {
    if (isUnreadable(f)) continue;
    for (const r of reportsOf(f.read)) {
      out.participation += r.report?.participation.length ?? 0;
      out.partners += r.report?.partners.length ?? 0;
      out.plan += r.plan?.rows.length ?? 0;
    }
  }
  return out;
}

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function totalsOf(units: MergedUnit[], partners: PartnerRegister): Totals {
  const grades: Record<string, number> = Object.fromEntries(GRADE_KEYS.map((g) => [g, 0]));
  const ovzGrades: Record<string, number> = Object.fromEntries(GRADE_KEYS.map((g) => [g, 0]));
  const t: Totals = {
    schools: 0, schoolsActive: 0, events: 0, students: 0, participants: 0, grades, teachers: 0, teachersTotal: 0,
    ovzStudents: 0, ovzParticipants: 0, ovzGrades,
    partners: { distinct: partners.distinct, ...Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, partners.byCategory[c].distinct])) } as Totals['partners'],
  };
  for (const { participation: p } of units) {
    t.schools += num(p.schools.value);
    t.schoolsActive += num(p.schoolsActive.value);
    t.events += num(p.events.value);
    t.students += num(p.students.value);
    t.participants += num(p.participants.value);
    t.teachers += num(p.teachers.value);
    t.teachersTotal += num(p.teachersTotal.value);
    t.ovzStudents += num(p.ovzStudents.value);
    t.ovzParticipants += num(p.ovzParticipants.value);
    GRADE_KEYS.forEach((g, i) => {
      grades[g] += num(p.grades[i]?.value);
      ovzGrades[g] += num(p.ovzGrades[i]?.value);
    });
  }
  return t;
}

/** The monitoring rows, in the order of the merged units; nothing when no file had the monitoring form. */
function monitoringOf(files: ReceivedFile[], input: MergeInput, units: MergedUnit[]): { monitoring?: MonitoringMerge } {
  const m = mergeMonitoring(files, input.expectedUnits, input.policy, units.map((u) => u.key));
  return m.rows.length ? { monitoring: m } : {};
}
