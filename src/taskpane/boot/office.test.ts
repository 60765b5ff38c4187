/** How the pane knows it is in Office, and waits for Excel there as long as it takes. */
import { browserAddress, officeJsLoaded, openedByOffice, waitForOffice, type OfficeWaitDeps } from './office';

test('Office\'s own parameter in the address means Office opened the page; its absence means a browser', () => {
  expect(openedByOffice('?_host_Info=Excel$Win32$16.01$ru-RU$$$$0')).toBe(true);
  expect(openedByOffice('?section=merge&_host_Info=excel|web|16.00|ru-ru|7fe9b4e9|isDialog')).toBe(true);
  expect(openedByOffice('?_host_info=x')).toBe(true);
  expect(openedByOffice('')).toBe(false);
  expect(openedByOffice('?section=merge')).toBe(false);
  expect(openedByOffice('?host_Info=x')).toBe(false);
});

test('the address for a browser drops Office\'s parameter and keeps ours', () => {
  expect(browserAddress('https://pk.example.ru/taskpane.html?section=merge&_host_Info=Excel$Win32$16.01$ru-RU$$$$0#x')).toBe('https://pk.example.ru/taskpane.html?section=merge');
  expect(browserAddress('https://pk.example.ru/taskpane.html?_host_Info=a')).toBe('https://pk.example.ru/taskpane.html');
});

/** office.js as a script that may load, fail, or never answer. */
function deps() {
  const listeners: Record<string, (() => void)[]> = {};
  let office: typeof Office | undefined;
  let failedEarlier = false;
  const d: OfficeWaitDeps = {
    office: () => office,
    failedEarlier: () => failedEarlier,
    script: () => ({ addEventListener: (t: string, l: () => void) => (listeners[t] ??= []).push(l) }) as unknown as HTMLScriptElement,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  };
  return {
    d,
    load(o: Partial<typeof Office>) {
      office = o as typeof Office;
      for (const l of listeners.load ?? []) l();
    },
    fail() {
      for (const l of listeners.error ?? []) l();
    },
    failedBeforeListening() {
      failedEarlier = true;
    },
  };
}

const excel = (host: string | null, bg = '#FFFFFF') => ({
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host, platform: host ? 'PC' : null }),
  context: { displayLanguage: 'ru-RU', officeTheme: { bodyBackgroundColor: bg } },
}) as unknown as Partial<typeof Office>;

test('inside Excel the pane waits for a slow office.js, however long, instead of falling back to files', async () => {
  jest.useFakeTimers();
  try {
    const x = deps();
    let outcome: unknown;
    void waitForOffice(x.d).then((o) => (outcome = o));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(outcome).toBeUndefined();
    x.load(excel('Excel', '#1F1F1F'));
    await jest.advanceTimersByTimeAsync(0);
    expect(outcome).toEqual({ kind: 'excel', language: 'ru-RU', dark: true, platform: 'PC' });
  } finally {
    jest.useRealTimers();
  }
});

test('office.js that cannot load, another Office application, or no Office at all are told apart', async () => {
  const failed = deps();
  const a = waitForOffice(failed.d);
  failed.fail();
  expect(await a).toEqual({ kind: 'office-js-failed' });
  const word = deps();
  const b = waitForOffice(word.d);
  word.load({ ...excel('Word') });
  expect(await b).toEqual({ kind: 'other-host', host: 'Word' });
  const none = deps();
  const c = waitForOffice(none.d);
  none.load(excel(null));
  expect(await c).toEqual({ kind: 'no-host' });
});

test('office.js that failed before the pane listened is known to have failed', async () => {
  const x = deps();
  x.failedBeforeListening();
  expect(await waitForOffice(x.d)).toEqual({ kind: 'office-js-failed' });
});

test('office.js already there when the pane starts is found without its load event', async () => {
  const x = deps();
  x.load(excel('Excel'));
  expect(await officeJsLoaded(x.d)).toBe(true);
});
