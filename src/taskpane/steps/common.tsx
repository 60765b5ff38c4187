/** What every step gets from the pane: words, host, settings, the runner of actions and the shared picked files. */
import { memo, useEffect, useState, type ReactNode } from 'react';
import { Button, Caption1, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CampaignSettings } from '../../domain/settings';
import type { AskConflicts, PaneHost } from '../services/host';
import type { Season } from '../services/seasonClient';
import type { Message } from '../ui';
import type { Strings } from '../strings';

/**
 * Runs an action: the settings it needs are checked first, progress is shown beside the action (with «Отмена»
 * where `signal` is used), the outcome goes to `show`, a cancel is information, not an error.
 */
export type Act = (
  doing: string,
  fn: (report: (progress: string, fraction?: number) => void, signal: AbortSignal) => Promise<Message | undefined>,
  show: (m: Message) => void,
  opts?: { needsUnit?: boolean; cancellable?: boolean },
) => Promise<void>;

export interface Running {
  /** What runs, as the live region says it: «Свод: файл 12 из 68: «Школа 5.xlsx»» (changes as it goes). */
  text: ProgressText;
  cancel?: () => void;
}

/**
 * The progress line, outside React's state: a thousand files report many times a second, and only the two places
 * that print the line re-render for it (not the whole pane, which would keep the main thread busy).
 */
export class ProgressText {
  private value: string;
  private done?: number;
  private listeners = new Set<() => void>();
  constructor(initial: string) {
    this.value = initial;
  }
  /** `fraction`: how much is done (0–1), where the action counts its work (files read). */
  set(v: string, fraction?: number): void {
    if (v === this.value && fraction === this.done) return;
    this.value = v;
    this.done = fraction;
    this.listeners.forEach((l) => l());
  }
  get = (): string => this.value;
  fraction = (): number | undefined => this.done;
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

/**
 * A spinner, or a bar once the action counts its work. The bar is still between updates (five a second): a
 * spinner turns every frame, and while a thousand files were read its frames took the compositor as much of the
 * machine as the page's own thread (bench/pane.ts --trace); the bar's width is not animated either.
 */
function RunIndicator(props: { text: ProgressText }) {
  const s = useRun();
  const fraction = useProgress(props.text, props.text.fraction);
  if (fraction === undefined) return <Spinner size="tiny" aria-hidden="true" />;
  return <ProgressBar className={s.progress} bar={{ className: s.still }} value={fraction} max={1} thickness="large" aria-hidden="true" />;
}

/** The current progress line. */
export function ProgressLine(props: { text: ProgressText }) {
  return <>{useProgress(props.text, props.text.get)}</>;
}

/**
 * What the progress line says now, redrawn as it changes. Not useSyncExternalStore: React 18 draws a store's
 * changes in its synchronous lane, and that lane never renews the event time React keeps between updates
 * (react-dom 18.3, requestEventTime). After a run longer than five seconds the transition that ends it was
 * stamped with the time of the run's first progress, counted as expired, and drawn at once — one task of 70 ms
 * on the page's thread at 1,000 files, 100–120 ms at 5,000 (bench:pane). A state update drawn in the default
 * lane renews it, and the end of the run is drawn in slices.
 */
function useProgress<T>(text: ProgressText, get: () => T): T {
  const [seen, setSeen] = useState(() => ({ text, value: get() }));
  useEffect(() => {
    const update = () => setSeen((s) => (s.text === text && Object.is(s.value, get()) ? s : { text, value: get() }));
    update(); // a change between the drawing and this effect
    return text.subscribe(update);
  }, [text, get]);
  // Another run's line, drawn before its effect has run: its own value, never the last run's.
  return seen.text === text ? seen.value : get();
}

export interface StepProps {
  t: Strings;
  host: PaneHost;
  settings: CampaignSettings;
  busy: boolean;
  act: Act;
  ask: AskConflicts;
  season: () => Season;
  /** The action under way, shown by the step that started it. */
  running?: Running;
  headingRef?: (el: HTMLHeadingElement | null) => void;
}

/** Picked received files, shared by «Проверка» and «Свод»: picked once, they serve both. */
export interface PickedFiles {
  files: File[];
  onFiles: (files: File[]) => void;
}

const useRun = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px', minHeight: '32px' },
  text: { flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  progress: { flex: '0 0 48px' },
  still: { transitionProperty: 'none' },
});

/** Progress and «Отмена», placed right under the button that started the action. */
export function RunBar(props: { t: Strings; running?: Running }) {
  const s = useRun();
  if (!props.running) return null;
  return (
    <div className={s.bar} data-testid="run-bar">
      <RunIndicator text={props.running.text} />
      <Caption1 className={s.text}>
        <ProgressLine text={props.running.text} />
      </Caption1>
      {props.running.cancel && (
        <Button size="small" onClick={props.running.cancel}>
          {props.t.cancel}
        </Button>
      )}
    </div>
  );
}

/**
 * One step's section. Every step stays mounted (its results and messages survive a look at another step), but a
 * hidden one is not drawn again while it stays hidden: when a run ends and the pane stops being busy, only the step
 * in view re-renders, not all five in the same task of the page's thread. A step shown again is drawn with the
 * App's current props.
 */
export const StepSection = memo(
  function StepSection(props: { shown: boolean; children: ReactNode }) {
    return <div hidden={!props.shown}>{props.children}</div>;
  },
  (before, now) => !before.shown && !now.shown,
);
