/**
 * The register of received reports «Реестр отчётов»: every report received — one line per report of each file, so
 * a workbook of collected schools' sheets gives a line per school with its sheet — with its unit, date received,
 * on time or late, the file's errors and warnings, status and reason; then the organisations with no report in
 * the consolidation. A later merge into
 * the same output reads the dates back from here, so a file keeps the date it first arrived.
 */
import { columnLetter, rangeRef } from '../a1';
import type { CellInput, CellValue } from '../sheetPlan';
import { emptySheetPlan, type SheetPlan } from '../sheetPlan';
import { SHEET } from '../sheetNames';
import type { CampaignSettings } from '../settings';
import type { SheetGrid, WorkbookGrid } from '../grid';
import { formatDate } from '../text';
import { formatReceived, parseReceived, yesNo } from './cells';
import type { EarlierRegisterEntry, FileOutcome, MergeResult, ReportOutcome, RowKind } from './mergeTypes';
import { FATE_TITLE, fateLabel, fileFate, type ReportFate } from './organisations';
import { containerText, senderText } from './receipt';
import { CONFIRM_DATES, registerSourceText, sourceOfRegisterText } from './receiptDates';
import { plural } from '../text/plural';

export const REGISTER_HEADER_ROW = 5;
export const REGISTER_COLUMNS = [
  '№', 'Организация', 'Файл', 'Лист', 'Получен', 'В срок', 'Ошибок', 'Предупреждений', 'Статус', 'Причина, примечание',
  /** A digest of the file: a file re-sent under the same name is a new receipt. */
  'Контрольная сумма',
  /** For a file that came by e-mail: the letter's sender, and the letter (and archive) it was attached to. */
  'Отправитель',
  'Письмо, вложение',
  /**
   * Where «Получен» came from: the letter's date, the file's modification time (with the date as the merge found
   * it, so a date typed over «Получен» is told from it by the next merge), or «указана вручную».
   */
  'Откуда дата',
] as const;

/** The column of the status words, 1-based (found by title, so a column added before it moves it along). */
export const REGISTER_STATUS_COLUMN = REGISTER_COLUMNS.indexOf('Статус') + 1;

/** 1-based column of a register title. */
export const registerColumn = (title: (typeof REGISTER_COLUMNS)[number]): number => REGISTER_COLUMNS.indexOf(title) + 1;

/**
 * A file's line says what became of the file: the organisation's words for a merged file («в срок», «в своде с
 * ошибками (2)»…), «заменён более поздним», or «отклонён». The organisation's own verdict — «не прислал»,
 * «прислал, отклонён» — stands on a line of its own below the files, so «Показатели» can count each exactly.
 */
export const FILE_REFUSED_TITLE = 'отклонён';
/** An attachment that is no report (a cover letter, a signature, a picture): listed, neither merged nor refused. */
export const NOT_REPORT_TITLE = 'не отчёт';
export function fileStatusTitle(f: FileOutcome): string {
  if (f.status === 'not-report') return NOT_REPORT_TITLE;
  const fate = fileFate(f);
  return fate === 'refused' ? FILE_REFUSED_TITLE : fateLabel(fate, f.errors);
}

/** A report's line: the file's words for this report's own fate and errors (a collected workbook's school). */
function reportStatusTitle(f: FileOutcome, r: ReportOutcome): string {
  return fileStatusTitle({ ...f, status: r.status, reason: r.reason, errors: r.errors, warnings: r.warnings });
}
/** Words read back from registers written before the statuses were unified (2023–24 files). */
export const LEGACY_MISSING_TITLE = 'не получен';
export const ORGANISATION_TITLE: Record<Extract<ReportFate, 'missing' | 'refused'>, string> = {
  missing: FATE_TITLE.missing.ru,
  refused: FATE_TITLE.refused.ru,
};

const KIND_TITLE: Record<RowKind, string> = {
  participation: 'строк табл. 3.1',
  partners: 'строк табл. 3.2',
  plan: 'строк плана (прил. 2)',
};

