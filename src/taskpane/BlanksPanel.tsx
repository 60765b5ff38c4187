/**
 * «Бланки для каждой организации» (part of «Формы»): the coordinator's list of units, the forms to include, and one
 * personalised blank per unit — opened as new workbooks in Excel, or downloaded as one .zip in a browser.
 */
import { useId, useMemo, useState } from 'react';
import { Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { BlankForm } from '../domain/blanks/blank';
import { blankFilesFor } from '../domain/blanks/fileName';
import { expectedUnitsFromText } from '../domain/consolidate/expectedUnits';
import type { CampaignSettings } from '../domain/settings';
import type { PaneHost } from './services/host';
import { downloadBytes, safeFileName } from './services/download';
import { campaignTag, FilePicker, Outcome, useStyles, type Message } from './ui';
import type { Act } from './steps/common';
import { UnitsListField } from './steps/UnitsListField';
import type { Strings } from './strings';

/** The blank builder (the forms, the writer, jszip) loads when first asked for: the first screen stays small. */
const service = () => import(/* webpackChunkName: "blanks" */ './services/blanks');
/** In tab order, as blank.ts's BLANK_FORMS (not imported: it would bring the forms into the first screen). */
const BLANK_FORMS: BlankForm[] = ['report', 'plan', 'monitoring'];

const useOwn = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', paddingTop: '8px' },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '8px 0 0' },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '0' },
  legend: { padding: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginBottom: '2px' },
});

const FORM_LABEL: Record<BlankForm, keyof Strings> = { report: 'blankFormReport', plan: 'blankFormPlan', monitoring: 'blankFormMonitoring' };
/** Past this many, opening every blank as its own Excel window is a lot: the pane suggests the .zip. */
const MANY_WORKBOOKS = 10;

