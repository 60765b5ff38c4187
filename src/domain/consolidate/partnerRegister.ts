/**
 * The partner register: distinct partner organisations by category, with the units that named each. Ten schools
 * naming НИ ТГУ is one partner, not ten (seed 000 counts 48 professional-education organisations, 56 companies,
 * 7 entrepreneurs this way); beside each distinct count stands the sum of what units reported, so the coordinator
 * sees both.
 */
import { PARTNER_CATEGORIES, type PartnerCategory } from '../forms/appendix3';
import type { ParticipationRow, PartnersRow } from '../report';
import { cleanPartnerName, partnerKey } from './names';

/** Partners named only in table 3.1, without a category in table 3.2. */
export type RegisterCategory = PartnerCategory | 'unspecified';
export const REGISTER_CATEGORIES: readonly RegisterCategory[] = [...PARTNER_CATEGORIES, 'unspecified'];

export const CATEGORY_TITLE: Record<RegisterCategory, string> = {
  professionalEducation: 'Профессиональные образовательные организации (сузы, вузы)',
  companies: 'Производственные компании, предприятия',
  business: 'Предприниматели, представители бизнес-сообщества',
  community: 'Родительская общественность, НКО, выпускники и др.',
  unspecified: 'Категория не указана (названы только в табл. 3.1)',
};

export interface PartnerEntry {
  key: string;
  /** The spelling most units used (the first seen on a tie). */
  name: string;
  category: RegisterCategory;
  /** Units that named it, in the order they came. */
  units: string[];
  /** Every spelling seen, for the coordinator to check the matching. */
  spellings: string[];
}

export interface CategorySummary {
  /** Distinct organisations named in the category. */
  distinct: number;
  /** Sum of the numbers units typed in the category's «Число» column. */
  reported: number;
  /** Units that named at least one partner of the category or gave a number above zero. */
  units: number;
}

export interface PartnerRegister {
  entries: PartnerEntry[];
  /** Distinct organisations over all categories (one organisation in two categories counts once). */
  distinct: number;
  byCategory: Record<RegisterCategory, CategorySummary>;
  /** Sum of the units' totals in table 3.2 and of the counts in table 3.1. */
  reportedTotal: number;
  reportedInParticipation: number;
}

interface Building {
  entry: PartnerEntry;
  counts: Map<string, number>;
}

export function buildPartnerRegister(
  participation: { unit: string; participation: ParticipationRow }[],
  partners: { unit: string; row: PartnersRow }[],
): PartnerRegister {
  const byKey = new Map<string, Building>(); // `${category}\0${key}`
  const anyCategory = new Map<string, Building>(); // key → first categorised entry
  const order: Building[] = [];
  const unitsIn: Record<RegisterCategory, Set<string>> = Object.fromEntries(
    REGISTER_CATEGORIES.map((c) => [c, new Set<string>()]),
  ) as Record<RegisterCategory, Set<string>>;
  const reported: Record<RegisterCategory, number> = Object.fromEntries(REGISTER_CATEGORIES.map((c) => [c, 0])) as Record<RegisterCategory, number>;

  const note = (b: Building, unit: string, spelling: string) => {
    if (!b.entry.units.includes(unit)) b.entry.units.push(unit);
    b.counts.set(spelling, (b.counts.get(spelling) ?? 0) + 1);
  };
  const add = (category: RegisterCategory, raw: string, unit: string) => {
    const name = cleanPartnerName(raw);
    if (!name) return;
    const key = partnerKey(name);
    const id = `${category}\u0000${key}`;
    let b = byKey.get(id);
    if (!b) {
      b = { entry: { key, name, category, units: [], spellings: [] }, counts: new Map() };
      byKey.set(id, b);
      order.push(b);
      if (category !== 'unspecified' && !anyCategory.has(key)) anyCategory.set(key, b);
    }
    note(b, unit, name);
    unitsIn[category].add(unit);
  };

  let reportedTotal = 0;
  for (const { unit, row } of partners) {
    reportedTotal += row.partnersTotal.value ?? 0;
    for (const c of PARTNER_CATEGORIES) {
      const cell = row[c];
      reported[c] += cell.count.value ?? 0;
      if ((cell.count.value ?? 0) > 0) unitsIn[c].add(unit);
      for (const n of cell.names.value ?? []) add(c, n, unit);
    }
  }
  // Table 3.1 lists names without a category: a name already categorised by anyone joins that entry.
  let reportedInParticipation = 0;
  for (const { unit, participation: row } of participation) {
    reportedInParticipation += row.partnersCount.value ?? 0;
    for (const raw of row.partnersNames.value ?? []) {
      const name = cleanPartnerName(raw);
      if (!name) continue;
      const known = anyCategory.get(partnerKey(name));
      if (known) note(known, unit, name);
      else add('unspecified', name, unit);
    }
  }

  const entries = order.map(({ entry, counts }) => {
    let best = entry.name;
    let bestN = 0;
    for (const [s, n] of counts) if (n > bestN) [best, bestN] = [s, n];
    return { ...entry, name: best, spellings: [...counts.keys()] };
  });
  const rank = new Map(REGISTER_CATEGORIES.map((c, i) => [c, i]));
  entries.sort((a, b) => rank.get(a.category)! - rank.get(b.category)! || a.name.localeCompare(b.name, 'ru'));

  const byCategory = Object.fromEntries(
    REGISTER_CATEGORIES.map((c) => [
      c,
      { distinct: entries.filter((e) => e.category === c).length, reported: reported[c], units: unitsIn[c].size },
    ]),
  ) as Record<RegisterCategory, CategorySummary>;
  return {
    entries,
    distinct: new Set(entries.map((e) => e.key)).size,
    byCategory,
    reportedTotal,
    reportedInParticipation,
  };
}