export function registerSheet(result: MergeResult, settings: CampaignSettings): SheetPlan {
  const plan = emptySheetPlan(SHEET.register, 'register');
  const late = result.files.filter((f) => f.status === 'merged' && f.onTime === false).length;
  const unconfirmed = result.files.filter((f) => f.status === 'merged' && f.dateDoubt).length;
  const notReports = result.files.filter((f) => f.status === 'not-report').length;
  const reportCount = result.files.reduce((n, f) => n + (f.status === 'not-report' ? 0 : Math.max(1, f.reports?.length ?? 0)), 0);
  const sentNothing = result.missing.length;
  const summary = [
    // formatDate ends with «г.», which closes the sentence.
    result.deadline ? `Срок представления: ${formatDate(result.deadline)} ` : 'Срок представления не задан: своевременность не оценивалась. ',
    `Файлов получено: ${result.files.length}`,
    // A workbook of collected sheets brings several reports: say how many, when it differs.
    reportCount > result.files.length - notReports ? ` (отчётов в них: ${reportCount})` : '',
    notReports ? ` (не отчёты — сопроводительные письма, подписи, рисунки: ${notReports})` : '',
    `; организаций в своде: ${result.units.length}`,
    result.deadline ? `; получено с опозданием: ${late}` : '',
    unconfirmed ? `; срок не подтверждён: ${unconfirmed}` : '',
    `; не прислали отчёт: ${sentNothing}`,
    result.refused.length ? `; прислали, но отклонены: ${result.refused.length}` : '',
    result.offList.length ? `; вне списка ожидаемых: ${result.offList.length}` : '',
    '.',
    // Never «с опозданием» on a save's date: say so, and what to do (receiptDates.ts).
    unconfirmed ? ` Даты получения ${unconfirmed} ${plural(unconfirmed, ['файла', 'файлов', 'файлов'])} после срока — время их изменения, а файлы изменены одновременно (вложения сохранены или папка скопирована), поэтому опоздание не подтверждено: ${CONFIRM_DATES}.` : '',
  ].join('');
  const accounting =
    'Учёт строк: ' +
    (Object.keys(result.accounting) as RowKind[])
      .map((k) => {
        const t = result.accounting[k];
        return `${KIND_TITLE[k]} получено ${t.received}, принято ${t.merged}, заменено ${t.superseded}, отклонено ${t.refused}`;
      })
      .join('; ') +
    '.';
  plan.blocks.push({
    at: 'A1',
    rows: [[`Реестр полученных отчётов${settings.unit ? ` — ${settings.unit}` : ''}`], [summary], [accounting]],
  });
  plan.merges.push('A1:K1', 'A2:K2', 'A3:K3'); // over the report's columns; sender and letter lie beyond
  plan.styles.push({ range: 'A1', style: { bold: true, fontSize: 14 } }, { range: 'A2:A3', style: { wrap: true, vAlign: 'top' } });
  plan.rowHeights = { 2: unconfirmed ? 64 : 32, 3: 32, [REGISTER_HEADER_ROW]: 30 };

  plan.blocks.push({ at: `A${REGISTER_HEADER_ROW}`, rows: [[...REGISTER_COLUMNS]] });
  plan.styles.push({
    range: rangeRef(REGISTER_HEADER_ROW, 1, REGISTER_HEADER_ROW, REGISTER_COLUMNS.length),
    style: { bold: true, wrap: true, border: true, fill: 'DDEBF7', hAlign: 'center', vAlign: 'middle' },
  });

  const byDate = [...result.files].sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0));
  // A line per report of each file; a file with none (unreadable, no forms) still gets its line.
  const lines = byDate.flatMap((f) => (f.reports?.length ? f.reports.map((r) => ({ f, r })) : [{ f, r: { sheet: '', unit: f.unit, status: f.status, reason: f.reason, errors: f.errors, warnings: f.warnings, sheets: [], keys: [] } }]));
  const rows: CellInput[][] = lines.map(({ f, r }, i): CellValue[] => [
    i + 1,
    r.unit,
    f.file,
    r.sheet,
    formatReceived(f.received),
    yesNo(f.onTime),
    r.errors,
    r.warnings,
    reportStatusTitle(f, r),
    [r.reason || (result.offList.some((u) => r.unit === u) ? 'организации нет в списке ожидаемых: проверьте название' : ''), r.status === 'merged' ? f.dateDoubt : '']
      .filter(Boolean)
      .join('; '),
    f.fingerprint ?? '',
    senderText(f.sender),
    containerText(f),
    f.status === 'not-report' ? '' : registerSourceText(f.dateSource, f.received),
  ]);
  // The organisations with no report in the consolidation: each once, in the words of organisations.ts.
  for (const o of result.organisations) {
    if ((o.fate !== 'missing' && o.fate !== 'refused') || !o.key) continue;
    const why = o.fate === 'missing' ? o.reason : `файл «${o.file}» отклонён (${o.reason}): запросите исправленный отчёт`;
    rows.push([rows.length + 1, o.unit, '', '', '', '', null, null, ORGANISATION_TITLE[o.fate as 'missing' | 'refused'], why, '', '', '', '']);
  }
  if (rows.length) {
    const first = REGISTER_HEADER_ROW + 1;
    const last = first + rows.length - 1;
    plan.blocks.push({ at: `A${first}`, rows });
    plan.styles.push(
      { range: rangeRef(first, 1, last, REGISTER_COLUMNS.length), style: { border: true, vAlign: 'top' } },
      { range: rangeRef(first, 2, last, registerColumn('В срок')), style: { numberFormat: '@' } },
      { range: rangeRef(first, registerColumn('Причина, примечание'), last, registerColumn('Причина, примечание')), style: { wrap: true } },
      { range: rangeRef(first, registerColumn('Контрольная сумма'), last, registerColumn('Контрольная сумма')), style: { numberFormat: '@', fontColor: '808080' } },
      { range: rangeRef(first, registerColumn('Отправитель'), last, registerColumn('Откуда дата')), style: { numberFormat: '@', wrap: true } },
    );
    const status = `$${columnLetter(REGISTER_STATUS_COLUMN)}${first}`;
    const onTime = registerColumn('В срок');
    const all = rangeRef(first, 1, last, REGISTER_COLUMNS.length);
    plan.conditionalFormats.push(
      { range: all, formula: `OR(${status}="${FILE_REFUSED_TITLE}",${status}="${ORGANISATION_TITLE.refused}")`, style: { fill: 'F8CBAD' } },
      { range: all, formula: `${status}="${ORGANISATION_TITLE.missing}"`, style: { fill: 'FFE699' } },
      { range: rangeRef(first, onTime, last, onTime), formula: `$${columnLetter(onTime)}${first}="нет"`, style: { fill: 'FCE4D6', bold: true } },
    );
  }
  plan.columnWidths = [5, 36, 30, 18, 17, 8, 9, 10, 16, 70, 18, 32, 60, 30];
  plan.freeze = { rows: REGISTER_HEADER_ROW, columns: 0 };
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: `${REGISTER_HEADER_ROW}:${REGISTER_HEADER_ROW}` };
  plan.tabColor = 'C65911';
  return plan;
}

