/**
 * A strict test double of the parts of the Excel JavaScript API the adapter (src/excel) uses.
 *
 * Unlike office-addin-mock it behaves like Excel where it matters for batching:
 *  - every write and method call is queued and only happens at `context.sync()`, in order;
 *  - reading a property that was not loaded and synced THROWS (Excel's PropertyNotLoaded);
 *  - a request whose payload exceeds 5 MB is refused whole (Excel on the web's limit);
 *  - an operation that fails stops the batch: what ran before it stays done, as in Excel (no transaction);
 *  - string values are coerced as Excel in a Russian locale coerces typed input (see `coerce`);
 *  - APIs above the configured ExcelApi version throw ApiNotFound;
 *  - it is Russian-locale Excel on Windows by default (list separator «;», see `FakeOptions.listSeparator`): what
 *    Excel parses with the user's list separator is refused with the wrong one, as Excel refuses it.
 * It counts sync() calls and records the size of each request measured its own way (`requestBytes`: JSON with
 * every non-ASCII character escaped, plus a per-operation envelope), never with the adapter's estimator, so the two
 * can disagree and a test can catch the adapter under-counting.
 */
import { parseRange, cellRef } from '../../src/domain/a1';

export type Val = string | number | boolean | null;

export interface FakeCell {
  value: Val;
  formula?: string; // with '='
  /** Text entered with a leading apostrophe. */
  textPrefix?: boolean;
  numberFormat?: string;
  format: Record<string, unknown>;
}

export interface FakeChart {
  type: string;
  name?: string;
  title?: string;
  series: { name?: string; values?: string; categories?: string }[];
  position?: [string, string];
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: string;
  tabColor?: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  conditionalFormats: { id: number; range: string; type: string; formula?: string; format: Record<string, unknown> }[];
  validations: { range: string; rule?: unknown; errorAlert?: unknown; prompt?: unknown; ignoreBlanks?: boolean }[];
  charts: FakeChart[];
  protected: boolean;
  /** The options the sheet was protected with (WorksheetProtectionOptions). */
  protection?: Excel.WorksheetProtectionOptions;
  password?: string;
  freeze?: string;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: Record<string, unknown>;
  selected?: string;
}

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * A request's size as Excel on the web receives it. "Resource limits and performance optimization for Office
 * Add-ins" (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization, Excel
 * add-ins): "Excel on the web has a payload size limit for requests and responses of 5MB". The request is JSON; a
 * serialiser may send any non-ASCII character as a \uXXXX escape, so each counts six bytes here (the worst case:
 * Cyrillic text weighs three times its UTF-8 size), and every operation carries its envelope (ids, action type,
 * object path), counted as OP_ENVELOPE bytes.
 */
export const OP_ENVELOPE = 120;
const requestBytes = (x: unknown): number => {
  const s = JSON.stringify(x) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
};
const bytes = requestBytes;

const key = (row: number, col: number) => `${row},${col}`;

/** Size of a loaded plain value as JSON; proxies (collections' items) are not data and count nothing. */
function responseBytes(x: unknown): number {
  if (x === undefined || (typeof x === 'object' && x !== null && !Array.isArray(x))) return 0;
  return bytes(x);
}

/** Excel's serial day number of a date (1900 system, 1 = 1900-01-01, with its phantom 29.02.1900). */
function serial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86400000) + 25569;
}

/** A number as typed in a Russian locale: spaces (also no-break) between thousands, a decimal comma. */
const RU_NUMBER = /^([+-]?)(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.](\d+))?$/;
const ruNumber = (s: string): number | null => {
  const m = RU_NUMBER.exec(s);
  return m ? Number(`${m[1]}${m[2].replace(/[ \u00a0]/g, '')}${m[3] ? `.${m[3]}` : ''}`) : null;
};

/**
 * How Excel stores a string set through Range.values / Range.formulas, as if typed into a General cell in a
 * Russian locale. Sources: the Range.values remarks in @types/office-js ("If the returned value starts with a plus
 * ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"); "Stop automatically changing
 * numbers to dates" and "Format numbers as text" (support.microsoft.com): typed entries that look like dates,
 * numbers or percentages become them, following the regional settings (ru-RU: day.month.year, space between
 * thousands, decimal comma), unless preceded by an apostrophe, which is not part of the value.
 */
