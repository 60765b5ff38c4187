/**
 * Marking faulty cells in the open workbook, removably and without touching the user's formatting: marks are
 * conditional formats whose formula carries the add-in's tag. Clearing finds the tagged rules and deletes them; the
 * user's own conditional formats and cell formats are never changed.
 *
 * Few rules, not one per cell: every rule Excel keeps is evaluated on every repaint and recalculation, so thousands
 * of them slow Excel (on the web most). Faulty cells are grouped per sheet, severity and column: consecutive rows
 * make a run, neighbouring columns with the same runs a band, and one rule covers a band from its first run to its
 * last with a formula that tests the row — ROW() in a conditional format is the row of the cell being formatted
 * (Microsoft's own shading of alternate rows: «=MOD(ROW(),2)=0», support.microsoft.com "Apply shading to alternate
 * rows or columns in a worksheet"). A rule's OR holds at most 255 tests ("OR function", support.microsoft.com: up
 * to 255 conditions) and stays far under Excel's 8,192 characters of a formula ("Excel specifications and limits").
 * No multi-area range (Worksheet.getRanges): its address is parsed with the user's list separator (writePlan.ts).
 *
 * Protected sheets (a filled blank comes back protected without a password): Excel refuses conditional formats on
 * a sheet protected without "Format cells" ("Lock or unlock specific areas of a protected worksheet",
 * support.microsoft.com: the option covers the Format Cells and Conditional Formatting dialogs). Such a sheet is
 * unprotected for the marks and protected again with the options it had (WorksheetProtection.options,
 * protect(options), ExcelApi 1.2); a sheet protected with a password is left alone and named in `notes`.
 *
 * Requests: marks are queued with the request-size accounting of every write (requestQueue.ts).
 */
import { parseCell, rangeRef } from '../domain/a1';
import { isDocumentPlace, type Problem } from '../domain/problems';
import { ExcelActionError, excelErrorMessage } from './errors';
import { payloadBytes } from './excelValues';
import { RequestQueue } from './requestQueue';
import type { ApiSupport, ExcelRun } from './support';

const TAG = 'ПК: проверка';
/**
 * The tag, in a string literal that also counts the cells the rule marks (so clearing can say how many cells it
 * unmarked): «"ПК: проверка error 37"». Rules of earlier versions, one per cell, have no count.
 */
const tagOf = (severity: Problem['severity'], cells: number) => `LEN("${TAG} ${severity} ${cells}")>0`;
export const isMarkFormula = (f: string | undefined): boolean => !!f && f.includes(`"${TAG}`);
const markedCells = (f: string): number => Number(new RegExp(`"${TAG} \\w+ (\\d+)"`).exec(f)?.[1] ?? 1);

/** Rows top..bottom, both included. */
type Run = [number, number];
const MAX_TESTS = 255;
/** Characters of a rule's row tests: with the tag and AND/OR around them, well under Excel's 8,192. */
const MAX_FORMULA = 7000;
const testOf = ([a, z]: Run) => (a === z ? `ROW()=${a}` : `AND(ROW()>=${a},ROW()<=${z})`);

export interface MarkRule {
  range: string;
  formula: string;
  severity: Problem['severity'];
  cells: number;
}

