/**
 * Reading a received workbook's forms: find Appendix 3 (tables 3.1 and 3.2) and Appendix 2 on any sheet by their
 * header text, read their rows, and say what could not be read. The rules (../rules) then check the rows.
 */
import { SHEET } from '../sheetNames';
import type { SheetKind } from '../sheetPlan';
import { readSettingsSheet } from '../settingsSheet';
import type { WorkbookGrid } from '../grid';
import type { Problem } from '../problems';
import type { ReadReport, ReadWorkbook } from '../report';
import { fieldTitle } from './fieldTitles';
import { placeInDocument } from './documentPlaces';
import { locateTables, type LocatedTable, type TableKind } from './locate';
import type { HeaderField } from './matchers';
import { isMonitoringHeaderRow, readMonitoring } from '../monitoring/read';
import { assembleReports, settleReports, type PlacedTable } from './reports';
import { readParticipationRow, readPartnersRow, readPlanRow, recordEnd, rowKind, type RowContext } from './rows';

export { locateTables, type LocatedTable, type TableKind } from './locate';
export { readFormHeader } from './header';

export interface ReadOptions {
  /** Year for plan dates written without one (default: the current year). */
  year?: number;
}

const TABLE_TITLE: Record<TableKind, string> = {
  participation: 'таблица 3.1 «Участие образовательных организаций, обучающихся и педагогов…» (прил. 3)',
  partners: 'таблица 3.2 «Привлечение… организаций-партнёров» (прил. 3)',
  plan: 'таблица «Сводный план Кампании» (прил. 2)',
};

const MISSING_TITLE: Partial<Record<HeaderField, string>> = {
  schools: 'Общее количество общеобразовательных организаций…/…организовавших мероприятия',
  events: 'Общее количество организованных профориентационных мероприятий',
  students: 'Общее количество обучающихся/…принявших участие',
  teachers: 'Общее количество педагогов, принявших участие…',
  ovz: 'Общее количество обучающихся с ОВЗ…',
  partners: 'Количество организаций-партнеров… (перечислить все наименования)',
  partnersTotal: 'Общее количество организаций-партнёров…',
  professionalEducation: 'Профессиональные образовательные организации (сузы, вузы)',
  companies: 'Производственные компании, предприятия',
  business: 'Предприниматели, представители бизнес-сообщества',
  community: 'Представители родительской общественности, НКО, успешные выпускники…',
};

/** The first total row («Итого», «Всего») of a table, read on its own: its problems are not the sender's data. */
function totalRowOf<T>(file: string, table: LocatedTable, year: number, read: (ctx: RowContext) => T): T | undefined {
  for (let row = table.headerBottom + 1; row < table.end; row++)
    if (rowKind(table, row) === 'total') return read({ file, table, row, headerUnit: '', problems: [], year });
  return undefined;
}

function rowsOf<T>(file: string, table: LocatedTable, headerUnit: string, year: number, problems: Problem[], read: (ctx: RowContext) => T): T[] {
  const out: T[] = [];
  for (let row = table.headerBottom + 1; row < table.end; row++) {
    if (rowKind(table, row) !== 'data') continue;
    const rowEnd = recordEnd(table, row);
    out.push(read({ file, table, row, rowEnd, headerUnit, problems, year }));
    row = rowEnd;
  }
  return out;
}

function columnProblems(file: string, t: LocatedTable): Problem[] {
  return t.missing.map((f) => ({
    file,
    sheet: t.sheet.name,
    cell: '',
    code: 'column-missing',
    severity: f === 'unit' ? ('warning' as const) : ('error' as const),
    message:
      `В таблице «${TABLE_TITLE[t.kind]}»${t.sheet.document ? '' : ` (заголовок в строке ${t.headerTop})`} не найден столбец «${MISSING_TITLE[f] ?? fieldTitle(f)}». ` +
      'Верните столбец с заголовком из бланка формы или перенесите данные в бланк «Профкампании».',
  }));
}

const FORM_KINDS: ReadonlySet<SheetKind> = new Set<SheetKind>([
  'appendix2',
  'appendix3',
  'monitoring',
  'consolidated-appendix2',
  'consolidated-appendix3',
  'consolidated-monitoring',
]);

