/**
 * Reads a received workbook (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv) into plain grids with @e965/xlsx (SheetJS CE), and a
 * text document holding the forms (.docx, .odt, .doc) into one grid through readDocument.ts.
 * No fs here: the bytes come from the CLI or from a file picked in the browser.
 */
import type * as XLSX from '@e965/xlsx';
import { sheetjs, sheetjsInput } from './sheetjs';
import type { CellValue, MergedArea, SheetGrid, WorkbookGrid } from '../domain/grid';
import { cfbKind, checkDeferred, checkZip, compoundFile, GuardRefusal, LIMITS, SheetTooLarge, sniff, zipEntries, type ZipEntry } from './guards';
import { packageKind, sheetNameOfPart, type PackageKind } from './packageKind';
import { REFUSAL } from './refusals';
import { pako } from './pakoOnDemand';
import { isoDate, readXlsxValues, type PartCodec, type XlsxSheetValues } from './xlsxValues';
import { DocumentReadError, readDoc, readDocx, readOdt } from './readDocument';
import { delimitedRows } from './delimitedText';
import { readOdsWithoutFormulas } from './odsValues';
import { utf8InScript } from './utf8InScript';

/** A file that cannot be read at all; the message is Russian, names the file and says what to do. */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}


/** Inflate and decode for the fast path: pako and TextDecoder in the pane; Node's own on the command line (nativeInflate.ts). */
const textDecoder = new TextDecoder('utf-8');
let partCodec: PartCodec = { inflate: (packed) => pako().inflateRaw(packed), utf8: (bytes) => textDecoder.decode(bytes) };
export function usePartCodec(codec: PartCodec): void {
  partCodec = codec;
}
/** Parts' text decoded by script, not by TextDecoder: for the pane's season worker (utf8InScript.ts says why). */
export function decodePartsInScript(): void {
  partCodec = { ...partCodec, utf8: utf8InScript };
}


const extensionOf = (fileName: string): string => /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

const baseName = (fileName: string): string => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');


/**
 * Text of a CSV file: UTF-8 (with or without BOM) or Windows-1251, which Russian Excel writes by default.
 * A strict UTF-8 decode fails on 1251 bytes, which is how the two are told apart.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** `;` (Russian Excel) or `,`: whichever occurs more outside quotes in the first lines. */
export function csvDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of text.slice(0, 20000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
    else if (!quoted && ch === '\n' && ++lines >= 30) break;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ';';
}

/** Excel also saves HTML or XML spreadsheets under .xls; SheetJS reads those. */
const looksLikeMarkup = (bytes: Uint8Array): boolean =>
  /^\s*</.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, ''));

/** Formats SheetJS reads besides the usual ones (Lotus, Quattro, SYLK, DIF, dBase, HTML and XML tables, text). */
const OTHER_TABLE_EXTENSIONS = new Set(['xlsb', 'xlw', 'xlt', 'xltx', 'xltm', 'xlam', 'fods', 'tsv', 'txt', 'prn', 'slk', 'sylk', 'dif', 'dbf', 'wk1', 'wk2', 'wk3', 'wk4', 'wks', 'wku', 'wq1', 'wq2', 'wb1', 'wb2', 'wb3', 'qpw', '123', 'xml', 'htm', 'html', 'mht', 'mhtml', 'eth', 'et', 'ett', 'uos', 'sxc', 'xls5', 'biff5', 'numbers']);
const TABLE_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xls', 'ods', 'csv']);

