/** «Формы», «Проверка», «Свод», «Сводка»: each calls the core through services/flows and the host. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Field, Textarea, Caption1 } from '@fluentui/react-components';
import { stampAppendix2 } from '../domain/forms/stampAppendix2';
import { stampAppendix3 } from '../domain/forms/stampAppendix3';
import type { CampaignSettings } from '../domain/settings';
import type { Problem } from '../domain/problems';
import { countOf, NOUN } from '../domain/text';
import { expectedUnitsFromText } from '../domain/consolidate/expectedUnits';
import type { MergeResult } from '../domain/consolidate/merge';
import { readEarlierRegister } from '../domain/consolidate/registerSheet';
import { SHEET } from '../domain/sheetNames';
import type { CampaignFigures } from '../domain/indicators';
import type { AskConflicts, PaneHost } from './services/host';
import { receiveOwnSheets } from './services/ownSheets';
import { checkFiles, checkGrid, mergeFiles, previousFromFiles, sortProblems, summaryPlans, type CheckedFile } from './services/flows';
import { campaignTag, FilePicker, Outcome, ProblemList, Section, useStyles, type Message } from './ui';
import { BlanksPanel } from './BlanksPanel';
import type { Strings } from './strings';

/** Runs an action: busy state, progress in the live region, Russian message on failure. */
export type Act = (doing: string, fn: (report: (progress: string) => void) => Promise<Message | undefined>, show: (m: Message) => void) => Promise<void>;

interface Common {
  t: Strings;
  host: PaneHost;
  settings: CampaignSettings;
  busy: boolean;
  act: Act;
  ask: AskConflicts;
  headingRef?: (el: HTMLHeadingElement | null) => void;
}

const outcomeMessage = (o: { message: string; notes: string[] }): Message => ({ intent: o.notes.length ? 'warning' : 'success', text: o.message, notes: o.notes });

/** The list of expected units, shared by the blanks («Формы») and the merge («Свод»). */
interface ExpectedList {
  expected: string;
  onExpected: (text: string) => void;
}

export function FormsSection(p: Common & ExpectedList & { onWritten: () => void }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const [msg, setMsg] = useState<Message>();
  const stamp = (form: 'plan' | 'report') =>
    p.act(
      form === 'plan' ? 'запись бланка плана' : 'запись бланка отчёта',
      async () => {
        const plan = form === 'plan' ? stampAppendix2(settings) : stampAppendix3(settings);
        const unit = settings.unit.trim() || 'бланк';
        const o = await host.deliver({ sheets: [plan] }, settings, `${plan.name} — ${unit} — ${campaignTag(settings)}.xlsx`, p.ask);
        p.onWritten();
        return outcomeMessage(o);
      },
      setMsg,
    );
  return (
    <Section id="forms" title={t.formsTitle} hint={host.mode === 'excel' ? t.formsHintExcel : t.formsHintBrowser} headingRef={p.headingRef}>
      <div className={st.row}>
        <Button appearance="primary" disabled={p.busy} onClick={() => stamp('plan')}>
          {t.stampPlan}
        </Button>
        <Button appearance="primary" disabled={p.busy} onClick={() => stamp('report')}>
          {t.stampReport}
        </Button>
      </div>
      <Outcome m={msg} />
      <BlanksPanel t={t} host={host} settings={settings} busy={p.busy} act={p.act} units={p.expected} onUnits={p.onExpected} />
    </Section>
  );
}

function problemsSummary(file: string, ps: Problem[]): string {
  const e = ps.filter((x) => x.severity === 'error').length;
  const w = ps.filter((x) => x.severity === 'warning').length;
  if (e === 0 && w === 0) return `«${file}»: ошибок не найдено.`;
  return `«${file}»: ${countOf(e, ['ошибка', 'ошибки', 'ошибок'])}, ${countOf(w, ['предупреждение', 'предупреждения', 'предупреждений'])}.`;
}