export function coerce(input: unknown): Pick<FakeCell, 'value' | 'formula' | 'textPrefix' | 'numberFormat'> {
  if (input === null || input === undefined || input === '') return { value: null };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const raw = String(input);
  if (raw.startsWith("'")) return { value: raw.slice(1), textPrefix: true };
  const s = raw.trim();
  const n = ruNumber(s);
  if (n !== null) return { value: n };
  if (/^[=+-]/.test(raw) && raw.length > 1) return { value: null, formula: raw.startsWith('=') ? raw : `=${raw}` };
  const pct = /^(.+?)\s?%$/.exec(s);
  if (pct && ruNumber(pct[1]) !== null) return { value: ruNumber(pct[1])! / 100, numberFormat: '0%' };
  // Dates: 12.03.2021, 12.03.21, 12/03/2021, 12-03-2021, and 7/6 or 12.03 (this year).
  const d = /^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(s);
  if (d) {
    const year = d[4] === undefined ? new Date().getFullYear() : d[4].length === 2 ? 2000 + Number(d[4]) - (Number(d[4]) >= 30 ? 100 : 0) : Number(d[4]);
    const v = serial(year, Number(d[3]), Number(d[1]));
    if (v !== null) return { value: v, numberFormat: 'dd.mm.yyyy' };
  }
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (t && Number(t[1]) < 24 && Number(t[2]) < 60) return { value: (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) / 86400, numberFormat: 'h:mm' };
  if (/^(ИСТИНА|ЛОЖЬ|TRUE|FALSE)$/i.test(s)) return { value: /^(ИСТИНА|TRUE)$/i.test(s) };
  if (/^#(Н\/Д|N\/A|ДЕЛ\/0!|DIV\/0!|ЗНАЧ!|VALUE!|ССЫЛКА!|REF!|ИМЯ\?|NAME\?|ЧИСЛО!|NUM!|ПУСТО!|NULL!)$/i.test(s)) return { value: s.toUpperCase() };
  return { value: raw };
}

type Op = { size: number; run: () => void; what: string };

export interface FakeOptions {
  /** Highest ExcelApi minor version supported, e.g. 7 for Office 2019 volume licence. Default 14. */
  apiMinor?: number;
  /** Fail the first queued operation whose description matches (e.g. /setName/). */
  failOn?: RegExp;
  /** Fail the N-th operation run from now on (1-based, counted across syncs): sweeps a failure through a run. */
  failAtOp?: number;
  /**
   * The list separator of the user's regional settings: «;» in a Russian (German, Czech…) locale — every Russian
   * coordinator's — «,» in an English one or in Excel on the web. Default «;». Worksheet.getRanges parses its
   * address with it in Excel on Windows, whatever the docs say (office-js #1167: "must be called using locale
   * specific argument/list separator", reproduced by Microsoft; #1985: InvalidArgument in German Excel Desktop).
   */
  listSeparator?: ',' | ';';
  /** The workbook's name (Workbook.name, ExcelApi 1.7), e.g. «Свод.xlsx»; «Книга1» for a new unsaved one. */
  name?: string;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  names = new Map<string, string>();
  syncs = 0;
  requestSizes: number[] = [];
  /** JSON size of the loaded data each sync sent back (values, formulas, addresses…); Excel's limit is 5 MB too. */
  responseSizes: number[] = [];
  /** Response bytes of the sync under way. */
  responding = 0;
  calcSuspensions = 0;
  /** Calculation is suspended for the operations of the sync under way (suspendApiCalculationUntilNextSync). */
  calcSuspendedNow = false;
  /** A formula was written while calculation was suspended and the workbook has not been recalculated since. */
  calcStale = false;
  calculations: string[] = [];
  chartsMade = 0;
  active?: number;
  private nextId = 1;
  private queue: Op[] = [];
  readonly apiMinor: number;
  readonly listSeparator: ',' | ';';
  readonly name: string;
  failOn?: RegExp;
  failAtOp?: number;
  /** Fail every operation whose description matches, every time: a build that refuses a feature. */
  refuse?: RegExp;
  /** Operations run so far (every queued operation that reached Excel). */
  opsRun = 0;

  constructor(opts: FakeOptions = {}) {
    this.apiMinor = opts.apiMinor ?? 14;
    this.listSeparator = opts.listSeparator ?? ';';
    this.name = opts.name ?? 'Книга1';
    this.failOn = opts.failOn;
    this.failAtOp = opts.failAtOp;
  }

  // ---- test set-up and inspection (not part of the Excel API) ----
  addSheet(name: string, cells: Record<string, Val> = {}, hidden = false): FakeSheet {
    const s = this.newSheet(name);
    if (hidden) s.visibility = 'Hidden';
    for (const [addr, v] of Object.entries(cells)) {
      const p = parseRange(addr);
      s.cells.set(key(p.top, p.left), { ...coerce(v), format: {} });
    }
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  cell(sheet: string, addr: string): FakeCell | undefined {
    const s = this.sheet(sheet);
    const p = parseRange(addr);
    return s?.cells.get(key(p.top, p.left));
  }
  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= this.apiMinor;
  }
  /** Excel.run-compatible runner bound to this workbook. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      this.queue = []; // an abandoned batch is dropped, as when Excel.run ends
    }
  };

  // ---- internals used by the proxies ----
  newSheet(name: string): FakeSheet {
    validSheetName(name);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} already exists`);
    const s: FakeSheet = {
      id: this.nextId++,
      name,
      visibility: 'Visible',
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: [],
      charts: [],
      protected: false,
      columnWidths: new Map(),
      rowHeights: new Map(),
      pageLayout: {},
    };
    this.sheets.push(s);
    return s;
  }
  requireApi(minor: number, what: string): void {
    if (this.apiMinor < minor) throw new FakeExcelError('ApiNotFound', `${what} needs ExcelApi 1.${minor}`);
  }
  enqueue(what: string, payload: unknown, run: () => void): void {
    this.queue.push({ what, size: bytes(payload) + OP_ENVELOPE, run });
  }
  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue;
    this.queue = [];
    const size = ops.reduce((n, o) => n + o.size, 0);
    this.requestSizes.push(size);
    this.responding = 0;
    this.responseSizes.push(0);
    if (size > REQUEST_LIMIT_BYTES)
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${size} bytes exceeds ${REQUEST_LIMIT_BYTES}`);
    this.calcSuspendedNow = false;
    try {
      this.runOps(ops);
    } finally {
      this.calcSuspendedNow = false;
    }
    this.responseSizes[this.responseSizes.length - 1] = this.responding;
  }
  private runOps(ops: Op[]): void {
    for (const op of ops) {
      this.opsRun++;
      if (this.failAtOp !== undefined && --this.failAtOp === 0) {
        this.failAtOp = undefined;
        throw new FakeExcelError('GeneralException', `injected failure at operation ${this.opsRun} (${op.what})`);
      }
      if (this.refuse && this.refuse.test(op.what)) throw new FakeExcelError('GeneralException', `this build refuses ${op.what}`);
      if (this.failOn && this.failOn.test(op.what)) {
        this.failOn = undefined;
        throw new FakeExcelError('GeneralException', `injected failure at ${op.what}`);
      }
      op.run();
    }
  }
  /** Every formula in the workbook with references to sheet `name` rewritten to `to` (a quoted name + "!", or #REF!). */
  rewriteReferences(name: string, to: string): void {
    const f = (x: string) => rewriteSheetRefs(x, name, to);
    for (const s of this.sheets) {
      for (const c of s.cells.values()) if (c.formula) c.formula = f(c.formula);
      for (const cf of s.conditionalFormats) if (cf.formula) cf.formula = f(cf.formula);
      for (const v of s.validations) {
        const rule = v.rule as { custom?: { formula?: string } } | undefined;
        if (rule?.custom?.formula) rule.custom.formula = f(rule.custom.formula);
      }
      for (const ch of s.charts)
        for (const se of ch.series) {
          if (se.values) se.values = f(se.values);
          if (se.categories) se.categories = f(se.categories);
        }
    }
    for (const [n, ref] of this.names) this.names.set(n, f(ref));
  }
  /** Refuses `what` on a protected sheet unless its protection allows it (support.microsoft.com, "Lock or unlock
   * specific areas of a protected worksheet": formatting cells — including conditional formatting — columns, rows,
   * objects are each allowed only by their own protection option). */
  guardProtected(s: FakeSheet, what: string, allowedBy?: keyof Excel.WorksheetProtectionOptions): void {
    if (!s.protected) return;
    if (allowedBy && s.protection?.[allowedBy]) return;
    throw new FakeExcelError('AccessDenied', `${what}: the sheet «${s.name}» is protected`);
  }
}

const quoteSheetName = (n: string) => `'${n.replace(/'/g, "''")}'`;

/** `formula` with every reference to sheet `name` (quoted or bare, any case; never inside a text) replaced by `to`. */
export function rewriteSheetRefs(formula: string, name: string, to: string): string {
  let out = '';
  let i = 0;
  const want = name.toLowerCase();
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = stringEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      let j = i + 1;
      let n = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          n += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else n += formula[j++];
      }
      if (formula[j + 1] === '!' && n.toLowerCase() === want) {
        out += to;
        i = j + 2;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
    } else {
      const m = /^[A-Za-zА-Яа-яЁё_][\w.А-Яа-яЁё]*!/.exec(formula.slice(i));
      const prev = formula[i - 1] ?? '';
      if (m && !/[\w.А-Яа-яЁё$]/.test(prev)) {
        out += m[0].slice(0, -1).toLowerCase() === want ? to : m[0];
        i += m[0].length;
      } else {
        out += ch;
        i++;
      }
    }
  }
  return out;
}

