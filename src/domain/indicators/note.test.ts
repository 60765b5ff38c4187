import { noteParagraphs, noteSheet } from './note';
import { figuresFromDetail, type CampaignFigures, type DetailValues } from './figures';
import { defaultSettings } from '../settings';

const settings = defaultSettings('autumn', 2023, { windowFrom: '2023-09-19', windowTo: '2023-10-13', unit: 'Город Томск' });
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

/** Seed 000's totals spread over 66 schools; three of them late. */
function seed000(over: Partial<CampaignFigures> = {}): CampaignFigures {
  const late = ['МАОУ СОШ № 3', 'МАОУ школа «Эврика-развитие»', 'МАОУ СОШ № 2'];
  const rows: DetailValues[] = Array.from({ length: 66 }, (_, i) => ({
    unit: i < 3 ? late[i] : `МАОУ СОШ № ${100 + i}`,
    received: '18.10.2023 10:00',
    onTime: i < 3 ? 'нет' : 'да',
    schools: 1,
    schoolsActive: 1,
    events: i === 0 ? 3448 - 65 * 52 : 52,
    students: i === 0 ? 35719 - 65 * 541 : 541,
    participants: i === 0 ? 34290 - 65 * 519 : 519,
    teachers: i === 0 ? 2702 - 65 * 41 : 41,
    teachersTotal: i === 0 ? 5298 - 65 * 80 : 80,
    ovzStudents: i === 0 ? 2381 - 65 * 36 : 36,
    ovzParticipants: i === 0 ? 2277 - 65 * 34 : 34,
    communityCount: i < 43 ? 1 : 0,
  }));
  const f = figuresFromDetail(rows, 'осенняя кампания 2023 г.', {
    campaign: { season: 'autumn', year: 2023 },
    partnersDistinct: { professionalEducation: 48, companies: 56, business: 7, community: 0 },
  });
  // Overriding the stated schools overrides the expected ones too (no school of this set is missing).
  return { ...f, ...(over.schools !== undefined ? { schoolsExpected: over.schools } : {}), ...over };
}

const texts = (f: CampaignFigures, previous?: CampaignFigures) =>
  noteParagraphs(f, { settings, territoryGenitive: 'г. Томска', previous }).map((p) => plain(p.text));

