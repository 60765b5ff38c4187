/**
 * Applies sheet plans to the open workbook.
 *
 * Round trips: one sync reads what is there (sheet names, names, what each sheet to be rewritten holds), every
 * write of every plan is queued into one request (sent early only when it would pass `chunkBytes`: Excel on the
 * web refuses 5 MB), and one more request recalculates, removes the backups and applies the cosmetics (frozen
 * panes, tab colours, print setup) — which cost only themselves when a build refuses them (cosmetics.ts).
 *
 * In place: a sheet that exists is rewritten, never renamed aside and deleted, so formulas, names, charts and
 * pivot tables that refer to it keep working (regenerate.ts). All or nothing: until the data of every sheet is
 * written, any failure puts every rewritten sheet back as it was (regenerate.ts says exactly what that covers)
 * and removes the sheets this apply added.
 *
 * Never destroys user data: a sheet the add-in does not own, or an owned form whose input cells hold data, is a
 * Conflict; the caller asks the user (replace, write a copy «… (2)», or skip). Without an answer nothing is written.
 */
import { cellRef, parseCell, parseRange } from '../domain/a1';
import { heldRows, isFormula, type SheetPlan } from '../domain/sheetPlan';
import { SHEET } from '../domain/sheetNames';
import type { OwnedSheet } from '../domain/settingsSheet';
import { applyCosmetics, type FinishStep } from './cosmetics';
import { ExcelActionError, excelErrorMessage } from './errors';
import { backUp, clearForRewrite, loadBefore, readBefore, restore, type SheetBefore } from './regenerate';
import { RequestQueue, recalculate } from './requestQueue';
import type { ApiSupport, ExcelRun } from './support';
import { CHART_PREFIX, writeLayout, writeReferences } from './writePlan';

export { RequestQueue } from './requestQueue';
export { splitQualified } from './writePlan';

export type ConflictReason = 'foreign' | 'user-data';
export interface Conflict {
  sheet: string;
  reason: ConflictReason;
  /** Cells holding the user's data (first few), for the question. */
  cells: string[];
  /** The name a copy would get. */
  copyName: string;
}
export type Resolution = 'replace' | 'copy' | 'skip';

export interface ApplyOptions {
  run: ExcelRun;
  support: ApiSupport;
  /** Sheets the add-in owns (from its settings sheet). */
  owned: readonly OwnedSheet[];
  /** Asked when a conflict is found; without it conflicts are skipped. */
  resolve?: (conflicts: Conflict[]) => Promise<Record<string, Resolution>>;
  /** The settings sheet, built once the owned list after this apply is known. */
  settingsPlan?: (ownedAfter: OwnedSheet[]) => SheetPlan;
  /** Flush a request before it passes this many bytes (default 4,000,000; Excel's limit is 5 MB). */
  chunkBytes?: number;
  /** Activate the first visible sheet written (default true). */
  activate?: boolean;
}

export interface ApplyResult {
  written: { planned: string; sheet: string; replaced: boolean }[];
  skipped: string[];
  owned: OwnedSheet[];
  /** Russian notes on what this Excel could not do (validation, print setup…). */
  notes: string[];
  /**
   * Russian lines on the cosmetics this Excel refused (frozen header rows, tab colour, print setup) while the data
   * was written all the same; also included in `notes`.
   */
  notApplied: string[];
}

/** Forms a person fills in: regenerating them must not lose what was typed. */
const FILLED_KINDS = new Set<SheetPlan['kind']>(['appendix2', 'appendix3', 'monitoring']);

const DEFAULT_CHUNK = 4_000_000;
const MAX_SHEET_NAME = 31;

interface Existing {
  names: string[];
  /** Non-empty input cells of existing filled forms, by sheet name. */
  filled: Map<string, string[]>;
  /** What each existing sheet a plan may rewrite holds, by lower-case name. */
  before: Map<string, SheetBefore>;
}

interface Work {
  plan: SheetPlan;
  finalName: string;
  replaces: boolean;
  before?: SheetBefore;
  backup?: string;
  /** Marks this apply's charts on the sheet: "a" or "b", whichever its earlier charts do not use (repeatable runs give
   * the same names, and the earlier ones can be told apart until they are removed). */
  chartStamp: string;
}

