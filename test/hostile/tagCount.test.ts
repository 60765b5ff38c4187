/**
 * The guards count rows and cells in every XML part before any reader sees it; a part given whole that is too short
 * to hold more than the limits is not counted (guards.ts `tagsBytes`: 5 bytes a row tag, 3 a cell tag). Held at the
 * edge: the shortest part that holds one row or one cell too many is still refused, one tag fewer is not.
 */
import { useNativeInflate } from '../../src/files/nativeInflate';
import { checkZip, LIMITS, SheetTooLarge, tagsBytes } from '../../src/files/guards';
import { seededRandom } from '../../src/domain/sample/municipality';
import { zipOf } from './support';

// As the command line reads (every part inflated whole by zlib, capped).
useNativeInflate();

const refusal = async (part: string, maxRows: number): Promise<string | undefined> => {
  const bytes = await zipOf({ 'xl/worksheets/sheet1.xml': part });
  try {
    checkZip(bytes, maxRows);
    return undefined;
  } catch (e) {
    if (e instanceof SheetTooLarge) return e.what;
    throw e;
  }
};

/** `n` tags of `length` bytes each, `<name` and a byte that ends a tag name, varied so the part is no zip bomb. */
const tags = (name: string, n: number, seed: number): string => {
  const rnd = seededRandom(seed);
  const ends = [' ', '>', '/', '\t', '\n', '\r'];
  let out = '';
  for (let i = 0; i < n; i++) out += `<${name}${ends[Math.floor(rnd() * ends.length)]}`;
  return out;
};

test('rows: the shortest part with one row over the limit is refused; with the limit, not', async () => {
  for (const maxRows of [10, 1000, 100_000]) {
    expect(tags('row', maxRows + 1, 1).length).toBe(tagsBytes(maxRows)); // at the edge of not counting
    expect(await refusal(tags('row', maxRows + 1, 1), maxRows)).toBe('rows');
    expect(await refusal(tags('row', maxRows, 2), maxRows)).toBeUndefined();
  }
});

test('cells: the shortest part with one cell over the limit is refused; with the limit, not', async () => {
  // Rows allowed beyond what the part could hold: the cells are what is at the edge.
  const maxRows = LIMITS.cellsPerSheet;
  // (A tag starting in a part's last four bytes is not counted, as before: two bytes more make the last cell count.)
  const over = tags('c', LIMITS.cellsPerSheet + 1, 3) + '  ';
  expect(over.length).toBe(tagsBytes(maxRows) + 2);
  expect(await refusal(over, maxRows)).toBe('cells');
  expect(await refusal(tags('c', LIMITS.cellsPerSheet, 4), maxRows)).toBeUndefined();
}, 60_000);
