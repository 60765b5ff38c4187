/**
 * Recognising the forms' header cells by their distinctive words rather than by full equality: schools retype
 * headers, shorten them («Кол-во…»), drop the brackets. Each official column has a test over the normalised text.
 */
import { normalizeHeader } from '../forms/officialText';
import { remembered } from '../text/remembered';

/** The official columns (and group titles) a header cell can be. */
export type HeaderField =
  // table 3.1
  | 'unit'
  | 'schools'
  | 'events'
  | 'students'
  | 'teachers'
  | 'teachersTotal'
  | 'ovz'
  | 'partners'
  // table 3.2
  | 'partnersTotal'
  | 'categories'
  | 'professionalEducation'
  | 'companies'
  | 'business'
  | 'community'
  // Appendix 2
  | 'level'
  | 'name'
  | 'dates'
  | 'targetGroup'
  | 'expectedParticipants'
  | 'expectedResults'
  | 'responsible'
  // titles that hold no value: the extra group, the check column
  | 'extra'
  | 'check';

/** Normalised header text, with the usual abbreviations spelled out. */
export const headerText = remembered((s: string): string =>
  normalizeHeader(s)
    .replace(/(^|[^а-я])кол(?:-во|\.во|\.)/g, '$1количество'),
);

const QUANTITY = /количеств|число|численност|всего|сколько/;
/** «ОО» as a word of its own, not inside another. */
const OO_WORD = /(^|[^а-яa-z])оо([^а-яa-z]|$)/;
/**
 * A column counting teachers names them before any school or pupil: «Общее количество педагогов в ОО» is the
 * teachers of the schools, not the schools; the order's schools title names teachers only at its end.
 */
const aboutTeachers = (t: string): boolean => {
  const teachers = t.search(/педагог/);
  const other = t.search(/общеобразовательн|(^|[^а-яa-z])оо([^а-яa-z]|$)|обучающ|учащ|школьник/);
  return teachers >= 0 && (other < 0 || teachers < other);
};

/** Column tests in priority order: the first that matches wins (the schools header mentions pupils, etc.). */
const FIELD_TESTS: [HeaderField, (t: string) => boolean][] = [
  ['check', (t) => t === 'проверка'],
  ['extra', (t) => /^дополнительно/.test(t)],
  ['ovz', (t) => (/овз|ограниченн[а-я]* возможност/.test(t) && QUANTITY.test(t))],
  ['categories', (t) => /категори/.test(t) && /партнер/.test(t)],
  ['partners', (t) => /партнер/.test(t) && (/вовлеч/.test(t) || /перечислить все/.test(t))],
  ['partnersTotal', (t) => /партнер/.test(t) && QUANTITY.test(t)],
  ['professionalEducation', (t) => /профессиональн[а-я]* образовательн|сузы|вузы|(^|[^а-я])спо([^а-я]|$)/.test(t)],
  ['companies', (t) => /производствен|предприяти/.test(t)],
  ['business', (t) => /предпринимател|бизнес/.test(t)],
  ['community', (t) => /родительск|нко|выпускник|общественност/.test(t)],
  ['teachersTotal', (t) => aboutTeachers(t) && QUANTITY.test(t) && (/для расчет/.test(t) || !/принявш|приняли|участ/.test(t))],
  ['teachers', (t) => aboutTeachers(t) && QUANTITY.test(t)],
  ['schools', (t) => (/общеобразовательн[а-я]* организаци/.test(t) || OO_WORD.test(t)) && QUANTITY.test(t)],
  ['students', (t) => /обучающ|учащ|школьник/.test(t) && QUANTITY.test(t)],
  ['events', (t) => /мероприяти/.test(t) && QUANTITY.test(t) && !/ожидаем|участник/.test(t)],
  // Appendix 2
  ['level', (t) => /^уровень/.test(t)],
  ['expectedParticipants', (t) => /ожидаем[а-я]* количеств|количеств[а-я]* участник/.test(t)],
  ['expectedResults', (t) => /ожидаем[а-я]* результат|эффект/.test(t)],
  ['name', (t) => /^(название|наименование) мероприяти|^мероприятие$/.test(t)],
  ['dates', (t) => /^срок|^дата|^период/.test(t)],
  ['targetGroup', (t) => /целев[а-я]* групп|^участники$/.test(t)],
  ['responsible', (t) => /ответственн/.test(t)],
  ['unit', (t) => t.length < 100 && /муниципальн[а-я]* образовани|муниципалитет|наименование|^оо$|^огоо|организаци|^школа$|^мо$/.test(t)],
];


/** Which official column a header cell is, if any. Form titles and long instructions are never columns. */
export const headerField = remembered(fieldOf);

function fieldOf(raw: string): HeaderField | undefined {
  const t = headerText(raw);
  if (t === '' || t.length > 400 || TITLE_TESTS.some(([, re]) => re.test(t))) return undefined;
  return FIELD_TESTS.find(([, test]) => test(t))?.[0];
}

export type TitleKind = 'participationTitle' | 'partnersTitle' | 'narrative' | 'planTitle' | 'reportTitle' | 'appendix';

const TITLE_TESTS: [TitleKind, RegExp][] = [
  ['participationTitle', /^участие образовательных организаций/],
  ['partnersTitle', /^привлечение к участию/],
  ['narrative', /^аналитическая справка/],
  ['planTitle', /^сводный план/],
  ['reportTitle', /^сводный отчет/],
  ['appendix', /^приложение \d/],
];

/** A form's title line or the narrative part: where one table's rows end. */
export const titleKind = remembered(titleOf);

function titleOf(raw: string): TitleKind | undefined {
  const t = headerText(raw);
  return TITLE_TESTS.find(([, re]) => re.test(t))?.[0];
}

/** Sub-column labels under an official title (the stamped layout), e.g. «Всего ОО», «Приняли участие», «5 класс». */
export type SubRole = 'total' | 'took-part' | 'count' | 'names' | { grade: number };

export const subRole = remembered(roleOf);

function roleOf(raw: string): SubRole | undefined {
  const t = headerText(raw);
  const g = /^(\d{1,2})(?:-?й)?\s*(?:класс[а-я]*|кл\.?)?$/.exec(t);
  if (g) return { grade: Number(g[1]) };
  if (/наименован|названи|перечень|перечисл/.test(t)) return 'names';
  if (/приняли|принявш|участвовал|организовал|обеспечил|из них/.test(t)) return 'took-part';
  if (/^всего|общее|^итого/.test(t)) return 'total';
  if (/^количеств|^число|^кол/.test(t)) return 'count';
  return undefined;
}

/** Labels that begin a total row a school added under its data. */
export const isTotalLabel = (s: string): boolean => /^(итого|всего|итог|сумма)([^а-яё]|$)/i.test(s.trim());
/** The order's «Пример: …» row, kept in a filled template. */
export const isExampleLabel = (s: string): boolean => /^пример\s*[:.]?/i.test(s.trim());
