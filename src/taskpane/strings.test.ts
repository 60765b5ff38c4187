import { pickLang, STRINGS, type Strings } from './strings';
import type { OrgRow } from './services/organisations';
import type { ReceiptCounts } from '../domain/consolidate/organisations';

/** A merge's register lines: 64 merged, one superseded, five refused (one a duplicate sheet), two not reports. */
const RECEIPT: ReceiptCounts = { files: 70, reports: 70, merged: 64, superseded: 1, refused: 5, setAside: 1, notReports: 2 };

test('the pane speaks Russian unless Office’s display language is English', () => {
  expect(pickLang('ru-RU')).toBe('ru');
  expect(pickLang(undefined)).toBe('ru');
  expect(pickLang('de-DE')).toBe('ru');
  expect(pickLang('en-US')).toBe('en');
  expect(pickLang('ru-RU', '?lang=en')).toBe('en');
  // Every English string is filled in (no Russian left behind in the English table except sheet names in «»).
  const row: OrgRow = { id: '1', unit: 'X', status: 'refused', errors: 2, warnings: 1, file: 'x.xlsx', received: '2023-10-20T10:00:00', supersededFiles: ['y.xlsx'], otherFiles: [], problems: [] };
  const samples: Partial<Record<keyof Strings, unknown[]>> = {
    orgMeta: [row],
    orgStatus: ['withErrors', 3],
    settingsIssue: [{ field: 'windowTo', kind: 'notBefore', other: 'windowFrom', otherDate: '2023-09-13' }],
    figReports: [{ onTime: 1, late: 2, refused: 3, missing: 4, received: 0 }],
    mergeDone: [2, 3, 4, RECEIPT],
    receiptLine: [RECEIPT],
    supersededFiles: [['y.xlsx']],
    fileDownloadedSheets: ['x.xlsx', ['Лист1', 'Лист2']],
    sheetsWritten: [['Лист1']],
    sheetsSkipped: [['Лист1', 'Лист2']],
    blanksZipped: ['b.zip', ['a.xlsx', 'b.xlsx']],
    blanksOpened: [['a.xlsx']],
    blanksOpenedSome: [1, 3, 'Excel did not answer.'],
    blanksCancelled: [2, 5, 'opened'],
    partnerCategory: ['community', 'Родительская общественность'],
    figuresTitle: ['осенняя кампания 2023 г.', { season: 'autumn', year: 2023 }],
  };
  for (const [k, v] of Object.entries(STRINGS.en)) {
    const args = samples[k as keyof Strings] ?? [2, 3, 4, 'X'];
    const text = typeof v === 'function' ? (v as (...a: unknown[]) => string)(...args) : typeof v === 'string' ? v : Object.values(v).join(' ');
    expect([k, text.replace(/«[^»]*»/g, '')]).not.toEqual([k, expect.stringMatching(/[а-яё]{3,}|не число|NaN/i)]);
  }
});

test('Russian counts agree with their numbers, with no abbreviations', () => {
  const t = STRINGS.ru;
  expect(t.checkDone(5, 2, 1)).toBe('Проверено: 5\u00a0файлов. С ошибками: 2\u00a0файла; не прочитано: 1\u00a0файл.');
  expect(t.checkDone(21, 0, 0)).toBe('Проверено: 21\u00a0файл. Ошибок не найдено.');
  expect(t.mergeDone(64, 2, 1, RECEIPT)).toBe(
    'В своде 64\u00a0организации. По «Реестру отчётов»: в своде 64, заменены более поздними 1, отклонены 5 (из них повторные или скрытые листы: 1), не отчёты 2.' +
      ' Прислали, но всё отклонено: 2. Не прислали: 1.',
  );
  // Attachments saved after the deadline: neither on time nor late on the card either.
  expect(t.figReports({ onTime: 0, late: 0, received: 66, refused: 0, missing: 0 })).toBe('в срок 0, с опозданием 0, срок не подтверждён 66, не прислали 0');
  expect(t.receiptLine({ ...RECEIPT, superseded: 0, refused: 0, setAside: 0, notReports: 0 })).toBe('По «Реестру отчётов»: в своде 64.');
  expect(t.orgStatus('withErrors', 5)).toBe('в своде с ошибками (5)');
  // Attachments saved after the deadline: not late, and what to do, in Excel and in a browser alike.
  expect(t.orgStatus('unconfirmed', 0)).toBe('срок не подтверждён');
  expect(t.datesUnconfirmed(66, true)).toContain('впишите даты получения в столбец «Получен» листа «Реестр отчётов» и сведите ещё раз');
  expect(t.datesUnconfirmed(66, false)).toContain('сведите сами письма (.eml, .msg)');
  expect(STRINGS.en.orgStatus('unconfirmed', 0)).toBe('receipt date not confirmed');
  for (const v of Object.values(t)) if (typeof v === 'string') expect(v).not.toMatch(/ошиб\.|предупр\.|шт\./);
});

test('in English mode the pane’s own messages about files and blanks are English, with their plurals', async () => {
  const { browserHost } = await import('./services/browserHost');
  const store = new Map<string, string>();
  const storage = { setItem: (k: string, v: string) => void store.set(k, v) } as unknown as Storage;
  expect((await browserHost(storage, STRINGS.en).saveSettings({} as never)).message).toBe('Settings saved in this browser.');
  expect(STRINGS.en.fileDownloadedSheets('Свод.xlsx', ['Свод по ОО', 'Реестр отчётов'])).toBe('The file «Свод.xlsx» is downloaded (sheets «Свод по ОО», «Реестр отчётов»).');
  expect(STRINGS.ru.fileDownloadedSheets('Свод.xlsx', ['Свод по ОО'])).toBe('Файл «Свод.xlsx» скачан (лист «Свод по ОО»).');
  expect(STRINGS.en.blanksZipped('b.zip', ['a.xlsx'])).toBe('The archive «b.zip» is downloaded: 1 blank («a.xlsx»). Send each organisation its file.');
  expect(STRINGS.en.blanksCancelled(2, 5, 'ready')).toBe('Blanks stopped: 2 of 5 blanks ready. Press the button again to make them all.');
  expect(STRINGS.ru.blanksCancelled(2, 5, 'ready')).toBe('Создание бланков остановлено: бланков готово 2 из 5. Нажмите кнопку снова, чтобы создать все.');
});
