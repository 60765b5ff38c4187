/**
 * Reads a received workbook (.xlsx, .xlsm, .xls, .ods, .csv) into plain grids with @e965/xlsx (SheetJS CE), and a
 * text document holding the forms (.docx, .odt, .doc) into one grid through readDocument.ts.
 * No fs here: the bytes come from the CLI or from a file picked in the browser.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue, MergedArea, SheetGrid, WorkbookGrid } from '../domain/grid';
import { cfbKind, checkZip, GuardRefusal, LIMITS, SheetTooLarge, sheetNameOfPart, sniff, zipPackageKind, type ZipEntry } from './guards';
import { inflateRaw as pakoInflateRaw } from 'pako';
import { isoDate, readXlsxValues, type PartCodec, type XlsxSheetValues } from './xlsxValues';
import { DocumentReadError, isOpenDocumentText, readDoc, readDocx, readOdt } from './readDocument';

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

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Inflate and decode for the fast path: pako and TextDecoder in the pane; Node's own on the command line (nativeInflate.ts). */
const textDecoder = new TextDecoder('utf-8');
let partCodec: PartCodec = { inflate: (packed) => pakoInflateRaw(packed), utf8: (bytes) => textDecoder.decode(bytes) };
export function usePartCodec(codec: PartCodec): void {
  partCodec = codec;
}

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

const extensionOf = (fileName: string): string => /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

const baseName = (fileName: string): string => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');

const SAVE_AS = 'Откройте его в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)», затем пришлите снова.';

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

const PASSWORD = (fileName: string) =>
  `Файл «${fileName}» защищён паролем. Снимите пароль (Файл → Сведения → Защита книги), сохраните и пришлите снова.`;
const DOCUMENT_PASSWORD = (fileName: string) =>
  `Документ «${fileName}» защищён паролем. Снимите пароль (Файл → Сведения → Защита документа), сохраните и пришлите снова.`;
const isDocumentName = (ext: string) => ['doc', 'docx', 'docm', 'dotx', 'odt', 'rtf'].includes(ext);
const SAVE_AS_DOCX = 'Откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)» (или перенесите таблицы в бланк формы Excel), затем пришлите снова.';

/** A document's reading failure as the user's message. */
function documentError(e: DocumentReadError, fileName: string): FileReadError {
  if (e.kind === 'encrypted') return new FileReadError(fileName, DOCUMENT_PASSWORD(fileName));
  if (e.kind === 'too-large')
    return new FileReadError(fileName, `Документ «${fileName}» не прочитан: ${e.message}. Отчёт по форме занимает несколько страниц: удалите лишние таблицы, сохраните и пришлите снова.`);
  if (e.kind === 'unsupported') return new FileReadError(fileName, `Документ «${fileName}» не прочитан: ${e.message}. ${SAVE_AS_DOCX}`);
  return new FileReadError(fileName, `Документ «${fileName}» повреждён или не является документом Word/OpenDocument (${e.message}). ${SAVE_AS_DOCX}`);
}

/**
 * What the bytes are, whatever the name says; refuses before parsing what SheetJS must not see (zip bombs,
 * encrypted packages, Word documents, PDF). See src/files/guards.ts and docs/threat-model.md.
 */
function guard(bytes: Uint8Array, fileName: string, ext: string): ZipEntry[] | 'word-binary' | undefined {
  const kind = sniff(bytes);
  let entries: ZipEntry[] | undefined;
  try {
    if (kind === 'pdf')
      throw new FileReadError(fileName, `Файл «${fileName}» — это документ PDF, а не таблица: данные из него прочитать нельзя. Пришлите отчёт в виде книги Excel (.xlsx), заполненной по форме.`);
    if (kind === 'zip') {
      entries = checkZip(bytes);
      const parts = zipPackageKind(entries);
      if (parts === 'powerpoint')
        throw new FileReadError(fileName, `Файл «${fileName}» — это презентация PowerPoint, а не книга Excel. Пришлите отчёт в виде книги Excel (.xlsx), заполненной по форме.`);
      if (parts === 'binary-workbook')
        throw new FileReadError(fileName, `Файл «${fileName}» — двоичная книга Excel (.xlsb), такие файлы не принимаются. ${SAVE_AS}`);
      if (parts === 'other')
        throw new FileReadError(fileName, `Файл «${fileName}» — архив, но не книга Excel или OpenDocument. ${SAVE_AS}`);
    }
    if (kind === 'cfb') {
      const cfb = cfbKind(bytes);
      if (cfb === 'encrypted') throw new FileReadError(fileName, isDocumentName(ext) ? DOCUMENT_PASSWORD(fileName) : PASSWORD(fileName));
      if (cfb === 'word') return 'word-binary';
      if (cfb === 'other' && ext !== 'xls')
        throw new FileReadError(fileName, `Файл «${fileName}» не является книгой Excel: возможно, он повреждён или переименован. ${SAVE_AS}`);
    }
  } catch (e) {
    if (e instanceof SheetTooLarge) throw sheetTooBig(fileName, e.sheet ?? sheetNameOfPart(bytes, e.part), e.what);
    if (!(e instanceof GuardRefusal)) throw e;
    if (e.kind === 'zip-bomb')
      throw new FileReadError(fileName, `Файл «${fileName}» не прочитан: ${e.message}. Настоящая книга с отчётом так не выглядит; файл мог быть подменён. Не открывайте его, попросите прислать отчёт заново.`);
    if (e.kind === 'encrypted') throw new FileReadError(fileName, PASSWORD(fileName));
    throw new FileReadError(fileName, `Файл «${fileName}» повреждён (${e.message}): возможно, он скачан или скопирован не полностью. Попросите прислать его ещё раз. ${SAVE_AS}`);
  }
  return entries;
}

