/**
 * `profkampaniya check FILE... [--json] [--season spring|autumn] [--year YYYY]` — read each received workbook,
 * find its forms and check them by the rules of the order. Exit 0: no errors (warnings allowed); 1: errors;
 * 2: a file could not be read at all or the arguments are wrong (the other files are still checked).
 */
import { readFile, stat } from 'node:fs/promises';
import { readForms } from '../domain/read';
import { campaignOfPlan } from '../domain/read/campaign';
import { checkWorkbook } from '../domain/rules';
import { isDocumentPlace, rowOfPlace, type Problem } from '../domain/problems';
import { defaultSettings, seasonFor, SEASON_TITLE, type CampaignSettings, type Season } from '../domain/settings';
import { readSettingsSheet } from '../domain/settingsSheet';
import { SHEET } from '../domain/sheetNames';
import type { WorkbookGrid } from '../domain/grid';
import { countOf, formatDateRange, type PluralForms } from '../domain/text';
import { assertReadableSize, FileReadError, readWorkbookFile } from '../files/readWorkbook';
import { collectInputs, WORKBOOK_EXTENSIONS } from '../files/collectInputs';
import { EXIT, UsageError, parseArgs, type CliIO } from './io';

export const CHECK_USAGE = `Проверка заполненных форм (прил. 2 — план, прил. 3 — отчёт).

Использование: profkampaniya check ФАЙЛ_ИЛИ_ПАПКА... [--json] [--season spring|autumn] [--year ГГГГ]

  ФАЙЛ       .xlsx, .xlsm, .xlsb, .xls, .ods или .csv (UTF-8 или Windows-1251, разделитель «;» или «,»),
             а также документ Word или OpenDocument с таблицами формы (.docx, .doc, .odt);
             папка — все такие файлы в ней и во вложенных папках
  --json     вывести только JSON-массив замечаний {file, sheet, cell, code, severity, message, unit}
  --season   кампания: spring (весенняя) или autumn (осенняя); по умолчанию — из листа настроек файла
             или текущая
  --year     год кампании (для периода проведения и дат без года)

Код выхода: 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки, 2 — файл не удалось прочитать
или параметры указаны неверно. Список кодов замечаний: docs/validation-codes.md.`;

/** One line of the JSON output. */
export interface CheckRecord {
  file: string;
  sheet: string;
  cell: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** The unit the problem is about, where known (a workbook of collected sheets holds several). */
  unit?: string;
}

function settingsFrom(values: Record<string, string[]>): { season?: Season; year?: number } {
  const out: { season?: Season; year?: number } = {};
  const season = values.season?.[0];
  if (season !== undefined) {
    if (season !== 'spring' && season !== 'autumn')
      throw new UsageError(`Параметр --season: «${season}» — укажите spring (весенняя) или autumn (осенняя).`);
    out.season = season;
  }
  const year = values.year?.[0];
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100)
      throw new UsageError(`Параметр --year: «${year}» — укажите год четырьмя цифрами, например 2024.`);
    out.year = Number(year);
  }
  return out;
}

/**
 * The campaign the file is checked against: the options, else the file's settings sheet, else the campaign its
 * plan's dates fall in, else the current one. `source` says which, for the note printed when it was guessed.
 */
export function campaignFor(
  wb: WorkbookGrid,
  given: { season?: Season; year?: number },
  today = new Date(),
): { settings: CampaignSettings; source: 'options' | 'file' | 'plan' | 'today' } {
  const own = wb.sheets.find((s) => s.name === SHEET.settings);
  const fromFile = own ? readSettingsSheet(own.cells)?.settings : undefined;
  if (fromFile && (given.season === undefined || given.season === fromFile.season) && (given.year === undefined || given.year === fromFile.year))
    return { settings: fromFile, source: 'file' };
  const now = seasonFor(today);
  if (given.season !== undefined || given.year !== undefined || fromFile)
    return {
      settings: defaultSettings(given.season ?? fromFile?.season ?? now.season, given.year ?? fromFile?.year ?? now.year),
      source: 'options',
    };
  const fromPlan = campaignOfPlan(readForms(wb, { year: now.year }));
  if (fromPlan) return { settings: defaultSettings(fromPlan.season, fromPlan.year), source: 'plan' };
  return { settings: defaultSettings(now.season, now.year), source: 'today' };
}

const ERRORS: PluralForms = ['ошибка', 'ошибки', 'ошибок'];
const WARNINGS: PluralForms = ['предупреждение', 'предупреждения', 'предупреждений'];

const SEVERITY_WORD: Record<string, string> = { error: 'ошибка', warning: 'предупреждение', info: 'сведения' };

const rowOf = rowOfPlace;

