/**
 * Applies sheet plans to the open workbook.
 *
 * Round trips: one sync reads what is there (sheet names, names, forms' filled cells), then every write of every
 * plan is queued into one request; a request is flushed early only when its payload would pass `chunkBytes`
 * (Excel on the web refuses requests over 5 MB). So a small form costs two syncs, whatever its rows.
 *
 * All-or-nothing: each plan is built under a temporary name; the old sheet is renamed aside, the new one takes
 * its name and place, formulas/names/charts are written once the final names exist, and only then is the old
 * sheet deleted. If anything fails, `recover` puts the old sheet back and removes the half-built one.
 *
 * Never destroys user data: a sheet the add-in does not own, or an owned form whose input cells hold data, is a
 * Conflict; the caller asks the user (replace, write a copy «… (2)», or skip). Without an answer nothing is written.
 */
import { cellRef, parseCell, parseRange, rangeRef } from '../domain/a1';
import { isFormula, type Block, type CellStyle, type ChartKind, type SheetPlan } from '../domain/sheetPlan';
import { SHEET } from '../domain/sheetNames';
import type { OwnedSheet } from '../domain/settingsSheet';
import { ExcelActionError, excelErrorMessage } from './errors';
import { payloadBytes, toExcelInput } from './excelValues';
import type { ApiSupport, ExcelRun } from './support';

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
}

/** Forms a person fills in: regenerating them must not lose what was typed. */
const FILLED_KINDS = new Set<SheetPlan['kind']>(['appendix2', 'appendix3', 'monitoring']);

const DEFAULT_CHUNK = 4_000_000;
const MAX_SHEET_NAME = 31;

interface Existing {
  names: string[];
  definedNames: string[];
  /** Non-empty input cells of existing filled forms, by sheet name. */
  filled: Map<string, string[]>;
}

export async function applySheetPlans(plansIn: SheetPlan[], opts: ApplyOptions): Promise<ApplyResult> {
  const existing = await readExisting(plansIn, opts.run);
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

  const targets: { plan: SheetPlan; finalName: string; replaces: boolean }[] = [];
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
  const notes = featureNotes(targets.map((t) => t.plan), opts.support);
  if (targets.length === 0) return { written: [], skipped, owned: [...opts.owned], notes };

  const stamp = Date.now().toString(36).slice(-5);
  const work = targets.map((t, i) => ({ ...t, temp: `ПК_tmp${i}_${stamp}`, backup: `ПК_old${i}_${stamp}` }));
  let complete = false;
  try {
    await opts.run(async (ctx) => {
      const q = new RequestQueue(ctx, opts.support, opts.chunkBytes ?? DEFAULT_CHUNK);
      const sheets = ctx.workbook.worksheets;
      const built = new Map<string, Excel.Worksheet>();
      // 1. Build every sheet under its temporary name: values, layout, formats.
      for (const w of work) {
        const ws = sheets.add(w.temp);
        built.set(w.temp, ws);
        await writeLayout(ws, w.plan, q);
      }
      // 2. Swap: old aside, new into its name and tab position.
      for (const w of work) {
        const ws = built.get(w.temp)!;
        if (w.replaces) {
          const old = sheets.getItem(w.finalName);
          old.name = w.backup;
          ws.name = w.finalName;
          const pos = existing.names.findIndex((n) => n.toLowerCase() === w.finalName.toLowerCase());
          if (pos >= 0) ws.position = pos;
        } else ws.name = w.finalName;
      }
      // 3. What refers to names: formulas, validation, conditional formats, charts, workbook names, protection.
      const namesGone = new Set<string>();
      for (const w of work) {
        const ws = built.get(w.temp)!;
        await writeReferences(ctx, ws, w.plan, q, existing.definedNames, namesGone);
      }
      // 4. Only now drop the old sheets — after a sync, so a failure from here on is known to leave every new sheet
      // complete: the write is then finished, not undone (an old sheet may already be gone).
      if (work.some((w) => w.replaces)) {
        await q.flush();
        complete = true;
      }
      for (const w of work) if (w.replaces) sheets.getItem(w.backup).delete();
      if (opts.activate !== false) {
        const first = work.find((w) => !w.plan.hidden);
        if (first) built.get(first.temp)!.activate();
      }
      await q.flush();
    });
  } catch (e) {
    const which = targets.map((t) => `«${t.finalName}»`).join(', ');
    const failed = excelErrorMessage(e, `запись ${targets.length > 1 ? 'листов' : 'листа'} ${which}`);
    if (complete) {
      // Every new sheet was complete: finish the write rather than undo it.
      const done = await finishDeleting(opts.run, work).catch(() => undefined);
      if (!done)
        throw new ExcelActionError(`Листы ${which} записаны, но старые копии удалить не удалось: удалите листы «ПК_old…» вручную.`);
    } else {
      const undone = await recover(opts.run, work).catch(() => undefined);
      throw new ExcelActionError(
        undone
          ? `${failed} Книга оставлена как была.`
          : `${failed} Вернуть книгу в прежний вид не удалось: удалите листы «ПК_tmp…», если они остались, а листы «ПК_old…» переименуйте обратно.`,
      );
    }
  }
  return {
    written: work.map((w) => ({ planned: plansIn.find((p) => p.name === w.finalName)?.name ?? w.finalName, sheet: w.finalName, replaced: w.replaces })),
    skipped,
    owned,
    notes,
  };
}

