/**
 * The task pane: the season's steps (settings, forms, check, merge, summary) one at a time, in Excel or on files.
 * The received files are picked once for check and merge; what runs shows its progress and «Отмена» beside the
 * button that started it; focus stays where the user was.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { Caption1, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Tab, TabList, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { defaultSettings, seasonFor, type CampaignSettings } from '../domain/settings';
import { inReceivedOrder } from '../domain/consolidate/receivedOrder';
import type { Conflict, Resolution } from '../excel/applySheetPlans';
import type { PaneHost, WorkbookState } from './services/host';
import type { Season } from './services/seasonClient';
import type { MergeView } from './services/seasonEngine';
import type { ScreenFigures } from './services/screenFigures';
import { settingsIssues } from './services/settingsRules';
import { ConflictDialog } from './ConflictDialog';
import { SettingsStep } from './steps/SettingsStep';
import { FormsStep } from './steps/FormsStep';
import { CheckStep } from './steps/CheckStep';
import { MergeStep } from './steps/MergeStep';
import { SummaryStep } from './steps/SummaryStep';
import { ProgressLine, ProgressText, StepSection, type Act, type Running } from './steps/common';
import { errorText, Outcome, type Message } from './ui';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: {
    minWidth: '280px',
    maxWidth: '720px',
    margin: '0 auto',
    padding: '12px 12px 32px',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: '100vh',
    // Fields take the pane's width, however narrow (Fluent's inputs have a wide intrinsic size).
    '& .fui-Input, & .fui-Select, & .fui-Textarea': { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
    '& .fui-Input input, & .fui-Select select': { minWidth: 0 },
  },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  header: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: '4px' },
  tabs: { flexWrap: 'wrap', margin: '0 -8px 4px', rowGap: '0' },
  state: { fontSize: tokens.fontSizeBase200, margin: '4px 0 0', paddingLeft: '16px' },
});

/** How often the progress line may change while an action runs. */
const PROGRESS_EVERY_MS = 200;

export type SectionId = 'settings' | 'forms' | 'check' | 'merge' | 'summary';
const STEPS: SectionId[] = ['settings', 'forms', 'check', 'merge', 'summary'];

/** The season worker starts on first use (its chunk loads then), so the first screen stays small. */
function useSeason(): () => Season {
  const season = useRef<Season>();
  const pending = useRef<Promise<Season>>();
  return useCallback(() => {
    if (season.current) return season.current;
    pending.current ??= import(/* webpackChunkName: "season" */ './services/startSeason').then((m) => (season.current = m.startSeason()));
    const later = pending.current;
    // A Season whose calls wait for the worker to start.
    return {
      check: (...a) => later.then((s) => s.check(...a)),
      merge: (...a) => later.then((s) => s.merge(...a)),
      previous: (...a) => later.then((s) => s.previous(...a)),
      withPrevious: (...a) => later.then((s) => s.withPrevious(...a)),
      note: (...a) => later.then((s) => s.note(...a)),
      pick: (...a) => void later.then((s) => s.pick(...a)),
    };
  }, []);
}

