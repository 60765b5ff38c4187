/** Rules of table 3.2 (partners by category) and its agreement with the partner count of table 3.1. */
import { PARTNER_CATEGORIES } from '../forms/appendix3';
import { fieldTitle } from '../read/fieldTitles';
import type { ParticipationRow, PartnersRow, Read } from '../report';
import { cellOf, countValue, num, report, unreadableAt, type RuleSink } from './context';
import { namesCount, PARTNERS } from './participation';
import { countOf } from '../text';

export function checkPartnersRow(sink: RuleSink, row: PartnersRow, headerUnit: string): void {
  const unit = row.unit.value ?? headerUnit;
  const src = row.source;
  const reported = new Set<string>();
  if (!unit)
    report(sink, src, cellOf(row.unit, src), '', 'unit-missing', 'warning',
      'Не указано, чья это строка таблицы 3.2: впишите муниципальное образование (или ОО) в первый столбец или в строку над таблицей.');
  const total = countValue(sink, src, unit, row.partnersTotal, fieldTitle('partnersTotal'), reported);
  const counts = PARTNER_CATEGORIES.map((c) => countValue(sink, src, unit, row[c].count, fieldTitle(`${c}Count`), reported));
  PARTNER_CATEGORIES.forEach((c, i) =>
    namesCount(sink, src, unit, 'partners-names-count', counts[i], row[c].names.value, Boolean(row[c].namesOpen), row[c].count, `табл. 3.2, «${fieldTitle(c)}»`),
  );
  if (total === undefined) {
    if (row.partnersTotal.value === null && row.partnersTotal.interpreted === undefined && counts.some((n) => (n ?? 0) > 0))
      report(sink, src, cellOf(row.partnersTotal, src), unit, 'value-missing', 'warning',
        `Не заполнено «${fieldTitle('partnersTotal')}»${unit ? ` (${unit})` : ''}, хотя категории заполнены. Укажите общее количество.`);
    return;
  }
  // A category that failed its own check is reported there.
  if (PARTNER_CATEGORIES.some((c, i) => (row[c].count.value !== null && counts[i] === undefined) || unreadableAt(sink, src.sheet, row[c].count.cell))) return;
  const sum = counts.reduce<number>((a, n) => a + (n ?? 0), 0);
  if (sum !== total) {
    const parts = PARTNER_CATEGORIES.map((c, i) => (counts[i] === undefined ? '—' : num(counts[i] as number))).join(' + ');
    report(sink, src, cellOf(row.partnersTotal, src), unit, 'partners-categories-sum', 'warning',
      `Общее количество организаций-партнёров ${num(total)}, а по категориям ${parts} = ${num(sum)}${unit ? ` (${unit})` : ''}. ` +
        'Проверьте: каждая организация должна быть учтена в одной категории.');
  }
}

const key = (s: string | null): string => (s ?? '').toLowerCase().replace(/ё/g, 'е').replace(/[^а-яa-z0-9]/g, '');

/** Table 3.1's partner count should equal table 3.2's total for the same unit. */
export function checkPartnersAgreement(sink: RuleSink, participation: ParticipationRow[], partners: PartnersRow[], headerUnit: string): void {
  const pairs: [ParticipationRow, PartnersRow][] = [];
  if (participation.length === 1 && partners.length === 1) pairs.push([participation[0], partners[0]]);
  else {
    const byKey = new Map<string, PartnersRow>();
    for (const q of partners) if (key(q.unit.value) !== '' && !byKey.has(key(q.unit.value))) byKey.set(key(q.unit.value), q);
    participation.forEach((p, i) => {
      const byName = byKey.get(key(p.unit.value));
      const q = byName ?? (key(p.unit.value) === '' ? partners[i] : undefined);
      if (q) pairs.push([p, q]);
    });
  }
  for (const [p, q] of pairs) {
    const unit = p.unit.value ?? headerUnit;
    const total = wholeOrUndefined(q.partnersTotal);
    if (total === undefined) continue;
    const written = wholeOrUndefined(p.partnersCount);
    const listed = p.partnersNames.value?.length ?? 0;
    // Names alone (the Word form's «НИ ТГУ») count as the number of partners, unless the list says «и т.д.».
    const count = written ?? (p.partnersCount.value === null && listed > 0 && !p.partnersNamesOpen ? listed : undefined);
    if (count === undefined || count === total) continue;
    const inferred = written === undefined;
    const where = `${q.source.sheet === p.source.sheet ? '' : `лист «${q.source.sheet}», `}ячейка ${cellOf(q.partnersTotal, q.source)}`;
    // A warning, not an error: the consolidated partner figures are the distinct names of the lists, so neither
    // number enters a total, and the report's pupils and events are not to be lost over it (validation-codes.md).
    report(sink, p.source, cellOf(p.partnersCount.cell ? p.partnersCount : p.partnersNames, p.source), unit, 'partners-total-mismatch', 'warning',
      (inferred
        ? `В табл. 3.1 перечислено организаций-партнёров: ${num(count)} (${(p.partnersNames.value ?? []).join(', ')}), `
        : `В табл. 3.1 указано ${countOf(count, PARTNERS)}, `) +
        `а в табл. 3.2 общее количество — ${num(total)} (${where})${unit ? `, ${unit}` : ''}. Числа должны совпадать: исправьте одно из них.`);
  }
}

const wholeOrUndefined = (r: Read<number>): number | undefined =>
  r.value !== null && Number.isInteger(r.value) && r.value >= 0 ? r.value : undefined;
