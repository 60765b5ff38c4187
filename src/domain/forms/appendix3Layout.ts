/**
 * Where everything of the stamped Appendix 3 is: head lines, table 3.1 (with the extra column), table 3.2 and the
 * narrative. The stamper builds from this; whoever fills or reads a stamped report refers to it.
 */
import { cellRef, rangeRef } from '../a1';
import type { CampaignSettings, UnitLevel } from '../settings';
import { formHeadLayout, type FormHeadLayout } from './formHead';
import { group, leaves, type HeaderNode } from './headers';
import { NARRATIVE_TEXT } from './officialText';
import { EXTRA_GROUP_TITLE, participationExtras, participationTable, partnersTable, PARTNER_CATEGORIES } from './appendix3';
import { tableLayout, type FormTableLayout } from './tableLayout';
import type { CellInput } from '../sheetPlan';

export interface Appendix3Options {
  /** Input rows of each table (default: 30 for the region's report, 1 otherwise); never fewer than `fill` has. */
  rows?: number;
  /** Sheet name (default SHEET.report). */
  name?: string;
  /** Values for the data rows, by leaf key (numbers, text or {formula}). */
  fill?: Appendix3Fill;
  /** Protect the sheet (no password): only input cells stay editable. */
  protect?: boolean;
}

export interface Appendix3Fill {
  participation?: Record<string, CellInput>[];
  partners?: Record<string, CellInput>[];
  narrative?: CellInput;
}

export interface Appendix3Layout extends FormHeadLayout {
  /** Last column of the form (the check column of table 3.1). */
  lastColumn: number;
  participation: FormTableLayout;
  partners: FormTableLayout;
  /** Rows of the order's narrative instructions, one paragraph each. */
  narrativeTextRows: number[];
  /** Input: the analytical note, a merged area from here to `narrativeRange`'s bottom-right. */
  narrativeCell: string;
  narrativeRange: string;
  lastRow: number;
}

/** Table 3.1 as stamped: the order's columns, then the marked extra column(s). */
export const participationTree: HeaderNode[] = [...participationTable, group(EXTRA_GROUP_TITLE, participationExtras)];

export const CHECK_KEY = 'check';

/** Table 3.2's name columns are wide: each spans this many of 3.1's narrow columns. */
const PARTNER_NAMES_SPAN = 3;
const NARRATIVE_INPUT_ROWS = 24;

export const defaultReportRows = (level: UnitLevel): number => (level === 'region' ? 30 : 1);

export function appendix3Layout(settings: CampaignSettings, opts: Appendix3Options = {}): Appendix3Layout {
  const base = opts.rows ?? defaultReportRows(settings.level);
  const rows31 = Math.max(base, opts.fill?.participation?.length ?? 0, 1);
  const rows32 = Math.max(base, opts.fill?.partners?.length ?? 0, 1);
  const head = formHeadLayout();
  const participation = tableLayout(participationTree, head.nextRow, rows31);
  const lastColumn = participation.lastColumn;
  const nameSpans: Record<string, number> = {};
  for (const c of PARTNER_CATEGORIES) nameSpans[`${c}Names`] = PARTNER_NAMES_SPAN;
  const partnersRight = leaves(partnersTable).reduce((s, l) => s + (nameSpans[l.key] ?? 1), 0);
  // 3.2's check column reaches to the same right edge as 3.1's, so the form is one rectangle.
  const partners = tableLayout(partnersTable, participation.lastDataRow + 2, rows32, nameSpans, lastColumn - partnersRight);
  const firstText = partners.lastDataRow + 2;
  const narrativeTextRows = NARRATIVE_TEXT.map((_, i) => firstText + i);
  const inputTop = firstText + NARRATIVE_TEXT.length;
  const lastRow = inputTop + NARRATIVE_INPUT_ROWS - 1;
  return {
    ...head,
    lastColumn,
    participation,
    partners,
    narrativeTextRows,
    narrativeCell: cellRef(inputTop, 1),
    narrativeRange: rangeRef(inputTop, 1, lastRow, lastColumn),
    lastRow,
  };
}
