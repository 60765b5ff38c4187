/**
 * The order's wording, typed here a second time from the seed document (order No. 394-р of 12.03.2021, Appendices
 * 2 and 3, /work/shared/seeds/002), independently of officialText.ts: a change to the stamper's constants — a
 * dropped word, a «фикс» of the order's own spelling — fails here, and the stamped forms are checked to carry it.
 */
import type { CellInput, SheetPlan } from '../sheetPlan';
import { heldRows } from '../sheetPlan';
import { defaultSettings } from '../settings';
import {
  APPENDIX_NUMBER, COORDINATOR_CAPTION, COORDINATOR_LABEL, EVENT_LEVELS, H, NARRATIVE_TEXT, PARTNERS_TABLE_TITLE,
  participationTableTitle, PLAN_TITLE, REPORT_TITLE, UNIT_CAPTION,
} from './officialText';
import { stampAppendix2 } from './stampAppendix2';
import { stampAppendix3 } from './stampAppendix3';

/** As the seed prints it; compared with line breaks and runs of spaces collapsed (the order breaks lines freely). */
const ORDER = {
  appendix2: 'Приложение 2',
  appendix3: 'Приложение 3',
  planTitle: 'Сводный план Кампании',
  reportTitle: 'Сводный отчет об итогах Кампании',
  unitCaption:
    '(указать муниципальное образование или областную государственную образовательную организацию, в отношении которой Департамент общего образования Томской области выполняет функции и полномочия учредителя)',
  coordinator: 'Координатор профориентационной работы',
  coordinatorCaption: '(ФИО, должность, контактный номер телефона, адрес электронной почты)',
  // The order's spelling «компании» (for «кампании») is the order's, and stays.
  springTable31:
    'Участие образовательных организаций, обучающихся и педагогов в весенней профориентационной компании для обучающихся 5-11 классов общеобразовательных организаций Томской области',
  table32:
    'Привлечение к участию в профориентационных мероприятиях на уровне муниципальных образований или областных государственных образовательных организаций, в отношении которой Департамент общего образования Томской области выполняет функции и полномочия учредителя организаций-партнёров',
  columns31: [
    'Муниципальное образование',
    'Общее количество общеобразовательных организаций в муниципальном образовании/Общее количество общеобразовательных организаций, организовавших профориентационные мероприятия и/или обеспечившие участие обучающихся и педагогов в профориентационных мероприятиях',
    'Общее количество организованных профориентационных мероприятий',
    'Общее количество обучающихся/ Общее количество обучающихся, принявших участие в профориентационных мероприятиях (из них: 5 класс, 6 класс, 7 класс, 8 класс, 9 класс, 10 класс, 11 класс)',
    'Общее количество педагогов, принявших участие в профориентационных мероприятиях',
    'Общее количество обучающихся с ОВЗ в муниципальном образовании или ОГОО/Общее количество обучающихся с ОВЗ, принявших участие в профориентационных мероприятиях (из них: 5 класс, 6 класс, 7 класс, 8 класс, 9 класс, 10 класс, 11 класс)',
    'Количество организаций-партнеров, вовлечённых в профориентационные мероприятия на уровне муниципалитета или ОГОО (перечислить все наименования организаций-партнёров)',
  ],
  columns32: [
    'Общее количество организаций-партнёров, привлеченных к профориентационным мероприятиям на уровне муниципалитета или ОГОО',
    'Привлеченные категории организаций-партнёров (указать число, перечислить наименования)',
    'Профессиональные образовательные организации (сузы, вузы)',
    'Производственные компании, предприятия',
    'Предприниматели, представители бизнес - сообщества',
    'Представители родительской общественности, НКО, успешные выпускники общеобразовательных организаций и др.',
  ],
  columns2: [
    'Уровень проведения мероприятия',
    'Название мероприятия',
    'Сроки проведения',
    'Целевая группа участников',
    'Ожидаемое количество участников',
    'Ожидаемые результаты и эффекты проведения мероприятия',
    'Ответственное лицо (ФИО, должность), контактная информация (рабочий телефон, электронная почта)',
  ],
  levels: ['Участие в региональном мероприятии', 'Муниципальный', 'Школьный'],
  narrative: [
    'Аналитическая справка на 1-2 страницы об итогах Кампании. Необходимо указать основные результаты (качественные и количественные), эффекты, выявленные проблемы, яркие успешные примеры проведенных мероприятий, особый акцент сделать на практиках привлечения к мероприятиям производственных компаний, предприятий, предпринимателей, бизнесменов и иных организаций-партнёров.',
    'Особое внимание рекомендуем обратить на необходимость проведения профориентационных мероприятий в современных форматах.',
    'Необходимо направить по 10 фотографий с 3 из наиболее качественно организованных и вызвавших особый интерес у участников мероприятий. Фотографии должны быть высокого качества, с подписью о дате проведения и наименовании мероприятия, необходимо также представить краткое описание каждого из 3 мероприятий (5-7 предложений).',
    'Рекомендуем привлекать средства массовой информации к освещению мероприятий в рамках Кампании. В случае выхода материалов в СМИ в аналитическую справку необходимо включить ссылки на сюжеты, репортажи, статьи и др.',
  ],
};

