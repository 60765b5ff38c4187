/**
 * `profkampaniya merge` — many units' received workbooks into one consolidated workbook: the consolidated
 * Appendix 3 (live formulas), the detail sheet, the consolidated plan, the partner register and the register of
 * received reports.
 *
 * An existing --out is rewritten only when every sheet in it is the add-in's own (listed on its settings sheet):
 * a coordinator's own sheets are never changed or dropped — the command refuses and says which sheets are in the way.
 * Its register keeps each file's first date received, so merging again with late files updates everything
 * without duplicating a row.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Carrier, DateSource, EarlierRegisterEntry, MergePolicy, MergeResult, ReceivedFile, Sender } from '../domain/consolidate/mergeTypes';
import { assumeCampaignOfReports, mergeSeason } from '../domain/season';
import { fileStatusTitle, readEarlierRegister } from '../domain/consolidate/registerSheet';
import { CONFIRM_DATES } from '../domain/consolidate/receiptDates';
import { containerText } from '../domain/consolidate/receipt';
import { organisationCounts, type OrganisationCounts, type ReportFate } from '../domain/consolidate/organisations';
import { withTargetsFrom } from '../domain/monitoring/consolidated';
import { SHEET_MONITORING_CONSOLIDATED } from '../domain/monitoring/sheetName';
import { campaignFigures, indicatorFigures, previousCampaign, PreviousCampaignError, type CampaignFigures, type IndicatorFigure, type IndicatorKey } from '../domain/indicators';
import { defaultSettings, SEASON_TITLE, seasonFor, type CampaignSettings, type Season, type UnitLevel } from '../domain/settings';
import { readSettingsSheet } from '../domain/settingsSheet';
import { SHEET } from '../domain/sheetNames';
import { formatNumber } from '../domain/text';
import { FileReadError, OWN_WORKBOOK_ROWS, readWorkbookFile } from '../files/readWorkbook';
import { writeBook } from './writeBook';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';
import { readUnitsList } from './unitsList';
import { readDatesFile } from './datesFile';
import { readAhead, receiveAll, receivedInputs } from './receive';
import { readerLine, stageTimer } from './timings';
import { collectGarbage } from './memory';

export const MERGE_USAGE = `Использование: profkampaniya merge ФАЙЛ|ПАПКА... --out СВОД.xlsx [параметры]

Сводит полученные отчёты (прил. 3) и планы (прил. 2) в один файл: сводный отчёт для вышестоящего уровня
(формулы по листу «${SHEET.detail}»), свод по организациям, сводный план, реестр партнёров и реестр полученных отчётов.
Папки просматриваются вместе с вложенными; читаются .xlsx, .xlsm, .xlsb, .xls, .ods, .csv и документы Word
и OpenDocument с таблицами формы (.docx, .doc, .odt). Каждый файл в папках попадает в реестр: принят,
заменён или отклонён с причиной; пропускаются только служебные файлы системы (~$…, Thumbs.db, .DS_Store),
их список выводится отдельно.
Организация, приславшая отчёт дважды, учитывается один раз — по более позднему файлу.

Параметры:
  --out ФАЙЛ.xlsx       куда записать свод (обязательно). Если файл уже есть и в нём только листы «Профкампании»,
                        он перезаписывается, а даты получения файлов берутся из его реестра. Если в нём есть
                        ваши листы, свод не записывается: укажите другой файл.
  --units СПИСОК        список ожидаемых организаций (.csv, .txt или .xlsx, по одной в строке, первый столбец):
                        реестр покажет, кто не прислал отчёт
  --deadline ГГГГ-ММ-ДД срок представления: отчёты, полученные позже, отмечаются как поступившие с опозданием.
                        Дата получения — дата письма (для писем), иначе дата из реестра прежнего свода или из
                        --dates, иначе время изменения файла. Если файлы изменены после срока почти одновременно
                        (вложения сохранены, папка скопирована), опоздание не подтверждается: статус
                        «срок не подтверждён», а не «с опозданием»
  --dates ФАЙЛ          даты получения, заданные вручную (.csv, .txt или .xlsx): в строке имя файла или
                        организации и дата через «;» — «МБОУ СОШ № 1.xlsx;18.10.2023 14:05» (дд.мм.гггг
                        [чч:мм]); важнее всех других дат. Дату можно и вписать в столбец «Получен» листа
                        «Реестр отчётов» свода — следующий свод в этот файл её сохранит
  --refuse-errors       не включать в свод файлы с ошибками (они попадут в реестр с причиной)
  --merge-errors        включать файлы с ошибками (по умолчанию), число ошибок видно в реестре
  --unit НАЗВАНИЕ       кто составляет свод (муниципальное образование, регион) — впишется в сводный отчёт
  --level УРОВЕНЬ       municipality (по умолчанию), ogoo или region
  --season СЕЗОН        spring или autumn; по умолчанию — из прежнего свода или по дате
  --year ГГГГ           год кампании
  --previous ФАЙЛ.xlsx  свод прошлой кампании, сохранённый «Профкампанией», для сравнения (можно указать
                        несколько раз): на листе «Показатели» появятся прежние значения, изменения и графики
  --json                вывести итоги в формате JSON (только JSON, без пояснений)
  --help                эта справка

Код выхода: 0 — свод записан; 1 — свод записан, но ни один отчёт не принят; 2 — ошибка в параметрах.`;

const LEVELS: UnitLevel[] = ['school', 'municipality', 'ogoo', 'region'];
/** A heap this large after merging (some 2,500 schools and more) is worth collecting before writing (memory.ts). */
const LARGE_HEAP = 256 * 2 ** 20;
const SEASONS: Season[] = ['spring', 'autumn'];
/** What a merge takes over from the output it rewrites: the settings, the register, the monitoring targets typed in. */
const READ_BACK = new Set<string>([SHEET.settings, SHEET.register, SHEET_MONITORING_CONSOLIDATED]);
const one = (values: Record<string, string[]>, name: string): string | undefined => values[name]?.[0];

