/**
 * The sample municipality as the files its schools would send: each school's workbook (stamped Appendix 2 and
 * Appendix 3, filled) with a date received, and the awkward cases a coordinator meets — late reports, a school
 * that sent twice, values typed as `438 чел.` or `1 234` or numbers stored as text, and a file that is not a
 * workbook at all.
 */
import { defaultSettings, type CampaignSettings } from '../settings';
import type { CellInput, WorkbookPlan } from '../sheetPlan';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { stampAppendix3 } from '../forms/stampAppendix3';
import { GRADES, PARTNER_CATEGORIES } from '../forms/appendix3';
import { sampleMunicipality, seededRandom, type MunicipalityOptions, type MunicipalityTotals, type SchoolFigures } from './municipality';
import { TOMSK_LATE } from './names';

export interface SampleOptions extends MunicipalityOptions {
  /** Schools whose report arrives after the deadline (default 3, as in seed 000). */
  late?: number;
  /** One school sends an earlier, different version first (default true). */
  twice?: boolean;
  /** A few values typed the way people type them (default true). */
  messy?: boolean;
  /** One extra file that is not a workbook (default true). */
  broken?: boolean;
  /**
   * Which schools fill «Общее количество педагогов», the column the order's Word form does not have: all (default),
   * none, or every other school.
   */
  teachersTotal?: 'all' | 'none' | 'some';
}

export interface SampleFile {
  /** Suggested file name. */
  file: string;
  unit: string;
  /** Suggested date-time received, ISO local (YYYY-MM-DDTHH:MM). */
  received: string;
  /** The workbook to write; absent for the broken file, which has `bytes`. */
  workbook?: WorkbookPlan;
  bytes?: Uint8Array;
  /** What is special about the file, for people reading the sample. */
  note: string;
}

export interface Sample {
  /** The municipality's settings (the coordinator's side). */
  settings: CampaignSettings;
  deadline: string;
  files: SampleFile[];
  expectedUnits: string[];
  /** What a correct merge must give. */
  totals: MunicipalityTotals;
}

export const SAMPLE_MUNICIPALITY = 'Город Томск';

export function municipalSettings(over: Partial<CampaignSettings> = {}): CampaignSettings {
  return defaultSettings('autumn', 2023, {
    windowFrom: '2023-09-19',
    windowTo: '2023-10-13',
    schoolReportsDue: '2023-10-19',
    unit: SAMPLE_MUNICIPALITY,
    level: 'municipality',
    coordinator: { name: 'Кученко М.В.', post: 'директор МАОУ «Планирование карьеры»', phone: '(3822) 90-11-73', email: 'pk@example.ru' },
    ...over,
  });
}

