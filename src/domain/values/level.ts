/** An Appendix 2 event level, as typed: «Муниципальный», «муниципальный уровень», «Школьный», «региональный»… */
import { EVENT_LEVELS, normalizeHeader, type EventLevel } from '../forms/officialText';
import type { CellValue } from '../grid';

const BY_STEM: [RegExp, EventLevel][] = [
  [/регион/, 'Участие в региональном мероприятии'],
  [/муницип/, 'Муниципальный'],
  [/школьн|уровень оо|внутришкол/, 'Школьный'],
];

/** The official level, `exact` when typed as the order words it; undefined for anything else. */
export function parseEventLevel(v: CellValue): { level: EventLevel; exact: boolean } | undefined {
  if (typeof v !== 'string') return undefined;
  const text = normalizeHeader(v);
  const exact = EVENT_LEVELS.find((l) => normalizeHeader(l) === text);
  if (exact) return { level: exact, exact: true };
  const hits = BY_STEM.filter(([re]) => re.test(text));
  // «муниципальный и школьный» names two levels: not one of the three.
  return hits.length === 1 ? { level: hits[0][1], exact: false } : undefined;
}
