/**
 * The ribbon commands' message dialog. A function command's runtime ends when the function calls
 * `event.completed()` ("The runtime closes when either the function completes or 5 minutes have passed",
 * learn.microsoft.com/office/dev/add-ins/design/add-in-commands), and with it the dialog's handlers: so the
 * command completes only once the dialog is gone — the user's «Закрыть» (a message from the dialog, then
 * `dialog.close()`), the dialog's own X (DialogEventReceived, e.g. 12006 "The dialog box was closed",
 * learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events), or our auto-close — or at
 * once if no dialog could be opened.
 */

/** What of Office.context.ui the notice needs (the real one, or a double in tests). */
export interface DialogUi {
  displayDialogAsync(url: string, options: Office.DialogOptions, callback: (r: Office.AsyncResult<Office.Dialog>) => void): void;
}

/** How long the notice stays before it closes itself; well inside the 5-minute limit of a function command. */
export const NOTICE_MS = 20_000;

/** The dialog page showing `message` (commands.html?notice=…), resolved against the commands page. */
export function noticeUrl(message: string, base: string): string {
  const url = new URL('commands.html', base);
  url.searchParams.set('notice', message);
  return url.toString();
}

/**
 * Shows `message` in a small dialog and calls `done` exactly once, when the dialog has closed (or could not open).
 * `closeAfterMs` closes it automatically.
 */
export function notify(ui: DialogUi | undefined, message: string, base: string, done: () => void, closeAfterMs = NOTICE_MS): void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  if (!ui) return finish(); // no dialog API: the sheet itself shows the result
  try {
    ui.displayDialogAsync(noticeUrl(message, base), { height: 30, width: 35, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return finish();
      const dialog = res.value;
      const close = () => {
        clearTimeout(timer);
        try {
          dialog.close();
        } catch {
          /* already closed */
        }
        finish();
      };
      // «Закрыть» in the dialog sends a message; Office asks the parent to close the dialog itself.
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      // The user closed it with X (12006), or the page failed (12002/12003): the dialog is gone.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
        clearTimeout(timer);
        finish();
      });
      const timer = setTimeout(close, closeAfterMs);
    });
  } catch {
    finish();
  }
}
