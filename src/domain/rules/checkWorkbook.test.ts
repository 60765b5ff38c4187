import { checkWorkbook } from './index';
import { readForms } from '../read';
import { stampAppendix3 } from '../forms/stampAppendix3';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { appendix3Layout } from '../forms/appendix3Layout';
import { appendix2Layout } from '../forms/appendix2Layout';
import { cellRef } from '../a1';
import { defaultSettings } from '../settings';
import type { CellInput } from '../sheetPlan';
import { insertRows, planToGrid, wordLayoutSheet, workbookOf } from '../../../test/support/formGrids';

const settings = defaultSettings('spring', 2024, { unit: 'МАОУ СОШ № 1', level: 'school' });

/** A consistent report: the official example's pupils, partners that add up. */
const CLEAN31: Record<string, CellInput> = {
  unit: 'МАОУ СОШ № 1', schools: 7, schoolsActive: 6, events: 42, students: 599, participants: 438,
  g5: 59, g6: 79, g7: 76, g8: 56, g9: 60, g10: 55, g11: 53, teachers: 33, teachersTotal: 40,
  ovzStudents: 109, ovzParticipants: 83, ovzG5: 11, ovzG6: 20, ovzG7: 17, ovzG8: 11, ovzG9: 22, ovzG10: 1, ovzG11: 1,
  partnersCount: 6, partnersNames: 'ТУСУР, ТГАСУ, НИ ТГУ, ЗАО «Томский подшипник», И.П. Иванов И.И., Сидоров П.И.',
};
const CLEAN32: Record<string, CellInput> = {
  unit: 'МАОУ СОШ № 1', partnersTotal: 6,
  professionalEducationCount: 3, professionalEducationNames: 'ТУСУР, ТГАСУ, НИ ТГУ',
  companiesCount: 1, companiesNames: 'ЗАО «Томский подшипник»',
  businessCount: 1, businessNames: 'И.П. Иванов И.И.',
  communityCount: 1, communityNames: 'успешный выпускник - Сидоров П.И.',
};

const L = appendix3Layout(settings, { fill: { participation: [CLEAN31], partners: [CLEAN32] } });
const at31 = (key: string) => cellRef(L.participation.firstDataRow, L.participation.columns[key]);
const at32 = (key: string) => cellRef(L.partners.firstDataRow, L.partners.columns[key]);

function checkReport(over31: Record<string, CellInput> = {}, over32: Record<string, CellInput> = {}) {
  const plan = stampAppendix3(settings, { fill: { participation: [{ ...CLEAN31, ...over31 }], partners: [{ ...CLEAN32, ...over32 }] } });
  return checkWorkbook(readForms(workbookOf('школа1.xlsx', planToGrid(plan))), settings);
}

const brief = (ps: ReturnType<typeof checkWorkbook>) => ps.map((p) => [p.code, p.cell, p.severity]);

describe('a consistent report', () => {
  it('draws no problem at all', () => {
    expect(checkReport()).toEqual([]);
  });

  it('says where each problem is: file, sheet, cell, unit', () => {
    const [p] = checkReport({ schoolsActive: 8 });
    expect(p).toMatchObject({ file: 'школа1.xlsx', sheet: 'Прил. 3 Отчёт', cell: at31('schoolsActive'), unit: 'МАОУ СОШ № 1' });
  });
});