export async function applySheetPlans(plansIn: SheetPlan[], opts: ApplyOptions): Promise<ApplyResult> {
  const { support } = opts;
  const settingsName = opts.settingsPlan ? SHEET.settings : undefined;
  const existing = await readExisting(plansIn, opts.run, support, settingsName).catch((e: unknown) => {
    throw new ExcelActionError(`${excelErrorMessage(e, 'чтение книги перед записью')} Ничего не изменено.`);
  });
  const ownedLower = new Set(opts.owned.map((o) => o.name.toLowerCase()));
  const has = (n: string) => existing.names.some((e) => e.toLowerCase() === n.toLowerCase());

  const conflicts: Conflict[] = [];
  for (const p of plansIn) {
    if (!has(p.name)) continue;
    const owned = ownedLower.has(p.name.toLowerCase());
    const filled = existing.filled.get(p.name) ?? [];
    if (!owned || filled.length > 0)
      conflicts.push({ sheet: p.name, reason: owned ? 'user-data' : 'foreign', cells: filled.slice(0, 5), copyName: freeName(p.name, existing.names) });
  }
  const answers = conflicts.length && opts.resolve ? await opts.resolve(conflicts) : {};

  const targets: Omit<Work, 'chartStamp'>[] = [];
  const skipped: string[] = [];
  const taken = [...existing.names];
  for (const p of plansIn) {
    const c = conflicts.find((x) => x.sheet === p.name);
    const answer: Resolution = c ? (answers[p.name] ?? 'skip') : 'replace';
    if (answer === 'skip') {
      skipped.push(p.name);
      continue;
    }
    const finalName = answer === 'copy' ? freeName(p.name, taken) : p.name;
    taken.push(finalName);
    targets.push({ plan: { ...p, name: finalName }, finalName, replaces: answer === 'replace' && has(p.name) });
  }
  const owned = uniqueSheets([...opts.owned, ...targets.map((t) => ({ name: t.finalName, kind: t.plan.kind }))]);
  if (opts.settingsPlan && targets.length > 0) {
    const withSettings = uniqueSheets([...owned, { name: SHEET.settings, kind: 'settings' }]);
    const sp = opts.settingsPlan(withSettings);
    targets.push({ plan: sp, finalName: sp.name, replaces: has(sp.name) });
    owned.splice(0, owned.length, ...uniqueSheets([...withSettings, { name: sp.name, kind: 'settings' }]));
  }
  const notes = featureNotes(targets.map((t) => t.plan), support);
  if (targets.length === 0) return { written: [], skipped, owned: [...opts.owned], notes, notApplied: [] };

  const stamp = Date.now().toString(36).slice(-5);
  const work: Work[] = targets.map((t, i) => {
    const before = t.replaces ? existing.before.get(t.finalName.toLowerCase()) : undefined;
    return {
      ...t,
      before,
      backup: t.replaces && support.copyRange ? freeName(`ПК_old${i}_${stamp}`, taken) : undefined,
      chartStamp: before?.charts.some((c) => c.startsWith(`${CHART_PREFIX}a_`)) ? 'b' : 'a',
    };
  });
  const which = targets.map((t) => `«${t.finalName}»`).join(', ');
  try {
    await opts.run(async (ctx) => {
      const q = new RequestQueue(ctx, support, opts.chunkBytes ?? DEFAULT_CHUNK);
      const sheets = ctx.workbook.worksheets;
      const ws = new Map<string, Excel.Worksheet>();
      // 1. Keep what each rewritten sheet holds; add the new sheets under their final names.
      for (const w of work) {
        if (w.replaces) {
          const s = sheets.getItem(w.finalName);
          if (w.backup && w.before) backUp(sheets, s, w.before, w.backup);
          ws.set(w.finalName, s);
          await q.reserve(0, 4);
        } else ws.set(w.finalName, sheets.add(w.finalName));
      }
      // 2. Empty the rewritten sheets and write every sheet's values, formats and merges.
      for (const w of work) {
        const s = ws.get(w.finalName)!;
        if (w.replaces && w.before) await q.reserve(0, clearForRewrite(s, w.before, support));
        await writeLayout(s, w.plan, q);
      }
      // 3. What refers to names (every sheet exists under its final name by now).
      for (const w of work) await writeReferences(ws.get(w.finalName)!, w.plan, q, { ctx, stamp: w.chartStamp });
      await q.flush();
    });
  } catch (e) {
    const failed = excelErrorMessage(e, `запись ${targets.length > 1 ? 'листов' : 'листа'} ${which}`);
    const undone = await undo(opts.run, work, support).catch(() => false);
    throw new ExcelActionError(
      undone
        ? `${failed} Книга оставлена как была.`
        : `${failed} Вернуть книгу в прежний вид не удалось: удалите листы «ПК_old…», если они остались, и сформируйте листы ${which} заново.`,
    );
  }
  // The data is written: from here nothing is undone. Recalculate, drop the backups and the sheets' earlier charts.
  const first = opts.activate !== false ? work.find((w) => !w.plan.hidden) : undefined;
  const { notApplied, stepsDone } = await applyCosmetics(
    opts.run,
    work.map((w) => ({ plan: w.plan, sheet: w.finalName, replaced: w.replaces })),
    support,
    finishSteps(work, first?.finalName),
  );
  if (!stepsDone) notApplied.unshift(`Листы ${which} записаны, но Excel не пересчитал книгу или не удалил служебные копии: нажмите F9 и удалите скрытые листы «ПК_old…», если они есть.`);
  return {
    written: work.map((w) => ({ planned: plansIn.find((p) => p.name === w.finalName)?.name ?? w.finalName, sheet: w.finalName, replaced: w.replaces })),
    skipped,
    owned,
    notes: [...notes, ...notApplied],
    notApplied,
  };
}