export function App(props: {
  host: PaneHost;
  t: Strings;
  dark: boolean;
  initialSection?: SectionId;
  /** A ribbon button asked for this step while the pane is open (seq changes with every click). */
  goTo?: { section: SectionId; seq: number };
  today?: Date;
}) {
  const { host, t } = props;
  const st = useStyles();
  const now = seasonFor(props.today ?? new Date());
  const [settings, setSettings] = useState<CampaignSettings>(() => defaultSettings(now.season, now.year));
  const [step, setStep] = useState<SectionId>(props.initialSection ?? 'settings');
  const [running, setRunning] = useState<Running & { step: SectionId }>();
  const [announce, setAnnounce] = useState('');
  const [settingsMsg, setSettingsMsg] = useState<Message>();
  const [showAllSettings, setShowAllSettings] = useState(false);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const answer = useRef<(a: Record<string, Resolution>) => void>();
  const [state, setState] = useState<WorkbookState>({ sheets: [] });
  const [files, setFiles] = useState<File[]>([]);
  const [mergeView, setMergeView] = useState<MergeView>();
  const [, setSummaryFigures] = useState<ScreenFigures>();
  // The expected units: the blanks go to them, and the merge says which of them have not reported.
  const [expected, setExpected] = useState('');
  const [loadError, setLoadError] = useState<string>();
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const headings = useRef<Partial<Record<SectionId, HTMLHeadingElement | null>>>({});
  const season = useSeason();

  const refreshState = useCallback(() => {
    // The state line is a courtesy: never an error for it, and drawn as a transition (in slices): set at the end
    // of a run, it re-rendered the whole pane in one task (~100 ms on a busy machine, bench:pane --trace).
    host.state().then((s) => startTransition(() => setState(s)), () => undefined);
  }, [host]);

  useEffect(() => {
    host
      .loadSettings()
      .then(
        (s) => {
          if (s) {
            setSettings(s);
            setSaved(true);
          }
        },
        (e) => setLoadError(errorText(e, t.settingsNotRead)),
      )
      .finally(() => setSettingsLoaded(true));
    refreshState();
  }, [host, refreshState, t.settingsNotRead]);

  // Opened from a ribbon button, or a step chosen: its heading takes the focus (keyboard and screen readers).
  const focusStep = useRef(!!props.initialSection);
  useEffect(() => {
    if (!focusStep.current) return;
    headings.current[step]?.focus();
  }, [step]);
  useEffect(() => {
    // A ribbon button while the pane is open: its step, with the focus on its heading (work under way goes on).
    if (!props.goTo) return;
    focusStep.current = true;
    setStep(props.goTo.section);
    headings.current[props.goTo.section]?.focus();
  }, [props.goTo]);
  const go = (s: SectionId) => {
    focusStep.current = false;
    setStep(s);
  };

  const ask = useCallback(
    (cs: Conflict[]) =>
      new Promise<Record<string, Resolution>>((resolve) => {
        answer.current = (a) => {
          setConflicts(null);
          resolve(a);
        };
        setConflicts(cs);
      }),
    [],
  );

  const act: Act = useCallback(
    async (doing, fn, show, opts = {}) => {
      const issues = settingsIssues(settings, { needsUnit: opts.needsUnit, today: props.today });
      if (issues.length) {
        setShowAllSettings(true);
        show({ intent: 'error', title: t.settingsFix, text: issues.map((i) => t.settingsIssue(i)).join(' ') });
        return;
      }
      const abort = new AbortController();
      const cancel = opts.cancellable ? () => abort.abort() : undefined;
      // Progress is drawn at most five times a second: each drawing is a style, layout and paint of the page
      // (about 3 ms of the page's thread, and the compositor's after it), and drawn every frame while a thousand
      // files are read it took as much of the machine as a reading worker (bench/pane.ts --trace).
      const text = new ProgressText(`${doing}…`);
      let latest = '';
      let fraction: number | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const report = (line: string, done?: number) => {
        latest = line;
        fraction = done;
        timer ??= setTimeout(() => {
          timer = undefined;
          text.set(latest, fraction);
        }, PROGRESS_EVERY_MS);
      };
      setRunning({ step, text, cancel });
      setAnnounce('');
      // What ends a run (its message, the step's results, the pane no longer busy) is drawn as a transition: React
      // renders it in slices and gives the page back between them. Drawn at once, the end of a merge of a thousand
      // files — every step re-rendered as the pane stops being busy, the figures, the first page of organisations —
      // was one task of 130–400 ms on the page's thread (bench:pane). Busy until then: no second click meanwhile.
      const end = (update: () => void) => startTransition(update);
      try {
        const m = await fn(report, abort.signal);
        end(() => {
          if (m) show(m);
          setAnnounce(m ? m.text : t.done);
        });
      } catch (e) {
        const name = (e as Error)?.name;
        if (name === 'CancelledByUser' || name === 'BlanksCancelled') {
          // The worker's message is Russian; the counts it carries are said in the pane's language.
          const c = e as Error & { done?: number; total?: number };
          const text = name === 'CancelledByUser' && c.done !== undefined && c.total !== undefined ? t.cancelled(c.done, c.total) : c.message;
          show({ intent: 'info', text });
          setAnnounce(text);
        } else {
          const text = errorText(e, t.failed(doing));
          show({ intent: 'error', text });
          setAnnounce(text);
        }
      } finally {
        clearTimeout(timer);
        end(() => setRunning(undefined));
      }
    },
    [settings, t, step, props.today],
  );

  const busy = !!running;
  // Every step stays mounted (hidden when not current): results and messages survive a look at another step.
  const common = (s: SectionId) => ({
    t, host, settings, busy, act, ask, season,
    running: running?.step === s ? running : undefined,
    headingRef: (el: HTMLHeadingElement | null) => void (headings.current[s] = el),
  });
  // In the command line's order whatever the dialog or a drop gave: the same files give the same Свод (rows, ties).
  const shared = { files, onFiles: (picked: File[]) => setFiles(inReceivedOrder(picked, (f) => f.webkitRelativePath || f.name)) };
  // Picked files go to the season worker at once (seasonClient.ts, pick): a check or a merge of them starts at once.
  useEffect(() => {
    if (files.length) season().pick(files);
  }, [files, season]);
  const label: Record<SectionId, string> = { settings: t.stepSettings, forms: t.stepForms, check: t.stepCheck, merge: t.stepMerge, summary: t.stepSummary };
  const firstTime = settingsLoaded && !saved && !settings.unit.trim() && step === 'settings';
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme}>
      <main className={st.root}>
        <header className={st.header}>
          <Subtitle1 as="h1">{t.appTitle}</Subtitle1>
          <Caption1>{host.mode === 'excel' ? t.modeExcel : t.modeBrowser}</Caption1>
          {host.mode === 'excel' && state.sheets.length > 0 && (
            <div>
              <Caption1>{t.stateForms}:</Caption1>
              <ul className={st.state}>
                {state.sheets.map((s) => (
                  <li key={s.name}>
                    <Caption1>{s.name}</Caption1>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {host.limits().map((n) => (
            <MessageBar key={n} intent="info" layout="multiline">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
          {loadError && <Outcome m={{ intent: 'error', text: loadError }} />}
        </header>
        <nav aria-label={t.stepsLabel}>
          <TabList className={st.tabs} size="small" selectedValue={step} onTabSelect={(_, d) => go(d.value as SectionId)}>
            {STEPS.map((s, i) => (
              <Tab key={s} value={s} id={`tab-${s}`}>
                {`${i + 1}. ${label[s]}`}
              </Tab>
            ))}
          </TabList>
        </nav>
        <div className={st.srOnly} role="status" aria-live="polite" aria-atomic="true" data-testid="progress">
          {running ? <ProgressLine text={running.text} /> : announce}
        </div>
        {firstTime && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.startTitle}</MessageBarTitle>
              {t.startText}
            </MessageBarBody>
          </MessageBar>
        )}
        <StepSection shown={step === 'settings'}>
            <SettingsStep
              t={t}
              settings={settings}
              onChange={setSettings}
              busy={busy}
              showAll={showAllSettings}
              today={props.today}
              headingRef={common('settings').headingRef}
              onSave={() =>
                act(
                  t.save,
                  async () => {
                    const o = await host.saveSettings(settings);
                    setSaved(true);
                    return { intent: o.notes.length ? 'warning' : 'success', text: o.message, notes: o.notes };
                  },
                  setSettingsMsg,
                  { needsUnit: true },
                )
              }
            />
            <Outcome m={settingsMsg} />
        </StepSection>
        <StepSection shown={step === 'forms'}>
          <FormsStep {...common('forms')} expected={expected} onExpected={setExpected} onWritten={refreshState} />
        </StepSection>
        <StepSection shown={step === 'check'}>
          <CheckStep {...common('check')} {...shared} autoRun={settingsLoaded && props.initialSection === 'check'} />
        </StepSection>
        <StepSection shown={step === 'merge'}>
          <MergeStep
            {...common('merge')}
            {...shared}
            expected={expected}
            onExpected={setExpected}
            view={mergeView}
            onMerged={(v) => {
              // Drawn with the end of the run, as a transition (act, above).
              startTransition(() => setMergeView(v));
              refreshState();
            }}
          />
        </StepSection>
        <StepSection shown={step === 'summary'}>
          <SummaryStep {...common('summary')} merged={mergeView?.figures} onFigures={setSummaryFigures} />
        </StepSection>
        <ConflictDialog t={t} conflicts={conflicts} onAnswer={(a) => answer.current?.(a)} />
        <Caption1 as="p" data-testid="about">{t.appTitle} {__PK_VERSION__} · <a href="help.html" target="_blank" rel="noopener">{t.helpLink}</a></Caption1>
      </main>
    </FluentProvider>
  );
}
