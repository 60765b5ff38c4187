/**
 * What makes a written sheet comfortable but is not its data: frozen header rows, the tab colour, print setup.
 * Some Excel builds refuse them (freezeRows/freezeAt throwing GeneralException: OfficeDev/office-js issues #2196,
 * Office 2019, "Type: product bug", and #2014; print setup needs ExcelApi 1.9 and a page layout the host can
 * compute), so they are applied after the data is written and safe, each refusal costing only itself: one request
 * for all of them, and when that fails, one request each, so the pane can say exactly what is missing.
 */
import { rangeRef } from '../domain/a1';
import type { SheetPlan } from '../domain/sheetPlan';
import type { ApiSupport, ExcelRun } from './support';

interface Cosmetic {
  what: string;
  apply: (ws: Excel.Worksheet) => void;
}

/** The cosmetics of a plan written to a sheet; `replaced` sheets also lose frozen panes the plan no longer has. */
function cosmeticsOf(p: SheetPlan, replaced: boolean, support: ApiSupport): Cosmetic[] {
  const out: Cosmetic[] = [];
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

/**
 * Runs `prelude` (recalculation, removing backups: see applySheetPlans) and then the cosmetics of every written
 * sheet, all in one request; when that fails, the prelude alone and each cosmetic alone. Returns, in Russian, what
 * could not be applied («Лист «…»: не удалось …») and whether the prelude ran. Never throws: the data is written.
 */
export async function applyCosmetics(
  run: ExcelRun,
  sheets: { plan: SheetPlan; sheet: string; replaced: boolean }[],
  support: ApiSupport,
  prelude: (ctx: Excel.RequestContext) => void = () => undefined,
): Promise<{ notApplied: string[]; preludeDone: boolean }> {
  const items = sheets.flatMap((s) => cosmeticsOf(s.plan, s.replaced, support).map((c) => ({ ...c, sheet: s.sheet })));
  const once = (apply: (ctx: Excel.RequestContext) => void) =>
    run(async (ctx) => {
      apply(ctx);
      await ctx.sync();
      return true;
    }).catch(() => false);
  const all = await once((ctx) => {
    prelude(ctx);
    for (const i of items) i.apply(ctx.workbook.worksheets.getItem(i.sheet));
  });
  if (all) return { notApplied: [], preludeDone: true };
  const preludeDone = await once(prelude);
  const notApplied: string[] = [];
  for (const i of items)
    if (!(await once((ctx) => i.apply(ctx.workbook.worksheets.getItem(i.sheet)))))
      notApplied.push(`Лист «${i.sheet}»: не удалось ${i.what} — данные записаны, это можно сделать вручную.`);
  return { notApplied, preludeDone };
}