/**
 * One sync: which sheets exist, which input cells of existing filled forms hold data, and what every
 * existing sheet a plan would rewrite holds (regenerate.ts).
 */
async function readExisting(plans: SheetPlan[], run: ExcelRun, support: ApiSupport, settings?: string): Promise<Existing> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    const used = plans
      .filter((p) => FILLED_KINDS.has(p.kind))
      .map((p) => {
        const r = sheets.getItemOrNullObject(p.name).getUsedRangeOrNullObject(true);
        r.load('address,formulas');
        return { plan: p, r };
      });
    await ctx.sync();
    const present = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const wanted = [...new Set([...plans.map((p) => p.name), ...(settings ? [settings] : [])].map((n) => n.toLowerCase()))].filter((n) => present.has(n));
    const reads = wanted.map((n) => [n, loadBefore(present.get(n)!, support)] as const);
    if (reads.length) await ctx.sync();
    const filled = new Map<string, string[]>();
    for (const { plan, r } of used) {
      if (r.isNullObject) continue;
      filled.set(plan.name, userCells(plan, r.address, r.formulas as unknown[][]));
    }
    return {
      names: sheets.items.map((s) => s.name),
      filled,
      before: new Map(reads.map(([n, loaded]) => [n, readBefore(loaded, new Set(plans.filter((p) => p.name.toLowerCase() === n).flatMap((p) => p.charts.map((c) => c.title))))])),
    };
  });
}

/**
 * Cells that hold what a person typed: non-empty cells in the plan's input (unlocked) ranges, and anything
 * below the plan's last row (rows a school added). Header text written by an earlier stamp is not user data.
 */
export function userCells(plan: SheetPlan, address: string, formulas: unknown[][]): string[] {
  const at = parseRange(address.split('!').pop()!);
  const inputs = plan.styles.filter((s) => s.style.locked === false).map((s) => parseRange(s.range));
  // What the plan itself writes: a cell still holding exactly that was not typed by the user.
  const planned = new Map<string, string>();
  for (const b of plan.blocks) {
    const p0 = parseCell(b.at);
    heldRows(b.rows).forEach((row, i) =>
      row.forEach((c, j) => {
        if (c !== null && c !== undefined && c !== '') planned.set(cellRef(p0.row + i, p0.col + j), sameText(isFormula(c) ? c.formula : c));
      }),
    );
  }
  const lastRow = Math.max(0, ...plan.blocks.map((b) => parseCell(b.at).row + b.rows.length - 1), ...inputs.map((b) => b.bottom));
  const out: string[] = [];
  formulas.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      const r = at.top + i;
      const c = at.left + j;
      if (planned.get(cellRef(r, c)) === sameText(v)) return;
      const inInput = inputs.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
      if (inInput || r > lastRow) out.push(cellRef(r, c));
    }),
  );
  return out;
}

