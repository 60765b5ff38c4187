/**
 * The monitoring indicators (seed 001: X = A × 100 / B; seed 000 shows them in use). Each is defined once here:
 * as formulas over the consolidated sheets, for the «Показатели» sheet, and as a computation over the figures,
 * for the note and for the dynamics against earlier campaigns.
 */
import { detailRange, type DetailKey } from '../consolidate/detailLayout';
import { share } from '../text/number';
import { REPORT_STATUS_TITLE, type CampaignFigures, type ReportStatus } from './figures';

/** share: X = A × 100 / B in whole per cent; count: X = A; ratio: X = A / B to one decimal. */
export type IndicatorKind = 'share' | 'count' | 'ratio';

export type IndicatorKey =
  | 'participation'
  | 'ovzParticipation'
  | 'schoolsActive'
  | 'teachers'
  | 'teachersCount'
  | 'events'
  | 'eventsPerSchool'
  | 'earlyParticipants'
  | 'eventsVsPlan'
  | 'plannedParticipations'
  | 'communityPartners'
  | 'reportsOnTime'
  | 'reportsLate'
  | 'reportsRefused'
  | 'reportsMissing';

/** Where the formulas find what they count. */
export interface FormulaContext {
  units: number;
  /** The per-unit report status column on the indicators sheet («в срок» / «с опозданием» / …). */
  statusRange: string;
  /** Expression counting expected units that sent no report (from the register of received reports). */
  missing: string;
  /** Expression counting units whose every report was refused (from the register of received reports). */
  refused: string;
  /** Expression for the number of units in the consolidation (0 when nothing was merged). */
  unitCount: string;
}

export interface IndicatorDef {
  key: IndicatorKey;
  title: string;
  kind: IndicatorKind;
  /** Unit of X where it is not a per cent: «чел.» for people, «ед.» for things. */
  unit?: string;
  /** What A and B are, for the reader of the sheet. */
  aCaption: string;
  bCaption?: string;
  /** Formula expressions (no leading «=»). */
  a: (c: FormulaContext) => string;
  b?: (c: FormulaContext) => string;
  /** The same from figures. */
  values: (f: CampaignFigures) => { a: number; b?: number };
}

const sum = (key: DetailKey) => (c: FormulaContext) => `SUM(${detailRange(key, c.units)})`;
/** Sum of `key` over the units that gave `where` (> 0): A and B then cover the same units. */
const sumWhere = (key: DetailKey, where: DetailKey) => (c: FormulaContext) =>
  `SUMIF(${detailRange(where, c.units)},">0",${detailRange(key, c.units)})`;
/** Organisations expected: merged, plus those that sent nothing and those whose reports were all refused. */
const unitsExpected = (c: FormulaContext) => `${c.unitCount}+${c.missing}+${c.refused}`;
/** Schools expected: as stated, plus the units with no merged report when the units are schools (see figures.ts). */
const schoolsExpected = (c: FormulaContext) =>
  `SUM(${detailRange('schools', c.units)})+IF(MAX(${detailRange('schools', c.units)})<=1,${c.missing}+${c.refused},0)`;
const countStatus = (s: ReportStatus) => (c: FormulaContext) => `COUNTIF(${c.statusRange},"${REPORT_STATUS_TITLE[s]}")`;

