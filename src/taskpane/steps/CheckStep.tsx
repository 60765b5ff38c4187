/**
 * «Проверка»: the open workbook (in Excel, problems marked on the cells) or the picked files (read off the page's
 * thread by the season worker, kept for «Свод»). The result is a table of organisations, problems first.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { readForms } from '../../domain/read';
import { checkWorkbook } from '../../domain/rules';
import { sortProblems } from '../services/flows';
import { organisationsOfCheck, type OrgRow } from '../services/organisations';
import { OrgTable } from '../results/OrgTable';
import { Outcome, Section, useStyles, type Message } from '../ui';
import { FilesBox } from './FilesBox';
import { RunBar, type PickedFiles, type StepProps } from './common';

export function CheckStep(p: StepProps & PickedFiles & { autoRun?: boolean }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const [msg, setMsg] = useState<Message>();
  const [rows, setRows] = useState<OrgRow[]>();
  const [openBook, setOpenBook] = useState(false);
  const checkOpen = () =>
    p.act(
      t.checkWorkbook,
      async () => {
        const wb = await host.readOpenWorkbook!();
        const read = readForms(wb, { year: settings.year });
        const problems = sortProblems(checkWorkbook(read, settings));
        const marked = await host.mark!(problems);
        setRows(organisationsOfCheck([{ file: wb.file, received: '', read, problems }]));
        setOpenBook(true);
        const errors = problems.filter((x) => x.severity === 'error').length;
        return {
          intent: errors ? 'warning' : 'success',
          text: t.workbookChecked(wb.file, errors, problems.length - errors) + (marked ? t.marked(marked, t.clearMarks) : ''),
        };
      },
      setMsg,
    );
  const checkPicked = (files: File[]) =>
    p.act(
      t.doingCheck,
      async (report, signal) => {
        const view = await p.season().check(files, settings, {
          signal,
          onProgress: (x) => report(t.progressFile(t.doingCheck, x.done, x.total, x.file), x.done / x.total),
        });
        // Drawn with the end of the run, as a transition, in slices (App.tsx, act).
        startTransition(() => {
          setRows(view.rows);
          setOpenBook(false);
        });
        return { intent: view.withErrors + view.unreadable ? 'warning' : 'success', text: t.checkDone(view.files, view.withErrors, view.unreadable) };
      },
      setMsg,
      { cancellable: true },
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
      {host.mode === 'excel' && (
        <div className={st.row}>
          <Button appearance="primary" disabledFocusable={p.busy} onClick={checkOpen}>
            {t.checkWorkbook}
          </Button>
          <Button disabledFocusable={p.busy} onClick={() => p.act(t.clearMarks, async () => ({ intent: 'success', text: t.marksCleared(await host.clearMarks!()) }), setMsg)}>
            {t.clearMarks}
          </Button>
        </div>
      )}
      <FilesBox
        t={t}
        busy={p.busy}
        testId="check-files"
        files={p.files}
        onFiles={(files) => {
          p.onFiles(files);
          void checkPicked(files);
        }}
      />
      {p.files.length > 0 && (
        <div className={st.row}>
          <Button appearance={host.mode === 'excel' ? 'secondary' : 'primary'} disabledFocusable={p.busy} onClick={() => checkPicked(p.files)}>
            {t.checkRun}
          </Button>
        </div>
      )}
      <RunBar t={t} running={p.running} />
      <Outcome m={msg} />
      {rows && (
        <OrgTable
          t={t}
          rows={rows}
          label={t.resultsCheck}
          onShow={openBook && host.showCell ? (x) => p.act(t.showCell, async () => (await host.showCell!(x.sheet, x.cell), undefined), setMsg) : undefined}
        />
      )}
    </Section>
  );
}
