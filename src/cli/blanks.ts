/**
 * `profkampaniya blanks --units СПИСОК --out ПАПКА` — one personalised blank per expected unit: the forms asked
 * for, with the unit, the campaign, the deadlines and the coordinator's contacts in place, headers locked.
 * A blank filled and sent back merges with `profkampaniya merge` as it is.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { BLANK_FORMS, blanksFor, FORM_TITLE, type BlankForm } from '../domain/blanks/blank';
import { defaultSettings, seasonFor, settingsProblems, type CampaignSettings, type Season, type UnitLevel } from '../domain/settings';
import { writeBook } from './writeBook';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';
import { readUnitsList } from './unitsList';

export const BLANKS_USAGE = `Использование: profkampaniya blanks --units СПИСОК --out ПАПКА [параметры]

Создаёт для каждой организации из списка свой бланк .xlsx: название организации, кампания, сроки и контакты
координатора уже вписаны, заголовки форм защищены от случайной правки (без пароля), ячейки для ввода открыты.
Заполненные и присланные бланки сводятся командой profkampaniya merge без ручной правки.

Параметры:
  --units СПИСОК            организации (.csv, .txt или .xlsx, по одной в строке, первый столбец) — обязательно
  --out ПАПКА               куда записать бланки (создаётся, если её нет) — обязательно
  --forms СПИСОК            какие формы включить, через запятую: report (отчёт, прил. 3), plan (план, прил. 2),
                            monitoring (мониторинг); по умолчанию report
  --season СЕЗОН            spring или autumn; по умолчанию — по текущей дате
  --year ГГГГ               год кампании
  --unit НАЗВАНИЕ           кто рассылает бланки (муниципальное образование или регион)
  --level УРОВЕНЬ           уровень рассылающего: municipality (по умолчанию, бланки для школ) или region
                            (бланки для муниципальных образований и ОГОО)
  --report-due ГГГГ-ММ-ДД   срок отчёта (по умолчанию — по календарю распоряжения 394-р)
  --plan-due ГГГГ-ММ-ДД     срок плана
  --coordinator-name ФИО, --coordinator-post ДОЛЖНОСТЬ, --coordinator-phone ТЕЛЕФОН, --coordinator-email E-MAIL
                            контакты координатора, которому присылают бланки
  --help                    эта справка

Код выхода: 0 — бланки записаны; 2 — ошибка в параметрах.`;

const one = (values: Record<string, string[]>, name: string): string | undefined => values[name]?.[0];
const ISO = /^\d{4}-\d{2}-\d{2}$/;


function parseForms(text: string | undefined): BlankForm[] {
  if (text === undefined) return ['report'];
  const forms = text.split(/[,;\s]+/).filter(Boolean);
  const bad = forms.filter((f) => !BLANK_FORMS.includes(f as BlankForm));
  if (bad.length || forms.length === 0)
    throw new UsageError(`Неизвестная форма: «${bad.join(', ') || text}». Допустимо: ${BLANK_FORMS.map((f) => `${f} (${FORM_TITLE[f]})`).join(', ')}.`);
  return forms as BlankForm[];
}

export async function blanks(args: string[], io: CliIO, today: Date = new Date()): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, {
    values: ['units', 'out', 'forms', 'season', 'year', 'unit', 'level', 'report-due', 'plan-due',
      'coordinator-name', 'coordinator-post', 'coordinator-phone', 'coordinator-email'],
    flags: ['help'],
  });
  if (flags.has('help')) {
    io.stdout.write(BLANKS_USAGE + '\n');
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError(`Лишние параметры: ${positionals.join(' ')}. Список организаций укажите через --units.`);
  const unitsFile = one(values, 'units');
  if (!unitsFile) throw new UsageError('Укажите список организаций: --units СПИСОК.csv.');
  const out = one(values, 'out');
  if (!out) throw new UsageError('Укажите папку для бланков: --out ПАПКА.');
  const forms = parseForms(one(values, 'forms'));
  const season = one(values, 'season') as Season | undefined;
  if (season !== undefined && season !== 'spring' && season !== 'autumn')
    throw new UsageError(`Неизвестная кампания: «${season}». Допустимо: spring или autumn.`);
  const yearText = one(values, 'year');
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100))
    throw new UsageError(`Год указан неверно: «${yearText}». Укажите год четырьмя цифрами.`);
  const level = (one(values, 'level') ?? 'municipality') as UnitLevel;
  if (level !== 'municipality' && level !== 'region')
    throw new UsageError(`Неизвестный уровень: «${level}». Допустимо: municipality (бланки для школ) или region (бланки для муниципалитетов).`);
  const guess = seasonFor(today);
  const settings: CampaignSettings = defaultSettings(season ?? guess.season, yearText ? Number(yearText) : guess.year, { level });
  settings.unit = one(values, 'unit')?.trim() ?? '';
  for (const [key, field] of [['report-due', level === 'region' ? 'reportDue' : 'schoolReportsDue'], ['plan-due', 'planDue']] as const) {
    const v = one(values, key);
    if (v === undefined) continue;
    if (!ISO.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`Срок --${key} указан неверно: «${v}». Укажите дату в виде ГГГГ-ММ-ДД.`);
    settings[field] = v;
  }
  settings.coordinator = {
    name: one(values, 'coordinator-name')?.trim() ?? '',
    post: one(values, 'coordinator-post')?.trim() ?? '',
    phone: one(values, 'coordinator-phone')?.trim() ?? '',
    email: one(values, 'coordinator-email')?.trim() ?? '',
  };
  const wrong = settingsProblems(settings);
  if (wrong.length) throw new UsageError(wrong.join('\n'));

  const units = await readUnitsList(unitsFile);
  try {
    await mkdir(out, { recursive: true });
  } catch (e) {
    throw new UsageError(`Не удалось создать папку «${out}»: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Укажите другую папку --out.`);
  }
  const list = blanksFor(units, { settings, forms });
  let replaced = 0;
  for (const b of list) {
    const file = path.join(out, b.fileName);
    if (existsSync(file)) replaced++;
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, await writeBook(b.plan));
      await rename(tmp, file);
    } catch (e) {
      throw new UsageError(`Не удалось записать «${file}»: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Возможно, файл открыт в Excel — закройте его и повторите.`);
    }
  }
  io.stdout.write(
    `Бланков записано: ${list.length} в папку ${out}${replaced ? ` (заменено прежних: ${replaced})` : ''}.\n` +
      `Формы: ${forms.map((f) => FORM_TITLE[f]).join(', ')}.\n` +
      (list.some((b) => b.fileName.replace(/\.xlsx$/, '') !== b.unit) ? 'Имена некоторых файлов изменены, чтобы их можно было сохранить на любом компьютере: название организации внутри бланка — как в списке.\n' : ''),
  );
  return EXIT.ok;
}