function stringEnd(f: string, start: number): number {
  let i = start + 1;
  while (i < f.length) {
    if (f[i] === '"' && f[i + 1] === '"') i += 2;
    else if (f[i] === '"') return i + 1;
    else i++;
  }
  return f.length;
}

function validSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new FakeExcelError('InvalidArgument', `bad sheet name «${name}»`);
}

/** Base of every proxy: loaded properties live in `loaded`; reading anything else throws. */
class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(protected fx: FakeExcel) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new FakeExcelError('PropertyNotLoaded', `${this.constructor.name}.${prop} read before load() and sync()`);
    return this.loaded.get(prop) as T;
  }
  protected snapshot(_props: string[]): void {
    /* overridden */
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : [];
    this.fx.enqueue(`load ${this.constructor.name}`, list, () => {
      this.snapshot(list);
      for (const p of list) this.fx.responding += responseBytes(this.loaded.get(p));
    });
    return this;
  }
}

class FakeContext {
  workbook: FakeWorkbook;
  application: { suspendApiCalculationUntilNextSync(): void; calculate(type: string): void };
  constructor(private fx: FakeExcel) {
    this.workbook = new FakeWorkbook(fx);
    this.application = {
      // @types/office-js, Application.suspendApiCalculationUntilNextSync [ExcelApi 1.6]: "Suspends calculation until
      // the next context.sync() is called. Once set, it is the developer's responsibility to re-calc the workbook".
      suspendApiCalculationUntilNextSync: () => {
        fx.requireApi(6, 'suspendApiCalculationUntilNextSync');
        fx.enqueue('suspendCalc', null, () => {
          fx.calcSuspensions++;
          fx.calcSuspendedNow = true;
        });
      },
      // Application.calculate(calculationType) [ExcelApi 1.1]: "Recalculate all currently opened workbooks". Queued
      // in a batch whose calculation is suspended it is not trusted to run (the suspension lasts to the sync).
      calculate: (type: string) => {
        fx.enqueue(`calculate ${type}`, type, () => {
          fx.calculations.push(type);
          if (!fx.calcSuspendedNow) fx.calcStale = false;
        });
      },
    };
  }
  sync(): Promise<void> {
    return this.fx.sync();
  }
}

class FakeWorkbook extends ClientObject {
  worksheets: FakeWorksheetCollection;
  names: FakeNames;
  constructor(fx: FakeExcel) {
    super(fx);
    this.worksheets = new FakeWorksheetCollection(fx);
    this.names = new FakeNames(fx);
  }
  protected snapshot(props: string[]): void {
    if (props.includes('name')) {
      this.fx.requireApi(7, 'Workbook.name');
      this.loaded.set('name', this.fx.name);
    }
  }
  /** Workbook.name [ExcelApi 1.7]. */
  get name(): string {
    return this.read('name');
  }
  getSelectedRange(): never {
    throw new FakeExcelError('ApiNotFound', 'getSelectedRange is not used by the adapter');
  }
}