export function CheckSection(p: Common & { autoRun?: boolean }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const [msg, setMsg] = useState<Message>();
  const [results, setResults] = useState<CheckedFile[]>([]);
  const checkOpen = () =>
    p.act(
      'проверку книги',
      async () => {
        const wb = await host.readOpenWorkbook!();
        const problems = sortProblems(checkGrid(wb, settings));
        const marked = await host.mark!(problems);
        setResults([{ file: wb.file, problems }]);
        return {
          intent: problems.some((x) => x.severity === 'error') ? 'warning' : 'success',
          text: problemsSummary(wb.file, problems) + (marked ? ` Отмечено ячеек: ${marked} (отметки снимаются кнопкой «${t.clearMarks}»).` : ''),
        };
      },
      setMsg,
    );
  const checkPicked = (files: File[]) =>
    p.act(
      'проверку файлов',
      async () => {
        const checked = (await checkFiles(files, settings)).map((c) => ({ ...c, problems: sortProblems(c.problems) }));
        setResults(checked);
        const bad = checked.filter((c) => c.error || c.problems.some((x) => x.severity === 'error')).length;
        return {
          intent: bad ? 'warning' : 'success',
          text: `Проверено: ${countOf(checked.length, ['файл', 'файла', 'файлов'])}; с ошибками: ${bad}.`,
        };
      },
      setMsg,
    );
  // The ribbon's «Проверить» opens the pane here: in Excel the open workbook is checked at once.
  const started = useRef(false);
  useEffect(() => {
    if (p.autoRun && host.mode === 'excel' && !started.current) {
      started.current = true;
      void checkOpen();
    }
  });
  return (
    <Section id="check" title={t.checkTitle} hint={t.checkHint} headingRef={p.headingRef}>
      <div className={st.row}>
        {host.mode === 'excel' && (
          <>
            <Button appearance="primary" disabled={p.busy} onClick={checkOpen}>
              {t.checkWorkbook}
            </Button>
            <Button disabled={p.busy} onClick={() => p.act('снятие отметок', async () => ({ intent: 'success', text: `Снято отметок: ${await host.clearMarks!()}.` }), setMsg)}>
              {t.clearMarks}
            </Button>
          </>
        )}
        <FilePicker label={t.pickFiles} multiple disabled={p.busy} onFiles={checkPicked} testId="check-files" />
      </div>
      <Outcome m={msg} />
      {results.map((r) => (
        <div key={r.file}>
          <Caption1>{r.error ?? problemsSummary(r.file, r.problems)}</Caption1>
          <ProblemList
            problems={r.problems}
            t={t}
            onShow={host.showCell ? (x) => p.act('переход к ячейке', async () => (await host.showCell!(x.sheet, x.cell), undefined), setMsg) : undefined}
          />
        </div>
      ))}
    </Section>
  );
}

