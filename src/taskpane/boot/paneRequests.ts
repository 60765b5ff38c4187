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
 *
 * localStorage is per origin, not per workbook: with two workbooks open, each with its pane, both panes see every
 * request. So a request names the workbook whose ribbon was clicked, and only the pane of that workbook takes it; the
 * other leaves it. The workbook is known by its address where Office gives one (Office.context.document.url: "Gets
 * the URL of the document that the Office application currently has open. Returns null if the URL is unavailable",
 * learn.microsoft.com/javascript/api/office/office.document#office-office-document-url-member): a path on Windows and
 * Mac, the file's https location in Excel on the web (office-js #831: «…/Documents/AddinTest.docx», not the
 * browser's address) — where two tabs can hold two workbooks of one name from two folders.
 * What it is for a new, never saved workbook is not documented (null "if the URL is unavailable"; reported empty);
 * either way that is no address. It is not refreshed by a rename or Save As until the workbook is reopened
 * (office-js #1507) — but the commands' page and the pane read the same value from the same Office, so they agree. Where either has no address, the name decides (Workbook.name, ExcelApi 1.7
 * — the add-in's minimum — read through Excel.run, always current, nothing written into the workbook): Excel on
 * Windows and Mac cannot have two workbooks of one name open at once (its own message: «A document with the name
 * '…' is already open. You cannot open two documents with the same name, even if the documents are in different
 * folders»). A request that names no workbook (neither could be read) is taken by any pane, as before.
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
  /** The name of the workbook whose ribbon was clicked (Workbook.name); absent when it could not be read. */
  workbook?: string;
  /** Its address (Office.context.document.url); absent for a workbook never saved, or where Office gives none. */
  url?: string;
}

/** Which workbook: its address where Office gives one, its name otherwise (see the top of this file). */
export interface WorkbookId {
  url?: string;
  name?: string;
}

/**
 * Whether a request for `asked` is this pane's (`me`): by address where both have one, else by name; undefined when
 * neither can be compared (the request names nothing comparable, or the pane cannot tell) — then any pane takes it.
 */
export function sameWorkbook(asked: WorkbookId, me: WorkbookId | undefined): boolean | undefined {
  if (!me) return undefined;
  if (asked.url && me.url) return asked.url === me.url;
  if (asked.name !== undefined && me.name !== undefined) return asked.name === me.name;
  return undefined;
}

const idOf = (r: PaneRequest): WorkbookId => ({ url: r.url, name: r.workbook });
const namesWorkbook = (r: PaneRequest) => r.workbook !== undefined || r.url !== undefined;

/** The part of Storage used (window.localStorage, or a Map-backed double in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function parseRequest(raw: string | null, now: number): PaneRequest | undefined {
  if (!raw) return undefined;
  try {
    const r = JSON.parse(raw) as Partial<PaneRequest>;
    if (!r || typeof r.id !== 'string' || typeof r.at !== 'number' || !PANE_SECTIONS.includes(r.section as PaneSection)) return undefined;
    if (r.workbook !== undefined && typeof r.workbook !== 'string') return undefined;
    if (r.url !== undefined && typeof r.url !== 'string') return undefined;
    if (now - r.at > REQUEST_TTL_MS || r.at - now > 60_000) return undefined;
    return r as PaneRequest;
  } catch {
    return undefined;
  }
}

/** Ribbon side: leaves the request for the pane of `workbook`; returns its id to wait for the acknowledgement. */
export function leaveRequest(store: KeyValueStore, section: PaneSection, now = Date.now(), workbook?: WorkbookId): string {
  const id = `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const r: PaneRequest = { section, id, at: now };
  if (workbook?.name !== undefined) r.workbook = workbook.name;
  if (workbook?.url) r.url = workbook.url;
  store.setItem(REQUEST_KEY, JSON.stringify(r));
  return id;
}

/** The pending request, if any and fresh, without taking it. */
export function peekRequest(store: KeyValueStore, now = Date.now()): PaneRequest | undefined {
  try {
    return parseRequest(store.getItem(REQUEST_KEY), now);
  } catch {
    return undefined;
  }
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

/**
 * Pane side: takes a pending request (if any, and fresh), acknowledges it and removes it. `me` is this pane's
 * workbook: a request for another workbook is left for that workbook's pane.
 */
export function takeRequest(store: KeyValueStore, now = Date.now(), me?: WorkbookId): PaneSection | undefined {
  let raw: string | null;
  try {
    raw = store.getItem(REQUEST_KEY);
  } catch {
    return undefined; // storage refused (privacy settings): the ribbon buttons only open the pane
  }
  if (!raw) return undefined;
  const r = parseRequest(raw, now);
  if (r && sameWorkbook(idOf(r), me) === false) return undefined;
  store.removeItem(REQUEST_KEY);
  if (!r) return undefined;
  store.setItem(ACK_KEY, r.id);
  return r.section;
}

/** This pane's workbook (its address, and Workbook.name through Excel.run); undefined where it cannot be read (a browser). */
export type WhoAmI = () => Promise<WorkbookId | undefined>;

/**
 * Pane side, on opening: the request left for this pane's workbook, if any (see takeRequest).
 */
export async function takeRequestFor(store: KeyValueStore, whoAmI?: WhoAmI): Promise<PaneSection | undefined> {
  const pending = peekRequest(store);
  if (!pending) return takeRequest(store); // nothing fresh: clears a stale or malformed one
  const me = namesWorkbook(pending) && whoAmI ? await whoAmI().catch(() => undefined) : undefined;
  return takeRequest(store, Date.now(), me);
}

/**
 * Pane side: calls `onSection` for each request while the pane is open. Returns the function that stops listening.
 * `whoAmI` is asked only when a request names a workbook, once per request.
 */
export function listenForRequests(
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>,
  store: KeyValueStore,
  onSection: (s: PaneSection) => void,
  everyMs = 1000,
  whoAmI?: WhoAmI,
): () => void {
  /** Requests already found to be another workbook's: not asked about again. */
  const others = new Set<string>();
  let asking = false;
  const look = () => {
    const pending = peekRequest(store);
    if (!pending || !namesWorkbook(pending) || !whoAmI) {
      const s = takeRequest(store);
      if (s) onSection(s);
      return;
    }
    if (others.has(pending.id) || asking) return;
    asking = true;
    void whoAmI()
      .catch(() => undefined)
      .then((me) => {
        asking = false;
        const s = takeRequest(store, Date.now(), me);
        if (s) onSection(s);
        else if (sameWorkbook(idOf(pending), me) === false) others.add(pending.id);
      });
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
