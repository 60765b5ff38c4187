/**
 * The monitoring form «Мониторинг»: the nine indicators of the municipal project (seed 001, «Методика расчета
 * показателей»: X = A × 100 / B) with A and B per unit, the events by level of general education and the coverage
 * of career diagnostics (seed 003). Titles are the seeds' wording; the order's forms do not have this table.
 */
import { group, leaf, type HeaderNode } from './headers';
import { H } from './officialText';

export type IndicatorCode =
  | 'pupils'
  | 'pupilsEarly'
  | 'ovz'
  | 'schools'
  | 'schoolsEarly'
  | 'teachers'
  | 'teachersEarly'
  | 'events'
  | 'eventsEarly'
  | 'diagnostics';

export interface MonitoringIndicator {
  code: IndicatorCode;
  /** «1» … «9» as numbered in seed 001; the diagnostics coverage (seed 003) has none. */
  number?: number;
  /** The indicator as seed 001 names it (diagnostics: as seed 003 says it). */
  title: string;
  /** What A counts and what B counts, as the method says «(А чел.) — X %», «(В …) — 100 %». */
  a: string;
  b: string;
  /** Short name for messages and the analytical note. */
  short: string;
  /**
   * A ≤ B is a rule for shares of a whole (pupils, schools, teachers); events held may exceed events planned,
   * so there it is only a warning.
   */
  aMayExceedB?: boolean;
}

export const MONITORING_INDICATORS: readonly MonitoringIndicator[] = [
  {
    code: 'pupils',
    number: 1,
    title: 'Количество обучающихся, вовлеченных в профориентационные мероприятия, направленные на профессиональное самоопределение и профессиональную ориентацию',
    a: 'Количество обучающихся, принявших участие в профориентационных мероприятиях, чел.',
    b: 'Общее количество обучающихся ОО, чел.',
    short: 'доля обучающихся, вовлечённых в профориентационные мероприятия',
  },
  {
    code: 'pupilsEarly',
    number: 2,
    title: 'Количество обучающихся, вовлеченных в мероприятия по ранней профориентации',
    a: 'Количество обучающихся, принявших участие в мероприятиях по ранней профориентации, чел.',
    b: 'Общее количество обучающихся ОО, чел.',
    short: 'доля обучающихся, вовлечённых в мероприятия по ранней профориентации',
  },
  {
    code: 'ovz',
    number: 3,
    title: 'Количество обучающихся с ОВЗ, вовлеченных в профориентационные мероприятия, направленные на профессиональное самоопределение и профессиональную ориентацию',
    a: 'Количество обучающихся с ОВЗ, принявших участие в профориентационных мероприятиях, чел.',
    b: 'Общее количество обучающихся с ОВЗ, чел.',
    short: 'доля обучающихся с ОВЗ, вовлечённых в профориентационные мероприятия',
  },
  {
    code: 'schools',
    number: 4,
    title: 'Количество образовательных организаций, принявших участие в мероприятиях по профессиональной ориентации и профессиональному самоопределению',
    a: 'Количество общеобразовательных организаций, которые приняли участие в мероприятиях (А ООУ)',
    b: 'Общее количество общеобразовательных организаций (В ООУ)',
    short: 'доля образовательных организаций, принявших участие в профориентационных мероприятиях',
  },
  {
    code: 'schoolsEarly',
    number: 5,
    title: 'Количество образовательных организаций, принявших участие в мероприятиях по ранней профориентации',
    a: 'Количество общеобразовательных организаций, которые приняли участие в мероприятиях по ранней профориентации (А ООУ)',
    b: 'Общее количество общеобразовательных организаций (В ООУ)',
    short: 'доля образовательных организаций, принявших участие в мероприятиях по ранней профориентации',
  },
  {
    code: 'teachers',
    number: 6,
    title: 'Количество педагогических работников, принявших участия и реализующих мероприятия по профессиональной ориентации и профессиональному самоопределению',
    a: 'Количество педагогических работников, принявших участие и реализующих мероприятия, чел.',
    b: 'Общее количество педагогических работников, чел.',
    short: 'доля педагогических работников, реализующих профориентационные мероприятия',
  },
  {
    code: 'teachersEarly',
    number: 7,
    title: 'Количество педагогических работников, принявших участия и реализующих мероприятия по ранней профориентации',
    a: 'Количество педагогических работников, реализующих мероприятия по ранней профориентации, чел.',
    b: 'Общее количество педагогических работников, чел.',
    short: 'доля педагогических работников, реализующих мероприятия по ранней профориентации',
  },
  {
    code: 'events',
    number: 8,
    title: 'Количество мероприятий, направленных на профессиональное самоопределение и профессиональную ориентацию обучающихся',
    a: 'Количество профориентационных мероприятий, в которых обучающиеся приняли участие',
    b: 'Общее количество планируемых мероприятий (В мероприятий)',
    short: 'выполнение плана профориентационных мероприятий',
    aMayExceedB: true,
  },
  {
    code: 'eventsEarly',
    number: 9,
    title: 'Количество мероприятий, направленных на раннюю профориентацию обучающихся',
    a: 'Количество мероприятий по ранней профориентации, в которых обучающиеся приняли участие',
    b: 'Общее количество планируемых мероприятий по ранней профориентации (В мероприятий)',
    short: 'выполнение плана мероприятий по ранней профориентации',
    aMayExceedB: true,
  },
  {
    code: 'diagnostics',
    title: 'Охват обучающихся 8-11 классов профессиональной диагностикой',
    a: 'Количество обучающихся 8-11 классов, прошедших профессиональную диагностику, чел.',
    b: 'Общее количество обучающихся 8-11 классов, чел.',
    short: 'охват обучающихся 8-11 классов профессиональной диагностикой',
  },
];

