/**
 * Where the pane's results go: into the open workbook (Excel) or into downloaded files (a plain browser).
 * Sections talk to this interface only, so every section works the same in both places.
 */
import type { Conflict, Resolution } from '../../excel/applySheetPlans';
import type { WorkbookGrid } from '../../domain/grid';
import type { Problem } from '../../domain/problems';
import type { CampaignSettings } from '../../domain/settings';
import type { WorkbookPlan } from '../../domain/sheetPlan';

export type AskConflicts = (conflicts: Conflict[]) => Promise<Record<string, Resolution>>;

export interface Outcome {
  /** What happened, in Russian, naming the sheets or the file. */
  message: string;
  /** What this Excel could not do, and similar remarks. */
  notes: string[];
}

export interface WorkbookState {
  /** Sheets of the add-in present in the open workbook (Excel), with their kinds. */
  sheets: { name: string; kind: string }[];
}

export interface PaneHost {
  mode: 'excel' | 'browser';
  /**
   * Whether a file the pane saves (an <a download> of a blob) reaches the user. Not in Excel on Mac or iPad: the
   * pane runs in WKWebView, which ignores such downloads without an error (office-js #2700, closed "by design";
   * #3385; #3662: "a known issue … blocked by a WebKit bug"). The pane then offers what works there instead and
   * never says a file was saved.
   */
  downloads: boolean;
  /**
   * Opens this pane in the user's default browser at `section`, where files download (Office.context.ui.
   * openBrowserWindow, OpenBrowserWindowApi 1.1: Excel on Windows and Mac, not on the web — Microsoft's
   * workaround in office-js #3662). Absent where Excel has no such API.
   */
  openInBrowser?(section: string): void;
  /** Settings saved earlier (the workbook's settings sheet, or this browser's storage). */
  loadSettings(): Promise<CampaignSettings | undefined>;
  saveSettings(s: CampaignSettings): Promise<Outcome>;
  /** Puts generated sheets where the user gets them: into the workbook, or a downloaded file named `fileName`. */
  deliver(plan: WorkbookPlan, settings: CampaignSettings, fileName: string, ask: AskConflicts): Promise<Outcome>;
  state(): Promise<WorkbookState>;
  /** Excel only: the open workbook as grids (for checking it, and for the summary). */
  readOpenWorkbook?(only?: (sheet: string) => boolean): Promise<WorkbookGrid>;
  /**
   * Excel only: the open workbook's own sheets — all but the add-in's generated ones — as grids, for
   * «Свести листы этой книги» (a workbook of collected schools' sheets).
   */
  readUserSheets?(): Promise<WorkbookGrid>;
  /** Excel only: mark problems' cells; clear marks; show a cell. */
  mark?(problems: Problem[]): Promise<number>;
  clearMarks?(): Promise<number>;
  showCell?(sheet: string, cell: string): Promise<void>;
  /** Browser only: saves an .xlsx written elsewhere (the season worker) as a downloaded file. */
  deliverFile?(xlsx: Uint8Array | Blob, fileName: string): Promise<Outcome>;
  /** Russian notes on what this Excel cannot do. */
  limits(): string[];
  /**
   * Excel only, and only where Excel can (ExcelApi 1.8): opens an .xlsx as a new unsaved workbook; `label` names it
   * in a refusal. Absent: the pane offers the download instead.
   */
  openNewWorkbook?(xlsx: Uint8Array, label: string): Promise<void>;
}
