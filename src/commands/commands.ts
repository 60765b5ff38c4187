/**
 * Ribbon commands that need no pane: stamp the plan or the report form into the open workbook in one click.
 * Settings come from the workbook's settings sheet (or the order's calendar for the current season). A sheet that
 * already exists and is the user's, or holds typed data, is left alone: the command says so and sends the user to
 * the pane, which asks what to do. The outcome is shown in a small dialog (Office has no toast for Excel); see
 * notify.ts for when a command completes. The section buttons reach the pane through paneRequests.ts.
 */
import { applySheetPlans } from '../excel/applySheetPlans';
import { readWorkbookGrids } from '../excel/readWorkbookGrids';
import { detectSupport, type ExcelRun } from '../excel/support';
import { excelErrorMessage } from '../excel/errors';
import { openWorkbookName } from '../excel/workbookName';
import { stampAppendix2 } from '../domain/forms/stampAppendix2';
import { stampAppendix3 } from '../domain/forms/stampAppendix3';
import { readSettingsSheet, settingsSheet } from '../domain/settingsSheet';
import { defaultSettings, seasonFor } from '../domain/settings';
import { SHEET } from '../domain/sheetNames';
import { notify, type DialogUi } from './notify';
import { openPaneAt } from './sections';
import { leaveRequest, waitForAck, type KeyValueStore, type PaneSection, type WorkbookId } from '../taskpane/boot/paneRequests';

export type FormKind = 'plan' | 'report';

/** Stamps one form; returns the Russian message to show. Exported for tests (run and support injected). */
export async function stampForm(form: FormKind, run: ExcelRun, isSetSupported: (n: string, v: string) => boolean, today = new Date()): Promise<string> {
  const support = detectSupport(isSetSupported);
  const wb = await readWorkbookGrids({ run, support, file: 'книга', only: (n) => n === SHEET.settings });
  const saved = wb.sheets[0] ? readSettingsSheet(wb.sheets[0].cells) : undefined;
  const now = seasonFor(today);
  const settings = saved?.settings ?? defaultSettings(now.season, now.year);
  const plan = form === 'plan' ? stampAppendix2(settings) : stampAppendix3(settings);
  const r = await applySheetPlans([plan], {
    run,
    support,
    owned: saved?.owned ?? [],
    settingsPlan: (owned) => {
      const p = settingsSheet(settings, owned);
      p.hidden = true;
      return p;
    },
  });
  if (r.skipped.length)
    return `Лист «${plan.name}» уже есть в книге и содержит данные (или создан не надстройкой), поэтому он не изменён. Откройте панель «Профкампания» → «Формы»: там можно создать бланк рядом или заменить лист.`;
  const defaults = saved ? '' : ' Сроки взяты по распоряжению для текущего сезона: проверьте их в панели «Профкампания» → «Настройки кампании».';
  return `Бланк «${plan.name}» добавлен в книгу.${defaults}${r.notes.length ? ' ' + r.notes.join(' ') : ''}`;
}

/**
 * «Проверить», «Свести отчёты», «Сводка»: an open pane goes to the section without reloading (a running merge goes
 * on); with no pane open, the dialog asks to open it with «Панель», and the pane opens at that section.
 * Exported for tests (storage, dialog and timings injected).
 */
export async function openSection(
  section: PaneSection,
  store: KeyValueStore,
  ui: DialogUi | undefined,
  base: string,
  done: () => void,
  waitMs?: number,
  workbook?: WorkbookId,
): Promise<void> {
  let id: string;
  try {
    id = leaveRequest(store, section, Date.now(), workbook);
  } catch {
    return notify(ui, 'Откройте панель «Профкампания» кнопкой «Панель» на вкладке «Главная».', base, done);
  }
  if (await waitForAck(store, id, waitMs)) return done();
  notify(ui, openPaneAt(section), base, done);
}

/** Office.context.document.url, or undefined where Office gives none (a new workbook; see paneRequests.ts). */
export const documentUrl = (): string | undefined => (typeof Office !== 'undefined' ? Office.context?.document?.url || undefined : undefined);

const dialogUi = (): DialogUi | undefined => (typeof Office !== 'undefined' ? Office.context?.ui : undefined);

/** A stamp button's function (stampPlan, stampReport): the same on the commands' page and in the shared runtime. */
export function command(form: FormKind) {
  return (event: Office.AddinCommands.Event) => {
    const run: ExcelRun = (batch) => Excel.run(batch);
    stampForm(form, run, (n, v) => Office.context.requirements.isSetSupported(n, v))
      .catch((e) => excelErrorMessage(e, form === 'plan' ? 'запись бланка плана' : 'запись бланка отчёта'))
      .then((msg) => notify(dialogUi(), msg, location.href, () => event.completed()));
  };
}

function sectionCommand(section: PaneSection) {
  return (event: Office.AddinCommands.Event) => {
    // The request is for the clicked workbook's pane only: its address where Office gives one, else its name (paneRequests.ts).
    const url = documentUrl();
    void openWorkbookName((batch) => Excel.run(batch)).then((name) => openSection(section, localStorage, dialogUi(), location.href, () => event.completed(), undefined, { url, name }));
  };
}

const COMMANDS = {
  stampPlan: command('plan'),
  stampReport: command('report'),
  openCheck: sectionCommand('check'),
  openMerge: sectionCommand('merge'),
  openSummary: sectionCommand('summary'),
};

declare global {
  interface Window {
    /** The first script's hand-over (src/taskpane/boot/first.es5.js). */
    profkampaniyaBoot?: { unsupported: string; officeJs?: 'loading' | 'loaded' | 'failed' | 'absent'; rendered(): void; fail(reason: string): void };
  }
}

// On the commands' page only (tests import this module, and the shared runtime loads it into the pane's page for the
// stamp buttons): the dialog page (?notice=) is the first script's alone.
const onCommandsPage =
  typeof window !== 'undefined' && typeof document !== 'undefined' && document.documentElement.getAttribute('data-page') === 'commands' && !/[?&]notice=/.test(location.search);
if (onCommandsPage && !window.profkampaniyaBoot?.unsupported) {
  // Older Excel (2016/2019 without Office.actions) calls the manifest's FunctionName as a global function.
  Object.assign(window, COMMANDS);
  const associate = () =>
    Office.onReady(() => {
      for (const [name, fn] of Object.entries(COMMANDS)) Office.actions.associate(name, fn);
      window.profkampaniyaBoot?.rendered();
    });
  if (typeof Office !== 'undefined') associate();
  else document.querySelector('script[data-office-js]')?.addEventListener('load', associate);
}