class FakeWorksheetCollection extends ClientObject {
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  protected snapshot(props: string[]): void {
    const items = this.fx.sheets
      .slice()
      .map((s) => {
        const w = new FakeWorksheet(this.fx, () => s);
        w.snapshotNow(props.map((p) => p.replace(/^items\//, '')));
        return w;
      });
    this.loaded.set('items', items);
  }
  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    this.fx.enqueue(`addSheet ${name}`, name, () => {
      sheet = this.fx.newSheet(name);
    });
    return new FakeWorksheet(this.fx, () => {
      if (!sheet) throw new FakeExcelError('ItemNotFound', `sheet ${name} was not added`);
      return sheet;
    });
  }
  getItem(name: string): FakeWorksheet {
    let bound: FakeSheet | undefined;
    return new FakeWorksheet(this.fx, () => {
      bound ??= this.fx.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!bound) throw new FakeExcelError('ItemNotFound', `no sheet «${name}»`);
      return bound;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    let bound: FakeSheet | null | undefined;
    return new FakeWorksheet(
      this.fx,
      () => {
        if (bound === undefined) bound = this.fx.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
        if (!bound) throw new FakeExcelError('ItemNotFound', `no sheet «${name}» (null object)`);
        return bound;
      },
      true,
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fx, () => this.fx.sheets.find((s) => s.id === this.fx.active) ?? this.fx.sheets[0]);
  }
}

class FakeWorksheet extends ClientObject {
  freezePanes: { freezeAt(r: string | FakeRange): void; freezeRows(n: number): void; freezeColumns(n: number): void; unfreeze(): void };
  protection: ClientObject & {
    protect(o?: Excel.WorksheetProtectionOptions, password?: string): void;
    unprotect(password?: string): void;
    readonly protected: boolean;
    readonly options: Excel.WorksheetProtectionOptions;
  };
  charts: FakeCharts;
  private _pageLayout?: Record<string, unknown>;
  constructor(
    fx: FakeExcel,
    readonly resolve: () => FakeSheet,
    private nullable = false,
  ) {
    super(fx);
    const ws = this;
    this.freezePanes = {
      freezeAt: (r) => fx.enqueue('freezeAt', typeof r === 'string' ? r : 'range', () => (resolve().freeze = typeof r === 'string' ? r : r.address0())),
      freezeRows: (n) => fx.enqueue('freezeRows', n, () => (resolve().freeze = `rows:${n}`)),
      freezeColumns: (n) => fx.enqueue('freezeColumns', n, () => (resolve().freeze = `columns:${n}`)),
      unfreeze: () => fx.enqueue('unfreeze', null, () => (resolve().freeze = undefined)),
    };
    const prot = new (class extends ClientObject {
      // WorksheetProtection.protect: "Protects a worksheet. Fails if the worksheet has already been protected."
      protect(o?: Excel.WorksheetProtectionOptions, password?: string) {
        fx.enqueue('protect', o ?? null, () => {
          const s = resolve();
          if (s.protected) throw new FakeExcelError('InvalidOperation', `the sheet «${s.name}» is already protected`);
          s.protected = true;
          s.protection = { ...(o ?? {}) };
          s.password = password;
        });
      }
      // unprotect(password): a sheet protected with a password stays protected without it.
      unprotect(password?: string) {
        fx.enqueue('unprotect', null, () => {
          const s = resolve();
          if (s.protected && s.password && s.password !== password) throw new FakeExcelError('InvalidArgument', 'wrong password');
          s.protected = false;
        });
      }
      get protected(): boolean {
        return this.read('protected');
      }
      get options(): Excel.WorksheetProtectionOptions {
        return this.read('options');
      }
      protected snapshot() {
        this.loaded.set('protected', resolve().protected);
        this.loaded.set('options', { ...(resolve().protection ?? {}) });
      }
    })(fx);
    this.protection = prot;
    this.charts = new FakeCharts(fx, resolve);
    void ws;
  }
  snapshotNow(props: string[]): void {
    this.snapshot(props);
  }
  protected snapshot(props: string[]): void {
    let s: FakeSheet | null;
    try {
      s = this.resolve();
    } catch (e) {
      if (!this.nullable) throw e;
      s = null;
    }
    this.loaded.set('isNullObject', s === null);
    if (!s) return;
    const all = props.length === 0;
    if (all || props.includes('name')) this.loaded.set('name', s.name);
    if (all || props.includes('visibility')) this.loaded.set('visibility', s.visibility);
    if (all || props.includes('position')) this.loaded.set('position', this.fx.sheets.indexOf(s));
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.fx.enqueue(`setName ${v}`, v, () => {
      validSheetName(v);
      const s = this.resolve();
      if (this.fx.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase()))
        throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${v} already exists`);
      // A formula refers to a sheet, not to its name: renaming the sheet rewrites every reference to it (cells on
      // any sheet, names, conditional formats, validations, chart series) to the new name.
      this.fx.rewriteReferences(s.name, quoteSheetName(v) + '!');
      s.name = v;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.fx.enqueue('setVisibility', v, () => (this.resolve().visibility = v));
  }
  get position(): number {
    return this.read('position');
  }
  set position(p: number) {
    this.fx.enqueue('setPosition', p, () => {
      const s = this.resolve();
      const list = this.fx.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
    });
  }
  set tabColor(c: string) {
    this.fx.requireApi(7, 'tabColor');
    this.fx.enqueue('tabColor', c, () => (this.resolve().tabColor = c));
  }
  get pageLayout(): Record<string, unknown> & { setPrintTitleRows(r: string): void } {
    this.fx.requireApi(9, 'pageLayout');
    if (!this._pageLayout) {
      const fx = this.fx;
      const resolve = this.resolve;
      const target: Record<string, unknown> = {
        setPrintTitleRows: (r: string) => fx.enqueue('printTitleRows', r, () => (resolve().pageLayout.printTitleRows = r)),
      };
      this._pageLayout = new Proxy(target, {
        set(_t, prop, value) {
          fx.enqueue(`pageLayout.${String(prop)}`, value, () => (resolve().pageLayout[String(prop)] = value));
          return true;
        },
        get(t, prop) {
          if (prop in t) return t[prop as string];
          throw new FakeExcelError('PropertyNotLoaded', `pageLayout.${String(prop)} is never read by the adapter`);
        },
      });
    }
    return this._pageLayout as Record<string, unknown> & { setPrintTitleRows(r: string): void };
  }
  delete(): void {
    this.fx.enqueue('deleteSheet', null, () => {
      const s = this.resolve();
      if (this.fx.sheets.filter((o) => o.visibility === 'Visible').length === 1 && s.visibility === 'Visible')
        throw new FakeExcelError('InvalidOperation', 'cannot delete the only visible sheet');
      this.fx.sheets.splice(this.fx.sheets.indexOf(s), 1);
      // A reference to a deleted sheet becomes #REF! ("How to correct a #REF! error", support.microsoft.com: the
      // error shows when a formula refers to cells that were deleted), and stays so if a sheet of that name returns.
      this.fx.rewriteReferences(s.name, '#REF!');
    });
  }
  activate(): void {
    this.fx.enqueue('activate', null, () => (this.fx.active = this.resolve().id));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.fx, this.resolve, address ?? 'A1:XFD1048576');
  }
  /** Worksheet.getRanges [ExcelApi 1.9]: areas separated by the locale's list separator (see FakeOptions). */
  getRanges(address: string): FakeRange {
    this.fx.requireApi(9, 'getRanges');
    const sep = this.fx.listSeparator;
    const other = sep === ';' ? ',' : ';';
    // Refused when the batch reaches Excel, as Excel refuses it: at sync, stopping the batch there.
    if (address.includes(other))
      this.fx.enqueue('getRanges', address, () => {
        throw new FakeExcelError('InvalidArgument', `getRanges("${address}"): areas must be separated by «${sep}», the list separator of this Excel's locale`);
      });
    return new FakeRange(this.fx, this.resolve, address.split(sep).join(','));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.fx, this.resolve, null, valuesOnly);
  }
}

/** Worksheet.charts: add, and the items (name) to find and delete the add-in's own charts. */
class FakeCharts extends ClientObject {
  constructor(
    fx: FakeExcel,
    private sheetOf: () => FakeSheet,
  ) {
    super(fx);
  }
  get items(): { name: string; title: { text: string }; delete(): void }[] {
    return this.read('items');
  }
  protected snapshot(): void {
    const s = this.sheetOf();
    this.loaded.set(
      'items',
      s.charts.map((c) => ({
        name: c.name ?? '',
        title: { text: c.title ?? '' },
        delete: () =>
          this.fx.enqueue('chart.delete', null, () => {
            this.fx.guardProtected(s, 'chart', 'allowEditObjects');
            s.charts = s.charts.filter((x) => x !== c);
          }),
      })),
    );
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.fx.enqueue('chart.delete', name, () => {
          const s = this.sheetOf();
          this.fx.guardProtected(s, 'chart', 'allowEditObjects');
          const c = s.charts.find((x) => x.name === name);
          if (!c) throw new FakeExcelError('ItemNotFound', `no chart ${name}`);
          s.charts = s.charts.filter((x) => x !== c);
        }),
    };
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    const chart: FakeChart = { type, series: [] };
    this.fx.enqueue('addChart', [type, seriesBy], () => {
      this.fx.guardProtected(this.sheetOf(), 'chart', 'allowEditObjects');
      // A chart always has a name (Chart.name); Excel gives a new one its own until it is renamed.
      chart.name = `Chart ${++this.fx.chartsMade}`;
      chart.series.push({ values: source.qualified() });
      this.sheetOf().charts.push(chart);
    });
    return new FakeChartProxy(this.fx, chart);
  }
}