describe('each defect of table 3.1 is reported once, at the offending value', () => {
  it.each<[string, Record<string, CellInput>, string, string, 'error' | 'warning']>([
    ['more organising schools than schools', { schoolsActive: 8 }, 'schools-active-over-total', 'schoolsActive', 'error'],
    ['more participants than pupils', { students: 400 }, 'participants-over-students', 'participants', 'error'],
    ['grades that do not add up to the participants', { g5: 60 }, 'grades-sum', 'participants', 'error'],
    ['ОВЗ grades that do not add up', { ovzG6: 21 }, 'ovz-grades-sum', 'ovzParticipants', 'error'],
    ['more ОВЗ participants than ОВЗ pupils', { ovzStudents: 80 }, 'ovz-participants-over-ovz-students', 'ovzParticipants', 'error'],
    ['more ОВЗ pupils than pupils', { ovzStudents: 700 }, 'ovz-over-students', 'ovzStudents', 'error'],
    ['more ОВЗ in a grade than in the grade', { g5: 114, g10: 0 }, 'ovz-grade-over-grade', 'ovzG10', 'error'],
    ['no events though schools organised them', { events: null }, 'events-missing', 'events', 'error'],
    ['zero events though schools organised them', { events: 0 }, 'events-missing', 'events', 'error'],
    ['more teachers took part than there are', { teachersTotal: 30 }, 'teachers-over-total', 'teachers', 'error'],
    ['a partner count in 3.1 unlike the total in 3.2', { partnersCount: 5, partnersNames: 'ТУСУР, ТГАСУ, НИ ТГУ, ЗАО «Томский подшипник», И.П. Иванов И.И.' }, 'partners-total-mismatch', 'partnersCount', 'warning'],
    ['a partner count unlike the names listed', { partnersNames: 'ТУСУР, ТГАСУ' }, 'partners-names-count', 'partnersCount', 'warning'],
    ['a count that is not whole', { events: '12,5' }, 'not-whole-number', 'events', 'error'],
    ['a negative count', { teachers: -3 }, 'negative-number', 'teachers', 'error'],
    ['a count that cannot be read', { participants: 'много' }, 'value-unreadable', 'participants', 'error'],
    ['an empty count', { students: null }, 'value-missing', 'students', 'warning'],
  ])('%s → %s', (_, change, code, key, severity) => {
    expect(brief(checkReport(change))).toEqual([[code, at31(key), severity]]);
  });

  it('more ОВЗ participants than participants (no breakdown given) → ovz-over-participants', () => {
    const none = Object.fromEntries(['g5', 'g6', 'g7', 'g8', 'g9', 'g10', 'g11', 'ovzG5', 'ovzG6', 'ovzG7', 'ovzG8', 'ovzG9', 'ovzG10', 'ovzG11'].map((k) => [k, null]));
    const ps = checkReport({ ...none, participants: 80 });
    expect(brief(ps.filter((p) => p.severity === 'error'))).toEqual([['ovz-over-participants', at31('ovzParticipants'), 'error']]);
    // The missing breakdowns are warnings at the participant cells, once each.
    expect(brief(ps.filter((p) => p.severity === 'warning'))).toEqual([
      ['grades-sum', at31('participants'), 'warning'],
      ['ovz-grades-sum', at31('ovzParticipants'), 'warning'],
    ]);
  });

  it('puts the numbers in the message', () => {
    const [p] = checkReport({ g5: 60 });
    expect(p.message).toMatch(/439/);
    expect(p.message).toMatch(/438/);
    expect(p.message).toMatch(/5 кл\. — 60/);
  });
});

describe('table 3.2', () => {
  it('categories that do not add up to the total → partners-categories-sum (warning) at the total', () => {
    const ps = checkReport({}, { companiesCount: 2, companiesNames: 'ЗАО «Томский подшипник», ООО «Сибирь»' });
    expect(brief(ps)).toEqual([['partners-categories-sum', at32('partnersTotal'), 'warning']]);
    expect(ps[0].message).toMatch(/3 \+ 2 \+ 1 \+ 1 = 7/);
  });

  it('a category count unlike its names → partners-names-count (warning) at the count', () => {
    expect(brief(checkReport({}, { businessNames: 'ИП Иванов, ИП Петров' }))).toEqual([['partners-names-count', at32('businessCount'), 'warning']]);
  });

  it('the official example draws the categories warning (3 + 1 + 1 + 1 = 6, not 10), and no error', () => {
    const ps = checkWorkbook(readForms(workbookOf('пример.docx.xlsx', wordLayoutSheet())), settings);
    expect(ps.filter((p) => p.code === 'partners-categories-sum').map((p) => [p.cell, p.severity])).toEqual([['B15', 'warning']]);
    expect(ps.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ps.find((p) => p.code === 'partners-categories-sum')!.message).toMatch(/10.*= 6/);
  });
});

