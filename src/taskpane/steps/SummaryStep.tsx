/**
 * «Сводка»: in Excel, «Показатели» and «Аналитическая справка» recomputed from the workbook's «Свод по ОО» after
 * the coordinator corrected numbers there, with earlier campaigns for the dynamics; without Excel, the last merge
 * again with earlier campaigns (a different file, never the same one twice). The figures are shown on screen.
 */
import { useState } from 'react';
import { Button, Caption1 } from '@fluentui/react-components';
import type { CampaignFigures } from '../../domain/indicators';
import { summaryPlans } from '../services/flows';
import { screenFiguresOfWorkbook, type ScreenFigures } from '../services/screenFigures';
import { Figures } from '../results/Figures';
import { campaignTag, FilePicker, Outcome, Section, useStyles, type Message } from '../ui';
import { outcomeMessage } from './outcome';
import { mergeFileName } from './MergeStep';
import { RunBar, type StepProps } from './common';
import { downloadBytes, safeFileName } from '../services/download';

export function SummaryStep(p: StepProps & { merged?: ScreenFigures; onFigures: (f: ScreenFigures) => void }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const excel = host.mode === 'excel';
  const [msg, setMsg] = useState<Message>();
  const [previous, setPrevious] = useState<CampaignFigures[]>([]);
  const [figures, setFigures] = useState<ScreenFigures>();
  const shown = figures ?? p.merged;
  const pickPrevious = (files: File[]) =>
    p.act(
      t.summaryPrevious,
      async () => {
        const r = await p.season().previous(files);
        setPrevious(r.previous);
        return { intent: r.errors.length ? 'warning' : 'success', text: t.summaryPreviousCount(r.previous.length), notes: r.errors };
      },
      setMsg,
    );
  const refreshExcel = () =>
    p.act(
      t.summaryRefresh,
      async () => {
        const wb = await host.readOpenWorkbook!();
        const sheets = summaryPlans({ workbook: wb }, settings, previous);
        const f = screenFiguresOfWorkbook(wb, settings);
        const o = await host.deliver({ sheets }, settings, '', p.ask);
        setFigures(f);
        p.onFigures(f);
        return outcomeMessage(o);
      },
      setMsg,
    );
  const withPrevious = () =>
    p.act(
      t.summaryWithPrevious,
      async () => {
        const r = await p.season().withPrevious(previous, 'bytes');
        if (!r?.bytes || !host.deliverFile) return { intent: 'info', text: t.summaryNeedMerge };
        setFigures(r.view.figures);
        const name = mergeFileName(settings.unit, campaignTag(settings)).replace(/\.xlsx$/, ` — ${t.withDynamics}.xlsx`);
        await host.deliverFile(r.bytes, name);
        return { intent: 'success', text: t.fileDownloaded(safeFileName(name)) };
      },
      setMsg,
    );
  // «Аналитическая справка» as a Word document: in Excel from the open workbook as it stands, else from the merge.
  const note = () =>
    p.act(
      t.noteDocx,
      async () => {
        const svc = await import(/* webpackChunkName: "note" */ '../services/note');
        const tag = campaignTag(settings);
        if (excel) return { intent: 'success', text: t.noteDocxDone(await svc.downloadNote({ workbook: await host.readOpenWorkbook!() }, settings, previous, tag)) };
        const r = await p.season().note(previous);
        if (!r) return { intent: 'info', text: t.summaryNeedMerge };
        const name = svc.noteFileName(settings, tag);
        downloadBytes(r.bytes, name, svc.DOCX_MIME);
        return { intent: 'success', text: t.noteDocxDone(name) };
      },
      setMsg,
    );
  return (
    <Section id="summary" title={t.summaryTitle} hint={excel ? t.summaryHintExcel2 : t.summaryHintBrowser2} headingRef={p.headingRef}>
      <div className={st.row}>
        <FilePicker label={t.summaryPrevious} multiple disabled={p.busy} onFiles={pickPrevious} testId="previous-files" />
        {excel ? (
          <Button appearance="primary" disabledFocusable={p.busy} onClick={refreshExcel}>
            {t.summaryRefresh}
          </Button>
        ) : (
          <Button appearance="primary" disabledFocusable={p.busy || !p.merged || previous.length === 0} onClick={withPrevious}>
            {t.summaryWithPrevious}
          </Button>
        )}
        {host.downloads && (
          <Button disabledFocusable={p.busy || (!excel && !p.merged)} onClick={note} data-testid="note-docx">
            {t.noteDocx}
          </Button>
        )}
        {!host.downloads && host.openInBrowser && (
          <Button onClick={() => (host.openInBrowser!('merge'), setMsg({ intent: 'info', text: t.openedInBrowser }))}>{t.openInBrowser}</Button>
        )}
      </div>
      {/* Excel on Mac or iPad: a .docx saved from the pane never arrives (services/host.ts); say what works. */}
      {!host.downloads && <Caption1>{t.noteNoDownloadHere}</Caption1>}
      <RunBar t={t} running={p.running} />
      {!excel && !p.merged && <Caption1>{t.summaryNeedMerge}</Caption1>}
      <Outcome m={msg} />
      {shown && <Figures t={t} f={shown} />}
    </Section>
  );
}