/** What the first bytes of a file that is no table say it is, for the refusal; undefined when they do not tell. */
function notATable(bytes: Uint8Array, fileName: string): FileReadError | undefined {
  const at = (offset: number, ...magic: number[]) => magic.every((b, i) => bytes[offset + i] === b);
  const ascii = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (at(0, 0x89, 0x50, 0x4e, 0x47) || at(0, 0xff, 0xd8, 0xff) || ascii.startsWith('GIF8') || ascii.startsWith('BM') || at(0, 0x49, 0x49, 0x2a, 0) || at(0, 0x4d, 0x4d, 0, 0x2a) || /^....ftyp(heic|heix|mif1|avif)/.test(ascii) || (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP'))
    return new FileReadError(fileName, REFUSAL.image(fileName));
  if (ascii.startsWith('Rar!') || at(0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) || at(0, 0x1f, 0x8b))
    return new FileReadError(fileName, REFUSAL.otherArchive(fileName));
  if (ascii.startsWith('{\\rtf')) return new FileReadError(fileName, REFUSAL.rtf(fileName));
  return undefined;
}

/**
 * What the bytes are, whatever the name says; refuses before parsing what SheetJS must not see (zip bombs,
 * encrypted packages, Word documents, PDF). See src/files/guards.ts and docs/threat-model.md.
 * `defer`: parts of a package the guards inflate only when the fast reader asks for them (checkZip's `defer`).
 */
function guard(bytes: Uint8Array, fileName: string, ext: string, maxRows: number, defer?: (entry: ZipEntry) => boolean): { entries?: ZipEntry[]; kind?: PackageKind | 'word-binary' } {
  const kind = sniff(bytes);
  let entries: ZipEntry[] | undefined;
  let parts: PackageKind | 'word-binary' | undefined;
  return refusing(bytes, fileName, maxRows, () => {
    if (kind === 'pdf') throw new FileReadError(fileName, REFUSAL.pdf(fileName));
    if (kind === 'zip') {
      entries = checkZip(bytes, maxRows, defer);
      parts = packageKind(bytes, entries);
      const refusal = packageRefusal(parts, fileName);
      if (refusal) throw refusal;
    }
    if (kind === 'cfb') {
      const cfb = cfbKind(bytes);
      if (cfb === 'encrypted') throw new FileReadError(fileName, isDocumentName(ext) ? REFUSAL.documentPassword(fileName) : REFUSAL.password(fileName));
      if (cfb === 'word') parts = 'word-binary';
      if (cfb === 'other' && ext !== 'xls' && !OTHER_TABLE_EXTENSIONS.has(ext)) throw new FileReadError(fileName, REFUSAL.otherOffice(fileName));
    }
    if (kind === 'other' && !TABLE_EXTENSIONS.has(ext)) {
      const refusal = notATable(bytes, fileName) ?? (OTHER_TABLE_EXTENSIONS.has(ext) ? undefined : new FileReadError(fileName, REFUSAL.notTable(fileName)));
      if (refusal) throw refusal;
    }
    return { entries, kind: parts };
  });
}

/** What `check` gives, with the guards' refusals (theirs or a deferred part's) said as the school or coordinator reads them. */
function refusing<T>(bytes: Uint8Array, fileName: string, maxRows: number, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof SheetTooLarge) throw sheetTooBig(fileName, e.sheet ?? sheetOfPart(bytes, e.part), e.what, maxRows);
    if (!(e instanceof GuardRefusal)) throw e;
    if (e.kind === 'zip-bomb') throw new FileReadError(fileName, REFUSAL.hostile(fileName));
    if (e.kind === 'too-large') throw new FileReadError(fileName, REFUSAL.tooLargeInside(fileName));
    if (e.kind === 'encrypted') throw new FileReadError(fileName, REFUSAL.password(fileName));
    if (e.kind === 'unsupported') throw new FileReadError(fileName, REFUSAL.unusualPacking(fileName));
    throw new FileReadError(fileName, REFUSAL.damaged(fileName));
  }
}

/** The sheet a part holds, as a coordinator would call it: its name, or for an .xlsb (records, not text) its place. */
function sheetOfPart(bytes: Uint8Array, part: string): string {
  const binary = /sheet(\d+)\.bin$/i.exec(part);
  return binary ? `${binary[1]}-й по счёту` : sheetNameOfPart(bytes, zipEntries(bytes), part);
}

const isDocumentName = (ext: string) => ['doc', 'docx', 'docm', 'dotx', 'odt'].includes(ext);

/** A document's reading failure as the user's message (the detail stays out: it names the document's parts). */
function documentError(e: DocumentReadError, fileName: string): FileReadError {
  if (e.kind === 'encrypted') return new FileReadError(fileName, REFUSAL.documentPassword(fileName));
  if (e.kind === 'too-large') return new FileReadError(fileName, REFUSAL.documentTooLarge(fileName));
  if (e.kind === 'unsupported') return new FileReadError(fileName, REFUSAL.documentUnusual(fileName));
  return new FileReadError(fileName, REFUSAL.documentDamaged(fileName));
}