class FakeChartProxy {
  title: { text: string };
  series: { getItemAt(i: number): FakeSeriesProxy; add(name?: string): FakeSeriesProxy };
  constructor(
    private fx: FakeExcel,
    private chart: FakeChart,
  ) {
    this.title = {
      set text(t: string) {
        fx.enqueue('chartTitle', t, () => (chart.title = t));
      },
      get text(): string {
        throw new FakeExcelError('PropertyNotLoaded', 'chart title');
      },
    };
    this.series = {
      getItemAt: (i) => new FakeSeriesProxy(fx, () => chart.series[i]),
      add: (name) => {
        fx.requireApi(7, 'series.add');
        const s = { name };
        fx.enqueue('addSeries', name ?? null, () => chart.series.push(s));
        return new FakeSeriesProxy(fx, () => s);
      },
    };
  }
  set name(n: string) {
    this.fx.enqueue('chartName', n, () => (this.chart.name = n));
  }
  setPosition(from: string, to: string): void {
    this.fx.enqueue('chartPosition', [from, to], () => (this.chart.position = [from, to]));
  }
}

class FakeSeriesProxy {
  constructor(
    private fx: FakeExcel,
    private s: () => FakeChart['series'][number],
  ) {}
  set name(n: string) {
    this.fx.enqueue('seriesName', n, () => (this.s().name = n));
  }
  setValues(r: FakeRange): void {
    this.fx.requireApi(7, 'setValues');
    this.fx.enqueue('seriesValues', null, () => (this.s().values = r.qualified()));
  }
  setXAxisValues(r: FakeRange): void {
    this.fx.requireApi(7, 'setXAxisValues');
    this.fx.enqueue('seriesCategories', null, () => (this.s().categories = r.qualified()));
  }
}

type Box = { top: number; left: number; bottom: number; right: number };