describe('the analytical note reads as a coordinator would write it', () => {
  it('states seed 000’s figures with correct agreement', () => {
    const t = texts(seed000());
    expect(t).toContain(
      'В осенней профориентационной кампании для обучающихся 5-11 классов общеобразовательных организаций г. Томска приняли участие 34 290 обучающихся (в том числе 2 277 обучающихся с ОВЗ), что составляет 96 % от общего числа обучающихся 5-11 классов.',
    );
    expect(t).toContain('Профориентационные мероприятия в период кампании организовали 66 общеобразовательных организаций из 66, что составляет 100 % от общего их числа.');
    expect(t).toContain('В мероприятиях кампании приняли участие 2 702 педагога из 5 298, что составляет 51 % от общего их числа.');
    expect(t).toContain('Проведено 3 448 профориентационных мероприятий; в среднем 52,2 мероприятия на одну общеобразовательную организацию.');
    expect(t).toContain(
      'К проведению мероприятий привлечены организации-партнёры: 48 профессиональных образовательных организаций, 56 производственных компаний и предприятий и 7 предпринимателей и представителей бизнес-сообщества (различные организации; по отчётам организаций в сумме — 43).',
    );
    expect(t).toContain('65 % общеобразовательных организаций (43 из 66) привлекают для профориентационных мероприятий представителей родительской общественности и своих выпускников.');
    expect(t).toContain('Несвоевременно представили отчёты: МАОУ СОШ № 3, МАОУ школа «Эврика-развитие» и МАОУ СОШ № 2.');
    expect(t.slice(t.indexOf('Выводы') + 1, t.indexOf('Выводы') + 5)).toEqual([
      '1. Приняли участие 34 290 обучающихся 5-11 классов, что составляет 96 % от их общего числа.',
      '2. Мероприятия организовали 66 общеобразовательных организаций из 66 (100 % от общего их числа).',
      '3. Приняли участие 2 702 педагога (51 % от общего их числа).',
      '4. Проведено 3 448 профориентационных мероприятий.',
    ]);
    expect(t[1]).toBe('В срок с 19 сентября по 13 октября 2023 г. для обучающихся 5-11 классов общеобразовательных организаций г. Томска проведена осенняя профориентационная кампания.');
  });

  it('agrees verbs and nouns with 1, 2 and 21', () => {
    const one = seed000({ schoolsActive: 1, schools: 1, teachers: 1, teachersWhereTotalGiven: 1, teachersTotal: 2, participants: 21, ovzParticipants: 1, students: 40, events: 1 });
    const t = texts(one);
    expect(t).toContain('Профориентационные мероприятия в период кампании организовала 1 общеобразовательная организация из 1, что составляет 100 % от общего их числа.');
    expect(t).toContain('В мероприятиях кампании принял участие 1 педагог из 2, что составляет 50 % от общего их числа.');
    expect(t.some((s) => s.includes('принял участие 21 обучающийся (в том числе 1 обучающийся с ОВЗ)'))).toBe(true);
    expect(t.some((s) => s.startsWith('Проведено 1 профориентационное мероприятие;'))).toBe(true);
  });

  it('compares with the last campaign: points for shares, per cent for counts', () => {
    const spring = seed000({ label: 'весенняя кампания 2023 г.', campaign: { season: 'spring', year: 2023 }, participants: 33576, events: 2652 });
    const t = texts(seed000(), spring);
    expect(t.some((s) => s.endsWith('от общего числа обучающихся 5-11 классов; доля участников на 2 процентных пункта больше, чем в весенней кампании 2023 г.'))).toBe(true);
    expect(t.some((s) => s.startsWith('Проведено 3 448 профориентационных мероприятий, что на 30 % больше, чем в весенней кампании 2023 г.'))).toBe(true);
  });

  it('names late and missing reports, and leaves marked places for what a person writes', () => {
    const f = seed000();
    f.reports.missing.push('МАОУ СОШ № 99');
    const paragraphs = noteParagraphs(f, { settings });
    expect(paragraphs.map((p) => plain(p.text))).toContain('Не прислали отчёт: МАОУ СОШ № 99.');
    const fills = paragraphs.filter((p) => p.kind === 'fill').map((p) => p.text);
    expect(fills).toHaveLength(8);
    expect(fills.every((s) => s.startsWith('[Заполните: '))).toBe(true);
    const sheet = noteSheet(f, { settings });
    expect(sheet.print).toMatchObject({ orientation: 'portrait', paper: 'A4' });
    const fillRow = paragraphs.findIndex((p) => p.kind === 'fill') + 1;
    expect(sheet.styles.find((s) => s.range === `A${fillRow}:F${fillRow}`)?.style).toMatchObject({ italic: true, fill: 'FFF2CC' });
    expect(sheet.merges).toContain(`A${fillRow}:F${fillRow}`);
  });
});

describe('the note compares like with like', () => {
  it('sets no sum of per-event expectations against pupils, and no plan rows against events as «283 %»', () => {
    const f = seed000({ events: 3418, eventsWherePlanned: 3418, plannedEvents: 1207, plannedParticipants: 188736, participants: 33520 });
    const t = texts(f);
    expect(t.join('\n')).not.toMatch(/от запланированного|от ожидаемого|283/);
    const plan = t.find((s) => s.startsWith('В планах кампании (приложение 2)'))!;
    expect(plan).toBe(
      'В планах кампании (приложение 2) — 1 207 мероприятий; организации, представившие план, по своим отчётам (приложение 3) провели 3 418 мероприятий. Проведённых больше, чем строк в планах: строка плана может описывать цикл мероприятий, а в отчёте считается каждое, поэтому процент выполнения плана по этим числам не рассчитывается.',
    );
    const expected = t.find((s) => s.startsWith('Ожидаемое число участников'))!;
    expect(expected).toContain('в сумме — 188 736');
    expect(expected).not.toMatch(/33 520|%/);
  });

  it('gives the part of the plan done where fewer events were held than planned', () => {
    const t = texts(seed000({ eventsWherePlanned: 90, plannedEvents: 120 }));
    expect(t).toContain('В планах кампании (приложение 2) — 120 мероприятий; организации, представившие план, по своим отчётам (приложение 3) провели 90 мероприятий — 75 % от числа мероприятий в их планах.');
  });
});
