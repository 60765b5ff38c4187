import { defaultSettings } from '../../domain/settings';
import { settingsIssues } from './settingsRules';
import { STRINGS } from '../strings';

const today = new Date(Date.UTC(2026, 11, 1));
const t = STRINGS.ru;

test('the order’s own dates are accepted; only the organisation is asked for before stamping or merging', () => {
  const s = defaultSettings('autumn', 2023);
  expect(settingsIssues(s, { today })).toEqual([]);
  expect(settingsIssues(s, { needsUnit: true, today }).map((i) => t.settingsIssue(i))).toEqual([
    'Впишите муниципальное образование или организацию: её название войдёт в формы и свод.',
  ]);
});

test('a year out of range names the years allowed', () => {
  const s = { ...defaultSettings('autumn', 2023), year: 20233 };
  expect(settingsIssues(s, { today }).map((i) => t.settingsIssue(i))).toEqual(['Год — от 2021 до 2027.']);
});

test('deadlines out of the campaign’s order name the date they may not precede', () => {
  const s = { ...defaultSettings('autumn', 2023), schoolReportsDue: '2023-10-01' };
  expect(settingsIssues(s, { today }).map((i) => t.settingsIssue(i))).toEqual(['Срок отчётов школ — не раньше окончания кампании (15.10.2023).']);
  const late = { ...defaultSettings('autumn', 2023), windowFrom: '2023-12-01' };
  expect(settingsIssues(late, { today }).map((i) => i.field)).toEqual(['windowTo', 'planDue']);
});

test('every message has its English twin', () => {
  const s = { ...defaultSettings('autumn', 2023), year: 1999, windowTo: '2023-01-01' };
  for (const i of settingsIssues(s, { needsUnit: true, today })) expect(STRINGS.en.settingsIssue(i)).not.toMatch(/[а-яё]/i);
});
