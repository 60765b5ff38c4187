/**
 * Where the pane runs: inside Office, or in an ordinary browser on files.
 *
 * Office opens an add-in's page with its own query parameter `_host_Info` appended after ours ("Office
 * automatically adds a query parameter called _host_info to the URL", documented for dialogs in
 * learn.microsoft.com/office/dev/add-ins/develop/dialog-best-practices; task panes get the same, and
 * office.js reads it there to learn its host). Microsoft warns the *content* may change, so only its presence is
 * used, never its value. Present: the pane waits for Excel as long as it takes, saying «Подключение к Excel…»,
 * and says plainly what to do if Excel does not answer. Absent: a plain browser — the pane starts on files at once,
 * without waiting for office.js at all.
 *
 * office.js is loaded from Microsoft's CDN with `async` (taskpane.html), so a slow or blocked CDN never holds the
 * first paint; "If the Office JavaScript API library files are blocked …, Office.onReady will never resolve"
 * (learn.microsoft.com/office/dev/add-ins/develop/loading-the-dom-and-runtime-environment).
 */

/** True when Office opened this page (its `_host_Info` parameter is in the query; the name's case varies). */
export function openedByOffice(search: string): boolean {
  for (const name of new URLSearchParams(search).keys()) if (name.toLowerCase() === '_host_info') return true;
  return false;
}

/** This page's address for an ordinary browser: without Office's parameter and without the fragment. */
export function browserAddress(href: string): string {
  const url = new URL(href);
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (name.toLowerCase() === '_host_info') url.searchParams.delete(name);
  return url.toString();
}

export type OfficeOutcome =
  | { kind: 'excel'; language?: string; dark: boolean; platform?: string }
  | { kind: 'other-host'; host: string }
  | { kind: 'no-host' }
  | { kind: 'office-js-failed' };

export interface OfficeWaitDeps {
  /** The Office global once office.js has run (window.Office), else undefined. */
  office: () => typeof Office | undefined;
  /** The office.js script element, to hear its load/error events. */
  script: () => HTMLScriptElement | null;
  /** True when office.js failed to load before anyone listened (the first script heard it). */
  failedEarlier: () => boolean;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

export const browserOfficeDeps = (): OfficeWaitDeps => ({
  office: () => (typeof Office !== 'undefined' && typeof Office.onReady === 'function' ? Office : undefined),
  script: () => document.querySelector<HTMLScriptElement>('script[data-office-js]'),
  failedEarlier: () => window.profkampaniyaBoot?.officeJs === 'failed',
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
});

/** Resolves when office.js has run (true) or failed to load (false); never gives up on a slow CDN by itself. */
export function officeJsLoaded(d: OfficeWaitDeps): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      resolve(ok);
    };
    if (d.office()) return settle(true);
    if (d.failedEarlier()) return settle(false);
    const script = d.script();
    script?.addEventListener('load', () => settle(!!d.office()));
    script?.addEventListener('error', () => settle(false));
    // Also look now and then: the load event may have fired before this code ran.
    const look = () => {
      if (settled) return;
      if (d.office()) settle(true);
      else if (d.failedEarlier()) settle(false);
      else d.setTimeout(look, 200);
    };
    d.setTimeout(look, 200);
  });
}

/** Relative luminance of #RRGGBB, 0 (black) … 1 (white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Inside Office: waits for office.js and Office.onReady (as long as they take) and says what they reported.
 * Office.onReady resolves with the host, or with `null` host outside Office
 * (learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in).
 */
export async function waitForOffice(d: OfficeWaitDeps = browserOfficeDeps()): Promise<OfficeOutcome> {
  if (!(await officeJsLoaded(d))) return { kind: 'office-js-failed' };
  const office = d.office()!;
  const info = await office.onReady();
  if (!info?.host) return { kind: 'no-host' };
  if (info.host !== office.HostType.Excel) return { kind: 'other-host', host: String(info.host) };
  const bg = office.context?.officeTheme?.bodyBackgroundColor;
  // info.platform: Office.PlatformType ('PC', 'Mac', 'iOS', 'OfficeOnline'…), as Office.onReady reports it.
  return { kind: 'excel', language: office.context?.displayLanguage, dark: bg ? luminance(bg) < 0.4 : false, platform: info.platform ? String(info.platform) : undefined };
}