/** The few rules that mark `cells` (A1 addresses of one sheet, each with its one severity). */
export function markRules(cells: { cell: string; severity: Problem['severity'] }[]): MarkRule[] {
  const rows = new Map<Problem['severity'], Map<number, Set<number>>>(); // severity → column → rows
  for (const { cell, severity } of cells) {
    const { row, col } = parseCell(cell);
    const bySev = rows.get(severity) ?? new Map<number, Set<number>>();
    rows.set(severity, bySev);
    bySev.set(col, (bySev.get(col) ?? new Set<number>()).add(row));
  }
  const out: MarkRule[] = [];
  for (const [severity, byCol] of rows) {
    const bands: { left: number; right: number; runs: Run[]; key: string }[] = [];
    for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
      const runs: Run[] = [];
      for (const r of [...byCol.get(col)!].sort((a, b) => a - b)) {
        const last = runs[runs.length - 1];
        if (last && r === last[1] + 1) last[1] = r;
        else runs.push([r, r]);
      }
      const key = JSON.stringify(runs);
      const prev = bands[bands.length - 1];
      if (prev && prev.right === col - 1 && prev.key === key) prev.right = col;
      else bands.push({ left: col, right: col, runs, key });
    }
    for (const b of bands) {
      const width = b.right - b.left + 1;
      let chunk: Run[] = [];
      let length = 0;
      const emit = () => {
        if (chunk.length === 0) return;
        const n = chunk.reduce((k, [a, z]) => k + z - a + 1, 0) * width;
        const tests = chunk.map(testOf);
        out.push({
          range: rangeRef(chunk[0][0], b.left, chunk[chunk.length - 1][1], b.right),
          // One run fills its whole range: the tag alone. Several: the rows between them are tested out.
          formula: chunk.length === 1 ? `=${tagOf(severity, n)}` : `=AND(${tagOf(severity, n)},OR(${tests.join(',')}))`,
          severity,
          cells: n,
        });
        chunk = [];
        length = 0;
      };
      for (const run of b.runs) {
        const test = testOf(run).length + 1;
        if (chunk.length === MAX_TESTS || length + test > MAX_FORMULA) emit();
        chunk.push(run);
        length += test;
      }
      emit();
    }
  }
  return out;
}

const FILL: Record<Problem['severity'], string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };


/** No feature beyond ExcelApi 1.7 is needed for marks; the queue only uses the size accounting. */
const MARK_SUPPORT: ApiSupport = { validation: false, suspendCalc: false, copyRange: false, pageLayout: false, mergedAreas: false, newWorkbook: false };
const DEFAULT_CHUNK = 4_000_000;

interface SheetState {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
}

/** Loads which of `names` are protected and how (one sync). */
async function protectionOf(ctx: Excel.RequestContext, names: string[]): Promise<Map<string, SheetState>> {
  const loads = names.map((n) => {
    const p = ctx.workbook.worksheets.getItem(n).protection;
    p.load('protected,options');
    return [n, p] as const;
  });
  await ctx.sync();
  return new Map(loads.map(([n, p]) => [n, { protected: p.protected, options: p.options }]));
}

/**
 * Runs `work` on each sheet that needs it, a protected one between unprotect and protect-again; a sheet Excel will
 * not unprotect (a password) is skipped and named. If anything fails midway, the sheets unprotected are protected
 * again before the error goes on.
 */
async function onSheets(
  ctx: Excel.RequestContext,
  sheets: string[],
  q: RequestQueue,
  work: (sheet: Excel.Worksheet, name: string) => Promise<void>,
  notes: string[],
): Promise<void> {
  const state = await protectionOf(ctx, sheets);
  const open = new Map<string, SheetState>();
  try {
    for (const name of sheets) {
      const s = state.get(name)!;
      const ws = ctx.workbook.worksheets.getItem(name);
      const guarded = s.protected && !s.options.allowFormatCells;
      if (guarded) {
        // A password shows here: the unprotect fails on its own, before anything else of the sheet is queued.
        ws.protection.unprotect();
        const ok = await q.flush().then(
          () => true,
          () => false,
        );
        if (!ok) {
          notes.push(`Лист «${name}» защищён паролем: ячейки с ошибками на нём не отмечены. Снимите защиту листа и проверьте снова.`);
          continue;
        }
        open.set(name, s);
      }
      await work(ws, name);
      if (guarded) {
        ws.protection.protect(s.options);
        await q.reserve(payloadBytes(s.options));
        open.delete(name);
      }
    }
    await q.flush();
  } catch (e) {
    // Whatever failed, no sheet stays unprotected because of the add-in.
    for (const [name, s] of open) ctx.workbook.worksheets.getItem(name).protection.protect(s.options);
    await ctx.sync().catch(() => undefined);
    throw e;
  }
}

