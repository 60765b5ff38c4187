/**
 * The draft analytical note «Аналитическая справка» (Appendix 3's narrative part), in the manner of seed 000:
 * the figures in place, in correct Russian (plurals, verb agreement), with the change against the last campaign
 * where there is one, and marked places «[Заполните: …]» for what only a person can write.
 */
import { formatDateRange } from '../text/date';
import { formatList } from '../text/list';
import { countOf, formatNumber, formatPercent } from '../text/number';
import { NOUN, plural, type PluralForms } from '../text/plural';
import { SEASON_TITLE, type CampaignSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, type CellStyle, type SheetPlan } from '../sheetPlan';
import { campaignPrepositional } from './campaign';
import { PARTNER_CATEGORIES, type CampaignFigures, type PartnerCategory } from './figures';
import { indicatorFigure, type IndicatorKey } from './definitions';

export interface NoteOptions {
  settings: CampaignSettings;
  /** The territory in the genitive, as the note says «общеобразовательных организаций г. Томска». */
  territoryGenitive?: string;
  /** The last earlier campaign, for the changes. */
  previous?: CampaignFigures;
  /** Sentences from other parts (the monitoring targets: plan against fact), before the parts a person writes. */
  extra?: string[];
}

export type NoteParagraph = { kind: 'title' | 'heading' | 'text' | 'fill'; text: string };

export const FILL_PREFIX = '[Заполните: ';
const fill = (what: string): NoteParagraph => ({ kind: 'fill', text: `${FILL_PREFIX}${what}]` });

const PARTNER_NOUN: Record<PartnerCategory, PluralForms> = {
  professionalEducation: [
    'профессиональная образовательная организация',
    'профессиональные образовательные организации',
    'профессиональных образовательных организаций',
  ],
  companies: [
    'производственная компания (предприятие)',
    'производственные компании (предприятия)',
    'производственных компаний и предприятий',
  ],
  business: [
    'предприниматель (представитель бизнес-сообщества)',
    'предпринимателя (представителя бизнес-сообщества)',
    'предпринимателей и представителей бизнес-сообщества',
  ],
  community: [
    'представитель родительской общественности, НКО или выпускник',
    'представителя родительской общественности, НКО или выпускника',
    'представителей родительской общественности, НКО и выпускников',
  ],
};

const verb = (n: number, forms: PluralForms) => plural(n, forms);
const verbCap = (n: number, forms: PluralForms) => {
  const v = verb(n, forms);
  return v.charAt(0).toUpperCase() + v.slice(1);
};
const TOOK_PART: PluralForms = ['принял участие', 'приняли участие', 'приняли участие'];
const ORGANISED: PluralForms = ['организовала', 'организовали', 'организовали'];
const SUBMITTED: PluralForms = ['представила', 'представили', 'представили'];

/** «на 2 процентных пункта больше», «на 3 процентных пункта меньше», «столько же». */
function pointsChange(now: number, before: number): string {
  const d = now - before;
  if (d === 0) return 'такая же, как';
  return `на ${countOf(Math.abs(d), NOUN.point)} ${d > 0 ? 'больше' : 'меньше'}, чем`;
}

/** «на 30 % больше», «на 5 % меньше», «столько же» — change of a count in per cent of the earlier value. */
function percentChange(now: number, before: number): string | null {
  if (!before) return null;
  const d = Math.round(((now - before) * 100) / before);
  if (d === 0) return 'столько же, сколько';
  return `на ${formatPercent(Math.abs(d))} ${d > 0 ? 'больше' : 'меньше'}, чем`;
}

/** «на 5 больше», for small counts such as partners. */
function countChange(now: number, before: number): string {
  const d = now - before;
  if (d === 0) return 'столько же, сколько';
  return `на ${formatNumber(Math.abs(d))} ${d > 0 ? 'больше' : 'меньше'}, чем`;
}

/** A sentence's full stop, unless it already ends with one (as «… 2023 г.» does). */
const stop = (s: string): string => (s.endsWith('.') ? s : `${s}.`);

const sumOf = (r: Record<PartnerCategory, number>) => PARTNER_CATEGORIES.reduce((s, c) => s + r[c], 0);