/** A school's name as a file name: characters Windows refuses are dropped. */
export const fileNameOf = (unit: string): string => unit.replace(/[<>:"/\\|?*«»]/g, '').replace(/\s+/g, ' ').trim();

type Messy = (n: number) => CellInput;
const MESSY: Messy[] = [(n) => `${n} чел.`, (n) => n.toLocaleString('ru-RU').replace(/\u00a0/g, ' '), (n) => String(n)];

/**
 * How schools write a list of names in one cell: semicolons, commas (names have commas of their own, «Колледж
 * индустрии питания, торговли и сферы услуг»), one per line, or numbered.
 */
const LIST_STYLES: ((names: string[]) => string)[] = [
  (names) => names.join('; '),
  (names) => names.join(', '),
  (names) => names.join('\n'),
  (names) => names.map((n, k) => `${k + 1}) ${n}`).join('; '),
  (names) => names.map((n, k) => `${k + 1}. ${n}`).join('\n'),
];

function schoolWorkbook(
  s: SchoolFigures, base: CampaignSettings, messy: Messy | null, variant: (name: string) => string, list = LIST_STYLES[0], teachersTotal = true,
): WorkbookPlan {
  const settings: CampaignSettings = {
    ...base,
    unit: s.unit,
    level: 'school',
    coordinator: { name: s.plan[0]?.responsible.split(',')[0] ?? '', post: 'заместитель директора', phone: '8 (3822) 90-00-00', email: 'school@example.ru' },
  };
  const participants = s.grades.reduce((a, b) => a + b, 0);
  const ovzParticipants = s.ovzGrades.reduce((a, b) => a + b, 0);
  const names = PARTNER_CATEGORIES.flatMap((c) => s.partners[c]).map(variant);
  const big = (n: number): CellInput => (messy ? messy(n) : n);
  const row: Record<string, CellInput> = {
    unit: s.unit,
    schools: 1,
    schoolsActive: 1,
    events: s.events,
    students: big(s.students),
    participants: big(participants),
    teachers: s.teachers,
    teachersTotal: teachersTotal ? s.teachersTotal : null,
    ovzStudents: s.ovzStudents,
    ovzParticipants,
    partnersCount: names.length,
    partnersNames: list(names),
  };
  GRADES.forEach((g, i) => {
    row[`g${g}`] = s.grades[i];
    row[`ovzG${g}`] = s.ovzGrades[i];
  });
  const partners: Record<string, CellInput> = { unit: s.unit, partnersTotal: names.length };
  for (const c of PARTNER_CATEGORIES) {
    partners[`${c}Count`] = s.partners[c].length;
    partners[`${c}Names`] = list(s.partners[c].map(variant));
  }
  const plan = s.plan.map((e) => ({ ...e }) as unknown as Record<string, CellInput>);
  return {
    sheets: [
      stampAppendix2(settings, { fill: plan, rows: plan.length }),
      stampAppendix3(settings, { fill: { participation: [row], partners: [partners] }, rows: 1 }),
    ],
  };
}

/** How schools spell a partner: sometimes without the legal form, with other quotes, or in lower case. */
function spellings(rnd: () => number): (name: string) => string {
  return (name) => {
    const x = rnd();
    if (x < 0.15) return name.replace(/^(?:ООО|ЗАО|АО|ПАО|ИП)\s+/, '').replace(/[«»]/g, '');
    if (x < 0.25) return name.replace(/«/g, '"').replace(/»/g, '"');
    if (x < 0.3) return name.replace(/^ИП\s+/, 'И.П. ');
    if (x < 0.35) return name.toLowerCase();
    // Nested quotes whose outer one is left open: «АО «НПЦ «Полюс»».
    if (x < 0.45 && name.endsWith('»»')) return name.slice(0, -1);
    return name;
  };
}

/**
 * A sample file whose workbook is built when read, not held: 5 000 schools' stamped forms at once would take
 * gigabytes. Built afresh on every read; the same every time.
 */
function lazyWorkbook(f: Omit<SampleFile, 'workbook'>, build: () => WorkbookPlan): SampleFile {
  return Object.defineProperty(f, 'workbook', { get: build, enumerable: true }) as SampleFile;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

export function sampleSchoolWorkbooks(opts: SampleOptions = {}): Sample {
  const { schools, totals } = sampleMunicipality(opts);
  const settings = municipalSettings();
  const deadline = settings.schoolReportsDue;
  const rnd = seededRandom((opts.seed ?? 2023) + 1);
  const n = schools.length;
  const lateCount = Math.min(opts.late ?? 3, n);
  // Seed 000's late schools where the sample has them; otherwise every 17th school.
  const late = new Set(schools.map((s, i) => (TOMSK_LATE.includes(s.unit) ? i : -1)).filter((i) => i >= 0).slice(0, lateCount));
  for (let i = 0; late.size < lateCount; i = (i + 17) % n) late.add(i);
  const messyAt = new Map<number, Messy>(opts.messy === false ? [] : [[1, MESSY[0]], [Math.min(7, n - 1), MESSY[1]], [Math.min(12, n - 1), MESSY[2]]]);
  const twiceAt = opts.twice === false || n < 2 ? -1 : Math.min(5, n - 1);
  const withTeachersTotal = (i: number) => (opts.teachersTotal ?? 'all') === 'all' || (opts.teachersTotal === 'some' && i % 2 === 0);

  const onTimeFrom = Date.UTC(2023, 9, 13, 9);
  const onTimeSpan = Date.UTC(2023, 9, 19, 18) - onTimeFrom;
  const lateFrom = Date.UTC(2023, 9, 20, 9);
  // Each file spells partners with its own generator, so workbooks can be built lazily, in any order, alike.
  const baseSeed = (opts.seed ?? 2023) * 7919;
  const variantFor = (k: number) => spellings(seededRandom(baseSeed + k));
  const files: SampleFile[] = [];
  const used = new Set<string>();
  const uniqueName = (unit: string, suffix = '') => {
    let name = `${fileNameOf(unit)}${suffix}.xlsx`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${fileNameOf(unit)}${suffix} (${k}).xlsx`;
    used.add(name.toLowerCase());
    return name;
  };
  schools.forEach((s, i) => {
    const received = late.has(i)
      ? iso(lateFrom + Math.floor(rnd() * 3 * 86400000))
      : iso(onTimeFrom + Math.floor(rnd() * onTimeSpan));
    if (i === twiceAt) {
      // The first version: fewer events and a grade short; the school corrects it two days later.
      const first: SchoolFigures = { ...s, events: s.events + 11, grades: s.grades.map((g, k) => (k === 0 ? g - 1 : g)) };
      files.push(
        lazyWorkbook(
          {
            file: uniqueName(s.unit, ' (первая версия)'),
            unit: s.unit,
            received: iso(Date.parse(`${received}Z`) - 2 * 86400000),
            note: 'первая версия: заменяется исправленной',
          },
          () => schoolWorkbook(first, settings, null, variantFor(n + i + 1), LIST_STYLES[0], withTeachersTotal(i)),
        ),
      );
    }
    const messy = messyAt.get(i) ?? null;
    files.push(lazyWorkbook({
      file: uniqueName(s.unit),
      unit: s.unit,
      received,
      note: [late.has(i) ? 'с опозданием' : '', messyAt.has(i) ? 'числа введены текстом' : '', i === twiceAt ? 'исправленная версия' : '']
        .filter(Boolean)
        .join(', '),
    }, () => schoolWorkbook(s, settings, messy, variantFor(i), LIST_STYLES[i % LIST_STYLES.length], withTeachersTotal(i))));
  });
  if (opts.broken !== false) {
    files.push({
      file: uniqueName(schools[0].unit, ' (копия)'),
      unit: schools[0].unit,
      received: iso(onTimeFrom + 3600000),
      bytes: new TextEncoder().encode('Это письмо, сохранённое с расширением .xlsx, а не книга Excel.\n'),
      note: 'повреждённый файл: не книга Excel',
    });
  }
  return { settings, deadline, files, expectedUnits: schools.map((s) => s.unit), totals };
}
