/**
 * What makes a written sheet comfortable but is not its data: column widths and row heights, frozen header rows,
 * the tab colour, print setup.
 * Some Excel builds refuse them (freezeRows/freezeAt throwing GeneralException: OfficeDev/office-js issues #2196,
 * Office 2019, "Type: product bug", and #2014; print setup needs ExcelApi 1.9 and a page layout the host can
 * compute), so they are applied after the data is written and safe, each refusal costing only itself: one request
 * for all of them, and when that fails, one request each, so the pane can say exactly what is missing.
 */
import { cellRef, rangeRef } from '../domain/a1';
import type { SheetPlan } from '../domain/sheetPlan';
import type { ApiSupport, ExcelRun } from './support';

/** Characters → points, as Excel measures a column of Calibri 11 (7 px a character plus 5 px padding). */
const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

interface Cosmetic {
  what: string;
  apply: (ws: Excel.Worksheet) => void;
}

/** The cosmetics of a plan written to a sheet; `replaced` sheets also lose frozen panes the plan no longer has. */
function cosmeticsOf(p: SheetPlan, replaced: boolean, support: ApiSupport): Cosmetic[] {
  const out: Cosmetic[] = [];
  const heights = Object.entries(p.rowHeights ?? {});
  if (p.columnWidths.some((w) => w > 0) || heights.length)
    out.push({
      what: 'задать ширину столбцов и высоту строк',
      apply: (ws) => {
        p.columnWidths.forEach((w, i) => {
          if (w > 0) ws.getRange(cellRef(1, i + 1)).format.columnWidth = widthPoints(w);
        });
        for (const [row, h] of heights) ws.getRange(cellRef(Number(row), 1)).format.rowHeight = h;
      },
    });
  const freeze = p.freeze && (p.freeze.rows > 0 || p.freeze.columns > 0) ? p.freeze : undefined;
  if (freeze)
    out.push({
      what: 'закрепить строки заголовка',
      apply: (ws) => {
        const { rows, columns } = freeze;
        if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeRef(1, 1, rows, columns)));
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
        else ws.freezePanes.freezeColumns(columns);
      },
    });
  else if (replaced) out.push({ what: 'снять закрепление областей', apply: (ws) => ws.freezePanes.unfreeze() });
  if (p.tabColor) out.push({ what: 'задать цвет ярлычка', apply: (ws) => (ws.tabColor = `#${p.tabColor}`) });
  const print = p.print;
  if (print && support.pageLayout)
    out.push({
      what: 'задать параметры печати (А4, по ширине страницы)',
      apply: (ws) => {
        const pl = ws.pageLayout;
        pl.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        pl.paperSize = 'A4' as Excel.PaperType;
        if (print.fitToWidth) pl.zoom = { horizontalFitToPages: 1 };
        if (print.repeatRows) {
          const [a, b] = print.repeatRows.split(':');
          pl.setPrintTitleRows(`$${a}:$${b ?? a}`);
        }
      },
    });
  return out;
}

/** A step of the finishing request; one that fails as ItemNotFound on its own was done by the first try. */
export type FinishStep = (ctx: Excel.RequestContext) => void;

/**
 * Runs the finishing `steps` (recalculation, removing backups: see applySheetPlans) and then the cosmetics of every
 * written sheet, all in one request; when that fails, each step alone and each cosmetic alone (a request of a few
 * properties each, so the cosmetics of a large workbook stay well under the request limit). Returns, in Russian,
 * what could not be applied («Лист «…»: не удалось …») and whether every step ran. Never throws.
 */
export async function applyCosmetics(
  run: ExcelRun,
  sheets: { plan: SheetPlan; sheet: string; replaced: boolean }[],
  support: ApiSupport,
  steps: FinishStep[] = [],
): Promise<{ notApplied: string[]; stepsDone: boolean }> {
  const items = sheets.flatMap((s) => cosmeticsOf(s.plan, s.replaced, support).map((c) => ({ ...c, sheet: s.sheet })));
  const once = (apply: (ctx: Excel.RequestContext) => void, gone = false) =>
    run(async (ctx) => {
      apply(ctx);
      await ctx.sync();
      return true;
    }).catch((e: { code?: string }) => gone && e?.code === 'ItemNotFound');
  const all = await once((ctx) => {
    for (const step of steps) step(ctx);
    for (const i of items) i.apply(ctx.workbook.worksheets.getItem(i.sheet));
  });
  if (all) return { notApplied: [], stepsDone: true };
  let stepsDone = true;
  for (const step of steps) if (!(await once(step, true))) stepsDone = false;
  const notApplied: string[] = [];
  for (const i of items)
    if (!(await once((ctx) => i.apply(ctx.workbook.worksheets.getItem(i.sheet)))))
      notApplied.push(`Лист «${i.sheet}»: не удалось ${i.what} — данные записаны, это можно сделать вручную.`);
  return { notApplied, stepsDone };
}