describe('whose row it is', () => {
  it('a row naming no unit, under a header naming none → unit-missing (warning) at the unit cell, in each table', () => {
    const ps = checkWorkbook(readForms(workbookOf('без имени.xlsx', wordLayoutSheet('Лист1', { unit: '' }))), settings);
    expect(brief(ps.filter((p) => p.code === 'unit-missing'))).toEqual([
      ['unit-missing', 'A10', 'warning'],
      ['unit-missing', 'A15', 'warning'],
    ]);
  });
});

describe('a sender\'s own «Итого» row', () => {
  it('agreeing with the rows draws nothing; disagreeing → total-row-mismatch (warning) at the total\'s cell', () => {
    const withTotal = (events: number) => insertRows(wordLayoutSheet(), 11, 1, [['Итого', '7/6', events]]);
    const ok = checkWorkbook(readForms(workbookOf('a.xlsx', withTotal(42))), settings);
    expect(ok.filter((p) => p.code === 'total-row-mismatch')).toEqual([]);
    const ps = checkWorkbook(readForms(workbookOf('a.xlsx', withTotal(40))), settings);
    expect(brief(ps.filter((p) => p.code === 'total-row-mismatch'))).toEqual([['total-row-mismatch', 'C11', 'warning']]);
    expect(ps.find((p) => p.code === 'total-row-mismatch')!.message).toMatch(/= 40, а сумма строк таблицы выше — 42/);
  });
});

describe('Appendix 2 rows', () => {
  const P = appendix2Layout(settings);
  const atPlan = (key: string) => cellRef(P.plan.firstDataRow, P.plan.columns[key]);
  const CLEAN = {
    level: 'Муниципальный', name: 'Ярмарка профессий', dates: '20.03.2024', targetGroup: '8-9 классы',
    expectedParticipants: 120, expectedResults: 'выбор профиля', responsible: 'Иванова И.И., методист, ivanova@school1.ru',
  };
  const checkPlan = (over: Record<string, CellInput> = {}) =>
    checkWorkbook(readForms(workbookOf('план.xlsx', planToGrid(stampAppendix2(settings, { fill: [{ ...CLEAN, ...over }] }))), { year: 2024 }), settings);

  it('a correct event draws nothing', () => {
    expect(checkPlan()).toEqual([]);
  });

  it.each<[string, Record<string, CellInput>, string, string, 'error' | 'warning']>([
    ['a level not in the order', { level: 'Федеральный' }, 'plan-level-unknown', 'level', 'error'],
    ['no name', { name: null }, 'plan-name-missing', 'name', 'error'],
    ['dates that are not dates', { dates: 'в течение года' }, 'plan-dates-unreadable', 'dates', 'error'],
    ['dates outside the campaign window', { dates: '01.06.2024' }, 'plan-dates-outside-window', 'dates', 'warning'],
    ['expected participants not whole', { expectedParticipants: '12,5' }, 'plan-expected-participants', 'expectedParticipants', 'error'],
    ['expected participants as words', { expectedParticipants: 'весь класс' }, 'plan-expected-participants', 'expectedParticipants', 'error'],
    ['no phone or e-mail of the responsible person', { responsible: 'Петров П.П., учитель' }, 'plan-responsible-contact', 'responsible', 'warning'],
  ])('%s → %s', (_, change, code, key, severity) => {
    expect(brief(checkPlan(change))).toEqual([[code, atPlan(key), severity]]);
  });

  it('takes the campaign window from the settings', () => {
    const autumn = defaultSettings('autumn', 2024);
    const ps = checkWorkbook(readForms(workbookOf('план.xlsx', planToGrid(stampAppendix2(settings, { fill: [CLEAN] })))), autumn);
    expect(ps.map((p) => p.code)).toEqual(['plan-dates-outside-window']);
    expect(ps[0].message).toMatch(/период кампании \(с 13\s+сентября по 15\s+октября\s+2024/);
  });
});
