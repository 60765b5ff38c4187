/**
 * The hidden sheet «ПК_Настройки»: the campaign settings as key/value rows, and the list of sheets the add-in owns
 * (any other sheet is the user's and only read). Plain cells, so it survives every spreadsheet program; read back
 * from a grid, so the same code serves files and the open workbook.
 */
import { defaultSettings, type CampaignSettings, type Season, type UnitLevel } from './settings';
import { SHEET } from './sheetNames';
import { emptySheetPlan, type CellInput, type SheetKind, type SheetPlan } from './sheetPlan';

type Grid = (string | number | boolean | null)[][];
export interface OwnedSheet {
  name: string;
  kind: SheetKind;
}

const FORMAT_KEY = 'format';
const FORMAT_VERSION = 1;
const SHEET_KEY = 'sheet';
const TARGET_PREFIX = 'target.';

type Field = {
  key: string;
  title: string;
  get: (s: CampaignSettings) => string | number;
  set: (s: CampaignSettings, v: string) => void;
};

const text = (k: 'windowFrom' | 'windowTo' | 'planDue' | 'schoolReportsDue' | 'reportDue' | 'unit' | 'orderReference', title: string): Field => ({
  key: k,
  title,
  get: (s) => s[k],
  set: (s, v) => {
    s[k] = v;
  },
});
const person = (k: 'name' | 'post' | 'phone' | 'email', title: string): Field => ({
  key: `coordinator.${k}`,
  title,
  get: (s) => s.coordinator[k],
  set: (s, v) => {
    s.coordinator[k] = v;
  },
});

/** Every field of CampaignSettings, in the order shown on the sheet. */
const FIELDS: Field[] = [
  { key: 'season', title: 'Кампания: spring — весенняя, autumn — осенняя', get: (s) => s.season, set: (s, v) => void (s.season = v as Season) },
  { key: 'year', title: 'Год кампании', get: (s) => s.year, set: (s, v) => void (s.year = Number(v)) },
  text('windowFrom', 'Начало кампании (ГГГГ-ММ-ДД)'),
  text('windowTo', 'Окончание кампании'),
  text('planDue', 'Срок плана (прил. 2) в регион'),
  text('schoolReportsDue', 'Срок отчётов школ муниципальному координатору'),
  text('reportDue', 'Срок отчёта (прил. 3) в регион'),
  text('unit', 'Муниципальное образование, ОГОО или школа'),
  { key: 'level', title: 'Уровень: school, municipality, ogoo, region', get: (s) => s.level, set: (s, v) => void (s.level = v as UnitLevel) },
  person('name', 'Координатор: ФИО'),
  person('post', 'Координатор: должность'),
  person('phone', 'Координатор: телефон'),
  person('email', 'Координатор: e-mail'),
  text('orderReference', 'Строка «к распоряжению…» над формами'),
];

const SEASONS: Season[] = ['spring', 'autumn'];
const LEVELS: UnitLevel[] = ['school', 'municipality', 'ogoo', 'region'];
const KINDS: SheetKind[] = [
  'appendix2', 'appendix3', 'monitoring', 'detail', 'consolidated-appendix3', 'consolidated-appendix2', 'consolidated-monitoring',
  'partners', 'register', 'indicators', 'note', 'settings', 'blank',
];

export const SETTINGS_TITLE = 'Профкампания: настройки кампании и листы надстройки (служебный лист — не изменяйте вручную)';

export function settingsSheet(settings: CampaignSettings, owned: OwnedSheet[]): SheetPlan {
  const plan = emptySheetPlan(SHEET.settings, 'settings');
  const rows: CellInput[][] = [
    [SETTINGS_TITLE, null, null],
    ['Ключ', 'Значение', 'Описание'],
    [FORMAT_KEY, FORMAT_VERSION, 'Версия этого листа'],
    ...FIELDS.map((f) => [f.key, f.get(settings), f.title]),
    ...Object.entries(settings.targets ?? {}).filter(([, v]) => typeof v === 'number').map(([k, v]) => [`${TARGET_PREFIX}${k}`, v as number, 'План показателя мониторинга, %']),
    [null, null, null],
    ['Листы надстройки', 'Имя листа', 'Вид'],
    ...owned.map((o) => [SHEET_KEY, o.name, o.kind]),
  ];
  plan.blocks.push({ at: 'A1', rows });
  plan.columnWidths = [22, 60, 50];
  plan.styles.push(
    { range: `B3:B${rows.length}`, style: { numberFormat: '@' } }, // dates stay text, not converted by Excel
    { range: 'A1:C2', style: { bold: true } },
  );
  plan.hidden = true;
  return plan;
}

/** An Excel date serial (someone's Excel may have turned a date text into one) back to ISO. */
const isoOf = (v: string | number): string =>
  typeof v === 'number' ? new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10) : v.trim();

/**
 * Settings and owned sheets from the settings sheet's cells; undefined when the grid is not such a sheet or its
 * season/year are unreadable. Missing fields take the calendar defaults.
 */
export function readSettingsSheet(cells: Grid): { settings: CampaignSettings; owned: OwnedSheet[] } | undefined {
  const values = new Map<string, string | number>();
  const owned: OwnedSheet[] = [];
  for (const row of cells) {
    const key = typeof row?.[0] === 'string' ? row[0].trim() : '';
    const v = row?.[1];
    if (key === SHEET_KEY) {
      const name = typeof v === 'string' ? v : v == null ? '' : String(v);
      const kind = String(row[2] ?? '').trim() as SheetKind;
      if (name && KINDS.includes(kind)) owned.push({ name, kind });
    } else if (key && v !== null && v !== undefined && typeof v !== 'boolean') {
      values.set(key, v);
    }
  }
  const season = String(values.get('season') ?? '').trim() as Season;
  const year = Number(values.get('year'));
  if (!SEASONS.includes(season) || !Number.isInteger(year)) return undefined;
  const settings = defaultSettings(season, year);
  settings.coordinator = { ...settings.coordinator };
  for (const f of FIELDS) {
    if (f.key === 'season' || f.key === 'year') continue;
    const v = values.get(f.key);
    if (v === undefined) continue;
    const isDate = ['windowFrom', 'windowTo', 'planDue', 'schoolReportsDue', 'reportDue'].includes(f.key);
    f.set(settings, isDate ? isoOf(v) : String(v));
  }
  if (!LEVELS.includes(settings.level)) settings.level = 'municipality';
  for (const [k, v] of values)
    if (k.startsWith(TARGET_PREFIX) && Number.isFinite(Number(v))) (settings.targets ??= {})[k.slice(TARGET_PREFIX.length)] = Number(v);
  return { settings, owned };
}
