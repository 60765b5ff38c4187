/**
 * Ribbon commands that need no pane: stamp the plan or the report form into the open workbook in one click.
 * Settings come from the workbook's settings sheet (or the order's calendar for the current season). A sheet that
 * already exists and is the user's, or holds typed data, is left alone: the command says so and sends the user to
 * the pane, which asks what to do. The outcome is shown in a small dialog (Office has no toast for Excel).
 */
import { applySheetPlans } from '../excel/applySheetPlans';
import { readWorkbookGrids } from '../excel/readWorkbookGrids';
import { detectSupport, type ExcelRun } from '../excel/support';
import { excelErrorMessage } from '../excel/errors';
import { stampAppendix2 } from '../domain/forms/stampAppendix2';
import { stampAppendix3 } from '../domain/forms/stampAppendix3';
import { readSettingsSheet, settingsSheet } from '../domain/settingsSheet';
import { defaultSettings, seasonFor } from '../domain/settings';
import { SHEET } from '../domain/sheetNames';

export type FormKind = 'plan' | 'report';

/** Stamps one form; returns the Russian message to show. Exported for tests (run and support injected). */
export async function stampForm(form: FormKind, run: ExcelRun, isSetSupported: (n: string, v: string) => boolean, today = new Date()): Promise<string> {
  const support = detectSupport(isSetSupported);
  const wb = await readWorkbookGrids({ run, support, file: 'книга', only: (n) => n === SHEET.settings });
  const saved = wb.sheets[0] ? readSettingsSheet(wb.sheets[0].cells) : undefined;
  const now = seasonFor(today);
  const settings = saved?.settings ?? defaultSettings(now.season, now.year);
  const plan = form === 'plan' ? stampAppendix2(settings) : stampAppendix3(settings);
  const r = await applySheetPlans([plan], {
    run,
    support,
    owned: saved?.owned ?? [],
    settingsPlan: (owned) => {
      const p = settingsSheet(settings, owned);
      p.hidden = true;
      return p;
    },
  });
  if (r.skipped.length)
    return `Лист «${plan.name}» уже есть в книге и содержит данные (или создан не надстройкой), поэтому он не изменён. Откройте панель «Профкампания» → «Формы»: там можно создать бланк рядом или заменить лист.`;
  const defaults = saved ? '' : ' Сроки взяты по распоряжению для текущего сезона: проверьте их в панели «Профкампания» → «Настройки кампании».';
  return `Бланк «${plan.name}» добавлен в книгу.${defaults}${r.notes.length ? ' ' + r.notes.join(' ') : ''}`;
}

/** A short dialog with the message (closes itself; the user can close it at once). */
function notify(message: string, done: () => void): void {
  const url = new URL('commands.html', location.href);
  url.searchParams.set('notice', message);
  try {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return done();
      const dialog = res.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
      setTimeout(() => {
        try {
          dialog.close();
        } catch {
          /* already closed by the user */
        }
      }, 8000);
      done();
    });
  } catch {
    done(); // no dialog API: the sheet itself shows the result
  }
}

function command(form: FormKind) {
  return (event: Office.AddinCommands.Event) => {
    const run: ExcelRun = (batch) => Excel.run(batch);
    stampForm(form, run, (n, v) => Office.context.requirements.isSetSupported(n, v))
      .catch((e) => excelErrorMessage(e, form === 'plan' ? 'запись бланка плана' : 'запись бланка отчёта'))
      .then((msg) => notify(msg, () => event.completed()));
  };
}

/** In the dialog: show the notice passed in the URL, with a close button. */
function showNotice(text: string): void {
  document.documentElement.lang = 'ru';
  document.body.style.font = '14px "Segoe UI", Arial, sans-serif';
  document.body.style.padding = '12px';
  const p = document.createElement('p');
  p.setAttribute('role', 'status');
  p.textContent = text;
  const b = document.createElement('button');
  b.textContent = 'Закрыть';
  b.onclick = () => Office.context.ui.messageParent('close');
  document.body.append(p, b);
  b.focus();
}

if (typeof Office !== 'undefined')
  Office.onReady(() => {
    const notice = new URLSearchParams(location.search).get('notice');
    if (notice) return showNotice(notice);
    Office.actions.associate('stampPlan', command('plan'));
    Office.actions.associate('stampReport', command('report'));
  });

// Older Excel (2016/2019 without Office.actions) calls the manifest's FunctionName as a global function.
Object.assign(globalThis, { stampPlan: command('plan'), stampReport: command('report') });
