/**
 * Stands in for office.js in the browser for the pane's Excel-mode e2e test: Office.onReady reports Excel, and
 * Excel.run is the strict Excel double (test/support/fakeExcel.ts), exposed as window.__fx for the test to inspect.
 */
import { FakeExcel } from '../support/fakeExcel';
import { workbookNameFromUrl } from '../../src/taskpane/boot/workbookName';

// ?api=7 plays an Excel that stops at ExcelApi 1.7 (volume-licensed Office 2019).
const apiMinor = Number(new URLSearchParams(location.search).get('api')) || undefined;
// ?doc=… plays the open workbook's Office.context.document.url (a path or a URL, as Excel gives it).
const documentUrl = new URLSearchParams(location.search).get('doc') ?? 'C:\\Кампания\\Свод.xlsx';
/** Functions the commands' page associated with ribbon buttons (Office.actions.associate). */
const actions: Record<string, (event: unknown) => void> = {};
/** Dialogs opened (Office.context.ui.displayDialogAsync), with a way to play the dialog's events. */
const dialogs: { url: string; closed: boolean; fire: (type: string, arg: unknown) => void }[] = [];
// Office's own `_host_Info` parameter names the platform («Excel$Mac$16.01$ru-RU…»): ?…&_host_Info=Excel$Mac$… plays
// Excel on Mac, where Office.onReady reports platform 'Mac' (Office.PlatformType).
const hostInfo = [...new URLSearchParams(location.search)].find(([k]) => k.toLowerCase() === '_host_info')?.[1] ?? '';
const platform = ({ Win32: 'PC', Mac: 'Mac', iOS: 'iOS', Web: 'OfficeOnline' } as Record<string, string>)[hostInfo.split('$')[1]] ?? 'PC';
// SharedRuntime 1.1 (its requirement-set page): Excel on the web, Microsoft 365 from Version 2002, Excel 2021 and later,
// Mac from 16.35 — not volume-licensed Excel 2019, which ?api=7 plays. It says what Office can do, whichever manifest.
const sharedRuntimeSupported = apiMinor === undefined || apiMinor > 7;
// ?runtime=shared: the shared-runtime manifest is the one installed (the pane's page is also the function file).
// Office.addin.showAsTaskpane works only there, as in Office (show-hide-add-in: "your add-in must use the shared
// runtime"); with the first manifest it is refused even where the set is supported.
const sharedRuntimeDeclared = new URLSearchParams(location.search).get('runtime') === 'shared';
if (sharedRuntimeDeclared && !sharedRuntimeSupported) throw new Error('Office без SharedRuntime 1.1 не устанавливает манифест, который его требует');
// ?pane=hidden: the runtime is up but its pane is not shown (closed, or the runtime started by a ribbon click).
const pane = { visible: new URLSearchParams(location.search).get('pane') !== 'hidden' };
const visibilityHandlers: ((a: { visibilityMode: string }) => void)[] = [];
const addin = {
  showAsTaskpane: async () => {
    if (!sharedRuntimeDeclared || !sharedRuntimeSupported) throw Object.assign(new Error('showAsTaskpane needs the shared runtime'), { code: 'GenericException' });
    if (!pane.visible) {
      pane.visible = true;
      for (const h of visibilityHandlers) h({ visibilityMode: 'Taskpane' });
    }
  },
  hide: async () => {
    if (!sharedRuntimeDeclared || !sharedRuntimeSupported) throw Object.assign(new Error('hide needs the shared runtime'), { code: 'GenericException' });
    pane.visible = false;
    for (const h of visibilityHandlers) h({ visibilityMode: 'Hidden' });
  },
  onVisibilityModeChanged: async (h: (a: { visibilityMode: string }) => void) => {
    visibilityHandlers.push(h);
    return async () => void visibilityHandlers.splice(visibilityHandlers.indexOf(h), 1);
  },
};
/** Addresses the pane asked Office to open in the default browser (Office.context.ui.openBrowserWindow). */
const browserWindows: string[] = [];
// The workbook's name (Workbook.name) follows its address, as in Excel: «Свод.xlsx» by default.
const fx = new FakeExcel({ apiMinor, name: workbookNameFromUrl(documentUrl) });
fx.addSheet('Лист1', { A1: 'моя таблица' });
/** Workbooks the pane opened with Excel.createWorkbook (ExcelApi 1.8), as the Base64 it passed. */
const created: string[] = [];
/**
 * A test can hold every Excel.run until it lets go (window.__holdExcel / __releaseExcel): an operation then stays
 * running for as long as the test needs, however fast the machine — a real Excel's round trips can take that long.
 */
let gate: Promise<void> = Promise.resolve();
let release = (): void => undefined;
Object.assign(window, {
  __holdExcel: () => void (gate = new Promise<void>((r) => (release = r))),
  __releaseExcel: () => release(),
  __fx: fx,
  __created: created,
  __actions: actions,
  __dialogs: dialogs,
  __browserWindows: browserWindows,
  __pane: pane,
  Excel: {
    run: ((fn: Parameters<typeof fx.run>[0]) => gate.then(() => fx.run(fn))) as typeof fx.run,
    createWorkbook: async (base64: string) => {
      if (!fx.isSetSupported('ExcelApi', '1.8')) throw Object.assign(new Error('ApiNotFound: createWorkbook needs ExcelApi 1.8'), { code: 'ApiNotFound' });
      created.push(base64);
    },
  },
  Office: {
    HostType: { Excel: 'Excel' },
    onReady: (cb?: (i: unknown) => void) => {
      const info = { host: 'Excel', platform };
      cb?.(info);
      return Promise.resolve(info);
    },
    addin,
    actions: { associate: (name: string, fn: (event: unknown) => void) => void (actions[name] = fn) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      // OpenBrowserWindowApi 1.1: Excel on Windows, Mac and iPad, not on the web (its requirement-set page).
      requirements: {
        isSetSupported: (n: string, v: string) =>
          n === 'OpenBrowserWindowApi' ? v === '1.1' && platform !== 'OfficeOnline' : n === 'SharedRuntime' ? v === '1.1' && sharedRuntimeSupported : fx.isSetSupported(n, v),
      },
      diagnostics: { platform },
      displayLanguage: 'ru-RU',
      officeTheme: { bodyBackgroundColor: '#FFFFFF' },
      document: { url: documentUrl },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          const handlers: Record<string, (arg: unknown) => void> = {};
          const d = { url, closed: false, fire: (type: string, arg: unknown) => handlers[type]?.(arg) };
          dialogs.push(d);
          cb({ status: 'succeeded', value: { addEventHandler: (t: string, h: (arg: unknown) => void) => (handlers[t] = h), close: () => (d.closed = true) } });
        },
        messageParent: () => undefined,
        openBrowserWindow: (url: string) => void browserWindows.push(url),
      },
    },
  },
});