/** What the JSON output promises (see the usage text of the brief). */
export interface MergeJson {
  /** `status` is the file's fate in the merge; `label` the same words as «Реестр отчётов». */
  files: {
    file: string; unit: string; status: string; label: string; onTime: boolean | null; errors: number; warnings: number; reason: string; received: string;
    /** The reports the file held (one per unit's form: a workbook of collected sheets holds several), each with its sheet. */
    reports: { sheet: string; unit: string; status: string; reason: string }[];
    /** Where `received` came from: `message` (the letter's Date), `modified` (the file's time), `manual` (given). */
    dateSource: DateSource;
    /** For a file that came by e-mail: its letter's sender, and the letters and archives around it (outermost first). */
    sender?: Sender;
    via?: Carrier[];
    /** The register's «Письмо, вложение» words; '' for a file received on its own. */
    container: string;
    /**
     * Present when `received` is a modification time that looks like a save, after the deadline: why, and what to
     * do. `onTime` is then null and the organisation's status `unconfirmed` («срок не подтверждён»), never late.
     */
    dateDoubt?: string;
  }[];
  /** One line per organisation: `status` a ReportFate, `label` its Russian words (consolidate/organisations.ts). */
  organisations: { unit: string; status: ReportFate; label: string; onList: boolean | null; file: string; received: string; onTime: boolean | null; errors: number; warnings: number; reason: string }[];
  /** `expected` is the base of the shares of organisations; `unconfirmed` those whose lateness is not confirmed. */
  counts: OrganisationCounts;
  /** Lines of the --dates file that named no received file and no organisation in one. */
  datesUnmatched?: { line: number; name: string }[];
  missing: string[];
  refused: string[];
  offList: string[];
  totals: MergeResult['totals'];
  /**
   * Every indicator of «Показатели»: A, B (absent for a count) and X, the same numbers as the sheet, the pane and
   * the note («92 %» is always «61 из 66» here too); X is null where B is 0.
   */
  indicators: IndicatorFigure[];
  accounting: MergeResult['accounting'];
  out: string;
}