/**
 * Dates received from the register of an earlier output, so merging again keeps each file's first date.
 * Null when the workbook has no register of ours.
 */
export function readEarlierRegister(wb: WorkbookGrid): EarlierRegisterEntry[] | null {
  const sheet = wb.sheets.find((s) => s.name === SHEET.register);
  if (!sheet) return null;
  const header = findHeaderRow(sheet);
  if (header === null) return null;
  // Columns by their titles: a register written before the «Лист» column reads the same.
  const titles = (sheet.cells[header] ?? []).map((v) => String(v ?? '').trim());
  const [fileCol, receivedCol, digestCol, sourceCol] = ['Файл', 'Получен', 'Контрольная сумма', 'Откуда дата'].map((t) => titles.indexOf(t));
  const out: EarlierRegisterEntry[] = [];
  for (let r = header + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r] ?? [];
    const file = String(row[fileCol] ?? '').trim();
    const received = receivedOfCell(row[receivedCol]);
    const fingerprint = digestCol >= 0 ? String(row[digestCol] ?? '').trim() : '';
    if (!file || !received) continue;
    const dateSource = sourceOfRegisterText(received, sourceCol >= 0 ? String(row[sourceCol] ?? '') : undefined);
    out.push({ file, received, ...(fingerprint ? { fingerprint } : {}), ...(dateSource ? { dateSource } : {}) });
  }
  return out;
}

/**
 * «Получен» as the coordinator left it: the text the merge wrote or typed over it («18.10.2023», «18.10.2023 14:05»),
 * or a date Excel or Calc made of what was typed (a serial number of days from 30.12.1899, the time its fraction):
 * office.js `Range.values` gives a date cell as that number (Microsoft, «Work with dates using the Excel JavaScript
 * API», learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dates), and so do the file readers.
 */
function receivedOfCell(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 1 && v < 2958466) {
    const d = new Date(Math.round((v - 25569) * 86400) * 1000);
    return d.toISOString().slice(0, 16);
  }
  return parseReceived(String(v ?? ''));
}

function findHeaderRow(sheet: SheetGrid): number | null {
  for (let r = 0; r < Math.min(sheet.cells.length, 20); r++) {
    const row = (sheet.cells[r] ?? []).map((v) => String(v ?? '').trim());
    if (row.includes('Файл') && row.includes('Получен')) return r;
  }
  return null;
}