/** One sync: which sheets and names exist, and which input cells of existing filled forms hold data. */
async function readExisting(plans: SheetPlan[], run: ExcelRun): Promise<Existing> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    const names = ctx.workbook.names;
    names.load('items/name');
    const used = plans
      .filter((p) => FILLED_KINDS.has(p.kind))
      .map((p) => {
        const r = sheets.getItemOrNullObject(p.name).getUsedRangeOrNullObject(true);
        r.load('address,formulas');
        return { plan: p, r };
      });
    await ctx.sync();
    const filled = new Map<string, string[]>();
    for (const { plan, r } of used) {
      if (r.isNullObject) continue;
      filled.set(plan.name, userCells(plan, r.address, r.formulas as unknown[][]));
    }
    return { names: sheets.items.map((s) => s.name), definedNames: names.items.map((n) => n.name), filled };
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
    b.rows.forEach((row, i) =>
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

/** Queues writes and flushes early only when the next one would push the request past the limit. */
export class RequestQueue {
  private bytes = 0;
  constructor(
    private ctx: Excel.RequestContext,
    readonly support: ApiSupport,
    private limit: number,
  ) {
    this.begin();
  }
  private begin() {
    if (this.support.suspendCalc) this.ctx.application.suspendApiCalculationUntilNextSync();
  }
  async reserve(n: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + n > this.limit) await this.flush();
    this.bytes += n;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.bytes = 0;
    this.begin();
  }
  get chunkLimit(): number {
    return this.limit;
  }
}

type Box = ReturnType<typeof parseRange>;

/** A rectangular 2-D array of a block's cells, ragged rows padded. Cells formatted as text ("@") need no mark. */
function blockMatrix(b: Block, textCells: Box[]): (string | number | boolean)[][] {
  const width = Math.max(1, ...b.rows.map((r) => r.length));
  const at = parseCell(b.at);
  const isText = (r: number, c: number) => textCells.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
  return b.rows.map((row, i) => Array.from({ length: width }, (_, j) => toExcelInput(row[j] ?? null, textCells.length > 0 && isText(at.row + i, at.col + j))));
}

const textRanges = (p: SheetPlan): Box[] => p.styles.filter((s) => s.style.numberFormat === '@').map((s) => parseRange(s.range));

/** Writes a block in row chunks no bigger than the request limit allows. */
async function writeBlock(ws: Excel.Worksheet, b: Block, q: RequestQueue, prop: 'values' | 'formulas', textCells: Box[]): Promise<void> {
  if (b.rows.length === 0) return;
  const m = blockMatrix(b, textCells);
  const at = parseCell(b.at);
  const width = m[0].length;
  let start = 0;
  let size = 0;
  const emit = async (end: number) => {
    if (end <= start) return;
    const chunk = m.slice(start, end);
    await q.reserve(size + 64);
    ws.getRange(rangeRef(at.row + start, at.col, at.row + end - 1, at.col + width - 1))[prop] = chunk as never;
    start = end;
    size = 0;
  };
  const budget = q.chunkLimit / 2; // a chunk leaves room for the rest of its request
  for (let i = 0; i < m.length; i++) {
    const rowBytes = payloadBytes(m[i]) + 1;
    if (size > 0 && size + rowBytes > budget) await emit(i);
    size += rowBytes;
  }
  await emit(m.length);
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function setFormat(target: { format: Excel.RangeFormat }, s: CellStyle): void {
  const f = target.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontColor) f.font.color = `#${s.fontColor}`;
  if (s.fill) f.fill.color = `#${s.fill}`;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.hAlign) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.border)
    for (const e of EDGES) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
    }
  if (s.locked !== undefined) f.protection.locked = s.locked;
}

