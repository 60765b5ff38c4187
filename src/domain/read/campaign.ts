/**
 * Which campaign a plan is for, from its own dates: when a received file carries no settings sheet and the user
 * named no season, checking its dates against the current campaign would flag every event of an older plan.
 */
import type { ReadWorkbook } from '../report';
import type { Campaign } from '../settings';

/** The year most of the plan's events start in, and the season of their middle date; undefined without dates. */
export function campaignOfPlan(read: ReadWorkbook): Campaign | undefined {
  const starts = (read.plan?.rows ?? [])
    .map((r) => r.dates.value?.from)
    .filter((d): d is string => d !== undefined)
    .sort();
  if (starts.length === 0) return undefined;
  const byYear = new Map<number, number>();
  for (const d of starts) byYear.set(Number(d.slice(0, 4)), (byYear.get(Number(d.slice(0, 4))) ?? 0) + 1);
  const year = [...byYear.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const middle = starts.filter((d) => Number(d.slice(0, 4)) === year)[Math.floor(byYear.get(year)! / 2)];
  return { season: Number(middle.slice(5, 7)) <= 6 ? 'spring' : 'autumn', year };
}

/** The campaign most of the received plans are for (each plan one vote); undefined when no plan has dates. */
export function campaignOfReports(reads: ReadWorkbook[]): Campaign | undefined {
  const votes = new Map<string, { campaign: Campaign; n: number }>();
  for (const read of reads) {
    const c = campaignOfPlan(read);
    if (!c) continue;
    const key = `${c.year}-${c.season}`;
    votes.set(key, { campaign: c, n: (votes.get(key)?.n ?? 0) + 1 });
  }
  return [...votes.values()].sort((a, b) => b.n - a.n)[0]?.campaign;
}
