/** The task pane: settings, forms, check, merge and summary in the season's order, in Excel or on files. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Subtitle1, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { defaultSettings, seasonFor, settingsProblems, type CampaignSettings } from '../domain/settings';
import type { Conflict, Resolution } from '../excel/applySheetPlans';
import type { MergeResult } from '../domain/consolidate/merge';
import { buildConsolidatedWorkbook } from '../domain/consolidate/workbook';
import type { PaneHost, WorkbookState } from './services/host';
import { SettingsSection } from './SettingsSection';
import { ConflictDialog } from './ConflictDialog';
import { CheckSection, FormsSection, MergeSection, SummarySection, type Act } from './sections';
import { errorText, Outcome, type Message } from './ui';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: {
    minWidth: '280px',
    maxWidth: '720px',
    margin: '0 auto',
    padding: '12px 16px 32px',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: '100vh',
    // Fields take the pane's width, however narrow (Fluent's inputs have a wide intrinsic size).
    '& .fui-Input, & .fui-Select, & .fui-Textarea': { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
    '& .fui-Input input, & .fui-Select select': { minWidth: 0 },
  },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  header: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: '8px' },
  status: { minHeight: '20px', display: 'flex', gap: '8px', alignItems: 'center' },
  state: { fontSize: tokens.fontSizeBase200, margin: '4px 0 0', paddingLeft: '16px' },
});

export type SectionId = 'settings' | 'forms' | 'check' | 'merge' | 'summary';

export function App(props: {
  host: PaneHost;
  t: Strings;
  dark: boolean;
  initialSection?: SectionId;
  /** A ribbon button asked for this section while the pane is open (seq changes with every click). */
  goTo?: { section: SectionId; seq: number };
  today?: Date;
}) {
  const { host, t } = props;
  const st = useStyles();
  const now = seasonFor(props.today ?? new Date());
  const [settings, setSettings] = useState<CampaignSettings>(() => defaultSettings(now.season, now.year));
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [settingsMsg, setSettingsMsg] = useState<Message>();
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const answer = useRef<(a: Record<string, Resolution>) => void>();
  const [state, setState] = useState<WorkbookState>({ sheets: [] });
  const [lastMerge, setLastMerge] = useState<MergeResult>();
  // The expected units: the blanks go to them, and the merge says which of them have not reported.
  const [expected, setExpected] = useState('');
  const [loadError, setLoadError] = useState<string>();
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const headings = useRef<Partial<Record<SectionId, HTMLHeadingElement | null>>>({});

  const refreshState = useCallback(() => {
    host.state().then(setState, () => undefined); // the state line is a courtesy: never an error for it
  }, [host]);

  useEffect(() => {
    host
      .loadSettings()
      .then(
        (s) => s && setSettings(s),
        (e) => setLoadError(errorText(e, 'прочитать настройки кампании из книги')),
      )
      .finally(() => setSettingsLoaded(true));
    refreshState();
  }, [host, refreshState]);

  useEffect(() => {
    // Opened from a ribbon button: go to that section, for keyboard and screen-reader users too.
    const target = props.goTo?.section ?? props.initialSection;
    const h = target && headings.current[target];
    if (h) {
      h.scrollIntoView({ block: 'start' });
      h.focus();
    }
  }, [props.initialSection, props.goTo]);

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
    async (doing, fn, show) => {
      const problems = settingsProblems(settings);
      if (problems.length) {
        show({ intent: 'error', title: 'Исправьте настройки кампании', text: problems.join(' ') });
        return;
      }
      setBusy(true);
      setProgress(`${t.working} (${doing})`);
      try {
        const m = await fn((text) => setProgress(`${t.working} ${text}`));
        if (m) show(m);
        setProgress(m ? `${t.done}: ${m.text}` : t.done);
      } catch (e) {
        const text = errorText(e, `выполнить ${doing}`);
        show({ intent: 'error', text });
        setProgress(text);
      } finally {
        setBusy(false);
      }
    },
    [settings, t],
  );

  const common = { t, host, settings, busy, act, ask, expected, onExpected: setExpected };
  const ref = (id: SectionId) => (el: HTMLHeadingElement | null) => {
    headings.current[id] = el;
  };
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme}>
      <main className={st.root}>
        <header className={st.header}>
          <Subtitle1 as="h1">{t.appTitle}</Subtitle1>
          <Caption1>{host.mode === 'excel' ? t.modeExcel : t.modeBrowser}</Caption1>
          {host.mode === 'excel' && (
            <div>
              <Caption1>{state.sheets.length ? `${t.stateForms}:` : t.stateNone}</Caption1>
              {state.sheets.length > 0 && (
                <ul className={st.state}>
                  {state.sheets.map((s) => (
                    <li key={s.name}>{s.name}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {host.limits().map((n) => (
            <MessageBar key={n} intent="info" layout="multiline">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
          {loadError && <Outcome m={{ intent: 'error', text: loadError }} />}
        </header>
        <div className={st.status} role="status" aria-live="polite" aria-atomic="true" data-testid="progress">
          {busy && <Spinner size="tiny" aria-hidden="true" />}
          {/* Shown while working; afterwards only read out (the section shows the result itself). */}
          <Caption1 className={busy ? undefined : st.srOnly}>{progress}</Caption1>
        </div>
        <SettingsSection
          t={t}
          settings={settings}
          onChange={setSettings}
          busy={busy}
          headingRef={ref('settings')}
          onSave={() => act('сохранение настроек', async () => {
            const o = await host.saveSettings(settings);
            return { intent: o.notes.length ? 'warning' : 'success', text: o.message, notes: o.notes };
          }, setSettingsMsg)}
        />
        <Outcome m={settingsMsg} />
        <FormsSection {...common} headingRef={ref('forms')} onWritten={refreshState} />
        <CheckSection {...common} headingRef={ref('check')} autoRun={settingsLoaded && props.initialSection === 'check'} />
        <MergeSection
          {...common}
          headingRef={ref('merge')}
          onMerged={(r) => {
            setLastMerge(r);
            refreshState();
          }}
        />
        <SummarySection {...common} headingRef={ref('summary')} lastMerge={lastMerge} lastMergePlan={lastMerge ? () => buildConsolidatedWorkbook(lastMerge, settings) : undefined} />
        <ConflictDialog t={t} conflicts={conflicts} onAnswer={(a) => answer.current?.(a)} />
        <Caption1 as="p" data-testid="about">Профкампания {__PK_VERSION__} · <a href="help.html" target="_blank" rel="noopener">Справка</a></Caption1>
      </main>
    </FluentProvider>
  );
}
