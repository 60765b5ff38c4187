/**
 * The partner register sheet «Партнёры»: a summary by category (distinct organisations beside the sum units
 * reported), then one row per distinct organisation with the units that named it. The consolidated Appendix 3
 * counts partners from here by formula.
 */
import { absolute, quoteSheet, rangeRef } from '../a1';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, type CellInput, type SheetPlan } from '../sheetPlan';
import { detailRange, type DetailKey } from './detailLayout';
import type { MergeResult } from './merge';
import { CATEGORY_TITLE, REGISTER_CATEGORIES, type RegisterCategory } from './partnerRegister';
import { clipText } from './cells';
import { detailRowValues } from './detailSheet';
import { numberIn } from '../indicators/figures';

export const PARTNERS_SUMMARY_HEADER_ROW = 4;
export const PARTNERS_TOTAL_ROW = PARTNERS_SUMMARY_HEADER_ROW + REGISTER_CATEGORIES.length + 1;
export const PARTNERS_LIST_HEADER_ROW = PARTNERS_TOTAL_ROW + 3;
export const PARTNERS_FIRST_ROW = PARTNERS_LIST_HEADER_ROW + 1;
/** Columns of the list: category, name, counted-once flag. */
export const PARTNERS_COL = { n: 1, category: 2, name: 3, units: 4, unitNames: 5, spellings: 6, counted: 7 } as const;

const COUNT_KEY: Partial<Record<RegisterCategory, DetailKey>> = {
  professionalEducation: 'professionalEducationCount',
  companies: 'companiesCount',
  business: 'businessCount',
  community: 'communityCount',
};

/** Sheet-qualified absolute range of a list column, over at least one row. */
export function partnersListRange(col: number, entries: number): string {
  const last = PARTNERS_FIRST_ROW + Math.max(entries, 1) - 1;
  return `${quoteSheet(SHEET.partners)}!${absolute(PARTNERS_FIRST_ROW, col)}:${absolute(last, col)}`;
}

/** A formula counting the distinct organisations of a category (or of all, counted once) on this sheet. */
export function distinctPartnersFormula(category: RegisterCategory | 'all', entries: number): string {
  if (category === 'all') return `=SUM(${partnersListRange(PARTNERS_COL.counted, entries)})`;
  return `=COUNTIF(${partnersListRange(PARTNERS_COL.category, entries)},"${CATEGORY_TITLE[category]}")`;
}

export function partnersSheet(result: MergeResult): SheetPlan {
  const plan = emptySheetPlan(SHEET.partners, 'partners');
  const reg = result.partners;
  const n = reg.entries.length;
  const units = result.units.length;
  // The cached values: what each formula computes over the detail rows and the list below (sheetPlan.ts, FormulaCell).
  const detail = detailRowValues(result);
  const sumOf = (key: DetailKey) => detail.reduce((s, v) => s + numberIn(v[key]), 0);
  const namingUnits = (key: DetailKey) => detail.filter((v) => numberIn(v[key]) > 0).length;
  plan.blocks.push({
    at: 'A1',
    rows: [
      ['Реестр организаций-партнёров'],
      [
        'Организация считается один раз, сколько бы организаций её ни назвали. Названия сопоставлены без учёта регистра, кавычек, пробелов и организационно-правовой формы (ООО, ЗАО, ИП…); все варианты написания — в последнем столбце.',
      ],
    ],
  });
  plan.merges.push('A1:G1', 'A2:G2');
  plan.styles.push({ range: 'A1', style: { bold: true, fontSize: 14 } }, { range: 'A2', style: { wrap: true, italic: true, vAlign: 'top' } });
  plan.rowHeights = { 2: 32 };

  const h = PARTNERS_SUMMARY_HEADER_ROW;
  const summary: CellInput[][] = [['Категория', 'Различных организаций', 'Сумма по отчётам организаций', 'Организаций, назвавших категорию']];
  for (const c of REGISTER_CATEGORIES) {
    const key = COUNT_KEY[c];
    summary.push([
      CATEGORY_TITLE[c],
      { formula: distinctPartnersFormula(c, n), result: reg.byCategory[c].distinct },
      key ? { formula: `=SUM(${detailRange(key, units)})`, result: sumOf(key) } : reg.byCategory[c].reported,
      key ? { formula: `=COUNTIF(${detailRange(key, units)},">0")`, result: namingUnits(key) } : reg.byCategory[c].units,
    ]);
  }
  summary.push([
    'Всего различных организаций (каждая один раз)',
    { formula: distinctPartnersFormula('all', n), result: reg.distinct },
    { formula: `=SUM(${detailRange('partnersTotal', units)})`, result: sumOf('partnersTotal') },
    null,
  ]);
  plan.blocks.push({ at: `A${h}`, rows: summary });
  plan.styles.push(
    { range: rangeRef(h, 1, h, 4), style: { bold: true, wrap: true, border: true, fill: 'DDEBF7', hAlign: 'center' } },
    { range: rangeRef(h + 1, 1, PARTNERS_TOTAL_ROW, 4), style: { border: true, wrap: true } },
    { range: rangeRef(h + 1, 2, PARTNERS_TOTAL_ROW, 4), style: { numberFormat: '0' } },
    { range: rangeRef(PARTNERS_TOTAL_ROW, 1, PARTNERS_TOTAL_ROW, 4), style: { bold: true } },
  );

  const lh = PARTNERS_LIST_HEADER_ROW;
  plan.blocks.push({
    at: `A${lh}`,
    rows: [['№', 'Категория', 'Организация-партнёр', 'Назвали организаций', 'Кто назвал', 'Варианты написания', 'В общем числе (один раз)']],
  });
  plan.styles.push({ range: rangeRef(lh, 1, lh, 7), style: { bold: true, wrap: true, border: true, fill: 'DDEBF7', hAlign: 'center' } });
  const seen = new Set<string>();
  const rows: CellInput[][] = reg.entries.map((e, i) => {
    const first = !seen.has(e.key);
    seen.add(e.key);
    return [i + 1, CATEGORY_TITLE[e.category], e.name, e.units.length, clipText(e.units.join('; ')), clipText(e.spellings.join(' | ')), first ? 1 : 0];
  });
  if (rows.length) {
    plan.blocks.push({ at: `A${PARTNERS_FIRST_ROW}`, rows });
    const last = PARTNERS_FIRST_ROW + rows.length - 1;
    plan.styles.push(
      { range: rangeRef(PARTNERS_FIRST_ROW, 1, last, 7), style: { border: true, vAlign: 'top' } },
      { range: rangeRef(PARTNERS_FIRST_ROW, 2, last, 3), style: { numberFormat: '@', wrap: true } },
      { range: rangeRef(PARTNERS_FIRST_ROW, 5, last, 6), style: { numberFormat: '@', wrap: true } },
    );
  }
  plan.columnWidths = [46, 30, 40, 14, 50, 40, 14];
  plan.freeze = { rows: lh, columns: 0 };
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true };
  plan.tabColor = '548235';
  return plan;
}