class FakeRange extends ClientObject {
  format: Record<string, unknown>;
  conditionalFormats: FakeConditionalFormats;
  private _dv?: Record<string, unknown>;
  getMergedAreasOrNullObject(): ClientObject & { isNullObject: boolean; areas: { items: { address: string }[] } } {
    this.fx.requireApi(13, 'getMergedAreasOrNullObject');
    const range = this;
    return new (class extends ClientObject {
      protected snapshot(): void {
        let b: Box | undefined;
        try {
          b = range.box();
        } catch {
          b = undefined;
        }
        const s = range.sheetData();
        const hits = b
          ? s.merges.filter((m) => {
              const o = parseRange(m);
              return !(o.bottom < b!.top || o.top > b!.bottom || o.right < b!.left || o.left > b!.right);
            })
          : [];
        // Range.getMergedAreasOrNullObject [ExcelApi 1.13]: "if the merged areas count in this range is more than
        // 512, then this method will fail to return the result" (@types/office-js).
        if (hits.length > 512) throw new FakeExcelError('GeneralException', `${hits.length} merged areas in ${range.address0()} (more than 512)`);
        this.loaded.set('isNullObject', hits.length === 0);
        this.loaded.set('areas', { items: hits.map((m) => ({ address: `'${s.name}'!${m}` })) });
      }
      get isNullObject(): boolean {
        return this.read('isNullObject');
      }
      get areas(): { items: { address: string }[] } {
        return this.read('areas');
      }
    })(this.fx);
  }
  constructor(
    fx: FakeExcel,
    private sheetOf: () => FakeSheet,
    private addr: string | null, // null: the used range, resolved when loaded
    private valuesOnly = false,
  ) {
    super(fx);
    this.format = formatProxy(fx, 'format', (path, v) => this.applyFormat(path, v));
    this.conditionalFormats = new FakeConditionalFormats(fx, this);
  }
  /** The areas this range covers (several when given "A1:B2, D4"). */
  boxes(): Box[] {
    if (this.addr === null) {
      const b = usedBox(this.sheetOf(), this.valuesOnly);
      if (!b) throw new FakeExcelError('ItemNotFound', 'used range is empty (null object)');
      return [b];
    }
    return this.addr.split(',').map((a) => parseRange(a.trim()));
  }
  box(): Box {
    const bs = this.boxes();
    if (bs.length !== 1) throw new FakeExcelError('InvalidArgument', 'multi-area range where one area is needed');
    return bs[0];
  }
  address0(): string {
    const b = this.box();
    return `${cellRef(b.top, b.left)}:${cellRef(b.bottom, b.right)}`;
  }
  qualified(): string {
    return `'${this.sheetOf().name}'!${this.address0()}`;
  }
  sheetData(): FakeSheet {
    return this.sheetOf();
  }
  private cellAt(r: number, c: number): FakeCell {
    const s = this.sheetOf();
    let cell = s.cells.get(key(r, c));
    if (!cell) {
      cell = { value: null, format: {} };
      s.cells.set(key(r, c), cell);
    }
    return cell;
  }
  private write(prop: 'values' | 'formulas' | 'numberFormat', data: unknown): void {
    this.fx.enqueue(`set ${prop}`, data, () => {
      const b = this.box();
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      if (!Array.isArray(data) || data.length !== rows || data.some((r) => !Array.isArray(r) || r.length !== cols))
        throw new FakeExcelError('InvalidArgument', `${prop} dimensions do not match ${this.address0()}`);
      const s = this.sheetOf();
      // A protected sheet refuses changes to locked cells (every cell is locked unless unlocked): "Lock or unlock
      // specific areas of a protected worksheet" (support.microsoft.com). Number formats are formatting: refused
      // unless the protection allows formatting cells (WorksheetProtectionOptions.allowFormatCells).
      if (s.protected) {
        if (prop === 'numberFormat' ? !s.protection?.allowFormatCells : this.anyLocked(b))
          throw new FakeExcelError('AccessDenied', `the sheet «${s.name}» is protected`);
      }
      (data as unknown[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = this.cellAt(b.top + i, b.left + j);
          if (prop === 'numberFormat') cell.numberFormat = String(v);
          else {
            const textFormat = cell.numberFormat === '@' && typeof v === 'string';
            const c = textFormat ? { value: v === '' ? null : v, formula: undefined, textPrefix: false } : coerce(v);
            // MS-OI29500 2.1.1085 (ST_Formula): "Excel restricts the contents of this simple type to be at most 8192
            // characters"; Excel refuses such a formula when it is set.
            if (c.formula && c.formula.length - 1 > 8192)
              throw new FakeExcelError('InvalidArgument', `formula of ${c.formula.length - 1} characters at ${cellRef(b.top + i, b.left + j)}`);
            cell.value = c.value;
            cell.formula = c.formula;
            cell.textPrefix = c.textPrefix;
            if (c.numberFormat && (cell.numberFormat ?? 'General') === 'General') cell.numberFormat = c.numberFormat;
            // Written while calculation is suspended: its result is stale until the workbook is recalculated.
            if (c.formula && this.fx.calcSuspendedNow) this.fx.calcStale = true;
          }
        }),
      );
    });
  }
  private anyLocked(b: Box): boolean {
    const s = this.sheetOf();
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) if (s.cells.get(key(r, c))?.format['format.protection.locked'] !== false) return true;
    return false;
  }
  set values(v: Val[][]) {
    this.write('values', v);
  }
  get values(): Val[][] {
    return this.read('values');
  }
  set formulas(v: Val[][]) {
    this.write('formulas', v);
  }
  get formulas(): Val[][] {
    return this.read('formulas');
  }
  set numberFormat(v: string[][]) {
    this.write('numberFormat', v);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  get address(): string {
    return this.read('address');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  protected snapshot(props: string[]): void {
    let b: Box;
    try {
      b = this.box();
    } catch (e) {
      if (this.addr !== null) throw e;
      this.loaded.set('isNullObject', true);
      return;
    }
    this.loaded.set('isNullObject', false);
    const s = this.sheetOf();
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row: T[] = [];
        for (let c = b.left; c <= b.right; c++) row.push(f(s.cells.get(key(r, c))));
        out.push(row);
      }
      return out;
    };
    const want = (p: string) => props.length === 0 || props.includes(p);
    if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > 5_000_000 && (want('values') || want('formulas')))
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'too many cells loaded');
    if (want('values')) this.loaded.set('values', grid((c) => (c?.value ?? '') as Val));
    if (want('formulas')) this.loaded.set('formulas', grid((c) => (c?.formula ?? c?.value ?? '') as Val));
    if (want('numberFormat')) this.loaded.set('numberFormat', grid((c) => c?.numberFormat ?? 'General'));
    if (want('address')) this.loaded.set('address', `'${s.name}'!${cellRef(b.top, b.left)}:${cellRef(b.bottom, b.right)}`);
    if (want('rowCount')) this.loaded.set('rowCount', b.bottom - b.top + 1);
    if (want('columnCount')) this.loaded.set('columnCount', b.right - b.left + 1);
  }
  private applyFormat(path: string, v: unknown): void {
    const s = this.sheetOf();
    if (path === 'format.columnWidth') this.fx.guardProtected(s, path, 'allowFormatColumns');
    else if (path === 'format.rowHeight') this.fx.guardProtected(s, path, 'allowFormatRows');
    else if (path.startsWith('format.protection')) this.fx.guardProtected(s, path);
    else this.fx.guardProtected(s, path, 'allowFormatCells');
    for (const b of this.boxes()) {
      if (path === 'format.columnWidth') for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, v as number);
      else if (path === 'format.rowHeight') for (let r = b.top; r <= b.bottom; r++) s.rowHeights.set(r, v as number);
      else {
        if (b.bottom - b.top > 10000 || b.right - b.left > 200) continue; // whole rows/columns: not tracked per cell
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) this.cellAt(r, c).format[path] = v;
      }
    }
  }
  /** Range.clear(applyTo) [ExcelApi 1.1]: "Clear range values and formatting, such as fill and border". What else it
   * clears is not documented, so the double clears only that: merges, validation and conditional formats stay. */
  clear(applyTo: string = 'All'): void {
    this.fx.enqueue(`clear ${applyTo}`, applyTo, () => {
      const s = this.sheetOf();
      this.fx.guardProtected(s, 'clear', applyTo === 'Contents' ? undefined : 'allowFormatCells');
      for (const b of this.boxes())
        for (const [k, c] of [...s.cells]) {
          const [r, col] = k.split(',').map(Number);
          if (r < b.top || r > b.bottom || col < b.left || col > b.right) continue;
          if (applyTo !== 'Formats') {
            c.value = null;
            c.formula = undefined;
            c.textPrefix = undefined;
          }
          if (applyTo !== 'Contents') {
            c.format = {};
            c.numberFormat = undefined;
          }
          if (c.value === null && !c.formula && Object.keys(c.format).length === 0 && !c.numberFormat) s.cells.delete(k);
        }
    });
  }
  /** Range.unmerge [ExcelApi 1.2]: every merged area within the range is split. */
  unmerge(): void {
    this.fx.enqueue('unmerge', null, () => {
      const s = this.sheetOf();
      this.fx.guardProtected(s, 'unmerge');
      const b = this.box();
      s.merges = s.merges.filter((m) => {
        const o = parseRange(m);
        return !(o.top >= b.top && o.bottom <= b.bottom && o.left >= b.left && o.right <= b.right);
      });
    });
  }
  /**
   * Range.copyFrom(source, "All") [ExcelApi 1.9]: "Like the copy functionality in the Excel UI" — cells (values,
   * formulas, number formats, formats), merged areas, data validation and conditional formats of the source land at
   * the same offsets. Only same-position copies between sheets are modelled (formulas are then unchanged); any
   * other use throws, so the adapter cannot rely on what the double does not know.
   */
  copyFrom(source: FakeRange, copyType = 'All'): void {
    this.fx.requireApi(9, 'copyFrom');
    this.fx.enqueue(`copyFrom ${copyType}`, copyType, () => {
      if (copyType !== 'All') throw new FakeExcelError('ApiNotFound', `copyFrom ${copyType} is not modelled`);
      const from = source.box();
      const to = this.box();
      if (from.top !== to.top || from.left !== to.left) throw new FakeExcelError('ApiNotFound', 'copyFrom to another position is not modelled');
      const src = source.sheetData();
      const dst = this.sheetOf();
      this.fx.guardProtected(dst, 'copyFrom');
      const inside = (r: string) => {
        const o = parseRange(r);
        return o.top >= from.top && o.bottom <= from.bottom && o.left >= from.left && o.right <= from.right;
      };
      for (let r = from.top; r <= from.bottom; r++)
        for (let c = from.left; c <= from.right; c++) {
          const cell = src.cells.get(key(r, c));
          if (cell) dst.cells.set(key(r, c), { ...cell, format: { ...cell.format } });
          else dst.cells.delete(key(r, c));
        }
      dst.merges = [...dst.merges.filter((m) => !inside(m)), ...src.merges.filter(inside)];
      dst.conditionalFormats.push(...src.conditionalFormats.filter((c) => inside(c.range)).map((c) => ({ ...c, format: { ...c.format } })));
      dst.validations.push(...src.validations.filter((v) => inside(v.range)).map((v) => ({ ...v })));
    });
  }
  merge(across = false): void {
    this.fx.enqueue('merge', across, () => {
      const s = this.sheetOf();
      this.fx.guardProtected(s, 'merge');
      const b = this.box();
      const overlaps = s.merges.some((m) => {
        const o = parseRange(m);
        return !(o.bottom < b.top || o.top > b.bottom || o.right < b.left || o.left > b.right);
      });
      if (overlaps) throw new FakeExcelError('InvalidOperation', `merge ${this.address0()} overlaps another merge`);
      s.merges.push(this.address0());
    });
  }
  select(): void {
    this.fx.enqueue('select', null, () => {
      const s = this.sheetOf();
      s.selected = this.address0();
      this.fx.active = s.id;
    });
  }
  get dataValidation(): Record<string, unknown> {
    this.fx.requireApi(8, 'dataValidation');
    if (!this._dv) {
      const fx = this.fx;
      let entry: FakeSheet['validations'][number] | undefined;
      const sheetOf = () => this.sheetOf();
      const ensure = () => {
        if (!entry) {
          entry = { range: this.address0() };
          this.sheetOf().validations.push(entry);
        }
        return entry;
      };
      this._dv = new Proxy(
        {
          // DataValidation.clear [ExcelApi 1.8]: the validation of every cell of the range goes.
          clear: () =>
            fx.enqueue('dv.clear', null, () => {
              const s = sheetOf();
              fx.guardProtected(s, 'data validation');
              const b = this.box();
              s.validations = s.validations.filter((v) => {
                const o = parseRange(v.range);
                return o.bottom < b.top || o.top > b.bottom || o.right < b.left || o.left > b.right;
              });
            }),
        },
        {
          set(_t, prop, value) {
            fx.enqueue(`dv.${String(prop)}`, value, () => {
              fx.guardProtected(sheetOf(), 'data validation');
              (ensure() as Record<string, unknown>)[String(prop)] = value;
            });
            return true;
          },
          get(t, prop) {
            if (prop === 'clear') return t.clear;
            throw new FakeExcelError('PropertyNotLoaded', `dataValidation.${String(prop)}`);
          },
        },
      );
    }
    return this._dv;
  }
}

