/**
 * The ribbon → pane hand-off inside one shared runtime (the second manifest, SharedRuntime 1.1: the pane's page is
 * also the ribbon's function file, src/commands/sharedRuntime.ts). There the ribbon's function and the pane run in
 * one JavaScript context ("share a set of global variables … communicate with each other without having to pass
 * messages through a persisted storage", learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-
 * requirement-sets), so the section is handed over in memory: no localStorage. The runtime is the workbook's own
 * («Runtimes in Office Add-ins»: a shared runtime "shuts down when the document is closed"), so another workbook's
 * pane never sees it — no name or address to compare.
 * The channel lives on the window, not in a module, because the ribbon's functions and the pane are two webpack
 * entries on that page (each with its own copy of this module); the window is what they share.
 */
import { PANE_SECTIONS, type PaneSection } from './paneRequests';

interface Channel {
  /** Sections handed over before the pane listened (a click that started the runtime with the pane hidden). */
  pending: PaneSection[];
  listeners: ((s: PaneSection) => void)[];
}

const KEY = '__profkampaniyaSameRuntime';
type WithChannel = { [KEY]?: Channel };

function channel(win: object): Channel {
  const w = win as WithChannel;
  return (w[KEY] ??= { pending: [], listeners: [] });
}

/** Ribbon side: the pane goes to `section` now if it listens, or when it starts. */
export function handOver(win: object, section: PaneSection): void {
  if (!PANE_SECTIONS.includes(section)) return;
  const c = channel(win);
  if (c.listeners.length) for (const l of c.listeners) l(section);
  else c.pending.push(section);
}

/** Pane side, on starting: the last section handed over before it listened (taken: asked once, moved once). */
export function takeHandedOver(win: object): PaneSection | undefined {
  return channel(win).pending.splice(0).pop();
}

/** Pane side: `onSection` for each section handed over from now on (and any still pending). Returns the stop. */
export function listenSameRuntime(win: object, onSection: (s: PaneSection) => void): () => void {
  const c = channel(win);
  c.listeners.push(onSection);
  const left = c.pending.splice(0).pop();
  if (left) onSection(left);
  return () => {
    const i = c.listeners.indexOf(onSection);
    if (i >= 0) c.listeners.splice(i, 1);
  };
}
