/** Appendix 2 «Сводный план Кампании» stamped as a sheet plan: head lines and the plan table with its checks. */
import { cellRef, rangeRef } from '../a1';
import type { CampaignSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, type SheetPlan } from '../sheetPlan';
import { planTable } from './appendix2';
import { appendix2Layout, type Appendix2Options } from './appendix2Layout';
import { stampFormHead } from './formHead';
import { APPENDIX_NUMBER, EVENT_LEVELS, PLAN_TITLE } from './officialText';
import { emptyOrNone, str, type RowRule } from './rowChecks';
import { stampTable } from './stampTable';
import type { FormTableLayout } from './tableLayout';

/** A level, name, dates, target group, expected, results, responsible, check. */
const WIDTHS = [30, 36, 16, 22, 14, 36, 36, 44];

/** An ISO date as an Excel serial expression (DATE() computes the same in both engines). */
const excelDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y},${m},${d})`;
};
const ruDate = (iso: string): string => iso.split('-').reverse().join('.');
/** dd.mm.yyyy of a date cell without TEXT(), whose format codes differ between Excel locales. */
const dateText = (cell: string): string =>
  `RIGHT("0"&DAY(${cell}),2)&"."&RIGHT("0"&MONTH(${cell}),2)&"."&YEAR(${cell})`;
/** How many digits a cell holds: a phone number has at least six (a local «43-05-20», as values/contact.ts). */
const digits = (cell: string): string =>
  `SUMPRODUCT(LEN(${cell})-LEN(SUBSTITUTE(${cell},{"0","1","2","3","4","5","6","7","8","9"},"")))`;
const hasContact = (cell: string): string => `OR(ISNUMBER(SEARCH("@",${cell})),${digits(cell)}>=6)`;

function planRules(t: FormTableLayout, s: CampaignSettings, row: number): RowRule[] {
  const c = (key: string) => cellRef(row, t.columns[key]);
  const level = c('level');
  const expected = c('expectedParticipants');
  const dates = c('dates');
  const who = c('responsible');
  const window = `${ruDate(s.windowFrom)}–${ruDate(s.windowTo)}`;
  return [
    { when: `TRIM(${level})=""`, text: str('не указан уровень мероприятия') },
    {
      when: `AND(TRIM(${level})<>"",${EVENT_LEVELS.map((l) => `TRIM(${level})<>${str(l)}`).join(',')})`,
      text: `"уровень «"&${level}&"» не из списка: ${EVENT_LEVELS.join(', ')}"`,
    },
    { when: `TRIM(${c('name')})=""`, text: str('не указано название мероприятия') },
    {
      when: `AND(NOT(${emptyOrNone(expected)}),NOT(ISNUMBER(${expected})))`,
      text: `"ожидаемое количество участников не число: «"&${expected}&"» — введите только цифры"`,
    },
    // Empty (or «—») dates cannot be placed in the campaign: an error, as the rules' plan-dates-unreadable.
    { when: `TRIM(${dates})=""`, text: str('не указаны сроки проведения') },
    {
      when: `AND(ISNUMBER(${expected}),OR(N(${expected})<0,N(${expected})<>INT(N(${expected}))))`,
      text: `"ожидаемое количество участников "&${expected}&" — нужно целое число не меньше 0"`,
    },
    { when: emptyOrNone(expected), text: str('не указано ожидаемое количество участников'), warning: true },
    {
      when: `AND(ISNUMBER(${dates}),OR(N(${dates})<${excelDate(s.windowFrom)},N(${dates})>${excelDate(s.windowTo)}))`,
      text: `"дата "&${dateText(dates)}&" вне сроков кампании ${window}"`,
      warning: true,
    },
    { when: `TRIM(${who})=""`, text: str('не указано ответственное лицо'), warning: true },
    {
      when: `AND(TRIM(${who})<>"",NOT(${hasContact(who)}))`,
      text: str('у ответственного лица нет телефона или e-mail'),
      warning: true,
    },
  ];
}

/** The plan form for `settings.unit`; `opts.fill` prefills events. */
export function stampAppendix2(settings: CampaignSettings, opts: Appendix2Options = {}): SheetPlan {
  const L = appendix2Layout(settings, opts);
  const t = L.plan;
  const plan = emptySheetPlan(opts.name ?? SHEET.plan, 'appendix2');
  plan.columnWidths = [...WIDTHS];
  stampFormHead(plan, settings, APPENDIX_NUMBER.plan, PLAN_TITLE, L.lastColumn, WIDTHS);
  stampTable(plan, {
    tree: planTable,
    layout: t,
    widths: WIDTHS,
    fill: opts.fill,
    rules: (row) => planRules(t, settings, row),
    inputRange: (row) => rangeRef(row, 1, row, t.checkColumn - 1),
  });

  const column = (key: string) => rangeRef(t.firstDataRow, t.columns[key], t.lastDataRow, t.columns[key]);
  const window = `${ruDate(settings.windowFrom)} – ${ruDate(settings.windowTo)}`;
  plan.validations.push(
    {
      range: column('level'),
      rule: { kind: 'list', items: [...EVENT_LEVELS] },
      severity: 'stop',
      title: 'Уровень мероприятия',
      message: `Выберите уровень из списка: ${EVENT_LEVELS.join(', ')}.`,
    },
    {
      range: column('expectedParticipants'),
      rule: { kind: 'wholeNumber', min: 0 },
      severity: 'stop',
      title: 'Ожидаемое количество участников',
      message: 'Введите целое число не меньше 0 — только цифры, без «чел.» и пробелов.',
    },
    {
      range: column('dates'),
      rule: { kind: 'date', min: settings.windowFrom, max: settings.windowTo },
      severity: 'warning',
      title: 'Сроки проведения',
      message: `Дата вне сроков кампании (${window}). Если мероприятие длится несколько дней, можно оставить текст, например «15.09–20.09».`,
      prompt: `Сроки кампании: ${window}.`,
    },
  );
  // No validation on «Ответственное лицо»: finding a phone needs an array constant, which Excel refuses in
  // validation formulas; the «Проверка» column warns instead.
  plan.styles.push({ range: column('dates'), style: { numberFormat: 'dd.mm.yyyy', hAlign: 'center' } });
  plan.freeze = { rows: t.headerBottom, columns: 0 };
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: `${t.headerTop}:${t.headerBottom}` };
  plan.protect = opts.protect;
  return plan;
}

