/**
 * The open workbook's name as Excel has it now (Workbook.name, ExcelApi 1.7 — the add-in's minimum): how the
 * ribbon's command and the pane of one workbook recognise each other (taskpane/boot/paneRequests.ts).
 */
import type { ExcelRun } from './support';

/** «Свод.xlsx», or «Книга1» for a new unsaved workbook; undefined if Excel did not answer. */
export async function openWorkbookName(run: ExcelRun): Promise<string | undefined> {
  try {
    return await run(async (ctx) => {
      ctx.workbook.load('name');
      await ctx.sync();
      return ctx.workbook.name;
    });
  } catch {
    return undefined;
  }
}