const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/\/ /g, '/').trim();
const texts = (p: SheetPlan): string[] =>
  p.blocks.flatMap((b) => heldRows(b.rows).flat()).filter((c: CellInput): c is string => typeof c === 'string').map(flat);

describe('the forms carry the order’s wording word for word', () => {
  test('titles and captions of both appendices are the order’s', () => {
    expect([APPENDIX_NUMBER.plan, APPENDIX_NUMBER.report, PLAN_TITLE, REPORT_TITLE, UNIT_CAPTION, COORDINATOR_LABEL, COORDINATOR_CAPTION].map(flat)).toEqual(
      [ORDER.appendix2, ORDER.appendix3, ORDER.planTitle, ORDER.reportTitle, ORDER.unitCaption, ORDER.coordinator, ORDER.coordinatorCaption].map(flat),
    );
  });

  test('table 3.1 is titled as the order titles it (the autumn form names the autumn campaign), table 3.2 too', () => {
    expect(flat(participationTableTitle('spring'))).toBe(flat(ORDER.springTable31));
    expect(flat(participationTableTitle('autumn'))).toBe(flat(ORDER.springTable31.replace('весенней', 'осенней')));
    expect(flat(PARTNERS_TABLE_TITLE)).toBe(flat(ORDER.table32));
  });

  test('column headers of tables 3.1, 3.2 and Appendix 2, the event levels and the note’s instructions are the order’s', () => {
    expect([H.unit, H.schools, H.events, H.students, H.teachers, H.ovz, H.partners].map(flat)).toEqual(ORDER.columns31.map(flat));
    expect([H.partnersTotal, H.partnerCategories, H.professionalEducation, H.companies, H.business, H.community].map(flat)).toEqual(ORDER.columns32.map(flat));
    expect([H.level, H.eventName, H.dates, H.targetGroup, H.expectedParticipants, H.expectedResults, H.responsible].map(flat)).toEqual(ORDER.columns2.map(flat));
    expect([...EVENT_LEVELS]).toEqual(ORDER.levels);
    expect(NARRATIVE_TEXT.map(flat)).toEqual(ORDER.narrative.map(flat));
  });

  test('a stamped report and a stamped plan show that wording on the sheet', () => {
    const settings = defaultSettings('spring', 2021);
    const report = texts(stampAppendix3(settings));
    for (const t of [ORDER.appendix3, ORDER.reportTitle, ORDER.unitCaption, ORDER.springTable31, ORDER.table32, ...ORDER.columns31, ...ORDER.columns32, ...ORDER.narrative])
      expect(report).toContain(flat(t));
    const stamped = stampAppendix2(settings);
    const plan = texts(stamped);
    for (const t of [ORDER.appendix2, ORDER.planTitle, ORDER.unitCaption, ...ORDER.columns2]) expect(plan).toContain(flat(t));
    // The levels are offered in the level column's drop-down list.
    for (const t of ORDER.levels) expect(JSON.stringify(stamped.validations)).toContain(t);
  });
});
