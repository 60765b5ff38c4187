/**
 * Marking faulty cells in the open workbook, removably and without touching the user's formatting: each mark is a
 * conditional format whose formula carries the add-in's tag (always true, so the fill shows). Clearing finds the
 * tagged rules and deletes them; the user's own conditional formats and cell formats are never changed.
 *
 * Protected sheets (a filled blank comes back protected without a password): Excel refuses conditional formats on
 * a sheet protected without "Format cells" ("Lock or unlock specific areas of a protected worksheet",
 * support.microsoft.com: the option covers the Format Cells and Conditional Formatting dialogs). Such a sheet is
 * unprotected for the marks and protected again with the options it had (WorksheetProtection.options,
 * protect(options), ExcelApi 1.2); a sheet protected with a password is left alone and named in `notes`.
 *
 * Requests: marks are queued with the request-size accounting of every write (requestQueue.ts), so thousands of
 * marks go in as many requests as the 5 MB limit needs, not in one.
 */
import { isDocumentPlace, type Problem } from '../domain/problems';
import { ExcelActionError, excelErrorMessage } from './errors';
import { payloadBytes } from './excelValues';
import { RequestQueue } from './requestQueue';
import type { ApiSupport, ExcelRun } from './support';

const TAG = 'ПК: проверка';
/** Always TRUE; the tag in the string literal is how clearMarks recognises the add-in's rules. */
const markFormula = (severity: Problem['severity']) => `=LEN("${TAG} ${severity}")>0`;
export const isMarkFormula = (f: string | undefined): boolean => !!f && f.includes(`"${TAG}`);

const FILL: Record<Problem['severity'], string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** No feature beyond ExcelApi 1.7 is needed for marks; the queue only uses the size accounting. */
const MARK_SUPPORT: ApiSupport = { validation: false, suspendCalc: false, copyRange: false, pageLayout: false, rangeAreas: false, mergedAreas: false, newWorkbook: false };
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
          for (const p of bySheet.get(name)!) {
            const cf = ws.getRange(p.cell).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
            cf.custom.rule.formula = markFormula(p.severity);
            cf.custom.format.fill.color = FILL[p.severity];
            await q.reserve(payloadBytes([p.cell, markFormula(p.severity), FILL[p.severity]]), 3);
          }
          marked += bySheet.get(name)!.length;
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
          }
          cleared += ours.get(name)!.length;
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
