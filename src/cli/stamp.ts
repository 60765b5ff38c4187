/** `profkampaniya stamp plan|report|monitoring` — write a blank official form (with the settings sheet) to an .xlsx file. */
import { writeFile } from 'node:fs/promises';
import { stampAppendix2 } from '../domain/forms/stampAppendix2';
import { stampAppendix3 } from '../domain/forms/stampAppendix3';
import { stampMonitoring } from '../domain/forms/monitoringStamp';
import { defaultSettings, LEVEL_TITLE, SEASON_TITLE, seasonFor, type Season, type UnitLevel } from '../domain/settings';
import { SHEET } from '../domain/sheetNames';
import { settingsSheet } from '../domain/settingsSheet';
import { writeBook } from './writeBook';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';

export const STAMP_USAGE = `Использование: profkampaniya stamp plan|report --out ФАЙЛ.xlsx [параметры]
               profkampaniya stamp monitoring --out ФАЙЛ.xlsx [параметры]

Записывает бланк официальной формы распоряжения № 394-р в новый файл .xlsx:
  plan     Приложение 2 «Сводный план Кампании»
  report   Приложение 3 «Сводный отчет об итогах Кампании»
  monitoring  форма мониторинга: показатели муниципального проекта (A, B, X = A × 100 / B), мероприятия по уровням
Бланк содержит столбец «Проверка»: после заполнения строки в нём видно, что в ней не так, или «ОК».

Параметры:
  --out ФАЙЛ.xlsx     куда записать (обязательно)
  --level УРОВЕНЬ     school (школа), municipality (муниципалитет, по умолчанию), ogoo (ОГОО), region (регион)
  --unit НАЗВАНИЕ     муниципальное образование, ОГОО или школа — впишется в бланк
  --season СЕЗОН      spring (весенняя) или autumn (осенняя); по умолчанию — по сегодняшней дате
  --year ГГГГ         год кампании; по умолчанию — текущий
  --rows ЧИСЛО        сколько строк для ввода (по умолчанию: план — 30, отчёт — 1, для региона — 30)
  --protect           защитить лист (без пароля): менять можно только ячейки для ввода
  --force             перезаписать существующий файл
  --help              эта справка`;

const LEVELS: UnitLevel[] = ['school', 'municipality', 'ogoo', 'region'];
const SEASONS: Season[] = ['spring', 'autumn'];

const one = (values: Record<string, string[]>, name: string): string | undefined => values[name]?.[0];

export async function stamp(args: string[], io: CliIO, today: Date = new Date()): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, {
    values: ['out', 'level', 'unit', 'season', 'year', 'rows'],
    flags: ['force', 'help', 'protect'],
  });
  if (flags.has('help')) {
    io.stdout.write(STAMP_USAGE + '\n');
    return EXIT.ok;
  }
  if (positionals.length !== 1 || !['plan', 'report', 'monitoring'].includes(positionals[0]))
    throw new UsageError(
      positionals.length === 0
        ? 'Укажите, какую форму записать: plan (приложение 2), report (приложение 3) или monitoring (мониторинг).'
        : `Неизвестная форма: «${positionals.join(' ')}». Укажите plan (приложение 2), report (приложение 3) или monitoring (мониторинг).`,
    );
  const form = positionals[0] as 'plan' | 'report' | 'monitoring';

  const out = one(values, 'out');
  if (!out) throw new UsageError('Укажите файл для записи: --out ФАЙЛ.xlsx.');
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Файл «${out}» должен иметь расширение .xlsx.`);

  const level = (one(values, 'level') ?? 'municipality') as UnitLevel;
  if (!LEVELS.includes(level))
    throw new UsageError(`Неизвестный уровень: «${level}». Допустимо: ${LEVELS.join(', ')}.`);

  const current = seasonFor(today);
  const season = (one(values, 'season') ?? current.season) as Season;
  if (!SEASONS.includes(season))
    throw new UsageError(`Неизвестная кампания: «${season}». Допустимо: spring (весенняя) или autumn (осенняя).`);

  const yearText = one(values, 'year');
  const year = yearText === undefined ? current.year : Number(yearText);
  if (!/^\d{4}$/.test(yearText ?? String(year)) || year < 2000 || year > 2100)
    throw new UsageError(`Год указан неверно: «${yearText}». Укажите год четырьмя цифрами, например --year ${current.year}.`);

  const rowsText = one(values, 'rows');
  const rows = rowsText === undefined ? undefined : Number(rowsText);
  if (rows !== undefined && (!/^\d+$/.test(rowsText as string) || rows < 1 || rows > 5000))
    throw new UsageError(`Число строк указано неверно: «${rowsText}». Укажите целое число от 1 до 5000.`);

  const settings = defaultSettings(season, year, { level, unit: (one(values, 'unit') ?? '').trim() });
  const protect = flags.has('protect');
  const sheet =
    form === 'plan' ? stampAppendix2(settings, { rows, protect })
    : form === 'monitoring' ? stampMonitoring(settings, { rows, protect })
    : stampAppendix3(settings, { rows, protect });
  const bytes = await writeBook({
    sheets: [
      sheet,
      settingsSheet(settings, [
        { name: sheet.name, kind: sheet.kind },
        { name: SHEET.settings, kind: 'settings' },
      ]),
    ],
  });

  try {
    // 'wx' fails if the file exists: a user's file is never replaced without --force.
    await writeFile(out, bytes, { flag: flags.has('force') ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST'
        ? `Файл «${out}» уже существует. Укажите другое имя или добавьте --force, чтобы перезаписать его.`
        : code === 'ENOENT'
          ? `Не удалось записать «${out}»: папки не существует. Создайте её или укажите другой путь.`
          : code === 'EACCES' || code === 'EPERM' || code === 'EBUSY'
            ? `Не удалось записать «${out}»: нет доступа или файл открыт в другой программе. Закройте его и повторите.`
            : `Не удалось записать «${out}»: ${(e as Error).message}`;
    io.stderr.write(why + '\n');
    return EXIT.usage;
  }

  const what = form === 'plan' ? 'Приложение 2 «Сводный план Кампании»' : form === 'monitoring' ? 'форма мониторинга' : 'Приложение 3 «Сводный отчет об итогах Кампании»';
  io.stdout.write(
    `Записан бланк: ${what}, ${SEASON_TITLE[season].adjective} кампания ${year}, ` +
      `уровень: ${LEVEL_TITLE[level]}${settings.unit ? ` «${settings.unit}»` : ''} → ${out} (лист «${sheet.name}»).\n`,
  );
  return EXIT.ok;
}