/** An existing output: its settings and register when it is ours; a refusal when it holds the user's own sheets. */
async function existingOutput(out: string): Promise<{ settings?: CampaignSettings; register: EarlierRegisterEntry[] }> {
  if (!existsSync(out)) return { register: [] };
  let wb;
  try {
    // Values are all it needs (the fast reader), and of the sheets only those it takes over; the others are
    // rewritten (a region's own plan sheet runs past a received form's rows, and reading it cost seconds).
    wb = readWorkbookFile(new Uint8Array(await readFile(out)), path.basename(out), { formulas: false, maxRows: OWN_WORKBOOK_ROWS, sheets: (name) => READ_BACK.has(name) });
  } catch (e) {
    throw new UsageError(
      `Файл «${out}» уже существует, но его не удалось прочитать (${(e as Error).message}). Свод не записан, чтобы не испортить его: укажите другой файл --out.`,
    );
  }
  const settingsGrid = wb.sheets.find((s) => s.name === SHEET.settings);
  const saved = settingsGrid ? readSettingsSheet(settingsGrid.cells) : undefined;
  const owned = new Set([SHEET.settings as string, ...(saved?.owned.map((o) => o.name) ?? [])]);
  const foreign = wb.sheets.filter((s) => !owned.has(s.name)).map((s) => `«${s.name}»`);
  if (foreign.length)
    throw new UsageError(
      `В файле «${out}» есть листы, созданные не «Профкампанией»: ${foreign.join(', ')}. Чтобы не изменить их, свод в этот файл не записан. Укажите другой файл --out или перенесите эти листы в другую книгу.`,
    );
  // The plan values typed into «Мониторинг Свод» stay: the sheet is rewritten, the coordinator's targets are not lost.
  return { settings: saved ? withTargetsFrom(wb, saved.settings) : undefined, register: readEarlierRegister(wb) ?? [] };
}

/** Earlier campaigns' consolidated files (--previous); the season's merge puts them in order. */
async function readPreviousCampaigns(files: string[]): Promise<CampaignFigures[]> {
  const out: CampaignFigures[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new UsageError(`Не удалось прочитать свод прошлой кампании «${file}»: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Проверьте путь.`);
    }
    try {
      out.push(previousCampaign(readWorkbookFile(bytes, path.basename(file), { formulas: false, maxRows: OWN_WORKBOOK_ROWS })));
    } catch (e) {
      if (e instanceof FileReadError || e instanceof PreviousCampaignError) throw new UsageError(e.message);
      throw e;
    }
  }
  return out;
}

/** The shares a coordinator reads first, each with the A and B it is computed from. */
const SUMMARY_SHARES: IndicatorKey[] = ['participation', 'schoolsActive', 'teachers', 'reportsOnTime'];

function humanSummary(result: MergeResult, settings: CampaignSettings, out: string): string {
  const t = result.totals;
  const n = organisationCounts(result.organisations);
  // Not on time is not late: say how many of the rest are only unconfirmed.
  const unconfirmedNote = (key: IndicatorKey) => (key === 'reportsOnTime' && n.unconfirmed ? `; срок не подтверждён у ${formatNumber(n.unconfirmed)}` : '');
  const shares = indicatorFigures(campaignFigures(result, settings))
    .filter((i) => SUMMARY_SHARES.includes(i.key))
    .map((i) => `${i.title}: ${i.x === null ? 'не рассчитывается (B = 0)' : `${i.x} %`} (${formatNumber(i.a)} из ${formatNumber(i.b ?? 0)}${unconfirmedNote(i.key)})`);
  const c = (s: string) => result.files.filter((f) => f.status === s).length;
  const lines = [
    `Свод записан: ${out}`,
    `Файлов: ${result.files.length} (принято ${c('merged')}, заменено более поздними ${c('superseded')}, отклонено ${c('refused')}${c('not-report') ? `, не отчёты ${c('not-report')}` : ''}); организаций в своде: ${result.units.length} из ${n.expected}.`,
    `Приняли участие ${formatNumber(t.participants)} из ${formatNumber(t.students)} обучающихся 5–11 классов; мероприятий: ${formatNumber(t.events)}; педагогов: ${formatNumber(t.teachers)}.`,
    `Партнёров (различных организаций): ${t.partners.distinct}; профобразование ${t.partners.professionalEducation}, предприятия ${t.partners.companies}, предприниматели ${t.partners.business}, родители/НКО/выпускники ${t.partners.community}.`,
    ...shares.map((l) => `${l}.`),
  ];
  const late = result.files.filter((f) => f.onTime === false && f.status === 'merged');
  if (late.length) lines.push(`С опозданием: ${late.map((f) => f.unit || f.file).join('; ')}.`);
  const doubtful = result.organisations.filter((o) => o.fate === 'unconfirmed');
  if (doubtful.length)
    lines.push(
      `Срок не подтверждён (${doubtful.length}): ${doubtful.map((o) => o.unit).join('; ')}. Даты этих файлов — время их изменения после срока, похожее на сохранение вложений или копирование папки, а не на получение: ` +
        `опоздавшими они не считаются. Чтобы подтвердить сроки, ${CONFIRM_DATES}.`,
    );
  if (result.refused.length) lines.push(`Прислали отчёт, но он отклонён (${result.refused.length}): ${result.refused.join('; ')}.`);
  if (result.missing.length) lines.push(`Не прислали отчёт (${result.missing.length}): ${result.missing.join('; ')}.`);
  if (result.offList.length) lines.push(`Нет в списке ожидаемых (приняты, проверьте названия): ${result.offList.join('; ')}.`);
  for (const f of result.files.filter((f) => f.status !== 'merged' || f.reason))
    lines.push(`  ${f.file}: ${fileStatusTitle(f)}${f.reason ? ` — ${f.reason}` : ''}`);
  return lines.join('\n') + '\n';
}