/** The refusal for a zip package that is not a workbook we read; undefined for a workbook or an OpenDocument spreadsheet. */
function packageRefusal(kind: PackageKind, fileName: string): FileReadError | undefined {
  const say = (message: string) => new FileReadError(fileName, message);
  switch (kind) {
    case 'workbook':
    case 'binary-workbook':
    case 'opendocument-spreadsheet':
    case 'word':
    case 'opendocument-text':
      return undefined;
    case 'opendocument-encrypted':
      return say(REFUSAL.password(fileName));
    case 'opendocument-other':
      return say(REFUSAL.openDocumentOther(fileName));
    case 'powerpoint':
      return say(REFUSAL.powerpoint(fileName));
    case 'apple-iwork':
      return say(/\.(numbers)$/i.test(fileName) || !/\.(pages|key)$/i.test(fileName) ? REFUSAL.appleNumbers(fileName) : REFUSAL.appleDocument(fileName));
    default:
      return say(REFUSAL.zipArchive(fileName));
  }
}

/** What a file was read into: SheetJS's workbook, or the fast path's sheets (xlsxValues.ts). */
type Parsed = { sheetjs: XLSX.WorkBook } | { fast: XlsxSheetValues[] } | { document: WorkbookGrid };

function parseWorkbook(bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions): Parsed {
  const ext = extensionOf(fileName);
  // sheetRows: SheetJS stops one row past the limit, so a longer sheet is noticed without reading it all.
  // cellText: false — no formatted text for every cell (a tenth of SheetJS's time); values are what is read.
  const common = { cellFormula: options.formulas !== false, cellText: false, cellDates: true, dense: true, cellStyles: false, UTC: true, sheetRows: maxRowsOf(options) + 1 } as const;
  const kind = sniff(bytes);
  // A workbook saved under .csv or .txt is read as what it is; so is a PDF refused as what it is.
  if ((ext === 'csv' || ext === 'txt') && kind === 'other') {
    if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe))
      throw notATable(bytes, fileName) ?? new FileReadError(fileName, REFUSAL.wrongContent(fileName, ext));
    const text = decodeCsv(bytes);
    // SheetJS reads a CSV to its end whatever sheetRows says; twice the row limit in lines (cells may hold line
    // breaks) is refused before that. The exact limit is checked on the grid.
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0 && lines <= 2 * maxRowsOf(options); i = text.indexOf('\n', i + 1)) lines++;
    if (lines > 2 * maxRowsOf(options)) throw sheetTooBig(fileName, baseName(fileName), 'rows', maxRowsOf(options));
    const delimiter = csvDelimiter(text);
    // Read as SheetJS reads it, without loading SheetJS (delimitedText.ts), unless the text is another format to it.
    const rows = options.fastXlsx === false ? undefined : delimitedRows(text, delimiter, maxRowsOf(options) + 1);
    if (rows) return { fast: [{ name: baseName(fileName), hidden: false, cells: rows, merges: [] }] };
    // raw: keep what the school typed; the value parser reads `12,0`, `1 234` and dates itself.
    return { sheetjs: sheetjs().read(text, { ...common, type: 'string', raw: true, FS: delimiter } as XLSX.ParsingOptions) };
  }
  // Reading a few sheets of a package (the add-in's own workbook read back), the fast reader inflates only theirs:
  // the other sheets' parts are inflated by the guards only should SheetJS have to read the package after all.
  const fastFew = options.sheets !== undefined && options.formulas === false && options.fastXlsx !== false;
  const deferSheets = fastFew ? (e: ZipEntry) => WORKSHEET_PART.test(e.name) : undefined;
  const { entries, kind: parts } = guard(bytes, fileName, ext, maxRowsOf(options), deferSheets);
  if (parts === 'word-binary') return { document: readDoc(bytes, fileName) };
  if (parts === 'word') return { document: readDocx(bytes, entries!, fileName, partCodec) };
  if (parts === 'opendocument-text') return { document: readOdt(bytes, entries!, fileName, partCodec) };
  if (isDocumentName(ext)) throw new FileReadError(fileName, REFUSAL.notADocument(fileName, ext));
  const renamed = () => notATable(bytes, fileName) ?? new FileReadError(fileName, REFUSAL.wrongContent(fileName, ext));
  if ((ext === 'xlsx' || ext === 'xlsm' || ext === 'ods') && kind !== 'zip' && kind !== 'cfb') throw renamed();
  if (ext === 'xls' && kind === 'other' && !looksLikeMarkup(bytes) && bytes[0] !== 0x09) throw renamed();
  if (entries && parts === 'workbook' && options.formulas === false && options.fastXlsx !== false) {
    const found = entries;
    const fast = refusing(bytes, fileName, maxRowsOf(options), () => readXlsxValues(bytes, found, partCodec, maxRowsOf(options) + 1, options.sheets));
    if (fast) return { fast };
  }
  // Whatever reads the package now inflates every part: the parts still deferred are checked first.
  if (entries) {
    const found = entries;
    refusing(bytes, fileName, maxRowsOf(options), () => found.forEach(checkDeferred));
  }
  const input = sheetjsInput(bytes);
  if (entries && parts === 'opendocument-spreadsheet' && options.formulas === false && options.fastXlsx !== false) {
    const { parse_zip: parseZip } = sheetjs() as unknown as { parse_zip(zip: unknown, o: XLSX.ParsingOptions): XLSX.WorkBook };
    const asInput = (part: Uint8Array) => sheetjsInput(part).data;
    const wb = readOdsWithoutFormulas(bytes, entries, partCodec, (zip) => quietly(() => parseZip(zip, { ...common, type: input.type })), asInput);
    if (wb) return { sheetjs: wb };
  }
  if (parts === 'binary-workbook') {
    // Excel's binary workbook (.xlsb), read by SheetJS; when it cannot be, the school is told to save it as .xlsx.
    try {
      return { sheetjs: quietly(() => sheetjs().read(input.data, { ...common, type: input.type })) };
    } catch (e) {
      if (isPasswordError(e)) throw new FileReadError(fileName, REFUSAL.password(fileName));
      throw new FileReadError(fileName, REFUSAL.binaryWorkbook(fileName));
    }
  }
  const stream = kind === 'cfb' ? workbookStream(bytes) : undefined;
  return { sheetjs: quietly(() => sheetjs().read((stream ?? input).data, { ...common, type: (stream ?? input).type })) };
}