/** A cell's content for comparison: formulas with their '=', numbers and text as trimmed strings. */
const sameText = (v: unknown): string => String(v).trim();

/** After a failure before the data was complete: rewritten sheets as they were, added sheets gone. */
async function undo(run: ExcelRun, work: Work[], support: ApiSupport): Promise<boolean> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const charts = work.filter((w) => w.replaces).map((w) => {
      const c = sheets.getItem(w.finalName).charts;
      c.load('items/name');
      return [w.finalName, c] as const;
    });
    await ctx.sync();
    const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    // A backup is hidden only once its copy is complete; the sheet is touched only after that. So: no backup, or
    // one still visible — the sheet is as it was and only the backup goes; a hidden backup — the sheet is put back.
    const hidden = new Set(sheets.items.filter((s) => s.visibility !== 'Visible').map((s) => s.name.toLowerCase()));
    const chartsOf = new Map(charts.map(([n, c]) => [n, c.items.map((x) => x.name)]));
    for (const w of work) {
      // Every chart that was not there before is this apply's, named yet or not (a failure may fall between).
      const isNew = (c: string) => !(w.before?.allCharts ?? []).includes(c);
      const copied = w.backup !== undefined && hidden.has(w.backup.toLowerCase());
      if (w.replaces && w.before && (copied || !w.backup)) restore(sheets, w.finalName, w.before, copied ? w.backup : undefined, isNew, support, chartsOf.get(w.finalName) ?? []);
      else if (!w.replaces && present.has(w.finalName.toLowerCase())) sheets.getItem(w.finalName).delete();
    }
    await ctx.sync();
    // The backups last, once everything they held is back.
    for (const w of work) if (w.backup && present.has(w.backup.toLowerCase())) sheets.getItem(w.backup).delete();
    await ctx.sync();
    return true;
  });
}

/** Recalculate; remove the backups and the sheets' earlier charts of the add-in; activate the first sheet. */
function finishSteps(work: Work[], activate?: string): FinishStep[] {
  const steps: FinishStep[] = [recalculate];
  for (const w of work) {
    if (w.backup) {
      const backup = w.backup;
      steps.push((ctx) => ctx.workbook.worksheets.getItem(backup).delete());
    }
    // (a protected sheet keeps them: deleting needs allowEditObjects, and no generated sheet with charts is protected)
    if (!w.plan.protect)
      for (const c of w.before?.charts ?? [])
        if (!c.startsWith(`${CHART_PREFIX}${w.chartStamp}_`)) steps.push((ctx) => ctx.workbook.worksheets.getItem(w.finalName).charts.getItem(c).delete());
  }
  if (activate) steps.push((ctx) => ctx.workbook.worksheets.getItem(activate).activate());
  return steps;
}

function featureNotes(plans: SheetPlan[], s: ApiSupport): string[] {
  const out: string[] = [];
  if (!s.validation && plans.some((p) => p.validations.length > 0))
    out.push('В этой версии Excel (ниже ExcelApi 1.8) проверка ввода не добавлена: раскрывающихся списков в бланке не будет. Полный бланк можно скачать файлом в браузере.');
  if (!s.pageLayout && plans.some((p) => p.print))
    out.push('Параметры печати не заданы (нужен ExcelApi 1.9): перед печатью выберите альбомную ориентацию и «Вписать по ширине».');
  return out;
}

/** «Прил. 3 Отчёт (2)», «… (3)»: the first name not taken, within Excel's 31 characters. */
export function freeName(name: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const cand = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(cand.toLowerCase())) return cand;
  }
}

/** Owned sheets without repeats (by name, case-insensitive, as Excel compares sheet names); the last kind wins. */
function uniqueSheets(xs: OwnedSheet[]): OwnedSheet[] {
  const m = new Map<string, OwnedSheet>();
  for (const x of xs) m.set(x.name.toLowerCase(), x);
  return [...m.values()];
}
