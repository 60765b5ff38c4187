/** The pane without Excel: settings in localStorage, results downloaded as .xlsx files. */
import { settingsProblems, type CampaignSettings } from '../../domain/settings';
import type { WorkbookPlan } from '../../domain/sheetPlan';
import { withSettingsSheet } from '../../domain/consolidate/workbook';
import { downloadBytes, safeFileName } from './download';
import type { Outcome, PaneHost } from './host';

const KEY = 'profkampaniya.settings.v1';

export function browserHost(storage: Storage | undefined = globalThis.localStorage): PaneHost {
  return {
    mode: 'browser',
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
        return { message: 'Браузер не дал сохранить настройки (хранилище отключено или переполнено): они действуют до закрытия страницы.', notes: [] };
      }
      return { message: 'Настройки сохранены в этом браузере.', notes: [] };
    },
    async deliver(plan: WorkbookPlan, settings, fileName): Promise<Outcome> {
      const { writeWorkbook } = await import(/* webpackChunkName: "xlsx-writer" */ '../../files/writeXlsx');
      // The file carries the settings sheet too, so the add-in recognises its own sheets when it is opened in Excel.
      const full = withSettingsSheet(plan.sheets, settings);
      const bytes = await writeWorkbook(full);
      const name = safeFileName(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`);
      downloadBytes(bytes, name);
      const shown = plan.sheets.filter((s) => !s.hidden).map((s) => `«${s.name}»`);
      return { message: `Файл «${name}» скачан (${shown.length > 1 ? 'листы' : 'лист'} ${shown.join(', ')}).`, notes: [] };
    },
    async deliverFile(bytes, fileName) {
      const name = safeFileName(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`);
      downloadBytes(bytes, name);
      return { message: `Файл «${name}» скачан.`, notes: [] };
    },
    async state() {
      return { sheets: [] };
    },
    limits: () => [],
  };
}