/**
 * An .xls's Workbook stream (BIFF8; «Book» in BIFF5) out of the compound file the guard has parsed already.
 * SheetJS reads a bare BIFF stream as it reads the whole file — its own read_cfb finds the same stream and hands it
 * to the same parser, the document's summary properties aside (we read none) — so the container is not parsed a
 * second time (in the browser that parse costs more than the workbook's). Undefined when SheetJS must see the file
 * itself: its «encryption» stream (refused as password-protected), or no BIFF stream (Quattro Pro, Works).
 */
function workbookStream(bytes: Uint8Array): { data: ArrayLike<number>; type: 'buffer' | 'array' } | undefined {
  const { CFB } = sheetjs();
  const cfb = compoundFile(bytes);
  if (CFB.find(cfb, '/encryption')) return undefined;
  const data = (CFB.find(cfb, '/Workbook') ?? CFB.find(cfb, '/Book'))?.content as ArrayLike<number> | undefined;
  // A BIFF stream opens with its BOF record, 0x0809 (BIFF5–8): what SheetJS's reader looks for to read it bare.
  if (!data || data.length < 8 || data[0] !== 0x09 || data[1] !== 0x08) return undefined;
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  return { data, type: NodeBuffer?.isBuffer(data) ? 'buffer' : 'array' };
}

/**
 * SheetJS reports some harmless oddities (e.g. «ODS number format may be incorrect» for LibreOffice's files) with
 * console.error; in the command line that English line would reach the coordinator. The read is synchronous,
 * so muting the console for its duration hides nothing else.
 */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

