/** The pane without Excel: settings in localStorage, results downloaded as .xlsx files. */
import { settingsProblems, type CampaignSettings } from '../../domain/settings';
import type { WorkbookPlan } from '../../domain/sheetPlan';
import { withSettingsSheet } from '../../domain/consolidate/workbook';
import { downloadBytes, safeFileName } from './download';
import type { Outcome, PaneHost } from './host';
import { ruHost, type HostWords } from '../hostStrings';

const KEY = 'profkampaniya.settings.v1';

export function browserHost(storage: Storage | undefined = globalThis.localStorage, t: HostWords = ruHost): PaneHost {
  return {
    mode: 'browser',
    downloads: true,
    async loadSettings() {
      try {
        const raw = storage?.getItem(KEY);
        if (!raw) return undefined;
        const s = JSON.parse(raw) as CampaignSettings;
        return settingsProblems(s).length === 0 ? s : undefined;
      } catch {
        return undefined; // damaged storage: start from the defaults
      }
    },
    async saveSettings(s) {
      try {
        storage?.setItem(KEY, JSON.stringify(s));
      } catch {
        return { message: t.settingsNotStored, notes: [] };
      }
      return { message: t.savedBrowser, notes: [] };
    },
    async deliver(plan: WorkbookPlan, settings, fileName): Promise<Outcome> {
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-writer" */ '../../files/xlsxWriter');
      // The file carries the settings sheet too, so the add-in recognises its own sheets when it is opened in Excel.
      const full = withSettingsSheet(plan.sheets, settings);
      const bytes = await writeXlsx(full);
      const name = safeFileName(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`);
      downloadBytes(bytes, name);
      return { message: t.fileDownloadedSheets(name, plan.sheets.filter((s) => !s.hidden).map((s) => s.name)), notes: [] };
    },
    async deliverFile(bytes, fileName) {
      const name = safeFileName(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`);
      downloadBytes(bytes, name);
      return { message: t.fileDownloaded(name), notes: [] };
    },
    async state() {
      return { sheets: [] };
    },
    limits: () => [],
  };
}
