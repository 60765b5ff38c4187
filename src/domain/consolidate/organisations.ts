/**
 * One truth about each organisation after a merge: what became of its report, in the same words wherever it is
 * shown — the pane, «Реестр отчётов», «Показатели», «Аналитическая справка» and the command line's JSON.
 * Everything here is derived from the MergeResult; nothing is decided twice.
 *
 * A school that sent a report which was refused is «прислал, отклонён», never «не прислал»: the coordinator has to
 * ask it for a corrected file, not remind it to send one.
 */
import type { FileFate, FileOutcome, MergeResult, OrganisationStatus, ReportFate } from './mergeTypes';
import { unitKey } from './names';

export type { FileFate, OrganisationStatus, ReportFate } from './mergeTypes';

export const REPORT_FATES: readonly ReportFate[] = ['missing', 'refused', 'withErrors', 'late', 'unconfirmed', 'received', 'onTime', 'superseded'];

/** The words, Russian and English. `withErrors` gets its number of errors appended by `fateLabel`. */
export const FATE_TITLE: Record<ReportFate, { ru: string; en: string }> = {
  onTime: { ru: 'в срок', en: 'on time' },
  late: { ru: 'с опозданием', en: 'late' },
  // Merged; its date after the deadline is a file's modification time that looks like a save, not a receipt.
  unconfirmed: { ru: 'срок не подтверждён', en: 'receipt date not confirmed' },
  received: { ru: 'получен, срок не задан', en: 'received, no deadline set' },
  withErrors: { ru: 'в своде с ошибками', en: 'merged with errors' },
  refused: { ru: 'прислал, отклонён', en: 'sent, refused' },
  missing: { ru: 'не прислал', en: 'did not report' },
  superseded: { ru: 'заменён более поздним', en: 'replaced by a later report' },
};

export type Lang = 'ru' | 'en';

/** Fates that ask the coordinator to do something, most urgent first (the pane lists problems first). */
export const needsAttention = (f: ReportFate): boolean => f === 'missing' || f === 'refused' || f === 'withErrors' || f === 'late' || f === 'unconfirmed';

/** «в своде с ошибками (5)», «прислал, отклонён» — the fate as a label; errors only where they decide it. */
export function fateLabel(fate: ReportFate, errors = 0, lang: Lang = 'ru'): string {
  const t = FATE_TITLE[fate][lang];
  return fate === 'withErrors' ? `${t} (${errors})` : t;
}

/**
 * How a merged file's organisation stands: errors first (they need fixing), then timeliness — never «с опозданием»
 * on a date in doubt (`dateDoubt`: a modification time that looks like a save), which is «срок не подтверждён».
 */
function mergedFate(f: Pick<FileOutcome, 'errors' | 'onTime' | 'dateDoubt'>): ReportFate {
  if (f.errors > 0) return 'withErrors';
  if (f.onTime === null) return f.dateDoubt ? 'unconfirmed' : 'received';
  return f.onTime ? 'onTime' : 'late';
}

/**
 * The fate of one report file as the register shows it. An attachment that is no report (`not-report`) has no
 * fate: organisationStatuses leaves it out and the register words it itself (NOT_REPORT_TITLE).
 */
export function fileFate(f: FileOutcome): ReportFate {
  if (f.status === 'not-report') throw new Error(`«${f.file}» — не отчёт: у него нет судьбы отчёта`);
  return f.status === 'merged' ? mergedFate(f) : f.status;
}

/** A file name («МБОУ СОШ № 1 (копия).xlsx») → the key of the unit it is named after, to place an unreadable file. */
export function unitKeyOfFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return unitKey(base.replace(/(\s*\([^()]*\))+\s*$/, '').replace(/\s*[-–—]\s*копия$/i, ''));
}

/** Keys of the units each file reports on, from the fates of its rows (and its monitoring rows). */
function unitsOfFiles(result: MergeResult): string[][] {
  const out: Set<string>[] = result.files.map(() => new Set());
  for (const r of result.rows) if (r.unit) out[r.fileIndex]?.add(unitKey(r.unit));
  for (const r of result.monitoring?.rows ?? []) if (r.unit) out[r.fileIndex]?.add(unitKey(r.unit));
  return out.map((s) => [...s]);
}

/**
 * The status of every organisation: the expected ones (in the list's order), then the others in the order their
 * first file came in, then files no organisation could be told for (each its own line, refused). Pure.
 */
