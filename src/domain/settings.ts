/**
 * Campaign settings («Настройки кампании»), kept in the workbook. Dates change every year, so every date here
 * is a setting; defaults follow the calendar of the regional order No. 394-р (seed 002).
 */

export type Season = 'spring' | 'autumn';
/** A campaign: the season of a year. */
export interface Campaign {
  season: Season;
  year: number;
}
export const sameCampaign = (a: Campaign, b: Campaign): boolean => a.season === b.season && a.year === b.year;
/** Who reports: a school (ОО), a municipality, a regional state school (ОГОО) or the region itself. */
export type UnitLevel = 'school' | 'municipality' | 'ogoo' | 'region';

export interface Coordinator {
  name: string; // ФИО
  post: string; // должность
  phone: string;
  email: string;
}

export interface CampaignSettings {
  season: Season;
  year: number;
  /** Campaign window, ISO dates (YYYY-MM-DD). */
  windowFrom: string;
  windowTo: string;
  /** Appendix 2 (plan) due at the region. */
  planDue: string;
  /** Schools' reports due at the municipal coordinator. */
  schoolReportsDue: string;
  /** Appendix 3 (municipal report) due at the region. */
  reportDue: string;
  unit: string;
  level: UnitLevel;
  coordinator: Coordinator;
  /** The order the forms are appendices to, as printed on the «Приложение N к распоряжению…» line. */
  orderReference: string;
  /** Planned values (per cent) of the monitoring indicators, by indicator code (forms/monitoring.ts). */
  targets?: Partial<Record<string, number>>;
}

export const SEASON_TITLE: Record<Season, { adjective: string; genitive: string }> = {
  spring: { adjective: 'весенняя', genitive: 'весенней' },
  autumn: { adjective: 'осенняя', genitive: 'осенней' },
};

export const LEVEL_TITLE: Record<UnitLevel, string> = {
  school: 'Общеобразовательная организация',
  municipality: 'Муниципальное образование',
  ogoo: 'Областная государственная образовательная организация (ОГОО)',
  region: 'Регион',
};

export const DEFAULT_ORDER_REFERENCE =
  'к распоряжению Департамента общего образования Томской области от 12.03.2021 № 394-р';

const iso = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Defaults from the calendar of seed 002 (2021), moved to the given year. */
export function defaultSettings(season: Season, year: number, over: Partial<CampaignSettings> = {}): CampaignSettings {
  const dates =
    season === 'spring'
      ? { windowFrom: iso(year, 3, 15), windowTo: iso(year, 4, 16), planDue: iso(year, 3, 19), schoolReportsDue: iso(year, 4, 20), reportDue: iso(year, 4, 23) }
      : { windowFrom: iso(year, 9, 13), windowTo: iso(year, 10, 15), planDue: iso(year, 9, 17), schoolReportsDue: iso(year, 10, 19), reportDue: iso(year, 10, 22) };
  return {
    season,
    year,
    ...dates,
    unit: '',
    level: 'municipality',
    coordinator: { name: '', post: '', phone: '', email: '' },
    orderReference: DEFAULT_ORDER_REFERENCE,
    ...over,
  };
}

/** The settings a merge takes (season.ts assumeCampaignOfReports) for a campaign found in the received plans: that campaign's defaults, the level and unit kept. */
export function settingsForCampaign(campaign: Campaign, settings: CampaignSettings): CampaignSettings {
  return defaultSettings(campaign.season, campaign.year, { level: settings.level, unit: settings.unit });
}

/** The season whose campaign is current or next on a date (spring until July, then autumn). */
export function seasonFor(date: Date): Campaign {
  const m = date.getMonth() + 1;
  return { season: m <= 6 ? 'spring' : 'autumn', year: date.getFullYear() };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with settings, in Russian; empty when they are usable. */
export function settingsProblems(s: CampaignSettings): string[] {
  const out: string[] = [];
  const dates: [keyof CampaignSettings, string][] = [
    ['windowFrom', 'начало кампании'],
    ['windowTo', 'окончание кампании'],
    ['planDue', 'срок плана (прил. 2)'],
    ['schoolReportsDue', 'срок отчётов школ'],
    ['reportDue', 'срок отчёта (прил. 3)'],
  ];
  for (const [k, title] of dates) {
    const v = s[k] as string;
    if (!ISO_DATE.test(v) || Number.isNaN(Date.parse(v))) out.push(`Дата «${title}» указана неверно: «${v}». Укажите дату в виде ГГГГ-ММ-ДД.`);
  }
  if (out.length === 0 && s.windowFrom > s.windowTo) out.push('Начало кампании позже её окончания: проверьте даты.');
  if (!Number.isInteger(s.year) || s.year < 2000 || s.year > 2100) out.push(`Год указан неверно: «${s.year}».`);
  return out;
}