export const indicatorByCode = (code: IndicatorCode): MonitoringIndicator =>
  MONITORING_INDICATORS.find((i) => i.code === code)!;

/** Events by level of general education (seed 003: «на уровне начального общего образования — 165» …). */
export const EDUCATION_LEVELS = [
  { key: 'eventsNoo', title: 'НОО (1-4 классы)', genitive: 'начального общего образования' },
  { key: 'eventsOoo', title: 'ООО (5-9 классы)', genitive: 'основного общего образования' },
  { key: 'eventsSoo', title: 'СОО (10-11 классы)', genitive: 'среднего общего образования' },
] as const;
export type EducationLevelKey = (typeof EDUCATION_LEVELS)[number]['key'];

export const MONITORING_TITLE = 'Мониторинг профориентационной работы: показатели (X = A × 100 / B)';
export const EVENTS_BY_LEVEL_TITLE = 'Количество проведенных профориентационных мероприятий по уровням общего образования';
export const X_TITLE = 'X = A × 100 / B, %';

/** The group title of an indicator as stamped: «1. Количество обучающихся…». */
export const indicatorTitle = (i: MonitoringIndicator): string => (i.number ? `${i.number}. ${i.title}` : i.title);
export const aTitle = (i: MonitoringIndicator): string => `A — ${i.a}`;
export const bTitle = (i: MonitoringIndicator): string => `B — ${i.b}`;

export const aKey = (c: IndicatorCode): string => `${c}A`;
export const bKey = (c: IndicatorCode): string => `${c}B`;
export const xKey = (c: IndicatorCode): string => `${c}X`;

/** Every number a unit enters on the form: A and B of each indicator, then the events by level. */
export type MonitoringKey = `${IndicatorCode}${'A' | 'B'}` | EducationLevelKey;
export const MONITORING_KEYS: MonitoringKey[] = [
  ...MONITORING_INDICATORS.flatMap((i) => [aKey(i.code), bKey(i.code)] as MonitoringKey[]),
  ...EDUCATION_LEVELS.map((l) => l.key),
];

/** The table as a header tree: the unit, each indicator's A, B and computed X, the events by level. */
export const monitoringTable: HeaderNode[] = [
  leaf('unit', H.unit, 'text'),
  ...MONITORING_INDICATORS.filter((i) => i.code !== 'diagnostics').map(indicatorGroup),
  group(EVENTS_BY_LEVEL_TITLE, EDUCATION_LEVELS.map((l) => leaf(l.key, l.title, 'count'))),
  indicatorGroup(indicatorByCode('diagnostics')),
];

function indicatorGroup(i: MonitoringIndicator): HeaderNode {
  return group(indicatorTitle(i), [
    leaf(aKey(i.code), aTitle(i), 'count'),
    leaf(bKey(i.code), bTitle(i), 'count'),
    // Computed on the sheet, not entered: 'check' keeps it out of the input styles' number format.
    leaf(xKey(i.code), X_TITLE, 'check'),
  ]);
}
