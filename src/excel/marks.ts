/**
 * Marking faulty cells in the open workbook, removably and without touching the user's formatting: each mark is a
 * conditional format whose formula carries the add-in's tag (always true, so the fill shows). Clearing finds the
 * tagged rules and deletes them; the user's own conditional formats and cell formats are never changed.
 */
import type { Problem } from '../domain/problems';
import { ExcelActionError, excelErrorMessage } from './errors';
import type { ExcelRun } from './support';

const TAG = 'ПК: проверка';
/** Always TRUE; the tag in the string literal is how clearMarks recognises the add-in's rules. */
const markFormula = (severity: Problem['severity']) => `=LEN("${TAG} ${severity}")>0`;
export const isMarkFormula = (f: string | undefined): boolean => !!f && f.includes(`"${TAG}`);

const FILL: Record<Problem['severity'], string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** Clears old marks, then marks the problems' cells on the sheets that exist here. Returns how many were marked. */
export async function markProblems(problems: Problem[], run: ExcelRun): Promise<number> {
  await clearMarks(run);
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
        if (!p.cell || !present.has(p.sheet)) continue;
        const k = `${p.sheet}\u0000${p.cell}`;
        const prev = byCell.get(k);
        if (!prev || rank[p.severity] < rank[prev.severity]) byCell.set(k, p);
      }
      for (const p of byCell.values()) {
        const cf = sheets.getItem(p.sheet).getRange(p.cell).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = markFormula(p.severity);
        cf.custom.format.fill.color = FILL[p.severity];
      }
      await ctx.sync();
      return byCell.size;
    });
  } catch (e) {
    throw new ExcelActionError(excelErrorMessage(e, 'отметку ячеек с ошибками'));
  }
}

/** Removes every mark the add-in made; four syncs whatever the number of sheets or marks. */
export async function clearMarks(run: ExcelRun): Promise<number> {
  try {
    return await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const cols = sheets.items.map((ws) => {
        const c = ws.getRange().conditionalFormats;
        c.load('items/type');
        return c;
      });
      await ctx.sync();
      const custom = cols.flatMap((c) => c.items.filter((cf) => cf.type === 'Custom'));
      for (const cf of custom) cf.load('custom/rule/formula');
      await ctx.sync();
      const ours = custom.filter((cf) => isMarkFormula(cf.custom.rule.formula));
      for (const cf of ours) cf.delete();
      await ctx.sync();
      return ours.length;
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