/** What a file was read into: SheetJS's workbook, the fast path's sheets (xlsxValues.ts), or a document's grid. */
type Parsed = { sheetjs: XLSX.WorkBook } | { fast: XlsxSheetValues[] } | { document: WorkbookGrid };

function parseWorkbook(bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions): Parsed {
  const ext = extensionOf(fileName);
  // sheetRows: SheetJS stops one row past the limit, so a longer sheet is noticed without reading it all.
  // cellText: false — no formatted text for every cell (a tenth of SheetJS's time); values are what is read.
  const common = { cellFormula: options.formulas !== false, cellText: false, cellDates: true, dense: true, cellStyles: false, UTC: true, sheetRows: LIMITS.rows + 1 } as const;
  if (ext === 'csv' || ext === 'txt') {
    if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe))
      throw new FileReadError(fileName, `Файл «${fileName}» не является текстовым файлом CSV: возможно, это книга Excel с неверным расширением. ${SAVE_AS}`);
    const text = decodeCsv(bytes);
    // SheetJS reads a CSV to its end whatever sheetRows says; twice the row limit in lines (cells may hold line
    // breaks) is refused before that. The exact limit is checked on the grid.
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0 && lines <= 2 * LIMITS.rows; i = text.indexOf('\n', i + 1)) lines++;
    if (lines > 2 * LIMITS.rows) throw sheetTooBig(fileName, baseName(fileName), 'rows');
    // raw: keep what the school typed; the value parser reads `12,0`, `1 234` and dates itself.
    return { sheetjs: XLSX.read(text, { ...common, type: 'string', raw: true, FS: csvDelimiter(text) } as XLSX.ParsingOptions) };
  }
  const guarded = guard(bytes, fileName, ext);
  if (guarded === 'word-binary') return { document: readDoc(bytes, fileName) };
  const entries = guarded;
  const packageKind = entries && zipPackageKind(entries);
  if (packageKind === 'word') return { document: readDocx(bytes, entries!, fileName, partCodec) };
  if (packageKind === 'opendocument' && isOpenDocumentText(bytes, entries!, partCodec)) return { document: readOdt(bytes, entries!, fileName, partCodec) };
  if (isDocumentName(ext))
    throw new FileReadError(fileName, `Файл «${fileName}» не является документом Word или OpenDocument, хотя имеет расширение .${ext}: возможно, это RTF, веб-страница или повреждённый файл. ${SAVE_AS_DOCX}`);
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'ods') {
    if (!startsWith(bytes, ZIP_MAGIC) && !startsWith(bytes, CFB_MAGIC))
      throw new FileReadError(fileName, `Файл «${fileName}» не является книгой Excel или OpenDocument, хотя имеет расширение .${ext}: возможно, он повреждён или переименован. ${SAVE_AS}`);
  }
  if (ext === 'xls' && !startsWith(bytes, CFB_MAGIC) && !startsWith(bytes, ZIP_MAGIC) && !looksLikeMarkup(bytes) && bytes[0] !== 0x09)
    throw new FileReadError(fileName, `Файл «${fileName}» не является книгой Excel, хотя имеет расширение .xls: возможно, он повреждён или переименован. ${SAVE_AS}`);
  if (entries && options.formulas === false && options.fastXlsx !== false && packageKind === 'workbook') {
    const fast = readXlsxValues(bytes, entries, partCodec, LIMITS.rows + 1);
    if (fast) return { fast };
  }
  return { sheetjs: quietly(() => XLSX.read(bytes, { ...common, type: 'array' })) };
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

function explain(e: unknown, fileName: string): FileReadError {
  const text = String((e as Error)?.message ?? e);
  if (/password|encrypt/i.test(text))
    return new FileReadError(fileName, `Файл «${fileName}» защищён паролем. Снимите пароль (Файл → Сведения → Защита книги), сохраните и пришлите снова.`);
  return new FileReadError(fileName, `Файл «${fileName}» не удалось прочитать: он повреждён или это не таблица. ${SAVE_AS}`);
}

