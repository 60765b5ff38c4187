/**
 * The order received files are merged in, the same wherever they come from: the command line walks a folder by
 * name, the pane gets them in whatever order the dialog or a drop gives. The order decides the rows of «Свод по ОО»
 * when no list of organisations is given, and which of two files dated alike wins — so the same files must give the
 * same Свод however they were picked.
 */

/** Names in Russian alphabetical order; one collator (localeCompare with a locale builds one per comparison). */
export const byReceivedName: (a: string, b: string) => number = new Intl.Collator('ru').compare;

/**
 * Paths compared folder by folder, each level by name — the order of a walk that lists every folder by name
 * («Школы/а.xlsx» before «б.xlsx» when «Школы» sorts before «б.xlsx»).
 */
export function compareReceivedPaths(a: string, b: string): number {
  const pa = a.split(/[\\/]/);
  const pb = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = byReceivedName(pa[i], pb[i]);
    if (c) return c;
  }
  return pa.length - pb.length;
}

/** The items in the order a folder walk would give them (stable: equal paths keep their order). */
export function inReceivedOrder<T>(items: readonly T[], pathOf: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, path: pathOf(item) }))
    .sort((x, y) => compareReceivedPaths(x.path, y.path) || x.i - y.i)
    .map((x) => x.item);
}
