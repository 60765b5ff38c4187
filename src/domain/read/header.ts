/**
 * The two header lines above a form's tables: the unit (with the caption «(указать муниципальное образование…)»
 * under it) and «Координатор профориентационной работы» with the coordinator's details beside or below it.
 */
import { cellText, gridSize, type SheetGrid } from '../grid';
import { headerText, titleKind } from './matchers';
import type { FormHeader } from '../report';

const INLINE_CAPTION = /^(.+?)\s*\(указать муниципальное образование/;
const UNIT_CAPTION = /^\(?указать муниципальное образование/;
const COORDINATOR_LABEL = /^координатор профориентационной работы/;
const COORDINATOR_CAPTION = /^\(?фио,? должность/;
/** Underscores or dots left for handwriting: nothing filled in. */
const BLANK = /^[\s_.…-]*$/;

const filled = (s: string): string => (BLANK.test(s) ? '' : s.trim());

/** First non-empty text in a row, from column `from` on; '' if none. */
function firstText(sheet: SheetGrid, row: number, from: number, cols: number): string {
  for (let c = from; c <= cols; c++) {
    const t = cellText(sheet, row, c);
    if (t !== '') return t;
  }
  return '';
}

/** Reads the header lines found above row `before` (the table's header). */
export function readFormHeader(sheet: SheetGrid, before: number): FormHeader {
  const cols = Math.min(gridSize(sheet).cols, 100);
  let unit = '';
  let coordinator = '';
  for (let r = 1; r < before; r++) {
    let previous = '';
    for (let c = 1; c <= cols; c++) {
      const raw = cellText(sheet, r, c);
      // A merged line shows its text at every column it covers; the first of them has said all it can.
      if (raw === '' || raw === previous) continue;
      previous = raw;
      const t = headerText(raw);
      // The literal test first: the lazy pattern walks the whole of every long title that lacks the caption.
      const inline = t.includes('(указать муниципальное образование') && INLINE_CAPTION.test(t);
      if (inline && !unit) {
        // The unit typed on the caption's own line: «Александровский район (указать муниципальное образование…)».
        unit = filled(raw.slice(0, raw.search(/\(\s*указать/i)).replace(/[\s_:]+$/, ''));
      } else if (UNIT_CAPTION.test(t) && !unit) {
        // The unit is written on the line above its caption (or, retyped, before it on the same line).
        for (let k = r - 1; k >= Math.max(1, r - 2) && !unit; k--) {
          const above = firstText(sheet, k, 1, cols);
          if (above && !titleKind(above)) unit = filled(above);
        }
      } else if (COORDINATOR_LABEL.test(t) && !coordinator) {
        const rest = raw.replace(/^[^:–—-]*?работы\s*[:–—-]?\s*/i, '');
        coordinator = filled(rest);
        if (!coordinator) coordinator = filled(firstText(sheet, r, c + 1, cols));
        if (!coordinator) {
          const below = firstText(sheet, r + 1, 1, cols);
          if (below && !COORDINATOR_CAPTION.test(headerText(below))) coordinator = filled(below);
        }
      }
    }
  }
  return { unit, coordinator };
}