export function MergeSection(p: Common & ExpectedList & { onMerged: (r: MergeResult) => void }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const [msg, setMsg] = useState<Message>();
  const [files, setFiles] = useState<File[]>([]);
  const [withErrors, setWithErrors] = useState(false);
  const [ownSheets, setOwnSheets] = useState(false);
  const canOwn = !!host.readUserSheets;
  const [outcomes, setOutcomes] = useState<MergeResult['files']>([]);
  const [cancel, setCancel] = useState<AbortController>();
  const expectedCount = useMemo(() => expectedUnitsFromText(p.expected).length, [p.expected]);
  const run = () =>
    p.act(
      'свод отчётов',
      async (report) => {
        // In Excel, an earlier merge's register keeps each file's first date received.
        const earlier = host.readOpenWorkbook ? readEarlierRegister(await host.readOpenWorkbook((n) => n === SHEET.register)) ?? undefined : undefined;
        const own = canOwn && ownSheets ? await receiveOwnSheets(host, settings) : undefined;
        const abort = new AbortController();
        setCancel(abort);
        let merged;
        try {
          merged = await mergeFiles({
            files,
            settings,
            expectedUnits: expectedUnitsFromText(p.expected),
            mergeWithErrors: withErrors,
            earlierRegister: earlier,
            own: own ? [own] : [],
            signal: abort.signal,
            onProgress: (x) => report(`Прочитано ${x.done} из ${x.total}: «${x.file}»`),
          });
        } finally {
          setCancel(undefined);
        }
        const { result, plan } = merged;
        setOutcomes(result.files);
        const o = await host.deliver(plan, settings, `Свод — ${settings.unit.trim() || 'отчёты'} — ${campaignTag(settings)}.xlsx`, p.ask);
        p.onMerged(result);
        const refused = result.files.filter((f) => f.status === 'refused').length;
        const lines = [
          `Сведено: ${countOf(result.units.length, NOUN.unit)}; отклонено файлов: ${refused}.`,
          result.missing.length ? `Нет отчёта: ${result.missing.join(', ')}.` : '',
          o.message,
        ].filter(Boolean);
        return { intent: refused || result.missing.length || o.notes.length ? 'warning' : 'success', text: lines.join(' '), notes: o.notes };
      },
      setMsg,
    );
  return (
    <Section id="merge" title={t.mergeTitle} hint={t.mergeHint} headingRef={p.headingRef}>
      <div className={st.row}>
        <FilePicker label={t.pickFiles} multiple disabled={p.busy} onFiles={setFiles} testId="merge-files" />
        <Caption1 aria-live="polite">{files.length ? `Выбрано: ${countOf(files.length, ['файл', 'файла', 'файлов'])}` : ''}</Caption1>
      </div>
      <Field label={t.expectedUnits} hint={expectedCount ? `В списке: ${countOf(expectedCount, NOUN.unit)}.` : undefined}>
        <Textarea value={p.expected} onChange={(_, d) => p.onExpected(d.value)} resize="vertical" rows={4} />
      </Field>
      {canOwn && (
        <Field hint={t.mergeOwnSheetsHint}>
          <Checkbox checked={ownSheets} onChange={(_, d) => setOwnSheets(!!d.checked)} label={t.mergeOwnSheets} data-testid="merge-own-sheets" />
        </Field>
      )}
      <Checkbox checked={withErrors} onChange={(_, d) => setWithErrors(!!d.checked)} label={t.mergeWithErrors} />
      <div>
        <Button appearance="primary" disabled={p.busy || (files.length === 0 && !(canOwn && ownSheets))} onClick={run}>
          {t.mergeRun}
        </Button>{' '}
        {cancel && <Button onClick={() => cancel.abort()}>{t.cancel}</Button>}
      </div>
      {files.length === 0 && !(canOwn && ownSheets) && <Caption1>{t.mergeNeedFiles}</Caption1>}
      <Outcome m={msg} />
      {outcomes.length > 0 && (
        <ul className={st.problems} aria-label="Результат по файлам">
          {outcomes.map((f) => (
            <li key={f.file + f.received} className={st.problem}>
              «{f.file}» — {f.status === 'merged' ? 'в своде' : f.status === 'superseded' ? 'заменён более поздним отчётом' : 'отклонён'}
              {f.reason ? `: ${f.reason}` : ''}
              {f.reports.length > 1 && ` (листов с отчётами: ${f.reports.length}: ${f.reports.map((r) => `«${r.sheet}» — ${r.unit || 'организация не указана'}`).join('; ')})`}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function SummarySection(p: Common & { lastMerge?: MergeResult; lastMergePlan?: () => import('../domain/sheetPlan').WorkbookPlan }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const [msg, setMsg] = useState<Message>();
  const [previous, setPrevious] = useState<CampaignFigures[]>([]);
  const canRun = host.mode === 'excel' || !!p.lastMerge;
  const pickPrevious = (files: File[]) =>
    p.act(
      'чтение прошлых кампаний',
      async () => {
        const r = await previousFromFiles(files);
        setPrevious(r.previous);
        return { intent: r.errors.length ? 'warning' : 'success', text: `Прошлых кампаний для сравнения: ${r.previous.length}.`, notes: r.errors };
      },
      setMsg,
    );
  const run = () =>
    p.act(
      'формирование сводки',
      async () => {
        const source = p.lastMerge ? { merge: p.lastMerge } : { workbook: await host.readOpenWorkbook!() };
        const sheets = summaryPlans(source, settings, previous);
        // Without Excel the summary goes into one file with the consolidation it is computed from.
        const names = new Set(sheets.map((x) => x.name));
        const base = host.mode === 'browser' && p.lastMergePlan ? p.lastMergePlan().sheets.filter((x) => x.kind !== 'settings' && !names.has(x.name)) : [];
        const plan = { sheets: [...base, ...sheets] };
        return outcomeMessage(await host.deliver(plan, settings, `Сводка — ${settings.unit.trim() || 'свод'} — ${campaignTag(settings)}.xlsx`, p.ask));
      },
      setMsg,
    );
  // «Аналитическая справка» as a Word document (issue 15): from the open workbook as it stands, or the last merge.
  const note = () =>
    p.act(
      'справка',
      async () => {
        const { downloadNote } = await import(/* webpackChunkName: "note" */ './services/note');
        const source = host.mode === 'excel' ? { workbook: await host.readOpenWorkbook!() } : { merge: p.lastMerge! };
        const name = await downloadNote(source, settings, previous, campaignTag(settings));
        return { intent: 'success', text: t.noteDocxDone(name), notes: [] };
      },
      setMsg,
    );
  return (
    <Section id="summary" title={t.summaryTitle} hint={host.mode === 'excel' ? t.summaryHintExcel : t.summaryHintBrowser} headingRef={p.headingRef}>
      <div className={st.row}>
        <FilePicker label="Файлы прошлых кампаний…" multiple disabled={p.busy} onFiles={pickPrevious} testId="previous-files" />
        <Button appearance="primary" disabled={p.busy || !canRun} onClick={run}>
          {t.summaryRun}
        </Button>
        <Button disabled={p.busy || !canRun} onClick={note} data-testid="note-docx">
          {t.noteDocx}
        </Button>
      </div>
      {!canRun && <Caption1>Сначала сведите отчёты в разделе «Свод».</Caption1>}
      <Outcome m={msg} />
    </Section>
  );
}
