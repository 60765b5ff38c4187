/**
 * «Аналитическая справка» as a document: the same paragraphs as the sheet «Справка» (noteParagraphs, so the two
 * never disagree), the places to sign and date, and an appendix of the tables a reader expects — participants by
 * grade, partners by category, late and missing reports by name — with a chart of participants by grade. Pure
 * data; src/files/writeNoteDocx.ts lays it out as a Word document.
 */
import { formatNumber } from '../text/number';
import { plural } from '../text/plural';
import { noteParagraphs, FILL_PREFIX, type NoteOptions, type NoteParagraph } from './note';
import { GRADES, PARTNER_CATEGORIES, PARTNER_CATEGORY_TITLE, type CampaignFigures } from './figures';
import { readConsolidated } from './dynamics';
import { campaignFigures, workbookFigures } from './index';
import type { MergeResult } from '../consolidate/merge';
import type { WorkbookGrid } from '../grid';
import { targetsNoteText } from '../monitoring/consolidated';
import { SHEET } from '../sheetNames';
import { readSettingsSheet } from '../settingsSheet';
import { defaultSettings, type CampaignSettings } from '../settings';

export interface NoteTable {
  title: string;
  header: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric: boolean[];
  /** The last row is a total (bold). */
  total?: boolean;
}

export interface NoteChart {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface NoteDocument {
  title: string;
  /** The note's body: the sheet's paragraphs without its title. */
  body: NoteParagraph[];
  /** Who signs, and the performer, as the places to fill. */
  signature: NoteParagraph[];
  appendixTitle: string;
  tables: NoteTable[];
  /** Also a sentence when there is nothing to show (no late or missing reports). */
  notes: string[];
  chart?: NoteChart;
}

const fill = (what: string): NoteParagraph => ({ kind: 'fill', text: `${FILL_PREFIX}${what}]` });
const percent = (n: number, of: number) => (of > 0 ? formatNumber(Math.round((n * 1000) / of) / 10, 1) : '—');

function gradesTable(f: CampaignFigures): NoteTable {
  const rows = GRADES.map((g, i) => [`${g} класс`, formatNumber(f.grades[i]), percent(f.grades[i], f.participants), formatNumber(f.ovzGrades[i])]);
  rows.push(['Итого', formatNumber(f.participants), f.participants > 0 ? '100' : '—', formatNumber(f.ovzParticipants)]);
  return {
    title: 'Таблица 1. Обучающиеся 5-11 классов, принявшие участие в мероприятиях кампании, по классам',
    header: ['Класс', 'Приняли участие, чел.', 'Доля от всех участников, %', 'Из них обучающиеся с ОВЗ, чел.'],
    rows,
    numeric: [false, true, true, true],
    total: true,
  };
}

function partnersTable(f: CampaignFigures): NoteTable {
  const distinct = f.partnersDistinct;
  const rows = PARTNER_CATEGORIES.map((c) => [PARTNER_CATEGORY_TITLE[c], distinct ? formatNumber(distinct[c]) : '—', formatNumber(f.partnersReported[c])]);
  const sum = (r: Record<string, number>) => PARTNER_CATEGORIES.reduce((s, c) => s + r[c], 0);
  rows.push(['Итого', distinct ? formatNumber(sum(distinct)) : '—', formatNumber(sum(f.partnersReported))]);
  return {
    title: 'Таблица 2. Организации-партнёры, привлечённые к проведению мероприятий, по категориям',
    header: ['Категория организаций-партнёров', 'Различных организаций', 'Указано в отчётах (сумма по организациям)'],
    rows,
    numeric: [false, true, true],
    total: true,
  };
}

function reportsTable(f: CampaignFigures): NoteTable | undefined {
  const rows = [...f.reports.late.map((u) => [u, 'представлен несвоевременно']), ...f.reports.missing.map((u) => [u, 'не представлен'])];
  if (rows.length === 0) return undefined;
  return {
    title: 'Таблица 3. Организации, несвоевременно представившие или не представившие отчёт',
    header: ['№', 'Организация', 'Отчёт'],
    rows: rows.map((r, i) => [String(i + 1), ...r]),
    numeric: [true, false, false],
  };
}

/** The note as a document, from the figures the sheet's note is written from. */
export function noteDocument(f: CampaignFigures, opts: NoteOptions): NoteDocument {
  const [title, ...body] = noteParagraphs(f, opts);
  const tables = [gradesTable(f), partnersTable(f)];
  const late = reportsTable(f);
  const notes: string[] = [];
  if (late) tables.push(late);
  // Not «все в срок» while some dates are a save's, not a receipt's (organisations.ts «срок не подтверждён»).
  else if (f.unconfirmed?.length) notes.push(`Несвоевременно представленных отчётов по подтверждённым датам нет; сроки представления отчётов ${formatNumber(f.unconfirmed.length)}\u00a0${plural(f.unconfirmed.length, ['организации', 'организаций', 'организаций'])} не подтверждены.`);
  else notes.push('Все ожидаемые отчёты представлены в срок.');
  const doc: NoteDocument = {
    title: title.text,
    body,
    signature: [fill('должность руководителя, подпись, инициалы и фамилия'), fill('исполнитель: фамилия, имя, отчество, телефон'), fill('дата')],
    appendixTitle: 'Приложение к аналитической справке',
    tables,
    notes,
  };
  if (f.participants > 0)
    doc.chart = {
      title: 'Участники мероприятий кампании по классам, чел.',
      categories: GRADES.map((g) => `${g} кл.`),
      series: [
        { name: 'Приняли участие', values: [...f.grades] },
        { name: 'Из них с ОВЗ', values: [...f.ovzGrades] },
      ],
    };
  return doc;
}

/**
 * The note of a consolidated workbook this add-in wrote, from its figures as they stand — the detail sheet's
 * values (a coordinator's corrections included), the partner register, the register of reports — read as
 * «Сводка» reads them for the sheet «Справка»; the campaign is the workbook's own settings sheet's (else
 * `settings`). `previous`: earlier campaigns' figures, oldest first, for the changes. Throws
 * PreviousCampaignError (a Russian message) for a workbook that is not such.
 */
export function noteOfWorkbook(wb: WorkbookGrid, previous: CampaignFigures[] = [], settings?: CampaignSettings): NoteDocument {
  const contents = readConsolidated(wb);
  const own = wb.sheets.find((s) => s.name === SHEET.settings);
  const s =
    (own && readSettingsSheet(own.cells)?.settings) ??
    settings ??
    defaultSettings(contents.campaign?.season ?? 'autumn', contents.campaign?.year ?? new Date().getFullYear());
  return noteDocument(workbookFigures(contents, s), { settings: s, previous: previous[previous.length - 1] });
}

/** The note of a merge just made (the pane without Excel): the same figures and sentences as its sheet «Справка». */
export function noteOfMerge(result: MergeResult, settings: CampaignSettings, previous: CampaignFigures[] = []): NoteDocument {
  return noteDocument(campaignFigures(result, settings), { settings, previous: previous[previous.length - 1], extra: targetsNoteText(result, settings) });
}
