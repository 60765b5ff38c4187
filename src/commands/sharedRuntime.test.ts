/** The ribbon's section buttons in the shared runtime: the pane shown on the section, handed over in memory. */
import { hasSharedRuntime, sectionInSharedRuntime, sharedRuntimeCommands } from './sharedRuntime';
import { listenSameRuntime, takeHandedOver } from '../taskpane/boot/sameRuntime';
import type { DialogUi } from './notify';

beforeAll(() => {
  Object.assign(globalThis, { Office: { AsyncResultStatus: { Succeeded: 'succeeded' }, EventType: { DialogMessageReceived: 'm', DialogEventReceived: 'e' } } });
});

const BASE = 'https://example.org/profkampaniya/taskpane.html';
const flush = () => new Promise((r) => setTimeout(r, 0));

test('with the pane hidden and not yet listening, the section waits for it, and the pane is shown', async () => {
  const win = {};
  const showAsTaskpane = jest.fn(async () => undefined);
  const completed = jest.fn();
  sectionInSharedRuntime('merge', { win, addin: { showAsTaskpane }, ui: undefined, base: BASE })({ completed });
  await flush();
  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(takeHandedOver(win)).toBe('merge');
  expect(takeHandedOver(win)).toBeUndefined(); // taken once
});

test('a listening pane moves at once; after it stops, nothing reaches it', async () => {
  const win = {};
  const seen: string[] = [];
  const stop = listenSameRuntime(win, (s) => seen.push(s));
  const fns = sharedRuntimeCommands({ win, addin: { showAsTaskpane: async () => undefined }, ui: undefined, base: BASE });
  expect(Object.keys(fns)).toEqual(['stampPlan', 'stampReport', 'openCheck', 'openMerge', 'openSummary']);
  fns.openCheck({ completed: () => undefined });
  fns.openSummary({ completed: () => undefined });
  expect(seen).toEqual(['check', 'summary']);
  stop();
  fns.openMerge({ completed: () => undefined });
  expect(seen).toEqual(['check', 'summary']);
});

test('should Office refuse to show the pane, the dialog asks to open it with «Панель», and the command completes when it closes', async () => {
  const win = {};
  const opened: string[] = [];
  let close: (() => void) | undefined;
  const ui: DialogUi = {
    displayDialogAsync: (url, _o, cb) => {
      opened.push(url);
      const handlers: Record<string, () => void> = {};
      close = () => handlers.e?.();
      cb({ status: 'succeeded', value: { addEventHandler: (t: string, h: () => void) => (handlers[t] = h), close: () => undefined } } as unknown as Office.AsyncResult<Office.Dialog>);
    },
  };
  const completed = jest.fn();
  sectionInSharedRuntime('summary', { win, addin: { showAsTaskpane: async () => Promise.reject(new Error('GenericException')) }, ui, base: BASE })({ completed });
  await flush();
  expect(new URL(opened[0]).pathname).toBe('/profkampaniya/commands.html');
  expect(new URL(opened[0]).searchParams.get('notice')).toMatch(/Откройте панель кнопкой «Панель».*разделе «Сводка»/);
  expect(completed).not.toHaveBeenCalled();
  close?.();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(takeHandedOver(win)).toBe('summary'); // the pane opened by hand shows that section
});

test('the shared runtime is used only where Office says SharedRuntime 1.1 and has showAsTaskpane and associate', () => {
  const office = (set: boolean, addin = true, actions = true) =>
    ({
      context: { requirements: { isSetSupported: (n: string, v: string) => set && n === 'SharedRuntime' && v === '1.1' } },
      addin: addin ? { showAsTaskpane: async () => undefined } : undefined,
      actions: actions ? { associate: () => undefined } : undefined,
    }) as unknown as typeof Office;
  expect(hasSharedRuntime(office(true))).toBe(true);
  expect(hasSharedRuntime(office(false))).toBe(false);
  expect(hasSharedRuntime(office(true, false))).toBe(false);
  expect(hasSharedRuntime(office(true, true, false))).toBe(false);
  expect(hasSharedRuntime({ context: { requirements: { isSetSupported: () => { throw new Error('no'); } } } } as unknown as typeof Office)).toBe(false);
});