/** Characters → points, as Excel measures a column of Calibri 11 (7 px a character plus 5 px padding). */
const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

async function writeLayout(ws: Excel.Worksheet, p: SheetPlan, q: RequestQueue): Promise<void> {
  if (p.tabColor) ws.tabColor = `#${p.tabColor}`;
  p.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getRange(cellRef(1, i + 1)).format.columnWidth = widthPoints(w);
  });
  for (const [row, h] of Object.entries(p.rowHeights ?? {})) ws.getRange(cellRef(Number(row), 1)).format.rowHeight = h;
  await q.reserve(payloadBytes(p.columnWidths) + payloadBytes(p.rowHeights ?? {}));

  // Number formats first, so text-formatted cells receive the values as text.
  for (const s of p.styles) {
    if (!s.style.numberFormat) continue;
    const r = parseRange(s.range);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const fmt = Array.from({ length: rows }, () => Array<string>(cols).fill(s.style.numberFormat!));
    await q.reserve(payloadBytes(s.style.numberFormat) * rows * cols + rows * 3 + 64);
    ws.getRange(s.range).numberFormat = fmt;
  }
  const text = textRanges(p);
  for (const b of p.blocks) if (!b.rows.some((r) => r.some((c) => isFormula(c)))) await writeBlock(ws, b, q, 'values', text);

  // Formats grouped by style: one write per style (multi-area ranges where Excel has them).
  const groups = new Map<string, { style: CellStyle; ranges: string[] }>();
  for (const s of p.styles) {
    const { numberFormat: _nf, ...rest } = s.style;
    if (Object.keys(rest).length === 0) continue;
    const k = JSON.stringify(rest);
    const g = groups.get(k) ?? { style: rest as CellStyle, ranges: [] as string[] };
    g.ranges.push(s.range);
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    const parts = q.support.rangeAreas ? joinAddresses(g.ranges) : g.ranges;
    for (const addr of parts) {
      await q.reserve(payloadBytes(g.style) * 2 + addr.length + 64);
      setFormat(addr.includes(',') ? ws.getRanges(addr) : ws.getRange(addr), g.style);
    }
  }
  for (const m of p.merges) ws.getRange(m).merge(false);
  await q.reserve(payloadBytes(p.merges) + p.merges.length * 40);

  if (p.freeze && (p.freeze.rows > 0 || p.freeze.columns > 0)) {
    const { rows, columns } = p.freeze;
    if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeRef(1, 1, rows, columns)));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(columns);
  }
}

/** Comma-joined addresses, each string short enough for Excel's getRanges (about 2,000 characters). */
function joinAddresses(ranges: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of ranges) {
    if (cur && cur.length + r.length + 1 > 2000) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${r}` : r;
  }
  if (cur) out.push(cur);
  return out;
}

const CHART_TYPE: Record<ChartKind, string> = { column: 'ColumnClustered', bar: 'BarClustered', line: 'Line', pie: 'Pie' };

/** "'Показатели'!$B$5:$B$11" → sheet and address. */
export function splitQualified(ref: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref.trim());
  if (!m) throw new ExcelActionError(`Неверная ссылка на диапазон: «${ref}».`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3].replace(/\$/g, '') };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

async function writeReferences(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  p: SheetPlan,
  q: RequestQueue,
  definedNames: string[],
  namesGone: Set<string>,
): Promise<void> {
  const text = textRanges(p);
  for (const b of p.blocks) if (b.rows.some((r) => r.some((c) => isFormula(c)))) await writeBlock(ws, b, q, 'formulas', text);

  if (q.support.validation)
    for (const v of p.validations) {
      const r = ws.getRange(v.range);
      // A navigation property (an object), only written to: nothing is read, so nothing needs load() or sync().
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      const dv = r.dataValidation;
      dv.rule = validationRule(v.rule);
      dv.ignoreBlanks = v.allowBlank ?? true;
      // Excel caps an alert's title at 32 characters and its text at 225.
      dv.errorAlert = { showAlert: true, style: v.severity === 'stop' ? 'Stop' : 'Warning', title: clip(v.title, 32), message: clip(v.message, 225) };
      if (v.prompt) dv.prompt = { showPrompt: true, title: clip(v.title, 32), message: clip(v.prompt, 255) };
      await q.reserve(payloadBytes(v) + 128);
    }

  for (const c of p.conditionalFormats) {
    const cf = ws.getRange(c.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
    if (c.style.fill) cf.custom.format.fill.color = `#${c.style.fill}`;
    if (c.style.fontColor) cf.custom.format.font.color = `#${c.style.fontColor}`;
    if (c.style.bold !== undefined) cf.custom.format.font.bold = c.style.bold;
    await q.reserve(payloadBytes(c) + 128);
  }

  for (const ch of p.charts) {
    const [first, ...rest] = ch.series;
    if (!first) continue;
    const rangeOf = (ref: string) => {
      const { sheet, address } = splitQualified(ref);
      return ctx.workbook.worksheets.getItem(sheet).getRange(address);
    };
    const chart = ws.charts.add(CHART_TYPE[ch.kind] as Excel.ChartType, rangeOf(first.values), 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = ch.title;
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(rangeOf(first.categories));
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(rangeOf(s.values));
      series.setXAxisValues(rangeOf(s.categories));
    }
    chart.setPosition(ch.from, ch.to);
    await q.reserve(payloadBytes(ch) + 256);
  }

  for (const n of p.namedRanges) {
    if (definedNames.some((d) => d.toLowerCase() === n.name.toLowerCase()) && !namesGone.has(n.name.toLowerCase())) {
      ctx.workbook.names.getItem(n.name).delete();
      namesGone.add(n.name.toLowerCase());
    }
    ctx.workbook.names.add(n.name, n.range.startsWith('=') ? n.range : `=${n.range}`);
    await q.reserve(payloadBytes(n) + 64);
  }

  if (p.print && q.support.pageLayout) {
    const pl = ws.pageLayout;
    pl.orientation = p.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    pl.paperSize = 'A4' as Excel.PaperType;
    if (p.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1 };
    if (p.print.repeatRows) {
      const [a, b] = p.print.repeatRows.split(':');
      pl.setPrintTitleRows(`$${a}:$${b ?? a}`);
    }
  }
  if (p.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });
  if (p.hidden) ws.visibility = 'Hidden' as Excel.SheetVisibility;
}

