/**
 * A sheet described as data: what a generated sheet must hold, independent of where it is written.
 * The file adapter (src/files) writes it to .xlsx; the office.js adapter (src/excel) applies it to the open
 * workbook. The same plan must give the same sheet in both, so everything here maps 1:1 to both APIs.
 *
 * Addresses are A1 strings on this sheet ("B7", "B7:D9"); formulas are English-locale Excel formulas that begin
 * with "=" and use commas between arguments (the file writer, xlsxWriter.ts, and Range.formulas take that form).
 */

export type CellValue = string | number | boolean | null;
/** A formula cell. Text that merely looks like a formula is a plain string value and is written as text. */
export interface FormulaCell {
  formula: string;
  /**
   * Optional: what the formula gives on the data the plan was built from, for the file's cached value. Programs
   * that read values without recalculating (SheetJS, the level above merging our output unopened) see it; Excel
   * and LibreOffice recalculate anyway.
   */
  result?: CellValue;
}
export type CellInput = CellValue | FormulaCell;

export const isFormula = (c: CellInput): c is FormulaCell =>
  typeof c === 'object' && c !== null && 'formula' in c;

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string; // RRGGBB
  fill?: string; // RRGGBB
  wrap?: boolean;
  hAlign?: HAlign;
  vAlign?: VAlign;
  border?: boolean; // thin border on every edge
  numberFormat?: string; // Excel number format code, e.g. "0", "0.0", "@"
  /** false = the cell stays editable when the sheet is protected (input cells of a blank). */
  locked?: boolean;
}

/**
 * Rows made as they are written instead of held: the rows a merge gives one per event or per unit (a region's
 * «Прил. 2 Свод» runs to 150,000 events, each a row array of its own, and «Показатели» to a row of ~300-character
 * formulas per school — most of the plan's memory, held beside the forms they are made from). `row(i)` gives the
 * same row each time it is asked.
 */
export interface RowSource {
  readonly length: number;
  row(i: number): CellInput[];
}

/** A rectangle of cells written in one go (maps to one Range.values / Range.formulas write). */
export interface Block {
  at: string; // top-left cell, A1
  rows: CellInput[][] | RowSource;
}

/** Row `i` of a block's rows, held or made. */
export const rowAt = (rows: Block['rows'], i: number): CellInput[] => (Array.isArray(rows) ? rows[i] : (rows as RowSource).row(i));

/** A block's rows as arrays: made all at once where they are made as written (office.js writes a block whole). */
export const heldRows = (rows: Block['rows']): CellInput[][] => (Array.isArray(rows) ? rows : Array.from({ length: rows.length }, (_, i) => (rows as RowSource).row(i)));

/** Rows made as written, `length` of them. */
export const rowSource = (length: number, row: (i: number) => CellInput[]): RowSource => ({ length, row });

/** The plan with every block's rows held: for sending to another thread (a function cannot be cloned). */
export const withHeldRows = (plan: WorkbookPlan): WorkbookPlan => ({
  sheets: plan.sheets.map((s) => (s.blocks.every((b) => Array.isArray(b.rows)) ? s : { ...s, blocks: s.blocks.map((b) => ({ ...b, rows: heldRows(b.rows) })) })),
});

export interface StyledRange {
  range: string;
  style: CellStyle;
}

export type ValidationRule =
  | { kind: 'list'; items: string[] }
  | { kind: 'wholeNumber'; min?: number; max?: number }
  | { kind: 'decimal'; min?: number; max?: number }
  | { kind: 'date'; min?: string; max?: string } // ISO dates
  /** A custom formula written for the top-left cell of the range, relative references shifting as in Excel. */
  | { kind: 'custom'; formula: string };

export interface DataValidationPlan {
  range: string;
  rule: ValidationRule;
  /** 'stop' refuses the value; 'warning' lets the user keep it after a prompt. */
  severity: 'stop' | 'warning';
  title: string;
  message: string;
  prompt?: string;
  allowBlank?: boolean; // default true
}

export interface ConditionalFormatPlan {
  range: string;
  /** Formula for the top-left cell of the range, true where the style applies. */
  formula: string;
  style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>;
}

export type ChartKind = 'column' | 'bar' | 'line' | 'pie';

export interface ChartSeriesPlan {
  /** Series name as a literal string. */
  name: string;
  /** Fully qualified ranges, e.g. "'Показатели'!$B$5:$B$11". */
  categories: string;
  values: string;
}

export interface ChartPlan {
  kind: ChartKind;
  title: string;
  series: ChartSeriesPlan[];
  /** Anchor on this sheet: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export interface PrintPlan {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "6:8". */
  repeatRows?: string;
}

/** What a generated sheet is; stored in the workbook so the add-in can tell its own sheets from the user's. */
export type SheetKind =
  | 'appendix2'
  | 'appendix3'
  | 'monitoring'
  | 'detail'
  | 'consolidated-appendix3'
  | 'consolidated-appendix2'
  | 'consolidated-monitoring'
  /** The cover sheet of a personalised blank (whose it is, deadlines, where to send it). */
  | 'blank'
  | 'partners'
  | 'register'
  | 'indicators'
  | 'note'
  | 'settings';

export interface SheetPlan {
  name: string;
  kind: SheetKind;
  blocks: Block[];
  styles: StyledRange[];
  merges: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  rowHeights?: Record<number, number>; // 1-based row -> points
  freeze?: { rows: number; columns: number };
  validations: DataValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
  print?: PrintPlan;
  /** Protect the sheet without a password: cells whose style has locked:false stay editable. */
  protect?: boolean;
  hidden?: boolean;
  tabColor?: string;
}

export const emptySheetPlan = (name: string, kind: SheetKind): SheetPlan => ({
  name,
  kind,
  blocks: [],
  styles: [],
  merges: [],
  columnWidths: [],
  validations: [],
  conditionalFormats: [],
  charts: [],
});

/** A workbook's worth of generated sheets, in tab order. */
export interface WorkbookPlan {
  sheets: SheetPlan[];
}