export function BlanksPanel(p: {
  t: Strings;
  host: PaneHost;
  settings: CampaignSettings;
  busy: boolean;
  act: Act;
  /** The list of expected units as typed (shared with «Свод»). */
  units: string;
  onUnits: (text: string) => void;
}) {
  const { t, host, settings } = p;
  const st = useStyles();
  const own = useOwn();
  const headingId = useId();
  const [forms, setForms] = useState<BlankForm[]>(['report']);
  const [msg, setMsg] = useState<Message>();
  const [cancel, setCancel] = useState<AbortController>();
  const [shown, setShown] = useState('');
  // As typed (the box hands the list to the pane when typing pauses): the count and the buttons follow the typing.
  const [draft, setDraft] = useState(p.units);
  const units = useMemo(() => blankFilesFor(expectedUnitsFromText(draft)).map((b) => b.unit), [draft]);
  const excel = host.mode === 'excel';
  const canOpen = excel && !!host.openNewWorkbook;
  // Excel on Mac or iPad: a .zip saved from the pane never arrives (host.ts), so none is offered.
  const canZip = host.downloads;
  const ready = units.length > 0 && forms.length > 0;
  const opts = { settings, forms };

  const pickList = (files: File[]) =>
    p.act(
      t.blanksListRead,
      async () => {
        const list = await (await service()).unitsFromFile(files[0], t);
        p.onUnits(list.join('\n'));
        return { intent: 'success', text: t.blanksListTaken(files[0].name, list.length) };
      },
      setMsg,
    );

  /** Runs over the blanks with a cancel button; a cancel is a warning, not an error. */
  const withCancel = async (fn: (signal: AbortSignal, svc: Awaited<ReturnType<typeof service>>) => Promise<Message>): Promise<Message> => {
    const abort = new AbortController();
    setCancel(abort);
    let svc: Awaited<ReturnType<typeof service>> | undefined;
    try {
      svc = await service();
      return await fn(abort.signal, svc);
    } catch (e) {
      if (svc && e instanceof svc.BlanksCancelled) return { intent: 'warning', text: t.blanksCancelled(e.done, e.total, e.what) };
      throw e;
    } finally {
      setCancel(undefined);
      setShown('');
    }
  };
  // Read out by the pane's live region; shown here too, beside «Отмена», where the coordinator is looking.
  const progress = (report: (s: string) => void) => (x: { done: number; total: number; unit: string }) => {
    const text = t.blanksProgress(x.done + 1, x.total, x.unit);
    report(text);
    setShown(text);
  };
  const renamed = (files: string[]) =>
    units.some((u, i) => files[i] !== undefined && files[i].replace(/\.xlsx$/, '') !== u)
      ? [t.blanksRenamed]
      : [];

  const download = () =>
    p.act(
      t.blanksZipping,
      (report) =>
        withCancel(async (signal, svc) => {
          const { zip, files } = await svc.zipBlanks(units, opts, { signal, onProgress: progress(report) });
          const name = safeFileName(`Бланки — ${settings.unit.trim() || 'организации'} — ${campaignTag(settings)}.zip`);
          downloadBytes(zip, name, 'application/zip');
          return { intent: 'success', text: t.blanksZipped(name, files), notes: renamed(files) };
        }),
      setMsg,
    );

  const open = () =>
    p.act(
      t.blanksOpening,
      (report) =>
        withCancel(async (signal, svc) => {
          const opened: string[] = [];
          try {
            await svc.eachBlank(units, opts, async (b) => (await host.openNewWorkbook!(b.bytes, b.unit), void opened.push(b.fileName)), { signal, onProgress: progress(report) }, 'opened');
          } catch (e) {
            if (opened.length && !(e instanceof svc.BlanksCancelled)) throw new Error(t.blanksOpenedSome(opened.length, units.length, (e as Error).message));
            throw e;
          }
          return {
            intent: 'success',
            text: t.blanksOpened(opened),
          };
        }),
      setMsg,
    );

  return (
    <div role="group" aria-labelledby={headingId} className={own.panel}>
      <h3 className={own.h3} id={headingId}>
        {t.blanksTitle}
      </h3>
      <Caption1>{excel ? t.blanksHintExcel : t.blanksHintBrowser}</Caption1>
      <UnitsListField label={t.blanksUnits} hint={units.length ? `${t.blanksInList(units.length)} ${t.blanksUnitsShared}` : t.blanksUnitsShared} value={p.units} onChange={p.onUnits} onDraft={setDraft} rows={4} />
      <div className={st.row}>
        <FilePicker label={t.blanksPickList} disabled={p.busy} onFiles={pickList} testId="blank-units-file" accept=".xlsx,.xls,.ods,.csv,.txt" />
      </div>
      <fieldset className={own.group}>
        <legend className={own.legend}>
          {t.blanksForms}
        </legend>
        {BLANK_FORMS.map((f) => (
          <Checkbox
            key={f}
            checked={forms.includes(f)}
            onChange={(_, d) => setForms((was) => BLANK_FORMS.filter((x) => (x === f ? !!d.checked : was.includes(x))))}
            label={t[FORM_LABEL[f]] as string}
          />
        ))}
      </fieldset>
      {excel && !canOpen && canZip && <Caption1>{t.blanksNoNewWorkbook}</Caption1>}
      {!canZip && <Caption1>{canOpen ? t.blanksNoDownloadHere : t.blanksNothingHere}</Caption1>}
      {!ready && <Caption1>{units.length === 0 ? t.blanksNeedUnits : t.blanksNeedForms}</Caption1>}
      {canOpen && units.length > MANY_WORKBOOKS && <Caption1>{t.blanksManyWorkbooks(units.length)}</Caption1>}
      <div className={st.row}>
        {canOpen && (
          <Button appearance="primary" disabled={p.busy || !ready} onClick={open}>
            {t.blanksOpen}
          </Button>
        )}
        {canZip && (
          <Button appearance={canOpen ? 'secondary' : 'primary'} disabled={p.busy || !ready} onClick={download}>
            {t.blanksDownload}
          </Button>
        )}
        {!canZip && host.openInBrowser && (
          <Button appearance={canOpen ? 'secondary' : 'primary'} onClick={() => (host.openInBrowser!('forms'), setMsg({ intent: 'info', text: t.openedInBrowser }))}>
            {t.openInBrowser}
          </Button>
        )}
        {cancel && <Button onClick={() => cancel.abort()}>{t.cancel}</Button>}
      </div>
      {cancel && shown && <Caption1>{shown}</Caption1>}
      <Outcome m={msg} />
    </div>
  );
}