const sheetTooBig = (fileName: string, sheet: string, what: 'rows' | 'cells') =>
  new FileReadError(
    fileName,
    `Файл «${fileName}», лист «${sheet}»: ${
      what === 'rows' ? `больше ${LIMITS.rows.toLocaleString('ru-RU')} заполненных строк` : `больше ${LIMITS.cellsPerSheet.toLocaleString('ru-RU')} ячеек`
    }. Форма отчёта занимает несколько сотен строк: удалите лишние строки и столбцы (или перенесите данные на отдельный лист в другой файл), сохраните и пришлите снова.`,
  );

/** Rows and cells within LIMITS, or a refusal naming the sheet: a grid of millions of cells would exhaust memory. */
function checkSheetSize(sheet: string, data: (XLSX.CellObject[] | undefined)[], fileName: string): void {
  if (data.length > LIMITS.rows) throw sheetTooBig(fileName, sheet, 'rows');
  let cells = 0;
  for (const row of data) if (row) cells += row.length;
  if (cells > LIMITS.cellsPerSheet) throw sheetTooBig(fileName, sheet, 'cells');
}

function cellOf(c: XLSX.CellObject | undefined): CellValue {
  if (!c || c.v === undefined || c.t === 'z') return null;
  // An error cell shows its text (#DIV/0!); without cellText SheetJS leaves .w unset, format_cell names it.
  if (c.t === 'e') return typeof c.w === 'string' ? c.w : (XLSX.utils.format_cell(c) || null);
  if (c.v instanceof Date) return isoDate(c.v);
  if (typeof c.v === 'string') return c.v === '' ? null : c.v;
  return c.v as number | boolean;
}


function sheetGrid(name: string, ws: XLSX.WorkSheet, hidden: boolean, fileName: string): SheetGrid {
  const data = ((ws as { '!data'?: XLSX.CellObject[][] })['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  checkSheetSize(name, data, fileName);
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
    throw new FileReadError(
      fileName,
      `Файл «${fileName}» слишком велик: ${Math.round(size / 1024 / 1024)} МБ (допустимо до ${LIMITS.fileBytes / 1024 / 1024} МБ). Отчёт по форме занимает меньше мегабайта: удалите из книги лишние листы и рисунки, сохраните как .xlsx и пришлите снова.`,
    );
}

export interface ReadWorkbookOptions {
  /**
   * Keep each cell's formula in `grid.formulas` (default true). The merge and the checker read cached values only;
   * parsing formulas is a third of SheetJS's time on a stamped form, so they pass false.
   */
  formulas?: boolean;
  /**
   * With formulas: false, read an ordinary .xlsx through the fast path (xlsxValues.ts), SheetJS for anything it
   * leaves (default true). False only to compare the two (bench/readers.ts, test/readers.agree.test.ts).
   */
  fastXlsx?: boolean;
}

export function readWorkbookFile(bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions = {}): WorkbookGrid {
  if (bytes.length === 0) throw new FileReadError(fileName, `Файл «${fileName}» пуст (0 байт). Попросите прислать его ещё раз.`);
  assertReadableSize(bytes.length, fileName);
  let parsed: Parsed;
  try {
    parsed = parseWorkbook(bytes, fileName, options);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    if (e instanceof DocumentReadError) throw documentError(e, fileName);
    throw explain(e, fileName);
  }
  if ('document' in parsed) return parsed.document;
  if ('fast' in parsed) return fastGrid(parsed.fast, fileName);
  const wb = parsed.sheetjs;
  if (!wb?.SheetNames?.length) throw new FileReadError(fileName, `В файле «${fileName}» нет ни одного листа. ${SAVE_AS}`);
  const meta = wb.Workbook?.Sheets ?? [];
  const isText = ['csv', 'txt'].includes(extensionOf(fileName));
  // A CSV has no sheet names; SheetJS says «Sheet1», a coordinator would look for the file's name.
  const nameOf = (name: string) => (isText ? baseName(fileName) : name);
  try {
    return {
      file: fileName,
      sheets: wb.SheetNames.map((name, i) => {
        const ws: XLSX.WorkSheet | undefined = wb.Sheets[name];
        return sheetGrid(nameOf(name), ws ?? {}, Boolean(meta[i]?.Hidden), fileName);
      }),
    };
  } catch (e) {
    // A damaged file can parse into odd shapes; whatever breaks here is the file's fault, said as such.
    if (e instanceof FileReadError) throw e;
    throw explain(e, fileName);
  }
}

/** The fast path's sheets as grids, under the same size limits as SheetJS's. */
function fastGrid(sheets: XlsxSheetValues[], fileName: string): WorkbookGrid {
  return {
    file: fileName,
    sheets: sheets.map((s) => {
      if (s.cells.length > LIMITS.rows) throw sheetTooBig(fileName, s.name, 'rows');
      let cells = 0;
      for (const row of s.cells) cells += row.length;
      if (cells > LIMITS.cellsPerSheet) throw sheetTooBig(fileName, s.name, 'cells');
      const grid: SheetGrid = { name: s.name, cells: s.cells, merges: s.merges };
      if (s.hidden) grid.hidden = true;
      return grid;
    }),
  };
}