/** The --json output (MergeJson). */
function mergeJson(result: MergeResult, settings: CampaignSettings, out: string): MergeJson {
  return {
    files: result.files.map((f) => ({
      file: f.file, unit: f.unit, status: f.status, label: fileStatusTitle(f), onTime: f.onTime, errors: f.errors, warnings: f.warnings, reason: f.reason, received: f.received, reports: f.reports,
      dateSource: f.dateSource ?? 'modified', ...(f.sender ? { sender: f.sender } : {}), ...(f.via?.length ? { via: f.via } : {}), container: containerText(f),
      ...(f.dateDoubt ? { dateDoubt: f.dateDoubt } : {}),
    })),
    organisations: result.organisations.map((o) => ({
      unit: o.unit, status: o.fate, label: o.label, onList: o.onList, file: o.file, received: o.received, onTime: o.onTime, errors: o.errors, warnings: o.warnings, reason: o.reason,
    })),
    counts: organisationCounts(result.organisations),
    ...(result.givenDatesUnmatched?.length ? { datesUnmatched: result.givenDatesUnmatched.map((g) => ({ line: g.line, name: g.name })) } : {}),
    missing: result.missing,
    refused: result.refused,
    offList: result.offList,
    totals: result.totals,
    indicators: indicatorFigures(campaignFigures(result, settings)),
    accounting: result.accounting,
    out,
  };
}

