/** The words of the steps, results and figures (spread into strings.ts), Russian and English. */
import { countOf, formatNumber, NOUN } from '../domain/text';
import { fateLabel, type ReceiptCounts, type ReportFate } from '../domain/consolidate/organisations';
import type { OrgRow, OrgStatus } from './services/organisations';
import { type DateKey, type SettingsIssue } from './services/settingsRules';
import { isoToDisplay } from './services/dates';
import type { CampaignId } from '../domain/indicators/campaign';
import type { PartnerCategory } from '../domain/forms/appendix3';

const PARTNERS_EN: Record<PartnerCategory, string> = {
  professionalEducation: 'Vocational schools, colleges and universities',
  companies: 'Companies and enterprises',
  business: 'Entrepreneurs and the business community',
  community: 'Parents, non-profits, alumni and others',
};

const errorsRu = (n: number) => countOf(n, ['ошибка', 'ошибки', 'ошибок']);
const warningsRu = (n: number) => countOf(n, ['предупреждение', 'предупреждения', 'предупреждений']);
const filesRu = (n: number) => countOf(n, ['файл', 'файла', 'файлов']);
const en = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The received files as «Реестр отчётов» counts its lines: a refused file or a set-aside sheet is never hidden. */
const receiptLineRu = (r: ReceiptCounts) =>
    `По «Реестру отчётов»: в своде ${formatNumber(r.merged)}` +
    (r.superseded ? `, заменены более поздними ${formatNumber(r.superseded)}` : '') +
    (r.refused ? `, отклонены ${formatNumber(r.refused)}${r.setAside ? ` (из них повторные или скрытые листы: ${formatNumber(r.setAside)})` : ''}` : '') +
    (r.notReports ? `, не отчёты ${formatNumber(r.notReports)}` : '') +
    '.';
const receiptLineEn = (r: ReceiptCounts) =>
    `In «Реестр отчётов»: merged ${formatNumber(r.merged)}` +
    (r.superseded ? `, superseded by later ones ${formatNumber(r.superseded)}` : '') +
    (r.refused ? `, refused ${formatNumber(r.refused)}${r.setAside ? ` (of them repeated or hidden sheets: ${formatNumber(r.setAside)})` : ''}` : '') +
    (r.notReports ? `, not reports ${formatNumber(r.notReports)}` : '') +
    '.';

const DATE_RU: Record<DateKey, string> = {
  windowFrom: 'начала кампании',
  windowTo: 'окончания кампании',
  planDue: 'срока плана',
  schoolReportsDue: 'срока отчётов школ',
  reportDue: 'срока отчёта в регион',
};
const DATE_TITLE_RU: Record<DateKey, string> = {
  windowFrom: 'Начало кампании',
  windowTo: 'Окончание кампании',
  planDue: 'Срок плана',
  schoolReportsDue: 'Срок отчётов школ',
  reportDue: 'Срок отчёта в регион',
};
const DATE_EN: Record<DateKey, string> = {
  windowFrom: 'the campaign’s start',
  windowTo: 'the campaign’s end',
  planDue: 'the plan’s deadline',
  schoolReportsDue: 'the schools’ deadline',
  reportDue: 'the region’s deadline',
};

/** A merge's words are the core's (FATE_TITLE: the register, the note and the command line say the same). */
const CHECK_RU = { checkedErrors: 'есть ошибки', checkedWarnings: 'есть предупреждения', checkedClean: 'ошибок нет', unreadable: 'файл не прочитан' };
const CHECK_EN = { checkedErrors: 'errors', checkedWarnings: 'warnings', checkedClean: 'no problems', unreadable: 'file not read' };
const statusText = (s: OrgStatus, errors: number, lang: 'ru' | 'en'): string =>
  s in CHECK_RU ? (lang === 'ru' ? CHECK_RU : CHECK_EN)[s as keyof typeof CHECK_RU] + (s === 'checkedErrors' ? ` (${formatNumber(errors)})` : '') : fateLabel(s as ReportFate, errors, lang);

