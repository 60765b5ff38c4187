/** Appendix 3 «Сводный отчет об итогах Кампании»: the two tables as header trees (official titles + sub-columns). */
import { group, leaf, type HeaderNode } from './headers';
import { H } from './officialText';

export const GRADES = [5, 6, 7, 8, 9, 10, 11] as const;
export type Grade = (typeof GRADES)[number];

const grades = (prefix: 'g' | 'ovzG') => GRADES.map((g) => leaf(`${prefix}${g}`, `${g} класс`, 'count'));

/** Table 3.1 — participation of schools, pupils and teachers. */
export const participationTable: HeaderNode[] = [
  leaf('unit', H.unit, 'text'),
  group(H.schools, [
    leaf('schools', 'Всего ОО', 'count'),
    leaf('schoolsActive', 'Организовали мероприятия и/или обеспечили участие', 'count'),
  ]),
  leaf('events', H.events, 'count'),
  group(H.students, [
    leaf('students', 'Всего обучающихся 5-11 классов', 'count'),
    leaf('participants', 'Приняли участие', 'count'),
    ...grades('g'),
  ]),
  leaf('teachers', H.teachers, 'count'),
  group(H.ovz, [
    leaf('ovzStudents', 'Всего обучающихся с ОВЗ 5-11 классов', 'count'),
    leaf('ovzParticipants', 'Приняли участие', 'count'),
    ...grades('ovzG'),
  ]),
  group(H.partners, [leaf('partnersCount', 'Количество', 'count'), leaf('partnersNames', 'Наименования', 'names')]),
];

/** Columns the order does not have but the indicators need; stamped after the official ones, marked as extra. */
export const EXTRA_GROUP_TITLE = 'Дополнительно (не входит в форму распоряжения)';
export const participationExtras: HeaderNode[] = [
  leaf('teachersTotal', 'Общее количество педагогов (для расчёта доли участвовавших)', 'count'),
];

export const PARTNER_CATEGORIES = ['professionalEducation', 'companies', 'business', 'community'] as const;
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

/** Table 3.2 — partner organisations by category. */
export const partnersTable: HeaderNode[] = [
  leaf('unit', H.unit, 'text'),
  leaf('partnersTotal', H.partnersTotal, 'count'),
  group(
    H.partnerCategories,
    PARTNER_CATEGORIES.map((c) =>
      group(H[c], [leaf(`${c}Count`, 'Число', 'count'), leaf(`${c}Names`, 'Наименования', 'names')]),
    ),
  ),
];