export async function merge(args: string[], io: CliIO, today: Date = new Date()): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, {
    values: ['out', 'units', 'deadline', 'dates', 'unit', 'level', 'season', 'year'],
    repeatable: ['previous'],
    flags: ['json', 'refuse-errors', 'merge-errors', 'help'],
  });
  if (flags.has('help')) {
    io.stdout.write(MERGE_USAGE + '\n');
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('Укажите файлы или папки с полученными отчётами.');
  const out = one(values, 'out');
  if (!out) throw new UsageError('Укажите файл для свода: --out СВОД.xlsx.');
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Файл свода «${out}» должен иметь расширение .xlsx.`);
  if (flags.has('refuse-errors') && flags.has('merge-errors'))
    throw new UsageError('Укажите что-то одно: --refuse-errors или --merge-errors.');
  const policy: MergePolicy = flags.has('refuse-errors') ? 'refuse-errors' : 'merge-with-errors';
  const deadline = one(values, 'deadline');
  if (deadline !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || Number.isNaN(Date.parse(deadline))))
    throw new UsageError(`Срок указан неверно: «${deadline}». Укажите дату в виде ГГГГ-ММ-ДД, например --deadline 2023-10-19.`);
  const level = one(values, 'level') as UnitLevel | undefined;
  if (level !== undefined && !LEVELS.includes(level)) throw new UsageError(`Неизвестный уровень: «${level}». Допустимо: municipality, ogoo, region.`);
  const season = one(values, 'season') as Season | undefined;
  if (season !== undefined && !SEASONS.includes(season)) throw new UsageError(`Неизвестная кампания: «${season}». Допустимо: spring или autumn.`);
  const yearText = one(values, 'year');
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100))
    throw new UsageError(`Год указан неверно: «${yearText}». Укажите год четырьмя цифрами.`);

  readAhead();
  const expectedUnits = values.units ? await readUnitsList(values.units[0]) : [];
  const givenDates = values.dates ? await readDatesFile(values.dates[0]) : undefined;
  const previous = await existingOutput(out);
  const basis = deadline ? new Date(`${deadline}T12:00:00`) : today;
  const guess = seasonFor(basis);
  const settings: CampaignSettings = previous.settings
    ? { ...previous.settings }
    : defaultSettings(season ?? guess.season, yearText ? Number(yearText) : guess.year, { level: 'municipality' });
  if (season) settings.season = season;
  if (yearText) settings.year = Number(yearText);
  if (level) settings.level = level;
  const unit = one(values, 'unit');
  if (unit !== undefined) settings.unit = unit.trim();

  const inputs = await receivedInputs(positionals, [out, ...(values.units ?? []), ...(values.dates ?? [])], io);

  const timer = stageTimer(process.env.PROFKAMPANIYA_TIMINGS === '1', (line) => io.stderr.write(line));
  timer.stage('подготовка');
  // No campaign named anywhere: the merge takes it from the received plans' dates (the rules run again under it).
  const campaignUnnamed = !previous.settings && !season && !yearText && !deadline;
  const received = await receiveAll(inputs, settings, { guessCampaign: campaignUnnamed });
  let files: ReceivedFile[] = received.files;
  timer.stage(`чтение и проверка (потоков: ${received.workers ? `основной и ${received.workers}` : 'основной'})`);
  timer.note(readerLine(received.reader));
  if (campaignUnnamed) {
    const { files: checked, assumed } = assumeCampaignOfReports(files, settings);
    files = checked;
    if (assumed) {
      Object.assign(settings, assumed.settings);
      io.stderr.write(
        `Кампания не указана: по датам полученных планов это ${SEASON_TITLE[assumed.campaign.season].adjective} кампания ${assumed.campaign.year} г. ` +
          `Если это не так, укажите --season и --year (и --deadline, чтобы отметить опоздавших).\n`,
      );
    }
  }
  const earlierCampaigns = await readPreviousCampaigns(values.previous ?? []);
  // Throws AccountingError (in Russian, nothing written) should the merge ever lose or double-count a row.
  let merged: ReturnType<typeof mergeSeason> | undefined = mergeSeason({ files, settings, expectedUnits, deadline, policy, earlierRegister: previous.register, givenDates, previous: earlierCampaigns });
  const { plan, documentDate } = merged;
  timer.stage('свод и листы');
  for (const g of merged.result.givenDatesUnmatched ?? [])
    io.stderr.write(`Файл дат, строка ${g.line}: «${g.name}» — нет ни такого файла, ни организации с таким названием среди полученных; дата не применена. Проверьте написание.\n`);
  // What is printed at the end is made now, and the received forms and the merge's result are let go before
  // writing: the sheet plans hold all the workbook needs, and 5,000 schools' forms are a few hundred megabytes.
  const output = flags.has('json') ? JSON.stringify(mergeJson(merged.result, settings, out), null, 2) + '\n' : humanSummary(merged.result, settings, out);
  const code = merged.result.units.length > 0 ? EXIT.ok : EXIT.problems;
  merged = undefined;
  files = [];
  received.files.length = 0;
  // The forms just let go are a few hundred megabytes at 5,000 schools, and V8 would collect them only once writing
  // had grown the heap further still: collected now, the peak is the sheet plans and the writing alone.
  if (process.memoryUsage().heapUsed > LARGE_HEAP) collectGarbage();
  // The one writer, streaming: a region's plan sheet runs to tens of thousands of rows (see bench/).
  const bytes = await writeBook(plan, documentDate);
  timer.stage('запись xlsx');
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, out);
  } catch (e) {
    throw new UsageError(`Не удалось записать «${out}»: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Возможно, файл открыт в Excel — закройте его и повторите.`);
  }

  timer.stage('сохранение');
  timer.report();
  io.stdout.write(output);
  if (!flags.has('json')) {
    // The level above reads the unit from the consolidated report: without it, the report is refused there.
    if (!settings.unit)
      io.stdout.write('Внимание: не указано, кто составляет свод — графа «Муниципальное образование» в сводном отчёте пуста. Повторите с --unit «Название».\n');
  }
  return code;
}