/** «муниципального образования «Город Томск»»: a name in quotes needs no inflection; other levels in brackets. */
function territoryOf(s: CampaignSettings): string {
  const unit = s.unit.trim();
  if (!unit) return '';
  return s.level === 'municipality' ? `муниципального образования «${unit.replace(/^[«"]|[»"]$/g, '')}»` : `(${unit})`;
}

/** What every sentence of the note needs: the figures, the campaign, the earlier campaign to compare with. */
interface NoteContext {
  f: CampaignFigures;
  s: CampaignSettings;
  /** «общеобразовательных организаций г. Томска». */
  schoolsOf: string;
  prev?: CampaignFigures;
  /** «в весенней кампании 2023 г.»: where the earlier figure was. */
  inPrev: string;
}

const text = (t: string): NoteParagraph => ({ kind: 'text', text: t });

/**
 * A share as «Показатели» has it (A, B and X of one indicator): the note prints these and no figure of its own, so
 * «92 %» and «61 из 66» in the note are the sheet's X, A and B.
 */
function shareOf(f: CampaignFigures, key: IndicatorKey): { a: number; b: number; x: number | null } {
  const i = indicatorFigure(key, f);
  return { a: i.a, b: i.b ?? 0, x: i.x };
}
const heading = (t: string): NoteParagraph => ({ kind: 'heading', text: t });

/** The note as paragraphs: the figures' sentences, then the places a person fills in. */
export function noteParagraphs(f: CampaignFigures, opts: NoteOptions): NoteParagraph[] {
  const s = opts.settings;
  const where = opts.territoryGenitive ?? territoryOf(s);
  const prev = opts.previous;
  const c: NoteContext = {
    f,
    s,
    schoolsOf: `общеобразовательных организаций${where ? ` ${where}` : ''}`,
    prev,
    inPrev: prev ? (prev.campaign ? `в ${campaignPrepositional(prev.campaign)}` : `в кампании «${prev.label}»`) : '',
  };
  return [
    ...introParagraphs(c),
    ...pupilParagraphs(c),
    schoolsSentence(c),
    teachersSentence(c),
    ...eventParagraphs(c),
    ...gradesParagraphs(c),
    partnersSentence(c),
    ...communityParagraphs(c),
    ...reportParagraphs(c),
    ...(opts.extra ?? []).map(text),
    ...personSections(),
    ...conclusions(c),
  ];
}

/** «, что на 2,1 п. п. больше, чем в весенней кампании 2023 г.» — empty without an earlier campaign. */
const than = (c: NoteContext, change: string | null) => (change && c.prev ? `, что ${change} ${c.inPrev}` : '');

/** The title and the campaign's dates. */
function introParagraphs({ s, schoolsOf }: NoteContext): NoteParagraph[] {
  const season = SEASON_TITLE[s.season];
  return [
    {
      kind: 'title',
      text: `Аналитическая справка по итогам ${season.genitive} профориентационной кампании ${s.year} года для обучающихся 5-11 классов ${schoolsOf}`,
    },
    text(`В срок ${formatDateRange(s.windowFrom, s.windowTo)} для обучающихся 5-11 классов ${schoolsOf} проведена ${season.adjective} профориентационная кампания.`),
  ];
}

/** Pupils: participation, and pupils with disabilities (ОВЗ) where their number is known. */
function pupilParagraphs({ f, s, schoolsOf, prev, inPrev }: NoteContext): NoteParagraph[] {
  const out = [text(participationSentence(f, schoolsOf, SEASON_TITLE[s.season].genitive, prev, inPrev))];
  const ovz = shareOf(f, 'ovzParticipation');
  if (ovz.x !== null)
    out.push(text(`Из ${countOf(ovz.b, ['обучающегося', 'обучающихся', 'обучающихся'])} с ОВЗ в мероприятиях ${verb(ovz.a, TOOK_PART)} ${formatNumber(ovz.a)}, это ${formatPercent(ovz.x)}.`));
  return out;
}

/** Schools that organised events. */
function schoolsSentence({ f }: NoteContext): NoteParagraph {
  // Against the schools expected: a school that did not report, or whose report was refused, is not left out.
  const sch = shareOf(f, 'schoolsActive');
  return text(
    `Профориентационные мероприятия в период кампании ${verb(sch.a, ORGANISED)} ${countOf(sch.a, NOUN.school)}` +
      (sch.x !== null ? ` из ${formatNumber(sch.b)}, что составляет ${formatPercent(sch.x)} от общего их числа.` : '.'),
  );
}