function validationRule(r: SheetPlan['validations'][number]['rule']): Excel.DataValidationRule {
  const bounds = (min?: number | string, max?: number | string) =>
    min !== undefined && max !== undefined
      ? { formula1: min, formula2: max, operator: 'Between' as Excel.DataValidationOperator }
      : min !== undefined
        ? { formula1: min, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator }
        : max !== undefined
          ? { formula1: max, operator: 'LessThanOrEqualTo' as Excel.DataValidationOperator }
          : { formula1: -1e15, formula2: 1e15, operator: 'Between' as Excel.DataValidationOperator };
  switch (r.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: r.items.join(',') } };
    case 'wholeNumber':
      return { wholeNumber: bounds(r.min, r.max) };
    case 'decimal':
      return { decimal: bounds(r.min, r.max) };
    case 'date':
      return { date: bounds(r.min, r.max) as Excel.DateTimeDataValidation };
    case 'custom':
      return { custom: { formula: r.formula.startsWith('=') ? r.formula : `=${r.formula}` } };
  }
}

function featureNotes(plans: SheetPlan[], s: ApiSupport): string[] {
  const out: string[] = [];
  if (!s.validation && plans.some((p) => p.validations.length > 0))
    out.push('В этой версии Excel (ниже ExcelApi 1.8) проверка ввода не добавлена: раскрывающихся списков в бланке не будет. Полный бланк можно скачать файлом в браузере.');
  if (!s.pageLayout && plans.some((p) => p.print))
    out.push('Параметры печати не заданы (нужен ExcelApi 1.9): перед печатью выберите альбомную ориентацию и «Вписать по ширине».');
  return out;
}

/** After a failure before the new sheets were complete: old sheets back under their names, new ones removed. */
async function recover(run: ExcelRun, work: { finalName: string; temp: string; backup: string; replaces: boolean }[]): Promise<boolean> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    for (const w of work) {
      if (w.replaces && present.has(w.backup)) {
        if (present.has(w.finalName)) sheets.getItem(w.finalName).delete();
        sheets.getItem(w.backup).name = w.finalName;
      } else if (!w.replaces && present.has(w.finalName)) {
        // The name was free before this apply, so a sheet under it now is the half-built new one.
        sheets.getItem(w.finalName).delete();
      }
      if (present.has(w.temp)) sheets.getItem(w.temp).delete();
    }
    await ctx.sync();
    return true;
  });
}

/** After a failure while deleting the old sheets (every new one complete): delete the ones still there. */
async function finishDeleting(run: ExcelRun, work: { backup: string; replaces: boolean }[]): Promise<boolean> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    for (const w of work) if (w.replaces && present.has(w.backup)) sheets.getItem(w.backup).delete();
    await ctx.sync();
    return true;
  });
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
