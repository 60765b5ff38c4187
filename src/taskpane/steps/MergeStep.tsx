/**
 * «Свод»: the picked files (the same as «Проверка»'s, read once) merged in the season worker; the consolidated
 * workbook goes into the open workbook or is downloaded; the pane shows every organisation's fate and the figures.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Caption1, Checkbox, Field } from '@fluentui/react-components';
import { expectedUnitsFromText } from '../../domain/consolidate/expectedUnits';
import { readEarlierRegister } from '../../domain/consolidate/registerSheet';
import { SHEET } from '../../domain/sheetNames';
import type { MergeView } from '../services/seasonEngine';
import { receiveOwnSheets } from '../services/ownSheets';
import { safeFileName } from '../services/download';
import { OrgTable } from '../results/OrgTable';
import { Figures } from '../results/Figures';
import { campaignTag, Outcome, Section, useStyles, type Message } from '../ui';
import { FilesBox } from './FilesBox';
import { UnitsListField } from './UnitsListField';
import { RunBar, type PickedFiles, type StepProps } from './common';

export const mergeFileName = (unit: string, tag: string) => `Свод — ${unit.trim()} — ${tag}.xlsx`;

export function MergeStep(p: StepProps & PickedFiles & { expected: string; onExpected: (text: string) => void; view?: MergeView; onMerged: (v: MergeView) => void }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const [msg, setMsg] = useState<Message>();
  const [withErrors, setWithErrors] = useState(false);
  // «Свести листы этой книги» (Excel): the open workbook's own sheets merge with the picked files.
  const [ownSheets, setOwnSheets] = useState(false);
  const canOwn = !!host.readUserSheets;
  const own = canOwn && ownSheets;
  // Counted as typed (the box hands the list to the pane when typing pauses).
  const [draft, setDraft] = useState(p.expected);
  const expectedCount = useMemo(() => expectedUnitsFromText(draft).length, [draft]);
  // The organisations' table is drawn a render after the message and the figures, in a task of its own: drawn
  // together, the end of a merge of 5,000 files was one task of ~110 ms on the page's thread (bench:pane).
  const tableView = useDeferredValue(p.view);
  const run = () =>
    p.act(
      t.doingMerge,
      async (report, signal) => {
        // In Excel, an earlier merge's register keeps each file's first date received.
        const earlier = host.readOpenWorkbook ? readEarlierRegister(await host.readOpenWorkbook((n) => n === SHEET.register)) ?? undefined : undefined;
        const ownFile = own ? await receiveOwnSheets(host, settings) : undefined;
        const excel = host.mode === 'excel';
        const fileName = mergeFileName(settings.unit, campaignTag(settings));
        const r = await p.season().merge(
          p.files,
          { settings, expectedUnits: expectedUnitsFromText(p.expected), mergeWithErrors: withErrors, earlierRegister: earlier, own: ownFile ? [ownFile] : [] },
          excel ? 'plan' : 'bytes',
          { signal, onProgress: (x) => report(t.progressFile(t.doingMerge, x.done, x.total, x.file), x.done / x.total) },
        );
        const o = r.bytes && host.deliverFile ? { ...(await host.deliverFile(r.bytes, fileName)), message: t.fileDownloaded(safeFileName(fileName)) } : await host.deliver(r.plan!, settings, fileName, p.ask);
        p.onMerged(r.view);
        const v = r.view;
        const text = `${t.mergeDone(v.merged, v.refused, v.missing, v.receipt)}${v.unconfirmed ? ` ${t.datesUnconfirmed(v.unconfirmed, excel)}` : ''} ${o.message}`;
        const attention = v.refused || v.missing || v.unconfirmed || v.receipt.refused || o.notes.length;
        return { intent: attention ? 'warning' : 'success', text, notes: o.notes };
      },
      setMsg,
      { needsUnit: true, cancellable: true },
    );
  return (
    <Section id="merge" title={t.mergeTitle} hint={t.mergeHint} headingRef={p.headingRef}>
      <FilesBox t={t} busy={p.busy} testId="merge-files" files={p.files} onFiles={p.onFiles} />
      <UnitsListField label={t.expectedUnits} hint={expectedCount ? t.expectedCount(expectedCount) : undefined} value={p.expected} onChange={p.onExpected} onDraft={setDraft} rows={3} />
      {canOwn && (
        <Field hint={t.mergeOwnSheetsHint}>
          <Checkbox checked={ownSheets} onChange={(_, d) => setOwnSheets(!!d.checked)} label={t.mergeOwnSheets} data-testid="merge-own-sheets" />
        </Field>
      )}
      <Checkbox checked={withErrors} onChange={(_, d) => setWithErrors(!!d.checked)} label={t.mergeWithErrors} />
      <div className={st.row}>
        <Button appearance="primary" disabledFocusable={p.busy || (p.files.length === 0 && !own)} onClick={run}>
          {t.mergeRun}
        </Button>
      </div>
      <RunBar t={t} running={p.running} />
      {p.files.length === 0 && !own && !p.running && <Caption1>{t.mergeNeedFiles}</Caption1>}
      <Outcome m={msg} />
      {p.view && <Figures t={t} f={p.view.figures} />}
      {p.view && tableView && <OrgTable t={t} rows={tableView.rows} label={t.resultsMerge} />}
    </Section>
  );
}