/** Human output of one file: problems grouped by sheet, then by row. */
export function describeFile(file: string, problems: Problem[]): string {
  const shown = problems.filter((p) => p.severity !== 'info');
  const errors = shown.filter((p) => p.severity === 'error').length;
  const warnings = shown.length - errors;
  if (shown.length === 0) return `Файл «${file}»: замечаний нет.\n`;
  const lines = [
    `Файл «${file}»: ${errors ? countOf(errors, ERRORS) : 'ошибок нет'}${warnings ? `, ${countOf(warnings, WARNINGS)}` : ''}.`,
  ];
  const sheets = [...new Set(shown.map((p) => p.sheet))];
  for (const sheet of sheets) {
    const onSheet = shown.filter((p) => p.sheet === sheet).sort((a, b) => rowOf(a.cell) - rowOf(b.cell));
    // A workbook of collected units' sheets: each sheet is one unit's report, named beside it.
    const units = [...new Set(onSheet.map((p) => p.unit).filter(Boolean))];
    // A document has tables, not sheets: «Таблица 3.1».
    const inDocument = onSheet.some(isDocumentPlace);
    const heading = inDocument ? `  ${sheet.charAt(0).toUpperCase()}${sheet.slice(1)}` : `  Лист «${sheet}»`;
    lines.push(sheet ? `${heading}${units.length === 1 ? ` — ${units[0]}` : ''}` : '  Файл в целом');
    let lastRow = -1;
    for (const p of onSheet) {
      const row = rowOf(p.cell);
      if (row !== lastRow) {
        lines.push(row ? `    Строка ${row}${p.unit ? ` (${p.unit})` : ''}:` : '    Таблица в целом:');
        lastRow = row;
      }
      lines.push(`      ${p.cell ? `${p.cell}: ` : ''}${SEVERITY_WORD[p.severity]} [${p.code}] ${p.message}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A folder stands for the workbooks in it (recursively, lock files left out); a file stays as named, even if missing. */
async function expandFolders(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const isFolder = await stat(a).then((s) => s.isDirectory(), () => false);
    if (!isFolder) out.push(a);
    else {
      const found = await collectInputs([a]);
      if (found.length === 0) throw new UsageError(`В папке «${a}» нет файлов ${WORKBOOK_EXTENSIONS.join(', ')}.`);
      out.push(...found.map((f) => f.path));
    }
  }
  return out;
}

export async function check(args: string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(CHECK_USAGE + '\n');
    return EXIT.ok;
  }
  const { positionals, values, flags } = parseArgs(args, { values: ['season', 'year'], flags: ['json'] });
  if (positionals.length === 0) throw new UsageError('Не указан ни один файл для проверки.');
  const given = settingsFrom(values);
  const json = flags.has('json');
  const records: CheckRecord[] = [];
  let exit: number = EXIT.ok;
  for (const file of await expandFolders(positionals)) {
    let bytes: Uint8Array;
    let problems: Problem[];
    try {
      // The size first: a file of gigabytes is refused without being loaded.
      assertReadableSize((await stat(file)).size, file);
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      if (e instanceof FileReadError) {
        unreadable(file, e.message);
        continue;
      }
      const code = (e as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT'
          ? `Файл «${file}» не найден. Проверьте имя и папку.`
          : code === 'EISDIR'
            ? `«${file}» — это папка, а не файл. Укажите файлы отчётов.`
            : `Файл «${file}» не удалось открыть (${code ?? 'ошибка чтения'}). Проверьте права доступа.`;
      unreadable(file, message);
      continue;
    }
    try {
      const wb = readWorkbookFile(bytes, file);
      const { settings, source } = campaignFor(wb, given);
      const read = readForms(wb, { year: settings.year });
      problems = checkWorkbook(read, settings);
      if (source === 'plan')
        io.stderr.write(
          `Файл «${file}»: кампания не указана, сроки плана проверены по ${SEASON_TITLE[settings.season].genitive} кампании ${settings.year} г. ` +
            `(${formatDateRange(settings.windowFrom, settings.windowTo)}, по датам самого плана). Укажите --season и --year, чтобы проверить по другой.\n`,
        );
    } catch (e) {
      if (e instanceof FileReadError) {
        unreadable(file, e.message);
        continue;
      }
      throw e;
    }
    if (problems.some((p) => p.severity === 'error') && exit === EXIT.ok) exit = EXIT.problems;
    if (json) {
      for (const p of problems)
        if (p.severity !== 'info')
          records.push({ file: p.file, sheet: p.sheet, cell: p.cell, code: p.code, severity: p.severity, message: p.message, ...(p.unit ? { unit: p.unit } : {}) });
    } else io.stdout.write(describeFile(file, problems));
  }
  if (json) io.stdout.write(JSON.stringify(records, null, 2) + '\n');
  return exit;

  function unreadable(file: string, message: string): void {
    exit = EXIT.usage;
    if (json) {
      records.push({ file, sheet: '', cell: '', code: 'file-unreadable', severity: 'error', message });
      io.stderr.write(`${message}\n`);
    } else io.stdout.write(`Файл «${file}»: не прочитан. ${message}\n`);
  }
}
