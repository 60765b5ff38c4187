/**
 * The open workbook as plain grids (src/domain/grid.ts), so the reader and the checker run on it exactly as on a
 * received file. Two syncs whatever the size: sheet names, then every sheet's used range (values, formulas and,
 * where Excel has ExcelApi 1.13, merged areas) in one request.
 */
import { parseRange } from '../domain/a1';
import type { CellValue, MergedArea, SheetGrid, WorkbookGrid } from '../domain/grid';
import type { ApiSupport, ExcelRun } from './support';

export interface ReadGridOptions {
  run: ExcelRun;
  support: ApiSupport;
  /** Name to report as the file (the open workbook's name where known). */
  file: string;
  /** Read only these sheets (default: all). */
  only?: (name: string) => boolean;
}

export async function readWorkbookGrids(opts: ReadGridOptions): Promise<WorkbookGrid> {
  return opts.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await ctx.sync();
    const wanted = sheets.items.filter((s) => !opts.only || opts.only(s.name));
    const reads = wanted.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,values,formulas');
      let merged: Excel.RangeAreas | undefined;
      if (opts.support.mergedAreas) {
        merged = used.getMergedAreasOrNullObject();
        merged.load('areas/items/address');
      }
      return { ws, used, merged };
    });
    await ctx.sync();
    const out: SheetGrid[] = reads.map(({ ws, used, merged }) => {
      const grid: SheetGrid = { name: ws.name, cells: [], formulas: [], merges: [], hidden: ws.visibility !== 'Visible' };
      if (used.isNullObject) return grid;
      const at = parseRange(used.address.split('!').pop()!);
      const values = used.values as unknown[][];
      const formulas = used.formulas as unknown[][];
      values.forEach((row, i) => {
        const r = at.top - 1 + i;
        grid.cells[r] = Array<CellValue>(at.left - 1).fill(null).concat(row.map(toCell));
        grid.formulas![r] = Array<string | null>(at.left - 1)
          .fill(null)
          .concat(formulas[i].map((f) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null)));
      });
      for (let r = 0; r < at.top - 1; r++) {
        grid.cells[r] = [];
        grid.formulas![r] = [];
      }
      if (merged && !merged.isNullObject)
        grid.merges = merged.areas.items.map((a): MergedArea => parseRange(a.address.split('!').pop()!));
      return grid;
    });
    return { file: opts.file, sheets: out };
  });
}

/** Excel gives '' for an empty cell; the grid says null. */
function toCell(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Names of the open workbook's sheets, in tab order (one sync). */
export async function sheetNames(run: ExcelRun): Promise<string[]> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
}