/** Teachers, with their share only where the schools gave their total. */
function teachersSentence(c: NoteContext): NoteParagraph {
  const { f, prev } = c;
  const tch = shareOf(f, 'teachers');
  let teachers = `В мероприятиях кампании ${verb(f.teachers, TOOK_PART)} ${countOf(f.teachers, NOUN.teacher)}`;
  if (tch.x !== null)
    teachers +=
      tch.a === f.teachers
        ? ` из ${formatNumber(tch.b)}, что составляет ${formatPercent(tch.x)} от общего их числа`
        : `; в организациях, указавших общее число педагогов, участвовали ${formatNumber(tch.a)} из ${formatNumber(tch.b)} педагогов (${formatPercent(tch.x)})`;
  const prevTch = prev ? shareOf(prev, 'teachers').x : null;
  if (tch.x !== null && prevTch !== null) teachers += than(c, pointsChange(tch.x, prevTch));
  return text(stop(teachers));
}

/** Events held, and against the plans (Appendix 2) where there are plans. */
function eventParagraphs(c: NoteContext): NoteParagraph[] {
  const { f, prev } = c;
  const out: NoteParagraph[] = [];
  let events = `Проведено ${countOf(f.events, NOUN.careerEvent)}`;
  if (prev) events += than(c, percentChange(f.events, prev.events));
  const avg = indicatorFigure('eventsPerSchool', f).x;
  if (avg !== null) events += `; в среднем ${formatNumber(avg, 1)} ${plural(avg, NOUN.event)} на одну общеобразовательную организацию`;
  out.push(text(stop(events)));
  // Appendix 2 counts plan rows (one may be a series of events), Appendix 3 each event held: a per cent is printed
  // only where it means «part of the plan done», never «283 % of the plan».
  const plan = indicatorFigure('eventsVsPlan', f);
  if (plan.b) {
    const held = `В планах кампании (приложение 2) — ${countOf(plan.b, NOUN.event)}; организации, представившие план, по своим отчётам (приложение 3) провели ${countOf(plan.a, NOUN.event)}`;
    out.push(
      text(
        plan.x !== null && plan.x <= 100
          ? `${held} — ${formatPercent(plan.x)} от числа мероприятий в их планах.`
          : `${held}. Проведённых больше, чем строк в планах: строка плана может описывать цикл мероприятий, а в отчёте считается каждое, поэтому процент выполнения плана по этим числам не рассчитывается.`,
      ),
    );
  }
  // The plans' expected participants are summed over events (a pupil expected at five events counts five times):
  // not a number of pupils, so it is never set against the pupils who took part.
  if (f.plannedParticipants > 0)
    out.push(text(`Ожидаемое число участников, указанное в планах (приложение 2) для каждого мероприятия, в сумме — ${formatNumber(f.plannedParticipants)}; обучающийся, ожидаемый на нескольких мероприятиях, учтён в этой сумме несколько раз, поэтому с числом принявших участие обучающихся она не сравнивается.`));
  return out;
}

/** The grades with the most and the fewest participants, when they differ. */
function gradesParagraphs({ f }: NoteContext): NoteParagraph[] {
  if (!(f.participants > 0)) return [];
  const grades = f.grades.map((n, i) => ({ n, g: i + 5 }));
  const most = grades.reduce((a, b) => (b.n > a.n ? b : a));
  const least = grades.reduce((a, b) => (b.n < a.n ? b : a));
  if (most.g === least.g) return [];
  return [text(`Больше всего участников среди обучающихся ${most.g} классов (${formatNumber(most.n)}), меньше всего — среди обучающихся ${least.g} классов (${formatNumber(least.n)}).`)];
}

