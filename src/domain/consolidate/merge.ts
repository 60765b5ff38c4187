/**
 * The merge: many units' received workbooks → one consolidated result, losing nothing. Every row that came in
 * ends up merged, superseded by the same unit's later file, or refused with a reason, and `accounting` proves it.
 * The level above sees only units: schools into a municipality and municipalities into the region merge alike.
 */
import { placeOf, type Problem } from '../problems';
import { reportsOf, type ParticipationRow, type PartnersRow, type PlanRow, type Source } from '../report';
import { PARTNER_CATEGORIES } from '../forms/appendix3';
import { unitKey } from './names';
import { formatReceived } from './cells';
import { buildPartnerRegister, type PartnerRegister } from './partnerRegister';
import { mergeMonitoring, type MonitoringMerge } from '../monitoring/merge';
import { organisationStatuses } from './organisations';
import { reportOutcomes, statusOfRows } from './reportOutcomes';
import {
  isUnreadable, type FileOutcome, type FileStatus, type MergedPlanRow, type MergedUnit, type MergeInput, type MergeResult,
  type ReceivedFile, type ReceivedWorkbook, type RowFate, type RowKind, type Tally, type Totals,
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
  const earlier = new Map((input.earlierRegister ?? []).map((e) => [e.file.toLowerCase(), e]));
  const files = input.files.map((f) => {
    const e = earlier.get(f.file.toLowerCase());
    const same = e && (!e.fingerprint || !f.fingerprint || e.fingerprint === f.fingerprint);
    return { ...f, received: same ? e.received : f.received };
  });

  const expected = new Map<string, string>();
  for (const u of input.expectedUnits) {
    const name = u.trim();
    if (name && !expected.has(unitKey(name))) expected.set(unitKey(name), name);
  }
  const hasList = expected.size > 0;
  // A file's plan rows all name one unit: key each spelling once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = unitKey(name)));
    return k;
  };
  const display = (name: string) => expected.get(keyOf(name)) ?? name.trim();

  const rows: RowFate[] = [];
  const candidates: Candidate[] = [];
  const fileRefusal: (string | null)[] = files.map(() => null);

  files.forEach((f, fileIndex) => {
    if (isUnreadable(f)) {
      fileRefusal[fileIndex] = f.error;
      return;
    }
    const { read, problems } = f;
    const err = firstError(problems);
    const refuse = input.policy === 'refuse-errors' && err
      ? `в файле ${countOf(problems, 'error')} ошиб. (первая — ${describeProblem(err)}); исправьте и пришлите файл снова или сведите с параметром «принимать с ошибками»`
      : null;
    // Each report of the workbook on its own: a collected workbook holds one per school's sheet.
    reportsOf(read).forEach(({ report, plan, notMerged }, part) => {
      const headerUnit = report?.header.unit?.trim() || plan?.header.unit?.trim() || '';
      const reportUnits: string[] = [];
      const add = (kind: RowKind, rawUnit: string, source: Source, row: Candidate['row']) => {
        const unit = rawUnit.trim();
        if (notMerged) {
          rows.push({ kind, fileIndex, source, unit: unit ? display(unit) : '', outcome: 'refused', reason: notMerged, part });
          return;
        }
        if (!unit) {
          rows.push({ kind, fileIndex, source, unit: '', outcome: 'refused', reason: `не указана организация (столбец «Муниципальное образование» и шапка формы пусты): впишите её в строку ${source.row} листа «${source.sheet}»`, part });
          return;
        }
        if (refuse) {
          rows.push({ kind, fileIndex, source, unit: display(unit), outcome: 'refused', reason: refuse, part });
          return;
        }
        candidates.push({ kind, key: keyOf(unit), unit: display(unit), fileIndex, received: f.received, source, row, part });
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
    if (refuse) fileRefusal[fileIndex] = refuse;
    else if (any === 0)
      fileRefusal[fileIndex] = read.report || read.plan || read.monitoring
        ? 'в формах нет ни одной заполненной строки: заполните таблицы и пришлите файл снова'
        : 'в файле не найдены формы прил. 2 или прил. 3 (ищутся по заголовкам столбцов из распоряжения): заполните шаблон «Профкампании» и пришлите снова';
  });

  // The latest file of a unit counts, per kind of row: a unit may send its plan and its report separately.
  const order = (a: Candidate, b: Candidate) => (a.received < b.received ? -1 : a.received > b.received ? 1 : a.fileIndex - b.fileIndex);
  const winner = new Map<string, Candidate>();
  for (const c of candidates) {
    const id = `${c.kind}\u0000${c.key}`;
    const w = winner.get(id);
    if (!w || order(w, c) <= 0) winner.set(id, c);
  }
  const winningFile = (c: Candidate) => winner.get(`${c.kind}\u0000${c.key}`)!.fileIndex;
  const fateOf = new Map<Candidate, RowFate>();
  for (const c of candidates) {
    const wf = winningFile(c);
    const fate: RowFate =
      wf === c.fileIndex
        ? { kind: c.kind, fileIndex: c.fileIndex, source: c.source, unit: c.unit, outcome: 'merged', reason: '', part: c.part }
        : {
        kind: c.kind,
        fileIndex: c.fileIndex,
        source: c.source,
        unit: c.unit,
        outcome: 'superseded',
        reason: `заменена более поздним файлом «${files[wf].file}» (получен ${formatReceived(files[wf].received)})`,
        part: c.part,
      };
    rows.push(fate);
    fateOf.set(c, fate);
  }

  // Units, in the order their winning participation rows came in.
  const units: MergedUnit[] = [];
  const unitByKey = new Map<string, MergedUnit>();
  for (const c of candidates) {
    if (c.kind !== 'participation' || winningFile(c) !== c.fileIndex) continue;
    const f = files[c.fileIndex] as ReceivedWorkbook;
    const u: MergedUnit = {
      unit: c.unit,
      key: c.key,
      onList: hasList ? expected.has(c.key) : null,
      file: f.file,
      received: f.received,
      onTime: isOnTime(f.received, input.deadline),
      participation: c.row as ParticipationRow,
      plan: [],
      errors: countOf(f.problems, 'error'),
      warnings: countOf(f.problems, 'warning'),
    };
    if (unitByKey.has(c.key)) {
      // Two rows of one unit in one file: both count would double it; the second is refused.
      const fate = fateOf.get(c)!;
      fate.outcome = 'refused';
      const first = unitByKey.get(c.key)!.participation.source;
      fate.reason = `организация «${c.unit}» указана в файле дважды; принята первая строка (${first.sheet === c.source.sheet ? '' : `лист «${first.sheet}», `}строка ${first.row})`;
      continue;
    }
    unitByKey.set(c.key, u);
    units.push(u);
  }
  const plan: MergedPlanRow[] = [];
  for (const c of candidates) {
    if (c.kind === 'participation' || winningFile(c) !== c.fileIndex) continue;
    const u = unitByKey.get(c.key);
    if (c.kind === 'partners') {
      if (u && !u.partners) u.partners = c.row as PartnersRow;
      else if (u) {
        const fate = fateOf.get(c)!;
        fate.outcome = 'refused';
        fate.reason = `организация «${c.unit}» указана в табл. 3.2 дважды; принята первая строка`;
      }
      // A partners row of a unit without table 3.1 still names partners: it stays merged into the register.
    } else {
      u?.plan.push(c.row as PlanRow);
      plan.push({ unit: c.unit, file: files[c.fileIndex].file, row: c.row as PlanRow });
    }
  }

  const mergedPartnerRows = candidates.filter(
    (c) => c.kind === 'partners' && fateOf.get(c)!.outcome === 'merged',
  );
  const partners = buildPartnerRegister(
    units.map((u) => ({ unit: u.unit, participation: u.participation })),
    mergedPartnerRows.map((c) => ({ unit: c.unit, row: c.row as PartnersRow })),
  );

  const fatesByFile: RowFate[][] = files.map(() => []);
  for (const r of rows) fatesByFile[r.fileIndex].push(r);
  const monitoring = monitoringOf(files, input, units);
  const fileOutcomes: FileOutcome[] = files.map((f, i) => {
    // A file may bring only the monitoring form: its rows decide the file's status too.
    const monitoringFates = monitoring.monitoring?.rows.filter((r) => r.fileIndex === i) ?? [];
    const fates: Pick<RowFate, 'unit' | 'outcome' | 'reason'>[] = [...fatesByFile[i], ...monitoringFates];
    const problems = isUnreadable(f) ? [] : f.problems;
    const unitsHere = [...new Set(fates.map((r) => r.unit).filter(Boolean))];
    let status: FileStatus;
    let reason = '';
    if (fileRefusal[i] !== null) {
      status = 'refused';
      reason = fileRefusal[i]!;
    } else ({ status, reason } = statusOfRows(fates));
    return {
      file: f.file,
      received: f.received,
      unit: unitsHere.join(', '),
      status,
      reason,
      onTime: isOnTime(f.received, input.deadline),
      errors: isUnreadable(f) ? 1 : countOf(problems, 'error'),
      warnings: countOf(problems, 'warning'),
      fingerprint: f.fingerprint,
      problems,
      reports: isUnreadable(f) ? [] : reportOutcomes(f.read, fatesByFile[i], monitoringFates, fileRefusal[i]),
    };
  });

  const offList = hasList ? units.filter((u) => !u.onList).map((u) => u.unit) : [];
  const result: MergeResult = {
    files: fileOutcomes,
    units,
    expected: [...expected.values()],
    missing: [],
    refused: [],
    organisations: [],
    offList,
    plan,
    partners,
    totals: totalsOf(units, partners),
    rows,
    accounting: tally(rows),
    deadline: input.deadline,
    policy: input.policy,
    ...monitoring,
  };
  result.organisations = organisationStatuses(result);
  for (const o of result.organisations) {
    if (o.fate === 'missing' && o.key) result.missing.push(o.unit);
    if (o.fate === 'refused' && o.key) result.refused.push(o.unit);
  }
  return result;
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
