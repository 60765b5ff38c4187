/**
 * The lines above a form's tables, as the order has them: «Приложение N», the order reference (both right-aligned),
 * the title, the unit line with its caption under it and the coordinator line with its caption.
 */
import { cellRef, rangeRef } from '../a1';
import type { CampaignSettings } from '../settings';
import type { CellInput, SheetPlan } from '../sheetPlan';
import { COORDINATOR_CAPTION, COORDINATOR_LABEL, UNIT_CAPTION } from './officialText';
import { textHeight } from './textHeight';

export interface FormHeadLayout {
  appendixCell: string;
  orderCell: string;
  titleCell: string;
  /** Input: the unit (municipality, ОГОО or school). */
  unitCell: string;
  unitCaptionCell: string;
  coordinatorLabelCell: string;
  /** Input: coordinator's name, post, phone, e-mail in one line. */
  coordinatorCell: string;
  coordinatorCaptionCell: string;
  /** First row free for the tables. */
  nextRow: number;
}

export function formHeadLayout(): FormHeadLayout {
  return {
    appendixCell: 'A1',
    orderCell: 'A2',
    titleCell: 'A4',
    unitCell: 'A5',
    unitCaptionCell: 'A6',
    coordinatorLabelCell: 'A7',
    coordinatorCell: 'B7',
    coordinatorCaptionCell: 'B8',
    nextRow: 10,
  };
}

/** The coordinator line as the order asks for it: ФИО, должность, телефон, e-mail. */
export const coordinatorLine = (s: CampaignSettings): string =>
  [s.coordinator.name, s.coordinator.post, s.coordinator.phone, s.coordinator.email]
    .map((x) => x.trim())
    .filter(Boolean)
    .join(', ');

/** Writes the head lines into `plan` over columns 1…lastColumn whose widths are `widths`. */
export function stampFormHead(
  plan: SheetPlan,
  settings: CampaignSettings,
  appendix: string,
  title: string,
  lastColumn: number,
  widths: number[],
  over: { unit?: CellInput; coordinator?: CellInput } = {},
): FormHeadLayout {
  const h = formHeadLayout();
  const full = (row: number) => rangeRef(row, 1, row, lastColumn);
  const rest = (row: number) => rangeRef(row, 2, row, lastColumn);
  const totalWidth = widths.slice(0, lastColumn).reduce((a, b) => a + b, 0);
  const restWidth = totalWidth - widths[0];
  plan.blocks.push(
    { at: h.appendixCell, rows: [[appendix]] },
    { at: h.orderCell, rows: [[settings.orderReference]] },
    { at: h.titleCell, rows: [[title]] },
    { at: h.unitCell, rows: [[over.unit ?? settings.unit]] },
    { at: h.unitCaptionCell, rows: [[UNIT_CAPTION]] },
    { at: h.coordinatorLabelCell, rows: [[COORDINATOR_LABEL, over.coordinator ?? coordinatorLine(settings)]] },
    { at: h.coordinatorCaptionCell, rows: [[COORDINATOR_CAPTION]] },
  );
  plan.merges.push(full(1), full(2), full(4), full(5), full(6), rest(7), rest(8));
  plan.styles.push(
    { range: full(1), style: { hAlign: 'right' } },
    { range: full(2), style: { hAlign: 'right', wrap: true } },
    { range: full(4), style: { bold: true, fontSize: 14, hAlign: 'center' } },
    { range: full(5), style: { hAlign: 'center', border: true, locked: false, bold: true } },
    { range: full(6), style: { italic: true, fontSize: 9, hAlign: 'center', vAlign: 'top', wrap: true } },
    { range: cellRef(7, 1), style: { bold: true, wrap: true, vAlign: 'middle' } },
    { range: rest(7), style: { border: true, locked: false, vAlign: 'middle', wrap: true } },
    { range: rest(8), style: { italic: true, fontSize: 9, hAlign: 'center', vAlign: 'top' } },
  );
  plan.rowHeights = {
    ...plan.rowHeights,
    2: textHeight(settings.orderReference, totalWidth),
    4: 21,
    5: 20,
    6: textHeight(UNIT_CAPTION, totalWidth, 9),
    7: Math.max(textHeight(COORDINATOR_LABEL, widths[0], 11, true), textHeight(coordinatorLine(settings), restWidth)),
  };
  return h;
}
