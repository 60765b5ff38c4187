/**
 * The open workbook as plain grids (src/domain/grid.ts), so the reader and the checker run on it exactly as on a
 * received file. Sheet names, then every sheet's used range and merged areas (where Excel has ExcelApi 1.13), then
 * the cells in blocks of rows: Excel on the web refuses a response over 5 MB, and a region's consolidated workbook
 * holds far more. A small workbook is read in three syncs; a large one in one more per ~3 MB of cells.
 */
import { parseRange, rangeRef } from '../domain/a1';
import type { CellValue, MergedArea, SheetGrid, WorkbookGrid } from '../domain/grid';
import type { ApiSupport, ExcelRun } from './support';

export interface ReadGridOptions {
  run: ExcelRun;
  support: ApiSupport;
  /** Name to report as the file (the open workbook's name where known). */
  file: string;
  /** Read only these sheets (default: all). */
  only?: (name: string) => boolean;
  /** Aim for responses of about this many bytes (default 2,500,000; Excel's limit is 5 MB). */
  responseBytes?: number;
}

const DEFAULT_RESPONSE = 2_500_000;
/**
 * Cells in the first block, before the sizes of real cells are known: 2,000 cells of 100-character Cyrillic text
 * weigh 2.4 MB at six bytes a character (each text comes back twice, as value and as formula). Later blocks grow at
 * most twofold, so a sparse block followed by dense text cannot overshoot.
 */
const FIRST_BLOCK_CELLS = 2_000;

export async function readWorkbookGrids(opts: ReadGridOptions): Promise<WorkbookGrid> {
  const budget = opts.responseBytes ?? DEFAULT_RESPONSE;
  return opts.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await ctx.sync();
    const wanted = sheets.items.filter((s) => !opts.only || opts.only(s.name));
    const queueUsed = (withMerges: boolean) =>
      wanted.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load('address');
        let merged: Excel.RangeAreas | undefined;
        if (withMerges) {
          merged = range.getMergedAreasOrNullObject();
          merged.load('areas/items/address');
        }
        return { ws, range, merged };
      });
    let used = queueUsed(opts.support.mergedAreas);
    const merges = new Map<Excel.Worksheet, MergedArea[]>();
    try {
      await ctx.sync();
      for (const u of used) if (!u.range.isNullObject && u.merged && !u.merged.isNullObject) merges.set(u.ws, areasOf(u.merged));
    } catch (e) {
      // One sheet with more than 512 merged areas fails the whole request (getMergedAreasOrNullObject, ExcelApi
      // 1.13: "if the merged areas count in this range is more than 512, then this method will fail to return the
      // result"): read the used ranges again without, then each sheet's merged areas on their own.
      if (!opts.support.mergedAreas) throw e;
      used = queueUsed(false);
      await ctx.sync();
      for (const u of used) if (!u.range.isNullObject) merges.set(u.ws, await mergedAreasOf(ctx, u.ws, parseRange(u.range.address.split('!').pop()!)));
    }

    const out: SheetGrid[] = used.map(({ ws }) => ({ name: ws.name, cells: [], formulas: [], merges: merges.get(ws) ?? [], hidden: ws.visibility !== 'Visible' }));
    // Blocks of whole rows of each used range, in sheet order.
    const pending = used.flatMap(({ ws, range }, i) => {
      if (range.isNullObject) return [];
      const at = parseRange(range.address.split('!').pop()!);
      return [{ ws, grid: out[i], at, next: at.top }];
    });
    let cellsPerSync = FIRST_BLOCK_CELLS;
    while (pending.length) {
      const batch: { grid: SheetGrid; left: number; top: number; range: Excel.Range }[] = [];
      let cells = 0;
      while (pending.length && cells < cellsPerSync) {
        const p = pending[0];
        const width = p.at.right - p.at.left + 1;
        const rows = Math.max(1, Math.min(p.at.bottom - p.next + 1, Math.floor((cellsPerSync - cells) / width)));
        const range = p.ws.getRange(rangeRef(p.next, p.at.left, p.next + rows - 1, p.at.right));
        range.load('values,formulas');
        batch.push({ grid: p.grid, left: p.at.left, top: p.next, range });
        cells += rows * width;
        p.next += rows;
        if (p.next > p.at.bottom) pending.shift();
      }
      await ctx.sync();
      let bytes = 0;
      for (const b of batch) bytes += fill(b.grid, b.top, b.left, b.range.values as unknown[][], b.range.formulas as unknown[][]);
      // Size the next block from what these cells weighed.
      cellsPerSync = Math.max(100, Math.min(cellsPerSync * 2, Math.floor((budget / Math.max(1, bytes)) * cells)));
    }
    for (const grid of out)
      for (let r = 0; r < grid.cells.length; r++) {
        grid.cells[r] ??= [];
        grid.formulas![r] ??= [];
      }
    return { file: opts.file, sheets: out };
  });
}

const areasOf = (merged: Excel.RangeAreas): MergedArea[] => merged.areas.items.map((a) => parseRange(a.address.split('!').pop()!));

/**
 * The merged areas of `box` on `ws`, one sync a try: the whole box, and where Excel refuses (over 512 areas) each
 * half of its rows in turn. A single row Excel still refuses is read without merges (its first cells stand alone).
 */
async function mergedAreasOf(ctx: Excel.RequestContext, ws: Excel.Worksheet, box: MergedArea): Promise<MergedArea[]> {
  const merged = ws.getRange(rangeRef(box.top, box.left, box.bottom, box.right)).getMergedAreasOrNullObject();
  merged.load('areas/items/address');
  try {
    await ctx.sync();
    return merged.isNullObject ? [] : areasOf(merged);
  } catch {
    if (box.top === box.bottom) return [];
    const mid = Math.floor((box.top + box.bottom) / 2);
    // An area crossing the cut is seen from both halves: keep it once.
    const seen = new Set<string>();
    const out: MergedArea[] = [];
    for (const half of [{ ...box, bottom: mid }, { ...box, top: mid + 1 }])
      for (const a of await mergedAreasOf(ctx, ws, half)) {
        const k = `${a.top},${a.left},${a.bottom},${a.right}`;
        if (!seen.has(k)) out.push(a);
        seen.add(k);
      }
    return out;
  }
}

/** Puts a block's rows into the grid; returns roughly how many bytes Excel sent for them. */
function fill(grid: SheetGrid, top: number, left: number, values: unknown[][], formulas: unknown[][]): number {
  let bytes = 0;
  values.forEach((row, i) => {
    const r = top - 1 + i;
    grid.cells[r] = Array<CellValue>(left - 1).fill(null).concat(row.map(toCell));
    grid.formulas![r] = Array<string | null>(left - 1)
      .fill(null)
      .concat(formulas[i].map((f) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null)));
    for (const v of row) bytes += weight(v);
    for (const f of formulas[i]) bytes += weight(f);
  });
  return bytes;
}

/**
 * A cell's bytes in Excel's JSON response, on the heavy side: a non-ASCII character may come as a \uXXXX escape,
 * six bytes (the response limit is 5 MB too: "Resource limits and performance optimization for Office Add-ins").
 */
const weight = (v: unknown): number => {
  if (typeof v !== 'string') return String(v).length + 2;
  let n = 4;
  for (let i = 0; i < v.length; i++) n += v.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
};

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
