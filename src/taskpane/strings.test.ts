import { pickLang, STRINGS, type Strings } from './strings';
import type { OrgRow } from './services/organisations';

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
    supersededFiles: [['y.xlsx']],
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
  expect(t.mergeDone(64, 2, 1)).toBe('В своде 64\u00a0организации. Прислали, но отклонены: 2. Не прислали: 1.');
  expect(t.orgStatus('withErrors', 5)).toBe('в своде с ошибками (5)');
  for (const v of Object.values(t)) if (typeof v === 'string') expect(v).not.toMatch(/ошиб\.|предупр\.|шт\./);
});
