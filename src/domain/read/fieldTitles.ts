/** Short Russian names of the forms' fields, for messages («в столбце «Приняли участие»»). */
import { GRADES, PARTNER_CATEGORIES } from '../forms/appendix3';

const CATEGORY_TITLE: Record<(typeof PARTNER_CATEGORIES)[number], string> = {
  professionalEducation: 'Профессиональные образовательные организации',
  companies: 'Производственные компании, предприятия',
  business: 'Предприниматели, представители бизнес-сообщества',
  community: 'Представители родительской общественности, НКО, выпускники',
};

export const FIELD_TITLE: Record<string, string> = {
  unit: 'Муниципальное образование',
  schools: 'Всего ОО',
  schoolsActive: 'ОО, организовавшие мероприятия',
  schoolsPair: 'Всего ОО / организовавших мероприятия',
  events: 'Количество мероприятий',
  students: 'Всего обучающихся 5-11 классов',
  participants: 'Обучающихся приняли участие',
  studentsText: 'Обучающиеся (всего / приняли участие, по классам)',
  teachers: 'Педагогов приняли участие',
  teachersTotal: 'Всего педагогов',
  ovzStudents: 'Обучающихся с ОВЗ',
  ovzParticipants: 'Обучающихся с ОВЗ приняли участие',
  ovzText: 'Обучающиеся с ОВЗ (всего / приняли участие, по классам)',
  partnersCount: 'Количество организаций-партнёров (табл. 3.1)',
  partnersNames: 'Наименования организаций-партнёров (табл. 3.1)',
  partnersCell: 'Организации-партнёры (табл. 3.1)',
  partnersTotal: 'Общее количество организаций-партнёров (табл. 3.2)',
  level: 'Уровень проведения мероприятия',
  name: 'Название мероприятия',
  dates: 'Сроки проведения',
  targetGroup: 'Целевая группа участников',
  expectedParticipants: 'Ожидаемое количество участников',
  expectedResults: 'Ожидаемые результаты',
  responsible: 'Ответственное лицо, контакты',
  ...Object.fromEntries(GRADES.map((g) => [`g${g}`, `${g} класс`])),
  ...Object.fromEntries(GRADES.map((g) => [`ovzG${g}`, `${g} класс (ОВЗ)`])),
  ...Object.fromEntries(
    PARTNER_CATEGORIES.flatMap((c) => [
      [`${c}Count`, `${CATEGORY_TITLE[c]}: число`],
      [`${c}Names`, `${CATEGORY_TITLE[c]}: наименования`],
      [`${c}Cell`, CATEGORY_TITLE[c]],
      [c, CATEGORY_TITLE[c]],
    ]),
  ),
};

export const fieldTitle = (key: string): string => FIELD_TITLE[key] ?? key;