export const ruSteps = {
  stepsLabel: 'Шаги кампании',
  stepSettings: 'Настройки',
  stepForms: 'Формы',
  stepCheck: 'Проверка',
  stepMerge: 'Свод',
  stepSummary: 'Сводка',
  next: 'Дальше',
  startTitle: 'С чего начать',
  startText: 'Впишите свою организацию и проверьте сроки кампании, затем сохраните настройки. Дальше по шагам: бланки для школ, проверка присланных файлов, свод, сводка.',
  // files picked once for check and merge
  filesNone: 'Файлы ещё не выбраны: нажмите «Выбрать файлы отчётов…» и отметьте в окне все присланные файлы.',
  filesPicked: (n: number) => `Выбрано: ${filesRu(n)}. Они же используются и для проверки, и для свода.`,
  filesChange: 'Выбрать другие файлы…',
  progressFile: (doing: string, done: number, total: number, file: string) => `${doing}: файл ${formatNumber(done)} из ${formatNumber(total)}: «${file}»`,
  doingCheck: 'Проверка',
  checkRun: 'Проверить выбранные файлы',
  doingMerge: 'Свод',
  cancelled: (done: number, total: number) => `Отменено: прочитано ${formatNumber(done)} из ${filesRu(total)}. Ничего не записано.`,
  checkDone: (files: number, errors: number, unreadable: number) =>
    `Проверено: ${filesRu(files)}. ` +
    (errors + unreadable === 0 ? 'Ошибок не найдено.' : [errors ? `С ошибками: ${filesRu(errors)}` : '', unreadable ? `не прочитано: ${filesRu(unreadable)}` : ''].filter(Boolean).join('; ').replace(/^н/, 'Н') + '.'),
  workbookChecked: (file: string, errors: number, warnings: number) =>
    errors + warnings === 0 ? `«${file}»: ошибок не найдено.` : `«${file}»: ${errorsRu(errors)}, ${warningsRu(warnings)}.`,
  marked: (n: number, button: string) => ` Отмечено ячеек: ${formatNumber(n)} (отметки снимает кнопка «${button}»).`,
  marksCleared: (n: number) => `Снято отметок: ${formatNumber(n)}.`,
  mergeDone: (units: number, refused: number, missing: number, receipt: ReceiptCounts) =>
    `В своде ${countOf(units, NOUN.unit)}. ${receiptLineRu(receipt)}` +
    (refused ? ` Прислали, но всё отклонено: ${formatNumber(refused)}.` : '') + (missing ? ` Не прислали: ${formatNumber(missing)}.` : ''),
  receiptLine: receiptLineRu,
  /** Reports whose lateness rests on files' times that look like a save (organisations.ts «срок не подтверждён»). */
  datesUnconfirmed: (n: number, excel: boolean) =>
    `Срок не подтверждён: ${formatNumber(n)} — даты этих файлов после срока, но это время их сохранения или копирования, а не получения, поэтому опоздавшими они не считаются. ` +
    (excel
      ? 'Чтобы подтвердить сроки, сведите сами письма (.eml, .msg) — дата возьмётся из письма — или впишите даты получения в столбец «Получен» листа «Реестр отчётов» и сведите ещё раз.'
      : 'Чтобы подтвердить сроки, сведите сами письма (.eml, .msg) — дата возьмётся из письма — или сведите в Excel и впишите даты в столбец «Получен» листа «Реестр отчётов».'),
  expectedCount: (n: number) => `В списке: ${countOf(n, NOUN.unit)}.`,
  // results
  resultsCheck: 'Результат проверки по организациям',
  resultsMerge: 'Результат свода по организациям',
  onlyAttention: (n: number) => `Только требующие внимания (${formatNumber(n)})`,
  rowsShown: (shown: number, total: number) => (shown === total ? `Всего: ${formatNumber(total)}` : `Показано ${formatNumber(shown)} из ${formatNumber(total)}`),
  nothingNeedsAttention: 'Внимания не требует ни одна организация.',
  unitUnknown: 'Организация не указана',
  orgStatus: (s: OrgStatus, errors: number) => statusText(s, errors, 'ru'),
  orgMeta: (r: OrgRow) =>
    [
      r.file ? `«${r.file}»` : 'файла нет',
      r.received ? `получен ${isoToDisplay(r.received.slice(0, 10))}` : '',
      r.file ? `${errorsRu(r.errors)}, ${warningsRu(r.warnings)}` : '',
      ...r.supersededFiles.map((f) => `«${f}» заменён более поздним`),
    ]
      .filter(Boolean)
      .join(' · '),
  supersededFiles: (files: string[]) => `Заменён более поздним: ${files.map((f) => `«${f}»`).join(', ')}.`,
  pages: 'Страницы списка',
  prevPage: 'Назад',
  nextPage: 'Дальше',
  pageOf: (from: number, to: number, total: number) => `${formatNumber(from)}–${formatNumber(to)} из ${formatNumber(total)}`,
  // figures
  figuresTitle: (label: string, _campaign?: CampaignId) => `Показатели: ${label}`,
  /** The form's own title (the core's) in Russian. */
  partnerCategory: (_key: PartnerCategory, title: string) => title,
  figParticipants: 'Обучающиеся 5–11 классов, принявшие участие',
  figOf: (a: number, b: number) => `${formatNumber(a)} из ${formatNumber(b)}`,
  figOvz: 'Из них с ОВЗ',
  figTeachers: 'Педагоги, принявшие участие',
  figTeachersShare: (x: number) => `${formatNumber(x)} % педагогов (где указано их число)`,
  figEvents: 'Проведено мероприятий',
  figSchoolsActive: 'Организации, проводившие мероприятия',
  figOnTime: 'Отчёты в срок',
  figReports: (r: { onTime: number; late: number; refused: number; missing: number; received: number }) =>
    [`в срок ${formatNumber(r.onTime)}`, `с опозданием ${formatNumber(r.late)}`, r.received ? `срок не подтверждён ${formatNumber(r.received)}` : '', r.refused ? `отклонены ${formatNumber(r.refused)}` : '', `не прислали ${formatNumber(r.missing)}`].filter(Boolean).join(', '),
  figPartners: 'Партнёры по категориям (разных организаций):',
  figByGrade: 'Участники по классам',
  grade: (g: number) => `${g} класс`,
  figReportsChart: 'Отчёты организаций',
  legendOnTime: 'в срок',
  legendLate: 'с опозданием',
  legendRefused: 'отклонены',
  legendMissing: 'не прислали',
  legendUnconfirmed: 'срок не подтверждён',
  // summary
  summaryRefresh: 'Обновить сводку по своду книги',
  summaryPrevious: 'Добавить прошлые кампании…',
  summaryPreviousCount: (n: number) => `Прошлых кампаний для сравнения: ${formatNumber(n)}.`,
  summaryNeedMerge: 'Сводка строится по своду: сначала сведите отчёты на шаге «Свод».',
  summaryHintExcel2: 'Исправили числа на листе «Свод по ОО»? Обновите сводку: «Показатели» и «Аналитическая справка» пересчитаются по листу, прошлые кампании добавятся для сравнения.',
  summaryHintBrowser2: 'Показатели и аналитическая справка уже в файле свода. Здесь к ним можно добавить прошлые кампании для сравнения. Исправили числа в файле свода? Откройте его в Excel с надстройкой и обновите сводку там.',
  summaryWithPrevious: 'Скачать свод с прошлыми кампаниями',
  fileDownloaded: (name: string) => `Файл «${name}» скачан.`,
  withDynamics: 'с динамикой',
  // settings
  settingsIssue: (i: SettingsIssue) => {
    switch (i.kind) {
      case 'yearRange':
        return `Год — от ${i.min} до ${i.max}.`;
      case 'badDate':
        return `${DATE_TITLE_RU[i.field]}: введите дату в виде дд.мм.гггг, например 19.10.2023.`;
      case 'notBefore':
        return `${DATE_TITLE_RU[i.field]} — не раньше ${DATE_RU[i.other]} (${isoToDisplay(i.otherDate)}).`;
      case 'unitMissing':
        return 'Впишите муниципальное образование или организацию: её название войдёт в формы и свод.';
    }
  },
  settingsFix: 'Исправьте настройки кампании',
  datePlaceholder: 'дд.мм.гггг',
  replaceDatesTitle: 'Заменить сроки?',
  replaceDatesText: (campaign: string) => `Сроки введены вручную. Заменить их сроками распоряжения для кампании «${campaign}»?`,
  replaceDates: 'Заменить сроки',
  keepDates: 'Оставить мои сроки',
  unitPlaceholder: 'Например: Александровский район',
  severity: { error: 'Ошибка', warning: 'Предупреждение', info: 'Замечание' },
  showCellOf: (cell: string, sheet: string) => `Показать ячейку ${cell} на листе «${sheet}»`,
  moreProblems: (n: number) => `…и ещё ${formatNumber(n)}: исправьте показанные и проверьте снова.`,
  failed: (doing: string) => `«${doing}»: не получилось. Повторите; если не получится снова, сообщите разработчикам, что вы делали.`,
  settingsNotRead: 'Настройки кампании не удалось прочитать из книги: проверьте их и сохраните заново.',
  yearHint: (min: number, max: number) => `От ${min} до ${max}`,
};