/** Partner organisations by category, distinct where known, and their change. */
function partnersSentence({ f, prev, inPrev }: NoteContext): NoteParagraph {
  const counts = f.partnersDistinct ?? f.partnersReported;
  const named = PARTNER_CATEGORIES.filter((c) => counts[c] > 0).map((c) => countOf(counts[c], PARTNER_NOUN[c]));
  if (named.length === 0) return text('Организации-партнёры в отчётах не указаны.');
  let partners = `К проведению мероприятий привлечены организации-партнёры: ${formatList(named)}`;
  partners += f.partnersDistinct
    ? ` (различные организации; по отчётам организаций в сумме — ${formatNumber(sumOf(f.partnersReported))})`
    : ' (по сумме отчётов организаций)';
  const prevCounts = prev ? (prev.partnersDistinct ?? prev.partnersReported) : null;
  // Compare like with like: distinct with distinct, reported sums with reported sums.
  if (prevCounts && !!prev!.partnersDistinct === !!f.partnersDistinct)
    partners += `. Партнёров ${countChange(sumOf(counts), sumOf(prevCounts))} ${inPrev}`;
  return text(stop(partners));
}

/** Parents and graduates among the partners. */
function communityParagraphs({ f, s }: NoteContext): NoteParagraph[] {
  const community = shareOf(f, 'communityPartners');
  const unitsWord = s.level === 'region' ? 'муниципальных образований и ОГОО' : 'общеобразовательных организаций';
  if (community.x === null) return [];
  return [text(`${formatPercent(community.x)} ${unitsWord} (${formatNumber(community.a)} из ${formatNumber(community.b)}) привлекают для профориентационных мероприятий представителей родительской общественности и своих выпускников.`)];
}

/** Reports received, on time, late, refused, missing. */
function reportParagraphs({ f }: NoteContext): NoteParagraph[] {
  const reported = f.units;
  const late = f.reports.late;
  const missing = f.reports.missing;
  const out = [
    text(
      `Отчёты об итогах кампании ${verb(reported, SUBMITTED)} ${countOf(reported, NOUN.unit)}` +
        (late.length + f.reports.onTime.length > 0 ? `, из них в срок — ${formatNumber(f.reports.onTime.length)}.` : '.'),
    ),
  ];
  if (late.length > 0) out.push(text(`Несвоевременно представили отчёты: ${formatList(late)}.`));
  else if (f.reports.onTime.length > 0 && f.reports.received.length === 0) out.push(text('Все отчёты представлены в срок.'));
  // The words of organisations.ts: a refused report is not a missing one.
  if (f.reports.refused.length > 0) out.push(text(`Прислали отчёт, но он отклонён (нужен исправленный): ${formatList(f.reports.refused)}.`));
  // Dates that are a save's, not a receipt's (consolidate/receiptDates.ts): the note must not pass them off as late
  // or on time; the coordinator confirms them before the note goes to the region.
  const unconfirmed = f.unconfirmed ?? [];
  if (unconfirmed.length > 0)
    out.push(
      fill(
        `сроки представления отчётов не подтверждены (${countOf(unconfirmed.length, NOUN.unit)}: ${formatList(unconfirmed)}) — даты файлов являются временем их сохранения, а не получения; впишите даты получения в столбец «Получен» листа «Реестр отчётов» и сведите снова или сведите сами письма, затем обновите справку`,
      ),
    );
  if (missing.length > 0) out.push(text(`Не прислали отчёт: ${formatList(missing)}.`));
  return out;
}

/** What only a person can write. */
function personSections(): NoteParagraph[] {
  return [
    heading('Качественные результаты и эффекты кампании'),
    fill('основные качественные результаты и эффекты проведения кампании'),
    heading('Проблемы и пути их решения'),
    fill('проблемы, выявленные в ходе кампании, и предложения по их решению'),
    heading('Яркие примеры'),
    fill('яркие примеры мероприятий с акцентом на привлечение партнёров из сферы бизнеса'),
    heading('Три лучших мероприятия кампании'),
    ...[1, 2, 3].map((i) => fill(`мероприятие ${i} — название, организация, даты; описание в 5–7 предложениях; приложите до 10 фотографий`)),
    heading('Освещение в СМИ'),
    fill('ссылки на публикации в средствах массовой информации и в сети Интернет'),
  ];
}

