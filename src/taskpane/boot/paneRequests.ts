/**
 * How a ribbon button reaches the pane without reloading it. Buttons that open the pane at different addresses
 * under one TaskpaneId make Office replace the pane's page ("the contents of the pane will be replaced with the
 * corresponding Action SourceLocation", learn.microsoft.com/javascript/api/manifest/action#taskpaneid) —
 * a merge in progress would be lost. So the pane has one address (button «Панель»), and «Проверить», «Свести
 * отчёты», «Сводка» are function commands that leave the wanted section in localStorage, which the task pane and
 * the commands' page share (same origin: "Both windows can access the same local storage if they share the same
 * domain", learn.microsoft.com/office/dev/add-ins/develop/parent-to-dialog; the ribbon-to-pane hand-off
 * through localStorage is Microsoft's own pattern in
 * learn.microsoft.com/office/dev/add-ins/design/navigation-patterns#coordinating-ribbon-and-task-pane-state).
 * An open pane takes the request (storage event, or its own look every second), goes to the section and
 * acknowledges; a pane opened later takes a request left in the last ten minutes.
 */

export type PaneSection = 'settings' | 'forms' | 'check' | 'merge' | 'summary';
export const PANE_SECTIONS: readonly PaneSection[] = ['settings', 'forms', 'check', 'merge', 'summary'];

export const REQUEST_KEY = 'profkampaniya.pane.request';
export const ACK_KEY = 'profkampaniya.pane.ack';
/** A request older than this is stale (a click long ago must not move a pane opened today). */
export const REQUEST_TTL_MS = 10 * 60_000;

export interface PaneRequest {
  section: PaneSection;
  /** Unique per click, so the same section asked twice is taken twice. */
  id: string;
  /** Date.now() of the click. */
  at: number;
}

/** The part of Storage used (window.localStorage, or a Map-backed double in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function parseRequest(raw: string | null, now: number): PaneRequest | undefined {
  if (!raw) return undefined;
  try {
    const r = JSON.parse(raw) as Partial<PaneRequest>;
    if (!r || typeof r.id !== 'string' || typeof r.at !== 'number' || !PANE_SECTIONS.includes(r.section as PaneSection)) return undefined;
    if (now - r.at > REQUEST_TTL_MS || r.at - now > 60_000) return undefined;
    return r as PaneRequest;
  } catch {
    return undefined;
  }
}

/** Ribbon side: leaves the request; returns its id to wait for the acknowledgement. */
export function leaveRequest(store: KeyValueStore, section: PaneSection, now = Date.now()): string {
  const id = `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  store.setItem(REQUEST_KEY, JSON.stringify({ section, id, at: now } satisfies PaneRequest));
  return id;
}

/**
 * Ribbon side: resolves true once a pane has acknowledged `id`, false after `waitMs`. Looks every `everyMs`
 * (a storage event may not cross from the commands' runtime to the pane's on every platform; reading does).
 */
export function waitForAck(store: KeyValueStore, id: string, waitMs = 2500, everyMs = 100): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const look = () => {
      if (store.getItem(ACK_KEY) === id) return resolve(true);
      if (Date.now() - started >= waitMs) return resolve(false);
      setTimeout(look, everyMs);
    };
    look();
  });
}

/** Pane side: takes a pending request (if any, and fresh), acknowledges it and removes it. */
export function takeRequest(store: KeyValueStore, now = Date.now()): PaneSection | undefined {
  let raw: string | null;
  try {
    raw = store.getItem(REQUEST_KEY);
  } catch {
    return undefined; // storage refused (privacy settings): the ribbon buttons only open the pane
  }
  if (!raw) return undefined;
  const r = parseRequest(raw, now);
  store.removeItem(REQUEST_KEY);
  if (!r) return undefined;
  store.setItem(ACK_KEY, r.id);
  return r.section;
}

/**
 * Pane side: calls `onSection` for each request while the pane is open. Returns the function that stops listening.
 */
export function listenForRequests(win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>, store: KeyValueStore, onSection: (s: PaneSection) => void, everyMs = 1000): () => void {
  const look = () => {
    const s = takeRequest(store);
    if (s) onSection(s);
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === REQUEST_KEY && e.newValue) look();
  };
  win.addEventListener('storage', onStorage);
  const timer = win.setInterval(look, everyMs);
  return () => {
    win.removeEventListener('storage', onStorage);
    win.clearInterval(timer);
  };
}
