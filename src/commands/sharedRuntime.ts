/**
 * The ribbon's functions in the shared runtime (the release's second manifest, scripts/releaseManifest.ts,
 * sharedRuntimeManifest): there the manifest's FunctionFile is the pane's own page, so this small entry is loaded
 * by taskpane.html and associates the five functions with Office.actions.associate ("Configure your Office Add-in
 * to use a shared runtime": the task pane page loads the commands' code). A section button makes the pane visible
 * with Office.addin.showAsTaskpane() ("Show or hide the task pane of your Office Add-in", learn.microsoft.com/office/
 * dev/add-ins/develop/show-hide-add-in — it only changes visibility: a merge in progress goes on) and hands the
 * section over in memory (taskpane/boot/sameRuntime.ts). The stamp buttons are today's (commands.ts), loaded when
 * clicked so the pane's first screen does not carry them.
 *
 * Only where Office says SharedRuntime 1.1 is there. That set says what Office can do, not which manifest was
 * installed: with the first manifest the ribbon's functions live in commands.html, Office never calls these, and
 * today's localStorage path (paneRequests.ts) serves — unchanged.
 */
import { handOver } from '../taskpane/boot/sameRuntime';
import type { PaneSection } from '../taskpane/boot/paneRequests';
import { notify, type DialogUi } from './notify';
import { openPaneAt } from './sections';

type Event = { completed(): void };

export interface SharedRuntimeDeps {
  /** The page's window (the channel to the pane lives on it). */
  win: object;
  /** Office.addin (SharedRuntime 1.1). */
  addin: { showAsTaskpane(): Promise<void> };
  ui: DialogUi | undefined;
  /** This page's address (the notice dialog's page is beside it). */
  base: string;
}

/**
 * «Проверить», «Свести отчёты», «Сводка» in the shared runtime: the section first (the pane shows on it), then the
 * pane made visible; should Office refuse, the dialog asks to open it with «Панель», where it opens at the section.
 */
export function sectionInSharedRuntime(section: PaneSection, d: SharedRuntimeDeps): (event: Event) => void {
  return (event) => {
    handOver(d.win, section);
    d.addin.showAsTaskpane().then(
      () => event.completed(),
      () => notify(d.ui, openPaneAt(section), d.base, () => event.completed()),
    );
  };
}

/** The five functions of the manifest, for the shared runtime. */
export function sharedRuntimeCommands(d: SharedRuntimeDeps): Record<string, (event: Event) => void> {
  const stamp = (form: 'plan' | 'report') => (event: Event) =>
    void import(/* webpackChunkName: "stamp-commands" */ './commands').then(
      (m) => m.command(form)(event as Office.AddinCommands.Event),
      () => notify(d.ui, 'Не удалось загрузить команду. Обновите страницу или откройте панель «Профкампания» → «Формы».', d.base, () => event.completed()),
    );
  return {
    stampPlan: stamp('plan'),
    stampReport: stamp('report'),
    openCheck: sectionInSharedRuntime('check', d),
    openMerge: sectionInSharedRuntime('merge', d),
    openSummary: sectionInSharedRuntime('summary', d),
  };
}

/** Whether this Office runs a shared runtime (SharedRuntime 1.1) and has what the functions need. */
export function hasSharedRuntime(office: typeof Office): boolean {
  try {
    return office.context.requirements.isSetSupported('SharedRuntime', '1.1') && typeof office.addin?.showAsTaskpane === 'function' && typeof office.actions?.associate === 'function';
  } catch {
    return false;
  }
}

// The pane's page only (not the notice dialog, not tests that import this module).
const onPanePage = typeof window !== 'undefined' && typeof document !== 'undefined' && document.documentElement.getAttribute('data-page') === 'pane';
if (onPanePage && !window.profkampaniyaBoot?.unsupported) {
  const associate = () =>
    void Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel || !hasSharedRuntime(Office)) return;
      const fns = sharedRuntimeCommands({ win: window, addin: Office.addin, ui: Office.context.ui, base: location.href });
      for (const [name, fn] of Object.entries(fns)) Office.actions.associate(name, fn);
    });
  if (typeof Office !== 'undefined') associate();
  else document.querySelector('script[data-office-js]')?.addEventListener('load', associate);
}