/**
 * In a workbook the add-in wrote (a municipality's consolidated report sent up to the region), its detail sheet,
 * registers and summary repeat the forms' headers; only its form sheets are the report.
 */
function addInSheetsThatAreNotForms(wb: WorkbookGrid): Set<string> {
  const settings = wb.sheets.find((s) => s.name === SHEET.settings);
  const owned = settings ? readSettingsSheet(settings.cells)?.owned ?? [] : [];
  return new Set(owned.filter((o) => !FORM_KINDS.has(o.kind)).map((o) => o.name));
}

function tableNotFound(file: string, kind: 'participation' | 'partners', sheet: string): Problem {
  return kind === 'participation'
    ? {
        file, sheet, cell: '', code: 'table-not-found', severity: 'error',
        message: `Не найдена ${TABLE_TITLE.participation}: нет строки с её заголовками. Скопируйте таблицу из бланка формы и заполните её.`,
      }
    : {
        file, sheet, cell: '', code: 'table-not-found', severity: 'warning',
        message: `Не найдена ${TABLE_TITLE.partners}: нет строки с её заголовками. Добавьте таблицу из бланка формы, если у вас были партнёры.`,
      };
}

export function readForms(wb: WorkbookGrid, options: ReadOptions = {}): ReadWorkbook {
  const year = options.year ?? new Date().getFullYear();
  const problems: Problem[] = [];
  const result: ReadWorkbook = { file: wb.file, problems };
  const notForms = addInSheetsThatAreNotForms(wb);
  const placed: PlacedTable[] = [];
  wb.sheets.forEach((sheet, tab) => {
    if (sheet.name === SHEET.settings || notForms.has(sheet.name)) return;
    // The monitoring form's indicator titles look like table 3.1's columns; its own reader takes it.
    for (const table of locateTables(sheet).filter((t) => !isMonitoringHeaderRow(sheet, t.headerTop)))
      placed.push({ table, tab, hidden: !!sheet.hidden });
  });
  const file = wb.file;
  const found = assembleReports(placed, {
    participation: (t, unit, ps) => ({ rows: rowsOf(file, t, unit, year, ps, readParticipationRow), total: totalRowOf(file, t, year, readParticipationRow) }),
    partners: (t, unit, ps) => rowsOf(file, t, unit, year, ps, readPartnersRow),
    plan: (t, unit, ps) => rowsOf(file, t, unit, year, ps, readPlanRow),
    columns: (t) => columnProblems(file, t),
    notFound: (kind, sheet) => tableNotFound(file, kind, sheet),
  });
  const settled: Problem[] = [];
  settleReports(file, found, settled);
  const reports: ReadReport[] = [];
  for (const f of found) {
    if (!f.notMerged) problems.push(...f.problems);
    const tab = Math.min(...f.placed.map((p) => p.tab));
    reports.push({ ...(f.report && { report: f.report }), ...(f.plan && { plan: f.plan }), ...(f.notMerged && { notMerged: f.notMerged }), tab });
  }
  problems.push(...settled);
  // The first merged report stands for the workbook where one report is all a reader expects.
  const first = reports.findIndex((r) => !r.notMerged);
  if (first >= 0) {
    const [head] = reports.splice(first, 1);
    if (head.report) result.report = head.report;
    if (head.plan) result.plan = head.plan;
    result.tab = head.tab;
  }
  if (reports.length) result.moreReports = reports;
  for (const sheet of wb.sheets) if (sheet.document) placeInDocument(result, sheet, placed.map((p) => p.table), problems);
  // The add-in's own sheets that are not forms (detail, registers, «Показатели») never hold a unit's monitoring.
  const monitoring = readMonitoring({ ...wb, sheets: wb.sheets.filter((s) => !notForms.has(s.name)) }, problems);
  if (monitoring) result.monitoring = monitoring;
  if (placed.length === 0 && !monitoring)
    problems.push({
      file: wb.file,
      sheet: '',
      cell: '',
      code: 'table-not-found',
      severity: 'error',
      message:
        `В файле «${wb.file}» не найдено ни отчёта (прил. 3), ни плана (прил. 2): ни на одном листе нет строки с заголовками таблиц формы. ` +
        'Заполните бланк формы, созданный «Профкампанией», или скопируйте в файл таблицу из распоряжения вместе с заголовками.',
    });
  return result;
}