/** Conclusions as seed 000 closes its note: the key figures once more, numbered; then the proposals to fill in. */
function conclusions({ f }: NoteContext): NoteParagraph[] {
  const part = shareOf(f, 'participation');
  const sch = shareOf(f, 'schoolsActive');
  const tch = shareOf(f, 'teachers');
  const lines: string[] = [];
  if (part.x !== null)
    lines.push(`${verbCap(part.a, TOOK_PART)} ${countOf(part.a, NOUN.pupil)} 5-11 классов, что составляет ${formatPercent(part.x)} от их общего числа.`);
  if (sch.x !== null)
    lines.push(`Мероприятия ${verb(sch.a, ORGANISED)} ${countOf(sch.a, NOUN.school)} из ${formatNumber(sch.b)} (${formatPercent(sch.x)} от общего их числа).`);
  const teachersShare = tch.x !== null && tch.a === f.teachers ? ` (${formatPercent(tch.x)} от общего их числа)` : '';
  lines.push(`${verbCap(f.teachers, TOOK_PART)} ${countOf(f.teachers, NOUN.teacher)}${teachersShare}.`);
  lines.push(`Проведено ${countOf(f.events, NOUN.careerEvent)}.`);
  return [
    heading('Выводы'),
    ...lines.map((l, i) => text(`${i + 1}. ${l}`)),
    heading('Предложения по повышению качества организации и проведения кампаний'),
    fill('предложения (информационная поддержка, ресурсная карта партнёров, взаимодействие с организациями профессионального образования, семинар для координаторов)'),
  ];
}

function participationSentence(
  f: CampaignFigures,
  schoolsOf: string,
  seasonGenitive: string,
  prev: CampaignFigures | undefined,
  inPrev: string,
): string {
  const part = shareOf(f, 'participation').x;
  const ovz = f.ovzParticipants > 0 ? ` (в том числе ${countOf(f.ovzParticipants, NOUN.pupil)} с ОВЗ)` : '';
  let text = `В ${seasonGenitive} профориентационной кампании для обучающихся 5-11 классов ${schoolsOf} ${verb(f.participants, TOOK_PART)} ${countOf(f.participants, NOUN.pupil)}${ovz}`;
  if (part !== null) text += `, что составляет ${formatPercent(part)} от общего числа обучающихся 5-11 классов`;
  const prevPart = prev ? shareOf(prev, 'participation').x : null;
  if (part !== null && prevPart !== null) text += `; доля участников ${pointsChange(part, prevPart)} ${inPrev}`;
  return stop(text);
}

const STYLE: Record<NoteParagraph['kind'], CellStyle> = {
  title: { bold: true, fontSize: 14, wrap: true, hAlign: 'center', vAlign: 'middle' },
  heading: { bold: true, fontSize: 12, wrap: true },
  text: { fontSize: 12, wrap: true, vAlign: 'top' },
  fill: { fontSize: 12, wrap: true, italic: true, fill: 'FFF2CC', fontColor: '7F6000', vAlign: 'top' },
};

/**
 * Columns A:F merged per paragraph, within A4 portrait's printable width: 6 × 16 characters = 6 × 117 px = 526 pt,
 * under the 538 pt between the writer's 0.4-inch margins (595 pt − 2 × 28.8), so the note prints at full size
 * rather than shrunk to fit. About 85 characters of 12-pt text a line.
 */
const COLUMNS = [16, 16, 16, 16, 16, 16];
const CHARS_PER_LINE = 85;

export function noteSheet(figures: CampaignFigures, opts: NoteOptions): SheetPlan {
  const plan = emptySheetPlan(SHEET.note, 'note');
  const paragraphs = noteParagraphs(figures, opts);
  plan.columnWidths = COLUMNS;
  plan.rowHeights = {};
  paragraphs.forEach((p, i) => {
    const row = i + 1;
    plan.blocks.push({ at: `A${row}`, rows: [[p.text]] });
    plan.merges.push(`A${row}:F${row}`);
    plan.styles.push({ range: `A${row}:F${row}`, style: STYLE[p.kind] });
    // Merged wrapped cells do not grow by themselves: give each paragraph the height its lines need.
    const lines = Math.max(1, Math.ceil(p.text.length / (p.kind === 'title' ? 72 : CHARS_PER_LINE)));
    plan.rowHeights![row] = Math.round(lines * (p.kind === 'title' ? 19 : 16.5) + 6);
  });
  plan.print = { orientation: 'portrait', paper: 'A4', fitToWidth: true };
  return plan;
}
