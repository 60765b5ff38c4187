/**
 * Starts the pane. Opened by Office (its `_host_Info` parameter is in the address): waits for Excel, saying
 * «Подключение к Excel…», and works on the open workbook. Opened in an ordinary browser: works on files at once.
 * How this is decided and why: boot/office.ts. A ribbon button reaches the open pane through boot/paneRequests.ts.
 * The ES5 first script (boot/first.es5.js) has already run: it shows the notice where this bundle cannot work.
 */
import { createRoot, type Root } from 'react-dom/client';
import { Component, useEffect, useState, type ReactNode } from 'react';
import { App, type SectionId } from './App';
import { pickLang, STRINGS, type Strings } from './strings';
import { browserHost } from './services/browserHost';
import type { PaneHost } from './services/host';
import { openedByOffice, waitForOffice, type OfficeOutcome } from './boot/office';
import { listenForRequests, PANE_SECTIONS, takeRequestFor, type PaneSection, type WhoAmI } from './boot/paneRequests';
import { BootScreen, SLOW_MS } from './boot/BootScreen';
import { listenSameRuntime, takeHandedOver } from './boot/sameRuntime';

declare global {
  interface Window {
    /** The first script's hand-over (boot/first.es5.js). */
    profkampaniyaBoot?: { unsupported: string; officeJs?: 'loading' | 'loaded' | 'failed' | 'absent'; rendered(): void; fail(reason: string): void };
  }
}

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/** The pane, moved to a section whenever a ribbon button asks (without reloading: work in progress goes on). */
function Pane(p: { host: PaneHost; lang: 'ru' | 'en'; dark: boolean; first?: SectionId; whoAmI?: WhoAmI }) {
  const [goTo, setGoTo] = useState<{ section: SectionId; seq: number } | undefined>(p.first ? { section: p.first, seq: 0 } : undefined);
  useEffect(() => {
    const go = (section: SectionId) => setGoTo((g) => ({ section, seq: (g?.seq ?? 0) + 1 }));
    // The shared runtime's ribbon (one JavaScript context with this page), and the commands' page's (localStorage).
    const stopSame = listenSameRuntime(window, go);
    const store = storage();
    const stopStored = store ? listenForRequests(window, store, go, 1000, p.whoAmI) : undefined;
    return () => {
      stopSame();
      stopStored?.();
    };
  }, [p.whoAmI]);
  useEffect(() => {
    window.profkampaniyaBoot?.rendered();
  }, []);
  return <App host={p.host} t={STRINGS[p.lang]} dark={p.dark} initialSection={p.first} goTo={goTo} />;
}

/** An error while rendering would leave React's root empty: the first script's notice says what to do instead. */
class ShowNoticeOnError extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(e: unknown) {
    window.profkampaniyaBoot?.fail(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

async function firstSection(whoAmI?: WhoAmI): Promise<SectionId | undefined> {
  // A ribbon click that found no pane open left its request (for this workbook), or in the shared runtime handed it
  // over before the pane started; an old address may still carry ?section=.
  const store = storage();
  const stored: PaneSection | undefined = store ? await takeRequestFor(store, whoAmI) : undefined;
  const asked = takeHandedOver(window) ?? stored;
  const old = new URLSearchParams(location.search).get('section') as SectionId | null;
  return asked ?? (old && PANE_SECTIONS.includes(old) ? old : undefined);
}

/**
 * `host` is made for the pane's language: its own messages (files downloaded, sheets written) speak it too.
 * `whoAmI`: in Excel, the workbook's address and name, so the pane takes only its own workbook's ribbon requests.
 */
async function showPane(root: Root, makeHost: (t: Strings) => PaneHost, language: string | undefined, dark: boolean, whoAmI?: WhoAmI) {
  const lang = pickLang(language, location.search);
  const host = makeHost(STRINGS[lang]);
  document.documentElement.lang = lang;
  const first = await firstSection(whoAmI);
  root.render(
    <ShowNoticeOnError>
      <Pane host={host} lang={lang} dark={dark} first={first} whoAmI={whoAmI} />
    </ShowNoticeOnError>,
  );
}

async function start() {
  if (window.profkampaniyaBoot?.unsupported) return; // the first script shows the notice
  const el = document.getElementById('root')!;
  // «Загрузка…» was a status line; what React renders there says its own status.
  el.removeAttribute('data-boot');
  el.removeAttribute('role');
  const root = createRoot(el);
  const browserDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  if (!openedByOffice(location.search)) {
    await showPane(root, (t) => browserHost(undefined, t), undefined, browserDark);
    // Microsoft may change how Office marks the page (see office.ts): should office.js, which knows its host by
    // its own means, still report Excel, the pane moves to the open workbook (App reloads its settings from it).
    void waitForOffice().then((o) => (o.kind === 'excel' ? excelPane(root, o) : undefined));
    return;
  }

  const shown = (outcome?: Exclude<OfficeOutcome, { kind: 'excel' }>, slow = false) => root.render(<BootScreen outcome={outcome} slow={slow} href={location.href} />);
  shown();
  const slowTimer = window.setTimeout(() => shown(undefined, true), SLOW_MS);
  const outcome = await waitForOffice();
  window.clearTimeout(slowTimer);
  // office.js says this is no Office at all (the address was copied into a browser): the pane works on files.
  if (outcome.kind === 'no-host') return showPane(root, (t) => browserHost(undefined, t), undefined, browserDark);
  if (outcome.kind !== 'excel') return shown(outcome);
  await excelPane(root, outcome);
}

async function excelPane(root: Root, outcome: Extract<OfficeOutcome, { kind: 'excel' }>) {
  // The office.js adapter loads only inside Excel.
  const { excelHost, excelDeps, openWorkbookName } = await import(/* webpackChunkName: "excel-host" */ './services/excelHost');
  const deps = excelDeps(outcome.platform);
  const whoAmI = workbookOf(deps.documentUrl, () => openWorkbookName(deps.run));
  void whoAmI(); // learnt now, while Excel is idle
  await showPane(root, (t) => excelHost(deps, t), outcome.language, outcome.dark, whoAmI);
}

/**
 * This pane's workbook for ribbon requests: its address (fixed while it is open, office-js #1507) and its name, asked
 * of Excel each time (a Save As renames it) — but while Excel is busy with the pane's own long work (a merge's many
 * round trips) the last name known answers after a short wait, so a ribbon click still moves the pane during a merge.
 */
function workbookOf(url: string | undefined, readName: () => Promise<string | undefined>, waitMs = 800): WhoAmI {
  let known: string | undefined;
  return async () => {
    const fresh = await Promise.race([readName(), new Promise<undefined>((r) => setTimeout(() => r(undefined), waitMs))]);
    if (fresh !== undefined) known = fresh;
    return url === undefined && known === undefined ? undefined : { url, name: known };
  };
}

start().catch((e: unknown) => {
  const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (window.profkampaniyaBoot) window.profkampaniyaBoot.fail(reason);
  else {
    const root = document.getElementById('root');
    if (root) root.textContent = 'Не удалось запустить панель «Профкампания». Закройте панель и откройте её снова; если не поможет — обновите страницу.';
  }
});