function usedBox(s: FakeSheet, valuesOnly: boolean): Box | null {
  let b: Box | null = null;
  for (const [k, c] of s.cells) {
    const hasValue = c.value !== null || c.formula !== undefined;
    if (!hasValue && (valuesOnly || Object.keys(c.format).length === 0)) continue;
    const [r, col] = k.split(',').map(Number);
    if (!b) b = { top: r, left: col, bottom: r, right: col };
    else {
      b.top = Math.min(b.top, r);
      b.left = Math.min(b.left, col);
      b.bottom = Math.max(b.bottom, r);
      b.right = Math.max(b.right, col);
    }
  }
  return b;
}

/** Nested write-only format objects: `range.format.font.bold = true` queues one format write. */
function formatProxy(fx: FakeExcel, path: string, apply: (path: string, v: unknown) => void): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === 'getItem') return (edge: string) => formatProxy(fx, `${path}.borders[${edge}]`, apply);
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        if (['font', 'fill', 'borders', 'protection'].includes(prop)) return formatProxy(fx, `${path}.${prop}`, apply);
        throw new FakeExcelError('PropertyNotLoaded', `${path}.${prop} is never read by the adapter`);
      },
      set(_t, prop, value) {
        const p = `${path}.${String(prop)}`;
        fx.enqueue(`set ${p}`, value, () => apply(p, value));
        return true;
      },
    },
  ) as Record<string, unknown>;
}

