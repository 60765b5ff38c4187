/** The coordinator's list of units expected to report: one name per row, first column; a header row is skipped. */
import type { SheetGrid } from '../grid';

const HEADER = /^(?:№|n|организаци|наименовани|муниципальн|образовательн|список|школ|оо$|ogoo|огоо|unit|name)/i;

export function expectedUnitsFromGrid(sheet: SheetGrid): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  sheet.cells.forEach((row, i) => {
    // The first non-empty text column: a numbered list («1 | МАОУ СОШ № 4») keeps its names in the second.
    const cells = (row ?? []).map((c) => (c === null || c === undefined ? '' : String(c).trim()));
    let name = cells[0] ?? '';
    if (/^\d+\.?$/.test(name) && cells[1]) name = cells[1];
    // A header names a column («Наименование ОО», «Школа»); a school's own name has a number or quotes («Школа № 1»).
    if (!name || (i === 0 && HEADER.test(name) && !/[\d«"“]/.test(name))) return;
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  });
  return out;
}

/** A plain text list: one name per line. */
export const expectedUnitsFromText = (text: string): string[] =>
  expectedUnitsFromGrid({ name: 'list', cells: text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => [l]), merges: [] });
