/** Rules of Appendix 2 («Сводный план Кампании»), per planned event. */
import { EVENT_LEVELS } from '../forms/officialText';
import type { PlanRow } from '../report';
import type { CampaignSettings } from '../settings';
import { formatDate, formatDateRange } from '../text';
import { hasContact } from '../values/contact';
import { parseCount } from '../values/count';
import { clip } from '../read/rows';
import { cellOf, num, report, type RuleSink } from './context';

const LEVELS = EVENT_LEVELS.map((l) => `«${l}»`).join(', ');

export function checkPlanRow(sink: RuleSink, row: PlanRow, unit: string, settings: CampaignSettings): void {
  const src = row.source;
  // Made only for a message (a row without problems needs none: 30,000 plan rows a thousand schools).
  const event = (): string => (row.name.value ? ` («${clip(row.name.value, 40)}»)` : '');

  if (row.level.value === null)
    report(sink, src, cellOf(row.level, src), unit, 'plan-level-unknown', 'error',
      row.level.interpreted
        ? `Уровень мероприятия «${clip(row.level.interpreted)}»${event()} не из списка формы. Выберите один из: ${LEVELS}.`
        : `Не указан уровень мероприятия${event()}. Выберите один из: ${LEVELS}.`);

  if (row.name.value === null)
    report(sink, src, cellOf(row.name, src), unit, 'plan-name-missing', 'error',
      'Не указано название мероприятия. Впишите название или удалите пустую строку плана.');

  if (row.dates.value === null)
    report(sink, src, cellOf(row.dates, src), unit, 'plan-dates-unreadable', 'error',
      row.dates.interpreted
        ? `Сроки «${clip(row.dates.interpreted)}»${event()} не удалось прочитать как дату. Укажите дату или период, например 20.03.${settings.year} или 20.03–25.03.${settings.year}.`
        : `Не указаны сроки проведения${event()}. Укажите дату или период, например 20.03.${settings.year}.`);
  else {
    const { from, to } = row.dates.value;
    if (from < settings.windowFrom || to > settings.windowTo)
      report(sink, src, cellOf(row.dates, src), unit, 'plan-dates-outside-window', 'warning',
        `Сроки ${from === to ? formatDate(from) : formatDateRange(from, to)}${event()} выходят за период кампании ` +
          `(${formatDateRange(settings.windowFrom, settings.windowTo)}). Проверьте даты или перенесите мероприятие в период кампании.`);
  }

  const expected = row.expectedParticipants;
  if (expected.value === null) {
    const typed = expected.interpreted;
    if (typed !== undefined && parseCount(typed).kind !== 'none')
      report(sink, src, cellOf(expected, src), unit, 'plan-expected-participants', 'error',
        `Ожидаемое количество участников «${clip(typed)}»${event()} — не число. Укажите целое число, например 120.`);
    else
      report(sink, src, cellOf(expected, src), unit, 'plan-expected-participants', 'warning',
        `Не указано ожидаемое количество участников${event()}. Укажите целое число.`);
  } else if (!Number.isInteger(expected.value) || expected.value < 0)
    report(sink, src, cellOf(expected, src), unit, 'plan-expected-participants', 'error',
      `Ожидаемое количество участников ${num(expected.value)}${event()} — должно быть целым числом не меньше нуля.`);

  const who = row.responsible.value ?? '';
  if (!hasContact(who))
    report(sink, src, cellOf(row.responsible, src), unit, 'plan-responsible-contact', 'warning',
      who
        ? `В ячейке ответственного лица${event()} нет ни телефона, ни электронной почты. Добавьте рабочий телефон или e-mail.`
        : `Не указано ответственное лицо${event()}. Укажите ФИО, должность, рабочий телефон или e-mail.`);
}