const isPasswordError = (e: unknown): boolean => /password|encrypt/i.test(String((e as Error)?.message ?? e));

function explain(e: unknown, fileName: string): FileReadError {
  if (isPasswordError(e)) return new FileReadError(fileName, REFUSAL.password(fileName));
  return new FileReadError(fileName, REFUSAL.unreadable(fileName));
}

const sheetTooBig = (fileName: string, sheet: string, what: 'rows' | 'cells', maxRows: number) =>
  new FileReadError(
    fileName,
    `Файл «${fileName}», лист «${sheet}»: ${
      what === 'rows' ? `больше ${maxRows.toLocaleString('ru-RU')} заполненных строк` : `больше ${LIMITS.cellsPerSheet.toLocaleString('ru-RU')} ячеек`
    }. Форма отчёта занимает несколько сотен строк: удалите лишние строки и столбцы (или перенесите данные на отдельный лист в другой файл), сохраните и пришлите снова.`,
  );

/** Rows and cells within LIMITS, or a refusal naming the sheet: a grid of millions of cells would exhaust memory. */
function checkSheetSize(sheet: string, data: (XLSX.CellObject[] | undefined)[], fileName: string, maxRows: number): void {
  if (data.length > maxRows) throw sheetTooBig(fileName, sheet, 'rows', maxRows);
  let cells = 0;
  for (const row of data) if (row) cells += row.length;
  if (cells > LIMITS.cellsPerSheet) throw sheetTooBig(fileName, sheet, 'cells', maxRows);
}

function cellOf(c: XLSX.CellObject | undefined): CellValue {
  if (!c || c.v === undefined || c.t === 'z') return null;
  // An error cell shows its text (#DIV/0!); without cellText SheetJS leaves .w unset, format_cell names it.
  if (c.t === 'e') return typeof c.w === 'string' ? c.w : (sheetjs().utils.format_cell(c) || null);
  if (c.v instanceof Date) return isoDate(c.v);
  if (typeof c.v === 'string') return c.v === '' ? null : c.v;
  return c.v as number | boolean;
}