/**
 * Clears old marks, then marks the problems' cells on the sheets that exist here. Returns how many cells were
 * marked; sheets that could not be marked are named in `notes` (Russian).
 */
export async function markProblems(problems: Problem[], run: ExcelRun, notes: string[] = [], chunkBytes = DEFAULT_CHUNK): Promise<number> {
  await clearMarks(run, notes);
  try {
    return await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const present = new Set(sheets.items.map((s) => s.name));
      // The worst severity wins when one cell has several problems.
      const rank = { error: 0, warning: 1, info: 2 } as const;
      const byCell = new Map<string, Problem>();
      for (const p of problems) {
        if (!p.cell || isDocumentPlace(p) || !present.has(p.sheet)) continue;
        const k = `${p.sheet}\u0000${p.cell}`;
        const prev = byCell.get(k);
        if (!prev || rank[p.severity] < rank[prev.severity]) byCell.set(k, p);
      }
      const bySheet = new Map<string, Problem[]>();
      for (const p of byCell.values()) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
      const q = new RequestQueue(ctx, MARK_SUPPORT, chunkBytes, false);
      let marked = 0;
      await onSheets(
        ctx,
        [...bySheet.keys()],
        q,
        async (ws, name) => {
          for (const r of markRules(bySheet.get(name)!.map((p) => ({ cell: p.cell!, severity: p.severity })))) {
            const cf = ws.getRange(r.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
            cf.custom.rule.formula = r.formula;
            cf.custom.format.fill.color = FILL[r.severity];
            await q.reserve(payloadBytes([r.range, r.formula, FILL[r.severity]]), 3);
            marked += r.cells;
          }
        },
        notes,
      );
      return marked;
    });
  } catch (e) {
    throw new ExcelActionError(excelErrorMessage(e, 'отметку ячеек с ошибками'));
  }
}

/** Removes every mark the add-in made (protected sheets as in markProblems); a fixed few syncs plus the deletions. */
export async function clearMarks(run: ExcelRun, notes: string[] = [], chunkBytes = DEFAULT_CHUNK): Promise<number> {
  try {
    return await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const cols = sheets.items.map((ws) => {
        const c = ws.getRange().conditionalFormats;
        c.load('items/type');
        return [ws.name, c] as const;
      });
      await ctx.sync();
      const custom = cols.flatMap(([name, c]) => c.items.filter((cf) => cf.type === 'Custom').map((cf) => [name, cf] as const));
      for (const [, cf] of custom) cf.load('custom/rule/formula');
      await ctx.sync();
      const ours = new Map<string, Excel.ConditionalFormat[]>();
      for (const [name, cf] of custom) if (isMarkFormula(cf.custom.rule.formula)) ours.set(name, [...(ours.get(name) ?? []), cf]);
      if (ours.size === 0) return 0;
      const q = new RequestQueue(ctx, MARK_SUPPORT, chunkBytes, false);
      let cleared = 0;
      await onSheets(
        ctx,
        [...ours.keys()],
        q,
        async (_ws, name) => {
          for (const cf of ours.get(name)!) {
            cf.delete();
            await q.reserve(0);
            cleared += markedCells(cf.custom.rule.formula);
          }
        },
        notes,
      );
      return cleared;
    });
  } catch (e) {
    throw new ExcelActionError(excelErrorMessage(e, 'снятие отметок проверки'));
  }
}

/** Shows a problem's cell: activates its sheet and selects the cell. */
export async function selectCell(sheet: string, cell: string, run: ExcelRun): Promise<void> {
  try {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  } catch (e) {
    throw new ExcelActionError(excelErrorMessage(e, `переход к ячейке ${cell} на листе «${sheet}»`));
  }
}
