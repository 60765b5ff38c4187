/** Small shared pieces of the pane: section frame, file picker, outcome messages, problem list. */
import { useId, useRef, type ReactNode } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { isDocumentPlace, placeOf, type Problem } from '../domain/problems';
import { SEASON_TITLE, type CampaignSettings } from '../domain/settings';
import type { Strings } from './strings';
import { russianOr } from './services/messages';

export const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '12px 0',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, outlineOffset: '2px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'flex-end' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: '8px' },
  problems: { margin: 0, paddingLeft: '0', listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '4px' },
  problem: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground3 },
});

/** «осенняя 2026»: the campaign in file names. */
export const campaignTag = (s: CampaignSettings) => `${SEASON_TITLE[s.season].adjective} ${s.year}`;

export function Section(props: { id: string; title: string; hint?: string; children: ReactNode; headingRef?: (el: HTMLHeadingElement | null) => void }) {
  const s = useStyles();
  return (
    <section className={s.section} aria-labelledby={`${props.id}-h`} id={props.id}>
      <h2 className={s.h2} id={`${props.id}-h`} tabIndex={-1} ref={props.headingRef}>
        {props.title}
      </h2>
      {props.hint && <Caption1>{props.hint}</Caption1>}
      {props.children}
    </section>
  );
}

/**
 * What the file dialog offers for received reports: workbooks, Word documents and the mail itself (a saved letter,
 * an Outlook letter, a mailbox, a zip). A mailbox without an extension is picked with «All files».
 */
export const RECEIVED_FILES_ACCEPT = '.xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.docx,.docm,.doc,.odt,.eml,.msg,.mbox,.zip,message/rfc822,application/vnd.ms-outlook';

/** A button that opens the system file dialog; the <input> itself is hidden (the button is what people use). */
export function FilePicker(props: { label: string; multiple?: boolean; disabled?: boolean; onFiles: (files: File[]) => void; testId?: string; accept?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <input
        id={id}
        ref={ref}
        type="file"
        hidden
        multiple={props.multiple}
        accept={props.accept ?? RECEIVED_FILES_ACCEPT}
        data-testid={props.testId}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) props.onFiles(files);
        }}
      />
      <Button disabled={props.disabled} onClick={() => ref.current?.click()}>
        {props.label}
      </Button>
    </>
  );
}

export interface Message {
  intent: 'success' | 'warning' | 'error' | 'info';
  title?: string;
  text: string;
  notes?: string[];
}

export function Outcome({ m }: { m?: Message }) {
  if (!m) return null;
  return (
    <MessageBar intent={m.intent} role={m.intent === 'error' ? 'alert' : undefined} layout="multiline">
      <MessageBarBody>
        {m.title && <MessageBarTitle>{m.title}</MessageBarTitle>}
        {m.text}
        {m.notes?.map((n) => (
          <div key={n}>{n}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

const MAX_SHOWN = 200;

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Problems of one file, each saying where; in Excel each cell can be shown. */
export function ProblemList(props: { problems: Problem[]; t: Strings; onShow?: (p: Problem) => void }) {
  const s = useStyles();
  const shown = props.problems.slice(0, MAX_SHOWN);
  return (
    <ul className={s.problems}>
      {shown.map((p, i) => (
        <li key={i} className={s.problem}>
          <span className={s[p.severity]}>{props.t.severity[p.severity]}.</span> {capitalized(placeOf(p))}
          {p.unit && p.sheet ? ` (${p.unit})` : ''}
          {(p.sheet || p.cell) && ': '}
          {p.message}{' '}
          {props.onShow && p.cell && !isDocumentPlace(p) && (
            <Button size="small" appearance="transparent" onClick={() => props.onShow!(p)} aria-label={props.t.showCellOf(p.cell, p.sheet)}>
              {props.t.showCell}
            </Button>
          )}
        </li>
      ))}
      {props.problems.length > MAX_SHOWN && <li className={s.problem}>{props.t.moreProblems(props.problems.length - MAX_SHOWN)}</li>}
    </ul>
  );
}

/** Any error as a Russian message (the core's own, or `fallback`); never a stack trace. */
export function errorText(e: unknown, fallback: string): string {
  return russianOr(e, fallback);
}