function sheetGrid(name: string, ws: XLSX.WorkSheet, hidden: boolean, fileName: string, maxRows: number): SheetGrid {
  const data = ((ws as { '!data'?: XLSX.CellObject[][] })['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  checkSheetSize(name, data, fileName, maxRows);
  const cells: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const out: CellValue[] = [];
    const f: (string | null)[] = [];
    if (row)
      for (let c = 0; c < row.length; c++) {
        out[c] = cellOf(row[c]);
        const formula = row[c]?.f;
        f[c] = formula ? formula : null;
        if (formula) anyFormula = true;
      }
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    for (let c = 0; c < f.length; c++) if (f[c] === undefined) f[c] = null;
    cells.push(out);
    formulas.push(f);
  }
  const merges: MergedArea[] = (ws['!merges'] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  const grid: SheetGrid = { name, cells, merges };
  if (anyFormula) grid.formulas = formulas;
  if (hidden) grid.hidden = true;
  return grid;
}

/**
 * Refuses a file larger than LIMITS.fileBytes. Callers that can see the size before reading the bytes (fs.stat, a
 * browser File) call it first, so a huge file is never loaded into memory at all.
 */
export function assertReadableSize(size: number, fileName: string): void {
  if (size > LIMITS.fileBytes)
    throw new FileReadError(fileName, REFUSAL.tooLarge(fileName, size));
}

export interface ReadWorkbookOptions {
  /**
   * Keep each cell's formula in `grid.formulas` (default true). The merge and the checker read cached values only;
   * parsing formulas is a third of SheetJS's time on a stamped form, so they pass false.
   */
  formulas?: boolean;
  /**
   * With formulas: false, read an ordinary .xlsx through the fast path (xlsxValues.ts), SheetJS for anything it
   * leaves; a CSV is read without SheetJS too (delimitedText.ts), formulas or not (default true). False only to
   * compare the two (bench/readers.ts, test/readers.agree.test.ts, src/files/delimitedText.test.ts).
   */
  fastXlsx?: boolean;
  /**
   * Rows a sheet may have (default LIMITS.rows: a school's form holds hundreds). The add-in's own consolidated
   * workbook, read back as the previous output or an earlier campaign, takes OWN_WORKBOOK_ROWS: a region's plan
   * sheet runs past a hundred thousand rows. The cells per sheet stay bounded either way.
   */
  maxRows?: number;
  /**
   * Sheets whose cells are wanted; the others are listed by name with no cells (default: all). Reading back the
   * add-in's own workbook needs a few small sheets of it, not a region's plan of a hundred thousand rows.
   * Honoured by the fast path; SheetJS (the fallback) reads every sheet.
   */
  sheets?: (name: string) => boolean;
}

/** As many rows as a sheet of Excel holds. */
export const OWN_WORKBOOK_ROWS = 1_048_576;
const maxRowsOf = (options: ReadWorkbookOptions): number => options.maxRows ?? LIMITS.rows;
/** A worksheet's part in an .xlsx package (where Excel and every writer we know put them). */
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Decrypts an .xls encrypted with Excel's default password, or says undefined (src/files/defaultPassword.ts,
 * command line only: it needs Node's crypto).
 */
let defaultPasswordDecryption: ((bytes: Uint8Array) => Uint8Array | undefined) | undefined;
export function useDefaultPasswordDecryption(decrypt: typeof defaultPasswordDecryption): void {
  defaultPasswordDecryption = decrypt;
}

export function readWorkbookFile(bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions = {}): WorkbookGrid {
  if (bytes.length === 0) throw new FileReadError(fileName, REFUSAL.empty(fileName));
  assertReadableSize(bytes.length, fileName);
  let parsed: Parsed;
  try {
    parsed = parseWorkbook(bytes, fileName, options);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    if (e instanceof DocumentReadError) throw documentError(e, fileName);
    // Excel opens a file encrypted with its default password without asking; so do we, where we can.
    const decrypted = isPasswordError(e) && sniff(bytes) === 'cfb' ? defaultPasswordDecryption?.(bytes) : undefined;
    if (!decrypted) throw explain(e, fileName);
    try {
      parsed = parseWorkbook(decrypted, fileName, options);
    } catch (again) {
      if (again instanceof FileReadError) throw again;
      throw explain(again, fileName);
    }
  }
  if ('document' in parsed) return parsed.document;
  if ('fast' in parsed) return fastGrid(parsed.fast, fileName, maxRowsOf(options));
  const wb = parsed.sheetjs;
  if (!wb?.SheetNames?.length) throw new FileReadError(fileName, REFUSAL.noSheets(fileName));
  const meta = wb.Workbook?.Sheets ?? [];
  const isText = ['csv', 'txt'].includes(extensionOf(fileName));
  // A CSV has no sheet names; SheetJS says «Sheet1», a coordinator would look for the file's name.
  const nameOf = (name: string) => (isText ? baseName(fileName) : name);
  try {
    return {
      file: fileName,
      sheets: wb.SheetNames.map((name, i) => {
        const ws: XLSX.WorkSheet | undefined = wb.Sheets[name];
        return sheetGrid(nameOf(name), ws ?? {}, Boolean(meta[i]?.Hidden), fileName, maxRowsOf(options));
      }),
    };
  } catch (e) {
    // A damaged file can parse into odd shapes; whatever breaks here is the file's fault, said as such.
    if (e instanceof FileReadError) throw e;
    throw explain(e, fileName);
  }
}

/** The fast path's sheets as grids, under the same size limits as SheetJS's. */
function fastGrid(sheets: XlsxSheetValues[], fileName: string, maxRows: number): WorkbookGrid {
  return {
    file: fileName,
    sheets: sheets.map((s) => {
      if (s.cells.length > maxRows) throw sheetTooBig(fileName, s.name, 'rows', maxRows);
      let cells = 0;
      for (const row of s.cells) cells += row.length;
      if (cells > LIMITS.cellsPerSheet) throw sheetTooBig(fileName, s.name, 'cells', maxRows);
      const grid: SheetGrid = { name: s.name, cells: s.cells, merges: s.merges };
      if (s.hidden) grid.hidden = true;
      return grid;
    }),
  };
}