export const INDICATORS: IndicatorDef[] = [
  {
    key: 'participation',
    title: 'Доля обучающихся 5–11 классов, принявших участие в профориентационных мероприятиях',
    kind: 'share',
    aCaption: 'приняли участие',
    bCaption: 'всего обучающихся 5–11 классов',
    a: sum('participants'),
    b: sum('students'),
    values: (f) => ({ a: f.participants, b: f.students }),
  },
  {
    key: 'ovzParticipation',
    title: 'Доля обучающихся с ОВЗ, принявших участие в профориентационных мероприятиях',
    kind: 'share',
    aCaption: 'обучающихся с ОВЗ приняли участие',
    bCaption: 'всего обучающихся с ОВЗ',
    a: sum('ovzParticipants'),
    b: sum('ovzStudents'),
    values: (f) => ({ a: f.ovzParticipants, b: f.ovzStudents }),
  },
  {
    key: 'schoolsActive',
    title: 'Доля общеобразовательных организаций, организовавших профориентационные мероприятия',
    kind: 'share',
    aCaption: 'ОО организовали мероприятия',
    bCaption: 'всего ОО, включая не приславшие отчёт и отклонённые',
    a: sum('schoolsActive'),
    b: schoolsExpected,
    values: (f) => ({ a: f.schoolsActive, b: f.schoolsExpected }),
  },
  {
    key: 'teachers',
    title: 'Доля педагогов, принявших участие в профориентационных мероприятиях',
    kind: 'share',
    aCaption: 'педагогов приняли участие (где указано общее число педагогов)',
    bCaption: 'всего педагогов',
    a: sumWhere('teachers', 'teachersTotal'),
    b: sum('teachersTotal'),
    values: (f) => ({ a: f.teachersWhereTotalGiven, b: f.teachersTotal }),
  },
  {
    key: 'teachersCount',
    title: 'Количество педагогов, принявших участие в профориентационных мероприятиях',
    kind: 'count',
    unit: 'чел.',
    aCaption: 'педагогов',
    a: sum('teachers'),
    values: (f) => ({ a: f.teachers }),
  },
  {
    key: 'events',
    title: 'Количество проведённых профориентационных мероприятий',
    kind: 'count',
    aCaption: 'мероприятий',
    a: sum('events'),
    values: (f) => ({ a: f.events }),
  },
  {
    key: 'eventsPerSchool',
    title: 'Мероприятий в среднем на одну общеобразовательную организацию',
    kind: 'ratio',
    aCaption: 'мероприятий',
    bCaption: 'всего ОО',
    a: sum('events'),
    b: sum('schools'),
    values: (f) => ({ a: f.events, b: f.schools }),
  },
  {
    key: 'earlyParticipants',
    title: 'Ранняя профориентация: обучающиеся 5–7 классов, принявшие участие',
    kind: 'count',
    unit: 'чел.',
    aCaption: 'обучающихся 5–7 классов',
    a: (c) => ['g5', 'g6', 'g7'].map((k) => `SUM(${detailRange(k as DetailKey, c.units)})`).join('+'),
    values: (f) => ({ a: f.grades[0] + f.grades[1] + f.grades[2] }),
  },
  {
    key: 'eventsVsPlan',
    title: 'Доля проведённых мероприятий от запланированных (прил. 2)',
    kind: 'share',
    aCaption: 'проведено мероприятий по отчётам (прил. 3) организаций, представивших план',
    bCaption: 'мероприятий (строк) в их планах (прил. 2); строка плана может описывать цикл мероприятий',
    a: sumWhere('events', 'plannedEvents'),
    b: sum('plannedEvents'),
    values: (f) => ({ a: f.eventsWherePlanned, b: f.plannedEvents }),
  },
  {
    // Not a share: the plans' expected participants are summed over events (a pupil expected at five events counts
    // five times), the reports count pupils once; the two are not set against each other (issue 23).
    key: 'plannedParticipations',
    title: 'Ожидаемое число участий по планам (прил. 2): сумма по мероприятиям',
    kind: 'count',
    aCaption: 'участий (обучающийся учтён в каждом мероприятии, где его ожидают; это не число обучающихся)',
    a: sum('plannedParticipants'),
    values: (f) => ({ a: f.plannedParticipants }),
  },
  {
    key: 'communityPartners',
    title: 'Доля организаций, привлекающих родителей, НКО, выпускников',
    kind: 'share',
    aCaption: 'организаций с партнёрами 4-й категории',
    bCaption: 'организаций ожидалось (включая не приславшие отчёт и отклонённые)',
    a: (c) => `COUNTIF(${detailRange('communityCount', c.units)},">0")`,
    b: unitsExpected,
    values: (f) => ({ a: f.unitsWithCommunityPartners, b: f.unitsExpected }),
  },
  {
    key: 'reportsOnTime',
    title: 'Доля отчётов, представленных в срок',
    kind: 'share',
    aCaption: 'отчётов в срок',
    bCaption: 'ожидалось отчётов',
    a: countStatus('onTime'),
    b: unitsExpected,
    values: (f) => ({ a: f.reports.onTime.length, b: f.unitsExpected }),
  },
  {
    key: 'reportsLate',
    title: 'Отчётов, представленных с опозданием',
    kind: 'count',
    aCaption: 'отчётов',
    a: countStatus('late'),
    values: (f) => ({ a: f.reports.late.length }),
  },
  {
    key: 'reportsRefused',
    title: 'Организаций, приславших отчёт, который отклонён',
    kind: 'count',
    aCaption: 'организаций (нужен исправленный отчёт)',
    a: (c) => c.refused,
    values: (f) => ({ a: f.reports.refused.length }),
  },
  {
    key: 'reportsMissing',
    title: 'Организаций, не приславших отчёт',
    kind: 'count',
    aCaption: 'организаций',
    a: (c) => c.missing,
    values: (f) => ({ a: f.reports.missing.length }),
  },
];

