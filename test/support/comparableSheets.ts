/**
 * What two readers of the same workbook must agree on: names, visibility, values and merged areas. Trailing empty
 * cells and rows mean nothing (a missing cell reads as empty). Used by test/readers.agree.test.ts and bench/readers.ts.
 */
export function comparableSheets(sheets: { name: string; hidden?: boolean; cells: unknown[][]; merges: unknown[] }[]) {
  const trim = <T>(xs: T[], empty: (x: T) => boolean) => {
    let n = xs.length;
    while (n > 0 && empty(xs[n - 1])) n--;
    return xs.slice(0, n);
  };
  return sheets.map((s) => ({
    name: s.name,
    hidden: Boolean(s.hidden),
    cells: trim(s.cells.map((r) => trim(r ?? [], (c) => c === null || c === undefined)), (r) => r.length === 0),
    merges: s.merges,
  }));
}