class FakeConditionalFormats extends ClientObject {
  constructor(
    fx: FakeExcel,
    private range: FakeRange,
  ) {
    super(fx);
  }
  get items(): FakeConditionalFormat[] {
    return this.read('items');
  }
  protected snapshot(props: string[]): void {
    const s = this.range.sheetData();
    const box = this.range.box();
    const items = s.conditionalFormats
      .filter((cf) => {
        const o = parseRange(cf.range);
        return !(o.bottom < box.top || o.top > box.bottom || o.right < box.left || o.left > box.right);
      })
      .map((cf) => {
        const p = new FakeConditionalFormat(this.fx, s, cf);
        p.snapshotNow(props.map((x) => x.replace(/^items\//, '')));
        return p;
      });
    this.loaded.set('items', items);
  }
  /** ConditionalFormatCollection.clearAll [ExcelApi 1.6]: "Clears all conditional formats active on the current
   * specified range". */
  clearAll(): void {
    this.fx.enqueue('cf.clearAll', null, () => {
      const s = this.range.sheetData();
      this.fx.guardProtected(s, 'conditional format', 'allowFormatCells');
      const b = this.range.box();
      s.conditionalFormats = s.conditionalFormats.filter((c) => {
        const o = parseRange(c.range);
        return o.bottom < b.top || o.top > b.bottom || o.right < b.left || o.left > b.right;
      });
    });
  }
  add(type: string): FakeConditionalFormat {
    const cf: FakeSheet['conditionalFormats'][number] = { id: 0, range: '', type, format: {} };
    this.fx.enqueue('cf.add', type, () => {
      this.fx.guardProtected(this.range.sheetData(), 'conditional format', 'allowFormatCells');
      cf.id = Math.floor(Math.random() * 1e9);
      cf.range = this.range.address0();
      this.range.sheetData().conditionalFormats.push(cf);
    });
    return new FakeConditionalFormat(this.fx, null, cf);
  }
}

class FakeConditionalFormat extends ClientObject {
  custom: { rule: { formula: string }; format: Record<string, unknown> };
  constructor(
    fx: FakeExcel,
    private sheet: FakeSheet | null,
    private cf: FakeSheet['conditionalFormats'][number],
  ) {
    super(fx);
    const self = this;
    this.custom = {
      rule: {
        set formula(f: string) {
          fx.enqueue('cf.formula', f, () => {
            // "Excel specifications and limits" (support.microsoft.com): length of formula contents 8,192 characters.
            if (f.length - 1 > 8192) throw new FakeExcelError('InvalidArgument', `conditional format formula of ${f.length - 1} characters`);
            cf.formula = f;
          });
        },
        get formula(): string {
          return self.read('custom/rule/formula');
        },
      },
      format: formatProxy(fx, 'cf', (p, v) => (cf.format[p] = v)),
    };
  }
  snapshotNow(props: string[]): void {
    this.snapshot(props);
  }
  protected snapshot(props: string[]): void {
    this.loaded.set('type', this.cf.type);
    if (props.includes('custom/rule/formula')) {
      if (this.cf.type !== 'Custom') throw new FakeExcelError('InvalidOperation', 'custom of a non-custom conditional format');
      this.loaded.set('custom/rule/formula', this.cf.formula);
    }
  }
  get type(): string {
    return this.read('type');
  }
  delete(): void {
    this.fx.enqueue('cf.delete', null, () => {
      const s = this.sheet;
      if (s) this.fx.guardProtected(s, 'conditional format', 'allowFormatCells');
      if (s) s.conditionalFormats = s.conditionalFormats.filter((c) => c !== this.cf);
    });
  }
}

class FakeNames extends ClientObject {
  get items(): { name: string; formula: string }[] {
    return this.read('items');
  }
  protected snapshot(): void {
    this.loaded.set(
      'items',
      [...this.fx.names].map(([name, formula]) => ({ name, formula })),
    );
  }
  add(name: string, reference: string): void {
    this.fx.enqueue('names.add', [name, reference], () => {
      if (this.fx.names.has(name)) throw new FakeExcelError('ItemAlreadyExists', `name ${name} exists`);
      this.fx.names.set(name, reference);
    });
  }
  getItem(name: string): { delete(): void; formula: string } {
    const fx = this.fx;
    return {
      // NamedItem.formula [ExcelApi 1.7], settable: the name keeps its identity, only what it refers to changes.
      set formula(f: string) {
        fx.enqueue('names.formula', [name, f], () => {
          const k = [...fx.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
          if (!k) throw new FakeExcelError('ItemNotFound', `no name ${name}`);
          fx.names.set(k, f);
        });
      },
      get formula(): string {
        throw new FakeExcelError('PropertyNotLoaded', 'name formula');
      },
      delete: () =>
        this.fx.enqueue('names.delete', name, () => {
          if (!this.fx.names.delete(name)) throw new FakeExcelError('ItemNotFound', `no name ${name}`);
        }),
    };
  }
}
