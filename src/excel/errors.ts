/** Excel's errors (English codes, sometimes a stack) turned into a Russian message that says what to do. */

export class ExcelActionError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'ExcelActionError';
  }
}

const BY_CODE: Record<string, string> = {
  RequestPayloadSizeLimitExceeded: 'Excel отказался принять слишком большой объём данных за один раз. Сообщите разработчикам, какой лист формировался.',
  ResponsePayloadSizeLimitExceeded: 'Лист слишком большой, чтобы прочитать его за один раз. Сократите лишние пустые строки и столбцы или проверьте книгу файлом.',
  AccessDenied: 'Excel запретил изменение: лист или книга защищены. Снимите защиту (Рецензирование → Снять защиту листа) и повторите.',
  ItemAlreadyExists: 'Лист с таким именем уже есть в книге. Переименуйте свой лист и повторите.',
  ItemNotFound: 'Лист не найден: возможно, его переименовали или удалили. Обновите панель и повторите.',
  InvalidOperationInCellEditMode: 'Excel занят редактированием ячейки. Нажмите Enter или Esc в ячейке и повторите.',
  ApiNotFound: 'Эта версия Excel не поддерживает нужную функцию. Обновите Office или воспользуйтесь работой с файлами в браузере.',
};

/** What to tell the user about an error thrown while `doing` (e.g. «записи листа «Прил. 3 Отчёт»»). */
export function excelErrorMessage(e: unknown, doing: string): string {
  if (e instanceof ExcelActionError) return e.message;
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? /^(\w+):/.exec(err?.message ?? '')?.[1];
  const hint = (code && BY_CODE[code]) ?? 'Повторите действие; если ошибка повторится, сохраните книгу, перезапустите Excel и сообщите разработчикам.';
  return `Не удалось выполнить ${doing}. ${hint}`;
}
