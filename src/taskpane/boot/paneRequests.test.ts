/** A ribbon button reaches the open pane without reloading it; a pane opened later takes the request. */
import { ACK_KEY, leaveRequest, listenForRequests, REQUEST_KEY, REQUEST_TTL_MS, takeRequest, takeRequestFor, waitForAck, type KeyValueStore } from './paneRequests';
import { openSection } from '../../commands/commands';
import type { DialogUi } from '../../commands/notify';

/** localStorage shared by the commands' page and the pane (one Map), with the storage event to other windows. */
function sharedStorage() {
  const map = new Map<string, string>();
  const listeners: ((e: StorageEvent) => void)[] = [];
  const store: KeyValueStore = {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, String(v));
      for (const l of listeners) l({ key: k, newValue: String(v) } as StorageEvent);
    },
    removeItem: (k) => void map.delete(k),
  };
  const win = {
    addEventListener: (_t: string, l: (e: StorageEvent) => void) => listeners.push(l),
    removeEventListener: (_t: string, l: (e: StorageEvent) => void) => listeners.splice(listeners.indexOf(l), 1),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (t: ReturnType<typeof setInterval>) => clearInterval(t),
  } as unknown as Window;
  return { map, store, win, listeners };
}

beforeAll(() => {
  Object.assign(globalThis, { Office: { AsyncResultStatus: { Succeeded: 'succeeded' }, EventType: { DialogMessageReceived: 'm', DialogEventReceived: 'e' } } });
});

test('an open pane goes to the section the ribbon asked for, and acknowledges it', async () => {
  const s = sharedStorage();
  const seen: string[] = [];
  const stop = listenForRequests(s.win, s.store, (x) => seen.push(x));
  const id = leaveRequest(s.store, 'merge');
  expect(seen).toEqual(['merge']);
  expect(s.map.get(ACK_KEY)).toBe(id);
  expect(s.map.has(REQUEST_KEY)).toBe(false);
  // The same section asked again is taken again (the user scrolled away meanwhile).
  leaveRequest(s.store, 'merge');
  expect(seen).toEqual(['merge', 'merge']);
  stop();
  leaveRequest(s.store, 'check');
  expect(seen).toEqual(['merge', 'merge']);
});

test('without the storage event the pane still finds the request by looking', async () => {
  jest.useFakeTimers();
  try {
    const s = sharedStorage();
    const seen: string[] = [];
    const stop = listenForRequests({ ...s.win, addEventListener: () => undefined, removeEventListener: () => undefined } as unknown as Window, s.store, (x) => seen.push(x), 1000);
    leaveRequest(s.store, 'summary');
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1000);
    expect(seen).toEqual(['summary']);
    stop();
  } finally {
    jest.useRealTimers();
  }
});

test('a pane opened later takes a fresh request, not a stale one, and not a malformed one', () => {
  const s = sharedStorage();
  const now = Date.now();
  leaveRequest(s.store, 'check', now);
  expect(takeRequest(s.store, now + 5_000)).toBe('check');
  expect(takeRequest(s.store, now + 5_000)).toBeUndefined();
  leaveRequest(s.store, 'summary', now);
  expect(takeRequest(s.store, now + REQUEST_TTL_MS + 1)).toBeUndefined();
  s.map.set(REQUEST_KEY, '{"section":"delete-everything","id":"x","at":' + now + '}');
  expect(takeRequest(s.store, now)).toBeUndefined();
  s.map.set(REQUEST_KEY, 'not json');
  expect(takeRequest(s.store, now)).toBeUndefined();
});

test('the ribbon command completes without a dialog when the open pane acknowledged', async () => {
  const s = sharedStorage();
  const stop = listenForRequests(s.win, s.store, () => undefined);
  const ui: DialogUi = { displayDialogAsync: jest.fn() };
  const done = jest.fn();
  await openSection('merge', s.store, ui, 'https://localhost:3000/commands.html', done, 500);
  expect(done).toHaveBeenCalledTimes(1);
  expect(ui.displayDialogAsync).not.toHaveBeenCalled();
  stop();
});

test('with no pane open the command says to open it, and the pane then opens at that section', async () => {
  const s = sharedStorage();
  const opened: string[] = [];
  const ui: DialogUi = { displayDialogAsync: (url, _o, cb) => { opened.push(url); cb({ status: 'failed' } as unknown as Office.AsyncResult<Office.Dialog>); } };
  const done = jest.fn();
  await openSection('summary', s.store, ui, 'https://localhost:3000/commands.html', done, 200);
  expect(new URL(opened[0]).searchParams.get('notice')).toMatch(/Откройте панель кнопкой «Панель».*разделе «Сводка»/);
  expect(done).toHaveBeenCalledTimes(1);
  expect(takeRequest(s.store)).toBe('summary');
});

test('waiting for the acknowledgement gives up after the time given', async () => {
  const s = sharedStorage();
  const t0 = Date.now();
  expect(await waitForAck(s.store, 'nobody', 150, 20)).toBe(false);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
});

