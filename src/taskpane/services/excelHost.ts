/** The pane inside Excel: settings on the hidden settings sheet, results applied to the open workbook. */
import { applySheetPlans } from '../../excel/applySheetPlans';
import { clearMarks, markProblems, selectCell } from '../../excel/marks';
import { readWorkbookGrids, sheetNames } from '../../excel/readWorkbookGrids';
import { readUserSheets } from '../../excel/readUserSheets';
import { detectSupport, supportNotes, type ApiSupport, type ExcelRun } from '../../excel/support';
import { openAsNewWorkbook, type CreateWorkbook } from '../../excel/newWorkbook';
import { readSettingsSheet, settingsSheet, type OwnedSheet } from '../../domain/settingsSheet';
import { SHEET } from '../../domain/sheetNames';
import type { CampaignSettings } from '../../domain/settings';
import type { Outcome, PaneHost } from './host';
import { ruHost, type HostWords } from '../hostStrings';
import { workbookNameFromUrl } from '../boot/workbookName';
import { browserAddress } from '../boot/office';
export { openWorkbookName } from '../../excel/workbookName';

export interface ExcelHostDeps {
  run: ExcelRun;
  support: ApiSupport;
  /** The open workbook's name for messages (Excel does not always tell it). */
  workbookName?: string;
  /** Office.context.document.url when Office gives one: which workbook a ribbon request is for (boot/paneRequests.ts). */
  documentUrl?: string;
  /** Excel.createWorkbook, replaceable in tests. */
  createWorkbook?: CreateWorkbook;
  /** Office.PlatformType as Office.onReady reported it: 'PC', 'Mac', 'iOS', 'OfficeOnline'… */
  platform?: string;
  /** Office.context.ui.openBrowserWindow where OpenBrowserWindowApi 1.1 is supported, and this page's address. */
  openBrowserWindow?: (url: string) => void;
  pageHref?: string;
}

/** Where the pane runs in WKWebView (Excel on Mac, on iPad): a blob download does nothing there (host.ts). */
export const WEBKIT_PLATFORMS = ['Mac', 'iOS'];

export function excelDeps(platform?: string): ExcelHostDeps {
  const has = (set: string, v: string) => {
    try {
      return Office.context.requirements.isSetSupported(set, v);
    } catch {
      return false;
    }
  };
  return {
    run: (batch) => Excel.run(batch),
    support: detectSupport(has),
    workbookName: workbookNameFromUrl(Office.context.document?.url),
    documentUrl: Office.context.document?.url || undefined,
    platform: platform ?? (Office.context.diagnostics?.platform !== undefined ? String(Office.context.diagnostics.platform) : undefined),
    openBrowserWindow: has('OpenBrowserWindowApi', '1.1') ? (url) => Office.context.ui.openBrowserWindow(url) : undefined,
    pageHref: location.href,
  };
}

/** The pane's address for an ordinary browser, opened at `section`. */
export function browserPaneAddress(href: string, section: string): string {
  const url = new URL(browserAddress(href));
  url.searchParams.set('section', section);
  return url.toString();
}

/** The settings sheet's contents, if the workbook has one. */
async function readSettings(d: ExcelHostDeps): Promise<{ settings: CampaignSettings; owned: OwnedSheet[] } | undefined> {
  const wb = await readWorkbookGrids({ run: d.run, support: d.support, file: d.workbookName ?? 'книга', only: (n) => n === SHEET.settings });
  const sheet = wb.sheets[0];
  return sheet ? readSettingsSheet(sheet.cells) : undefined;
}

export function excelHost(d: ExcelHostDeps = excelDeps(), t: HostWords = ruHost): PaneHost {
  return {
    mode: 'excel',
    downloads: !WEBKIT_PLATFORMS.includes(d.platform ?? ''),
    openInBrowser: d.openBrowserWindow && d.pageHref ? (section) => d.openBrowserWindow!(browserPaneAddress(d.pageHref!, section)) : undefined,
    async loadSettings() {
      return (await readSettings(d))?.settings;
    },
    async saveSettings(s): Promise<Outcome> {
      const owned = (await readSettings(d))?.owned ?? [];
      const withSelf = [...owned.filter((o) => o.kind !== 'settings'), { name: SHEET.settings, kind: 'settings' as const }];
      const plan = settingsSheet(s, withSelf);
      plan.hidden = true;
      const r = await applySheetPlans([plan], { run: d.run, support: d.support, owned: withSelf, activate: false });
      if (r.skipped.length) return { message: t.settingsSheetTaken(SHEET.settings), notes: [] };
      return { message: t.savedExcel, notes: r.notes };
    },
    async deliver(plan, settings, _fileName, ask): Promise<Outcome> {
      const owned = (await readSettings(d))?.owned ?? [];
      const sheets = plan.sheets.filter((s) => s.kind !== 'settings');
      const r = await applySheetPlans(sheets, {
        run: d.run,
        support: d.support,
        owned,
        resolve: ask,
        settingsPlan: (after) => {
          const p = settingsSheet(settings, after);
          p.hidden = true;
          return p;
        },
      });
      const written = r.written.filter((w) => w.sheet !== SHEET.settings);
      const parts: string[] = [];
      if (written.length) parts.push(t.sheetsWritten(written.map((w) => w.sheet)));
      if (r.skipped.length) parts.push(t.sheetsSkipped(r.skipped));
      return { message: parts.join(' ') || t.nothingWritten, notes: r.notes };
    },
    async state() {
      const s = await readSettings(d);
      if (!s) return { sheets: [] };
      // Only the owned sheets that are still there (the user may have deleted one).
      const present = new Set(await sheetNames(d.run));
      return { sheets: s.owned.filter((o) => o.kind !== 'settings' && present.has(o.name)) };
    },
    readOpenWorkbook: (only) => readWorkbookGrids({ run: d.run, support: d.support, file: d.workbookName ?? 'Открытая книга', only }),
    readUserSheets: () => readUserSheets({ run: d.run, support: d.support, file: d.workbookName ?? 'Открытая книга' }),
    mark: (problems) => markProblems(problems, d.run),
    clearMarks: () => clearMarks(d.run),
    showCell: (sheet, cell) => selectCell(sheet, cell, d.run),
    limits: () => supportNotes(d.support),
    openNewWorkbook: d.support.newWorkbook ? (xlsx, label) => openAsNewWorkbook(xlsx, label, d.createWorkbook) : undefined,
  };
}