export function organisationStatuses(result: MergeResult): OrganisationStatus[] {
  const byKey = new Map<string, OrganisationStatus>();
  const blank = (unit: string, key: string, onList: boolean | null): OrganisationStatus => ({
    unit, key, fate: 'missing', label: '', onList, file: '', received: '', onTime: null, errors: 0, warnings: 0, reason: '', problems: [], files: [],
  });
  const hasList = result.expected.length > 0;
  for (const name of result.expected) byKey.set(unitKey(name), blank(name, unitKey(name), true));

  const loose: OrganisationStatus[] = [];
  const fileUnits = unitsOfFiles(result);
  const displayOf = new Map<string, string>();
  for (const r of result.rows) if (r.unit && !displayOf.has(unitKey(r.unit))) displayOf.set(unitKey(r.unit), r.unit);
  for (const u of result.units) displayOf.set(u.key, u.unit);

  result.files.forEach((f, index) => {
    if (f.status === 'not-report') return; // a cover letter or a picture: no organisation's report
    let keys = fileUnits[index];
    if (keys.length === 0) {
      const guess = unitKeyOfFileName(f.file);
      if (byKey.has(guess) || displayOf.has(guess)) keys = [guess];
    }
    const entryOf = (g: FileOutcome): FileFate => ({ file: g.file, received: g.received, fate: fileFate(g), reason: g.reason, errors: g.errors, warnings: g.warnings, index });
    if (keys.length === 0) {
      loose.push({ ...blank(f.file, '', hasList ? false : null), files: [entryOf(f)], ...decided(f, 'refused') });
      return;
    }
    for (const key of keys) {
      let o = byKey.get(key);
      if (!o) byKey.set(key, (o = blank(displayOf.get(key) ?? f.unit ?? f.file, key, hasList ? false : null)));
      o.files.push(entryOf(asSeenBy(f, key)));
    }
  });

  const merged = new Map(result.units.map((u) => [u.key, u]));
  for (const o of byKey.values()) {
    o.files.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : a.index - b.index));
    const u = merged.get(o.key);
    if (u) {
      const at = o.files.find((x) => x.file === u.file)?.index;
      const f = at === undefined ? undefined : asSeenBy(result.files[at], o.key);
      Object.assign(o, f ? decided(f, mergedFate(f)) : { fate: mergedFate(u), file: u.file, received: u.received, onTime: u.onTime, errors: u.errors, warnings: u.warnings, reason: u.dateDoubt ?? '' });
      continue;
    }
    const refused = [...o.files].reverse().find((x) => x.fate === 'refused');
    if (refused) {
      Object.assign(o, decided(asSeenBy(result.files[refused.index], o.key), 'refused'));
      continue;
    }
    o.fate = 'missing';
    o.reason = o.files.length
      ? 'приняты только план (прил. 2) или мониторинг, отчёта по форме прил. 3 нет: запросите отчёт'
      : 'отчёт не получен: напомните организации';
  }
  const out = [...byKey.values(), ...loose];
  for (const o of out) o.label = fateLabel(o.fate, o.errors);
  return out;
}

/**
 * A file as one organisation sees it: in a workbook of collected schools' sheets, that school's report — its own
 * status, errors and problems, not its neighbours'. A file of one report is itself.
 */
function asSeenBy(f: FileOutcome, key: string): FileOutcome {
  const mine = (f.reports ?? []).filter((r) => r.keys.includes(key));
  if ((f.reports?.length ?? 0) <= 1 || mine.length === 0) return f;
  const r = mine.find((x) => x.status === 'merged') ?? mine.find((x) => x.status === 'superseded') ?? mine[0];
  const sheets = new Set(mine.flatMap((x) => x.sheets));
  return { ...f, status: r.status, reason: r.reason, errors: r.errors, warnings: r.warnings, problems: f.problems.filter((p) => !p.sheet || sheets.has(p.sheet)) };
}

function decided(f: FileOutcome, fate: ReportFate): Partial<OrganisationStatus> {
  return {
    fate, file: f.file, received: f.received, onTime: f.onTime, errors: f.errors, warnings: f.warnings,
    // Not confirmed: why, and what to do (give the date, or merge the letters).
    reason: fate === 'unconfirmed' ? [f.reason, f.dateDoubt].filter(Boolean).join('; ') : f.reason, problems: f.problems,
  };
}

/**
 * How many organisations stand where. `expected` is the base of every share of organisations: the expected list
 * together with every organisation the received files name (an off-list school that reported counts as well, or
 * a share could pass 100 %) — never the merged ones alone. A file no organisation could be told for is no
 * organisation of its own.
 */
export interface OrganisationCounts extends Record<Exclude<ReportFate, 'superseded'>, number> {
  expected: number;
  /** Organisations with a report in the consolidation (on time, late, not confirmed, received, with errors). */
  merged: number;
}

export function organisationCounts(statuses: OrganisationStatus[]): OrganisationCounts {
  const c: OrganisationCounts = { expected: 0, merged: 0, onTime: 0, late: 0, unconfirmed: 0, received: 0, withErrors: 0, refused: 0, missing: 0 };
  for (const o of statuses) {
    if (o.key === '' || o.fate === 'superseded') continue;
    c[o.fate]++;
    c.expected++;
  }
  c.merged = c.onTime + c.late + c.unconfirmed + c.received + c.withErrors;
  return c;
}

/**
 * What «Реестр отчётов» lists, counted line by line as it lists them: a line per report of each file (a workbook of
 * collected sheets has several, an unreadable file one), each merged, superseded or refused; attachments that are
 * no report apart. The pane's summary counts from here, so a refused file of a school whose earlier file is in the
 * consolidation, or a duplicate sheet set aside, is counted on screen exactly as in the register.
 */
export interface ReceiptCounts {
  files: number;
  /** Report lines (files with no report count one line). */
  reports: number;
  merged: number;
  superseded: number;
  /** Report lines refused: whole files and single reports, set-aside sheets included. */
  refused: number;
  /** Of the refused: sheets the reader set aside (a unit's second copy in a workbook, a hidden sheet). */
  setAside: number;
  notReports: number;
}

export function receiptCounts(result: Pick<MergeResult, 'files'>): ReceiptCounts {
  const c: ReceiptCounts = { files: result.files.length, reports: 0, merged: 0, superseded: 0, refused: 0, setAside: 0, notReports: 0 };
  for (const f of result.files) {
    if (f.status === 'not-report') {
      c.notReports++;
      continue;
    }
    const lines: { status: FileOutcome['status']; setAside?: boolean }[] = f.reports?.length ? f.reports : [f];
    for (const r of lines) {
      c.reports++;
      if (r.status === 'merged') c.merged++;
      else if (r.status === 'superseded') c.superseded++;
      else if (r.status === 'refused') {
        c.refused++;
        if (r.setAside) c.setAside++;
      }
    }
  }
  return c;
}
