/**
 * The commands' dialog against a double of Office's dialog API: the command completes (its runtime ends) only when
 * the dialog has closed — never as soon as it opens, or «Закрыть» and the auto-close would stop working.
 */
import { notify, type DialogUi } from './notify';

type Handler = (arg: unknown) => void;

/** Office.context.ui as documented: the dialog's handlers live only while the command's runtime lives. */
class DialogDouble implements DialogUi {
  opened: string[] = [];
  handlers = new Map<string, Handler>();
  closed = 0;
  /** Set by the test: the runtime ended (event.completed was called). */
  runtimeEnded = false;
  constructor(private status: 'succeeded' | 'failed' = 'succeeded') {}
  displayDialogAsync(url: string, _o: Office.DialogOptions, cb: (r: Office.AsyncResult<Office.Dialog>) => void) {
    this.opened.push(url);
    const dialog = {
      addEventHandler: (type: string, h: Handler) => this.handlers.set(type, h),
      close: () => {
        if (this.runtimeEnded) throw new Error('the runtime has ended: nothing can close the dialog');
        this.closed++;
      },
    } as unknown as Office.Dialog;
    cb({ status: this.status, value: dialog } as unknown as Office.AsyncResult<Office.Dialog>);
  }
  /** What Office does when the dialog sends a message or the user closes it: calls the handler, if still alive. */
  fire(type: string, arg: unknown) {
    if (this.runtimeEnded) return false;
    this.handlers.get(type)?.(arg);
    return true;
  }
}

beforeAll(() => {
  Object.assign(globalThis, {
    Office: {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    },
  });
});
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const base = 'https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$ru-RU$$$$0';

test('the command stays alive while the notice is open, and «Закрыть» closes it and then completes', () => {
  const ui = new DialogDouble();
  const done = jest.fn(() => (ui.runtimeEnded = true));
  notify(ui, 'Бланк «Прил. 3 Отчёт» добавлен в книгу.', base, done);
  expect(new URL(ui.opened[0]).searchParams.get('notice')).toBe('Бланк «Прил. 3 Отчёт» добавлен в книгу.');
  expect(new URL(ui.opened[0]).pathname).toBe('/commands.html');
  expect(done).not.toHaveBeenCalled();
  expect(ui.fire('dialogMessageReceived', { message: 'close' })).toBe(true);
  expect(ui.closed).toBe(1);
  expect(done).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(60_000);
  expect(done).toHaveBeenCalledTimes(1);
});

test('the notice closes itself after a while, then the command completes', () => {
  const ui = new DialogDouble();
  const done = jest.fn(() => (ui.runtimeEnded = true));
  notify(ui, 'Готово.', base, done, 20_000);
  jest.advanceTimersByTime(19_999);
  expect(done).not.toHaveBeenCalled();
  jest.advanceTimersByTime(1);
  expect(ui.closed).toBe(1);
  expect(done).toHaveBeenCalledTimes(1);
});

test('the user closing the dialog with X (12006) completes the command, once', () => {
  const ui = new DialogDouble();
  const done = jest.fn(() => (ui.runtimeEnded = true));
  notify(ui, 'Готово.', base, done);
  ui.fire('dialogEventReceived', { error: 12006 });
  expect(done).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(60_000);
  expect(done).toHaveBeenCalledTimes(1);
  expect(ui.closed).toBe(0);
});

test('no dialog (refused, or no dialog API): the command completes at once', () => {
  const failed = new DialogDouble('failed');
  const done = jest.fn();
  notify(failed, 'Готово.', base, done);
  expect(done).toHaveBeenCalledTimes(1);
  const none = jest.fn();
  notify(undefined, 'Готово.', base, none);
  expect(none).toHaveBeenCalledTimes(1);
  const throwing = jest.fn();
  notify({ displayDialogAsync: () => { throw new Error('API not supported'); } }, 'Готово.', base, throwing);
  expect(throwing).toHaveBeenCalledTimes(1);
});