test('with two workbooks open, each with its pane, a ribbon click moves only the pane of the workbook clicked', async () => {
  const s = sharedStorage(); // one origin: both panes and the commands' page share this storage
  const seen: Record<string, string[]> = { 'Свод.xlsx': [], 'План.xlsx': [] };
  const stops = Object.keys(seen).map((name) => listenForRequests(s.win, s.store, (x) => seen[name].push(x), 50, async () => ({ name })));
  const settle = () => new Promise((r) => setTimeout(r, 120));
  const ui: DialogUi = { displayDialogAsync: jest.fn() };
  const done = jest.fn();
  await openSection('merge', s.store, ui, 'https://localhost:3000/commands.html', done, 1000, { name: 'План.xlsx' });
  await settle();
  expect(seen).toEqual({ 'Свод.xlsx': [], 'План.xlsx': ['merge'] });
  expect(ui.displayDialogAsync).not.toHaveBeenCalled();
  await openSection('summary', s.store, ui, 'https://localhost:3000/commands.html', done, 1000, { name: 'Свод.xlsx' });
  await settle();
  expect(seen).toEqual({ 'Свод.xlsx': ['summary'], 'План.xlsx': ['merge'] });
  expect(done).toHaveBeenCalledTimes(2);
  stops.forEach((stop) => stop());
});

test('a request for another workbook is left for its pane: a pane opened later in that workbook takes it', async () => {
  const s = sharedStorage();
  leaveRequest(s.store, 'check', Date.now(), { name: 'План.xlsx' });
  expect(await takeRequestFor(s.store, async () => ({ name: 'Свод.xlsx' }))).toBeUndefined();
  expect(s.map.has(REQUEST_KEY)).toBe(true);
  expect(await takeRequestFor(s.store, async () => ({ name: 'План.xlsx' }))).toBe('check');
  expect(s.map.has(REQUEST_KEY)).toBe(false);
  // A pane that cannot tell its workbook (Excel did not answer) takes it, as before workbooks were named.
  leaveRequest(s.store, 'summary', Date.now(), { name: 'План.xlsx' });
  expect(await takeRequestFor(s.store, async () => undefined)).toBe('summary');
});

test('two workbooks of one name from two folders (two Excel-on-the-web tabs): the request goes by address to the one clicked', async () => {
  const s = sharedStorage();
  const here = 'https://school-my.sharepoint.com/personal/coord/Documents/%D0%9A%D0%B0%D0%BC%D0%BF%D0%B0%D0%BD%D0%B8%D1%8F/%D0%A1%D0%B2%D0%BE%D0%B4.xlsx';
  const there = 'https://school-my.sharepoint.com/personal/coord/Documents/2025/%D0%A1%D0%B2%D0%BE%D0%B4.xlsx';
  const seen: Record<string, string[]> = { [here]: [], [there]: [] };
  const stops = [here, there].map((url) => listenForRequests(s.win, s.store, (x) => seen[url].push(x), 50, async () => ({ url, name: 'Свод.xlsx' })));
  const settle = () => new Promise((r) => setTimeout(r, 120));
  await openSection('merge', s.store, undefined, 'https://localhost:3000/commands.html', () => undefined, 1000, { url: there, name: 'Свод.xlsx' });
  await settle();
  expect(seen).toEqual({ [here]: [], [there]: ['merge'] });
  await openSection('check', s.store, undefined, 'https://localhost:3000/commands.html', () => undefined, 1000, { url: here, name: 'Свод.xlsx' });
  await settle();
  expect(seen).toEqual({ [here]: ['check'], [there]: ['merge'] });
  stops.forEach((stop) => stop());
  // A pane opened later in the other folder's workbook leaves it; the clicked one's takes it.
  leaveRequest(s.store, 'summary', Date.now(), { url: here, name: 'Свод.xlsx' });
  expect(await takeRequestFor(s.store, async () => ({ url: there, name: 'Свод.xlsx' }))).toBeUndefined();
  expect(await takeRequestFor(s.store, async () => ({ url: here, name: 'Свод.xlsx' }))).toBe('summary');
});

test('a workbook never saved has no address: the name decides, on either side', () => {
  const s = sharedStorage();
  const now = Date.now();
  leaveRequest(s.store, 'check', now, { url: undefined, name: 'Книга2' });
  expect(JSON.parse(s.map.get(REQUEST_KEY)!)).not.toHaveProperty('url');
  expect(takeRequest(s.store, now, { url: 'C:\\Кампания\\Свод.xlsx', name: 'Свод.xlsx' })).toBeUndefined();
  expect(takeRequest(s.store, now, { name: 'Книга1' })).toBeUndefined();
  expect(takeRequest(s.store, now, { name: 'Книга2' })).toBe('check');
  // The ribbon of a saved workbook, a pane that could read only the name: the name decides.
  leaveRequest(s.store, 'merge', now, { url: 'C:\\Кампания\\Свод.xlsx', name: 'Свод.xlsx' });
  expect(takeRequest(s.store, now, { name: 'Свод.xlsx' })).toBe('merge');
});