export const enSteps: typeof ruSteps = {
  stepsLabel: 'Campaign steps',
  stepSettings: 'Settings',
  stepForms: 'Forms',
  stepCheck: 'Check',
  stepMerge: 'Consolidate',
  stepSummary: 'Summary',
  next: 'Next',
  startTitle: 'Where to start',
  startText: 'Type your organisation, check the campaign’s dates and save the settings. Then step by step: blanks for schools, checking the files they send, consolidation, summary.',
  filesNone: 'No files chosen yet: press «Choose report files…» and select every file received.',
  filesPicked: (n) => `Chosen: ${en(n, 'file')}. The same files serve both the check and the consolidation.`,
  filesChange: 'Choose other files…',
  progressFile: (doing, done, total, file) => `${doing}: file ${formatNumber(done)} of ${formatNumber(total)}: «${file}»`,
  doingCheck: 'Check',
  checkRun: 'Check the chosen files',
  doingMerge: 'Consolidation',
  cancelled: (done, total) => `Cancelled: ${formatNumber(done)} of ${en(total, 'file')} read. Nothing was written.`,
  checkDone: (files, errors, unreadable) =>
    `Checked: ${en(files, 'file')}. ` +
    (errors + unreadable === 0 ? 'No problems found.' : [errors ? `With errors: ${en(errors, 'file')}` : '', unreadable ? `not read: ${en(unreadable, 'file')}` : ''].filter(Boolean).join('; ').replace(/^n/, 'N') + '.'),
  workbookChecked: (file, errors, warnings) => (errors + warnings === 0 ? `«${file}»: no problems found.` : `«${file}»: ${en(errors, 'error')}, ${en(warnings, 'warning')}.`),
  marked: (n, button) => ` Cells marked: ${formatNumber(n)} (the «${button}» button removes the marks).`,
  marksCleared: (n) => `Marks removed: ${formatNumber(n)}.`,
  mergeDone: (units, refused, missing, receipt) =>
    `Consolidated: ${en(units, 'organisation')}. ${receiptLineEn(receipt)}` +
    (refused ? ` Sent, but all refused: ${formatNumber(refused)}.` : '') + (missing ? ` Did not report: ${formatNumber(missing)}.` : ''),
  receiptLine: receiptLineEn,
  datesUnconfirmed: (n, excel) =>
    `Receipt date not confirmed: ${formatNumber(n)} — these files are dated after the deadline, but by the time they were saved or copied, not received, so they are not counted late. ` +
    (excel
      ? 'To confirm, merge the letters themselves (.eml, .msg) — the date is taken from the letter — or type the dates received into «Получен» on «Реестр отчётов» and merge again.'
      : 'To confirm, merge the letters themselves (.eml, .msg) — the date is taken from the letter — or merge in Excel and type the dates into «Получен» on «Реестр отчётов».'),
  expectedCount: (n) => `On the list: ${en(n, 'organisation')}.`,
  resultsCheck: 'Check results by organisation',
  resultsMerge: 'Consolidation results by organisation',
  onlyAttention: (n) => `Only those needing attention (${formatNumber(n)})`,
  rowsShown: (shown, total) => (shown === total ? `Total: ${formatNumber(total)}` : `Showing ${formatNumber(shown)} of ${formatNumber(total)}`),
  nothingNeedsAttention: 'No organisation needs attention.',
  unitUnknown: 'Organisation not named',
  orgStatus: (s, errors) => statusText(s, errors, 'en'),
  orgMeta: (r) =>
    [
      r.file ? `«${r.file}»` : 'no file',
      r.received ? `received ${isoToDisplay(r.received.slice(0, 10))}` : '',
      r.file ? `${en(r.errors, 'error')}, ${en(r.warnings, 'warning')}` : '',
      ...r.supersededFiles.map((f) => `«${f}» replaced by a later file`),
    ]
      .filter(Boolean)
      .join(' · '),
  supersededFiles: (files) => `Replaced by a later file: ${files.map((f) => `«${f}»`).join(', ')}.`,
  pages: 'List pages',
  prevPage: 'Back',
  nextPage: 'Next',
  pageOf: (from, to, total) => `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`,
  figuresTitle: (label, c) => `Figures: ${c ? `${c.season === 'autumn' ? 'autumn' : 'spring'} ${c.year} campaign` : label}`,
  partnerCategory: (key) => PARTNERS_EN[key],
  figParticipants: 'Pupils of grades 5–11 who took part',
  figOf: (a, b) => `${formatNumber(a)} of ${formatNumber(b)}`,
  figOvz: 'Of them with special needs',
  figTeachers: 'Teachers who took part',
  figTeachersShare: (x) => `${formatNumber(x)} % of teachers (where their number is given)`,
  figEvents: 'Events held',
  figSchoolsActive: 'Organisations that held events',
  figOnTime: 'Reports on time',
  figReports: (r) => [`on time ${formatNumber(r.onTime)}`, `late ${formatNumber(r.late)}`, r.received ? `date not confirmed ${formatNumber(r.received)}` : '', r.refused ? `refused ${formatNumber(r.refused)}` : '', `missing ${formatNumber(r.missing)}`].filter(Boolean).join(', '),
  figPartners: 'Partners by category (distinct organisations):',
  figByGrade: 'Participants by grade',
  grade: (g) => `Grade ${g}`,
  figReportsChart: 'Organisations’ reports',
  legendOnTime: 'on time',
  legendLate: 'late',
  legendRefused: 'refused',
  legendMissing: 'did not report',
  legendUnconfirmed: 'date not confirmed',
  summaryRefresh: 'Refresh the summary from this workbook',
  summaryPrevious: 'Add earlier campaigns…',
  summaryPreviousCount: (n) => `Earlier campaigns to compare: ${formatNumber(n)}.`,
  summaryNeedMerge: 'The summary is built from a consolidation: consolidate the reports first.',
  summaryHintExcel2: 'Corrected numbers on «Свод по ОО»? Refresh the summary: «Показатели» and «Аналитическая справка» are recomputed from the sheet, with earlier campaigns for comparison.',
  summaryHintBrowser2: 'The figures and the note are already in the consolidation file. Here you can add earlier campaigns for comparison. Corrected numbers in the file? Open it in Excel with the add-in and refresh the summary there.',
  summaryWithPrevious: 'Download the consolidation with earlier campaigns',
  fileDownloaded: (name) => `The file «${name}» is downloaded.`,
  withDynamics: 'with dynamics',
  settingsIssue: (i) => {
    switch (i.kind) {
      case 'yearRange':
        return `Year: from ${i.min} to ${i.max}.`;
      case 'badDate':
        return 'Type the date as dd.mm.yyyy, e.g. 19.10.2023.';
      case 'notBefore':
        return `Not before ${DATE_EN[i.other]} (${isoToDisplay(i.otherDate)}).`;
      case 'unitMissing':
        return 'Type the municipality or organisation: its name goes into the forms and the consolidation.';
    }
  },
  settingsFix: 'Correct the campaign settings',
  datePlaceholder: 'dd.mm.yyyy',
  replaceDatesTitle: 'Replace the dates?',
  replaceDatesText: (campaign) => `The dates were typed by hand. Replace them with the order’s dates for the campaign «${campaign}»?`,
  replaceDates: 'Replace the dates',
  keepDates: 'Keep my dates',
  unitPlaceholder: 'E.g. Aleksandrovsky district',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  showCellOf: (cell, sheet) => `Show cell ${cell} on sheet «${sheet}»`,
  moreProblems: (n) => `…and ${formatNumber(n)} more: correct those shown and check again.`,
  failed: (doing) => `«${doing}» did not succeed. Try again; if it fails again, tell the developers what you did.`,
  settingsNotRead: 'The campaign settings could not be read from the workbook: check them and save them again.',
  yearHint: (min, max) => `From ${min} to ${max}`,
};

