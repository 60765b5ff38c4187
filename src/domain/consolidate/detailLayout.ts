/**
 * The layout contract of the detail sheet «Свод по ОО»: one row per merged unit, with where it came from.
 * The merge writes it; the consolidated Appendix 3 and the indicators refer to its columns by formula, so the
 * column order lives here, once.
 */
import { absolute, columnLetter, quoteSheet } from '../a1';
import { SHEET } from '../sheetNames';

export const DETAIL_TITLE_ROW = 1;
export const DETAIL_HEADER_ROW = 3;
export const DETAIL_FIRST_ROW = 4;

export const DETAIL_COLUMNS = [
  { key: 'n', title: '№' },
  { key: 'unit', title: 'Организация (муниципальное образование)' },
  { key: 'onList', title: 'В списке ожидаемых' },
  { key: 'file', title: 'Файл' },
  { key: 'sheet', title: 'Лист' },
  { key: 'row', title: 'Строка' },
  { key: 'received', title: 'Получен' },
  { key: 'onTime', title: 'В срок' },
  { key: 'schools', title: 'Всего ОО' },
  { key: 'schoolsActive', title: 'ОО, организовавшие мероприятия' },
  { key: 'events', title: 'Мероприятий' },
  { key: 'students', title: 'Обучающихся 5-11 кл.' },
  { key: 'participants', title: 'Приняли участие' },
  { key: 'g5', title: '5 кл.' },
  { key: 'g6', title: '6 кл.' },
  { key: 'g7', title: '7 кл.' },
  { key: 'g8', title: '8 кл.' },
  { key: 'g9', title: '9 кл.' },
  { key: 'g10', title: '10 кл.' },
  { key: 'g11', title: '11 кл.' },
  { key: 'teachers', title: 'Педагогов приняли участие' },
  { key: 'teachersTotal', title: 'Педагогов всего' },
  { key: 'ovzStudents', title: 'Обучающихся с ОВЗ' },
  { key: 'ovzParticipants', title: 'С ОВЗ приняли участие' },
  { key: 'ovzG5', title: 'ОВЗ 5 кл.' },
  { key: 'ovzG6', title: 'ОВЗ 6 кл.' },
  { key: 'ovzG7', title: 'ОВЗ 7 кл.' },
  { key: 'ovzG8', title: 'ОВЗ 8 кл.' },
  { key: 'ovzG9', title: 'ОВЗ 9 кл.' },
  { key: 'ovzG10', title: 'ОВЗ 10 кл.' },
  { key: 'ovzG11', title: 'ОВЗ 11 кл.' },
  { key: 'partnersCount', title: 'Партнёров (табл. 3.1)' },
  { key: 'partnersTotal', title: 'Партнёров (табл. 3.2)' },
  { key: 'professionalEducationCount', title: 'Проф. образовательные организации' },
  { key: 'companiesCount', title: 'Производственные компании' },
  { key: 'businessCount', title: 'Предприниматели' },
  { key: 'communityCount', title: 'Родители, НКО, выпускники' },
  { key: 'partnersNames', title: 'Партнёры (наименования)' },
  { key: 'plannedEvents', title: 'Мероприятий по плану (прил. 2)' },
  { key: 'plannedParticipants', title: 'Ожидалось участников (прил. 2)' },
  { key: 'errors', title: 'Ошибок' },
  { key: 'warnings', title: 'Предупреждений' },
] as const;

export type DetailKey = (typeof DETAIL_COLUMNS)[number]['key'];

export const detailColumn = (key: DetailKey): number => DETAIL_COLUMNS.findIndex((c) => c.key === key) + 1;

export const detailLetter = (key: DetailKey): string => columnLetter(detailColumn(key));

/** Absolute, sheet-qualified range of one detail column over `units` data rows (at least one row). */
export function detailRange(key: DetailKey, units: number): string {
  const col = detailColumn(key);
  const last = DETAIL_FIRST_ROW + Math.max(units, 1) - 1;
  return `${quoteSheet(SHEET.detail)}!${absolute(DETAIL_FIRST_ROW, col)}:${absolute(last, col)}`;
}
