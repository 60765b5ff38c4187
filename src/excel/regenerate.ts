/**
 * Rewriting a generated sheet in place, so that whatever refers to it — a coordinator's formula on another sheet,
 * a name, a chart, a pivot table — keeps referring to it. (Renaming a sheet aside re-points every such reference
 * to the renamed sheet, and deleting that sheet turns them into #REF!: "How to correct a #REF! error",
 * support.microsoft.com.)
 *
 * All or nothing, without a transaction in Excel: before a sheet is cleared, what it holds is kept so it can be
 * put back.
 *  - ExcelApi 1.9 and later: its used range is copied into a hidden backup sheet with Range.copyFrom(…, "All"),
 *    which copies "like the copy functionality in the Excel UI": values, formulas, number formats, cell formats,
 *    merged cells, data validation and conditional formats. Putting it back copies it the other way.
 *  - Below 1.9 (no copyFrom): the used range's formulas (values where there is no formula) and number formats are
 *    read before anything is written and written back; cell formats (fills, borders, fonts) are not restored there.
 *  - Both: its protection comes back
 *    with the options it had, and the sheet's earlier charts are only deleted once the new content is complete.
 *    Column widths and row heights the plan set stay as set.
 */
import { parseRange } from '../domain/a1';
import { CHART_PREFIX } from './writePlan';
import type { ApiSupport } from './support';

/** What an existing sheet held, read before it is rewritten. */
export interface SheetBefore {
  /** The used range (formats included), e.g. "A1:K40"; undefined for an empty sheet. */
  used?: string;
  protected: boolean;
  options?: Excel.WorksheetProtectionOptions;
  /** The add-in's charts on it (removed once the new content is complete). */
  charts: string[];
  /** Every chart on it, so an undo can remove exactly the ones added since. */
  allCharts: string[];
  /** Below ExcelApi 1.9: the used range's formulas and number formats, to write back after a failure. */
  formulas?: unknown[][];
  numberFormat?: string[][];
}

/** The proxies loaded for a sheet's SheetBefore: queued by `loadBefore`, read by `readBefore` after a sync. */
export interface BeforeLoad {
  used: Excel.Range;
  sheet: Excel.Worksheet;
  full: boolean;
}

/** Queues the loads of what `sheet` holds (read with `readBefore` after the caller's sync). */
export function loadBefore(sheet: Excel.Worksheet, support: ApiSupport): BeforeLoad {
  const used = sheet.getUsedRangeOrNullObject(false);
  if (support.copyRange) used.load('address');
  else used.load('address,formulas,numberFormat');
  sheet.protection.load('protected,options');
  sheet.charts.load('items/name,items/title/text');
  return { used, sheet, full: !support.copyRange };
}

/**
 * What `loadBefore` queued, after the sync. The add-in's charts are those named «ПК_…»; on a sheet written by an
 * earlier version (charts unnamed), those whose title is one the plan draws (`planTitles`), so a regeneration does
 * not leave them doubled.
 */
export function readBefore({ used, sheet, full }: BeforeLoad, planTitles: ReadonlySet<string> = new Set()): SheetBefore {
  const empty = used.isNullObject;
  return {
    used: empty ? undefined : used.address.split('!').pop(),
    protected: sheet.protection.protected,
    options: sheet.protection.protected ? sheet.protection.options : undefined,
    allCharts: sheet.charts.items.map((c) => c.name),
    charts: sheet.charts.items.filter((c) => c.name.startsWith(CHART_PREFIX) || planTitles.has(c.title.text)).map((c) => c.name),
    formulas: full && !empty ? (used.formulas as unknown[][]) : undefined,
    numberFormat: full && !empty ? (used.numberFormat as string[][]) : undefined,
  };
}

/** Keeps a copy of the sheet's used range on a hidden sheet `backup` (ExcelApi 1.9). */
export function backUp(sheets: Excel.WorksheetCollection, sheet: Excel.Worksheet, before: SheetBefore, backup: string): void {
  const b = sheets.add(backup);
  if (before.used) b.getRange(before.used).copyFrom(sheet.getRange(before.used), 'All' as Excel.RangeCopyType);
  b.visibility = 'Hidden' as Excel.SheetVisibility;
}

/** Empties the sheet for the new content: protection off, values, formats, merges, validation, conditional formats. */
export function clearForRewrite(sheet: Excel.Worksheet, before: SheetBefore, support: ApiSupport): number {
  if (before.protected) sheet.protection.unprotect();
  const all = sheet.getRange();
  // Range.clear [ExcelApi 1.1] "values and formatting"; the rest explicitly, as its documentation promises no more.
  all.clear('All' as Excel.ClearApplyTo);
  all.unmerge();
  all.conditionalFormats.clearAll();
  if (support.validation) all.dataValidation.clear();
  return 5;
}

/** After a failure: the sheet as it was (see the module's comment for what that covers). */
export function restore(
  sheets: Excel.WorksheetCollection,
  name: string,
  before: SheetBefore,
  backup: string | undefined,
  isNew: (chart: string) => boolean,
  support: ApiSupport,
  chartsNow: string[],
): void {
  const sheet = sheets.getItem(name);
  sheet.protection.unprotect();
  const all = sheet.getRange();
  all.clear('All' as Excel.ClearApplyTo);
  all.unmerge();
  all.conditionalFormats.clearAll();
  if (support.validation) all.dataValidation.clear();
  for (const c of chartsNow) if (isNew(c)) sheet.charts.getItem(c).delete();
  if (before.used && backup) sheet.getRange(before.used).copyFrom(sheets.getItem(backup).getRange(before.used), 'All' as Excel.RangeCopyType);
  else if (before.used && before.formulas) {
    const r = sheet.getRange(before.used);
    if (before.numberFormat) r.numberFormat = before.numberFormat;
    r.formulas = before.formulas.map((row) => row.map((v) => (typeof v === 'string' && !v.startsWith('=') && v !== '' ? `'${v}` : v))) as never;
  }
  if (before.protected) sheet.protection.protect(before.options);
}

/** The rows × columns of an address, for sizing a request. */
export function cellsIn(address: string | undefined): number {
  if (!address) return 0;
  const b = parseRange(address);
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}
