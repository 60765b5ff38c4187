import { pickLang, STRINGS } from './strings';

test('the pane speaks Russian unless Office’s display language is English', () => {
  expect(pickLang('ru-RU')).toBe('ru');
  expect(pickLang(undefined)).toBe('ru');
  expect(pickLang('de-DE')).toBe('ru');
  expect(pickLang('en-US')).toBe('en');
  expect(pickLang('ru-RU', '?lang=en')).toBe('en');
  // Every English string is filled in (no Russian left behind in the English table except sheet names in «»).
  for (const [k, v] of Object.entries(STRINGS.en)) {
    const text = typeof v === 'function' ? (v as (...a: string[]) => string)('X', 'Y') : v;
    expect([k, text.replace(/«[^»]*»/g, '')]).not.toEqual([k, expect.stringMatching(/[а-яё]{3,}/i)]);
  }
});