export const indicator = (key: IndicatorKey): IndicatorDef => {
  const d = INDICATORS.find((i) => i.key === key);
  if (!d) throw new Error(`Нет показателя ${key}`);
  return d;
};

/**
 * An indicator as every place shows it — «Показатели» (A, B, X), the pane («92 %», «61 из 66»), the note, the
 * command line's JSON: one numerator, one denominator and X computed from those two, never from others.
 */
export interface IndicatorFigure {
  key: IndicatorKey;
  title: string;
  kind: IndicatorKind;
  a: number;
  /** The base; absent for a count. */
  b?: number;
  /** Rounded as the sheet rounds; null where B is 0 (the sheet shows it empty). */
  x: number | null;
}

/** X from A and B as `xFormula` computes it: whole per cent, or a ratio to one decimal. */
export function xOf(kind: IndicatorKind, a: number, b: number | undefined): number | null {
  if (kind === 'count') return a;
  if (!b) return null;
  // A × 100 / B and A × 10 / B are exact for whole A and B up to 2^53 / 100: a true half is a half in binary too,
  // so rounding half up gives what ROUND gives on the sheet.
  return kind === 'share' ? share(a, b) : Math.round((a * 10) / b) / 10;
}

export function indicatorFigure(key: IndicatorKey, f: CampaignFigures): IndicatorFigure {
  const d = indicator(key);
  const { a, b } = d.values(f);
  return { key, title: d.title, kind: d.kind, a, ...(d.b ? { b: b ?? 0 } : {}), x: xOf(d.kind, a, d.b ? (b ?? 0) : undefined) };
}

/** Every indicator of the campaign, in the order of «Показатели». */
export const indicatorFigures = (f: CampaignFigures): IndicatorFigure[] => INDICATORS.map((d) => indicatorFigure(d.key, f));

/** X of an indicator from figures, rounded as the sheet rounds; null where B is 0 (the sheet shows it empty). */
export const indicatorValue = (key: IndicatorKey, f: CampaignFigures): number | null => indicatorFigure(key, f).x;

/** The formula for X over the cells holding A and B. */
export function xFormula(kind: IndicatorKind, aCell: string, bCell: string): string {
  if (kind === 'count') return `=${aCell}`;
  if (kind === 'ratio') return `=IF(N(${bCell})=0,"",ROUND(${aCell}/${bCell},1))`;
  return `=IF(N(${bCell})=0,"",ROUND(${aCell}*100/${bCell},0))`;
}
