/**
 * The consolidated workbook's own analytical sheets: «Показатели» (live formulas and charts) and the draft
 * «Аналитическая справка», built over the merge's detail sheet, partner register and register of reports.
 */
import { DETAIL_FIRST_ROW } from '../consolidate/detailLayout';
import { detailSheet } from '../consolidate/detailSheet';
import type { MergeResult } from '../consolidate/merge';
import { parseCell } from '../a1';
import type { CampaignSettings } from '../settings';
import type { CellValue, SheetPlan } from '../sheetPlan';
import { heldRows, isFormula } from '../sheetPlan';
import { campaignLabel } from './campaign';
import { detailValuesFromRows, figuresFromDetail, isNamedRow, PARTNER_CATEGORIES, type CampaignFigures, type DetailValues, type PartnerCategory } from './figures';
import { noteSheet } from './note';
import { indicatorsSheet } from './summarySheet';
import { readConsolidated, type ConsolidatedContents } from './dynamics';
import type { WorkbookGrid } from '../grid';
import { targetsNoteText } from '../monitoring/consolidated';

export * from './campaign';
export * from './definitions';
export * from './figures';
export * from './note';
export * from './summarySheet';
export * from './dynamics';

export interface SummaryOptions {
  settings: CampaignSettings;
  /** Earlier campaigns, oldest first (from `previousCampaign`). */
  previous?: CampaignFigures[];
  /** The territory in the genitive for the note: «г. Томска». */
  territoryGenitive?: string;
}

/** The detail rows' values exactly as the detail sheet writes them (`plan`: that sheet, when made already). */
export function detailValues(result: MergeResult, settings: CampaignSettings, plan: SheetPlan = detailSheet(result, settings)): DetailValues[] {
  const block = plan.blocks.find((b) => parseCell(b.at).row === DETAIL_FIRST_ROW);
  if (!block) return [];
  return detailValuesFromRows(heldRows(block.rows).map((r) => r.map((c): CellValue => (isFormula(c) ? null : c))));
}

/** This campaign's figures from a merge (what the note prints); `values` its detail rows, when read already. */
export function campaignFigures(result: MergeResult, settings: CampaignSettings, values: DetailValues[] = detailValues(result, settings)): CampaignFigures {
  const campaign = { season: settings.season, year: settings.year };
  const partnersDistinct = Object.fromEntries(
    PARTNER_CATEGORIES.map((c) => [c, result.partners.byCategory[c].distinct]),
  ) as Record<PartnerCategory, number>;
  return figuresFromDetail(values, campaignLabel(campaign), {
    missing: result.missing,
    refused: result.refused,
    partnersDistinct,
    campaign,
  });
}

/**
 * This campaign's figures from a consolidated workbook already written, as they stand on its sheets (the note
 * as a document reads them the same way: noteDocument.ts).
 */
export function workbookFigures(c: ConsolidatedContents, settings: CampaignSettings): CampaignFigures {
  const campaign = { season: settings.season, year: settings.year };
  return figuresFromDetail(c.rows.filter(isNamedRow), campaignLabel(campaign), {
    missing: c.missing ?? [],
    refused: c.refused,
    partnersDistinct: c.partners?.distinct,
    campaign,
  });
}

/**
 * «Показатели» and «Аналитическая справка» for a merge, to follow the detail, partner and register sheets (`detail`:
 * the detail sheet, when made already — a thousand schools' detail took ~20 ms a making).
 */
export function summarySheets(result: MergeResult, opts: SummaryOptions, detail: SheetPlan = detailSheet(result, opts.settings)): SheetPlan[] {
  const values = detailValues(result, opts.settings, detail);
  const figures = campaignFigures(result, opts.settings, values);
  const previous = opts.previous ?? [];
  return [
    indicatorsSheet(result.units.length, {
      label: figures.label,
      values,
      partnerEntries: result.partners.entries.length,
      register: true,
      previous,
      figures,
    }),
    noteSheet(figures, { settings: opts.settings, territoryGenitive: opts.territoryGenitive, previous: previous[previous.length - 1], extra: targetsNoteText(result, opts.settings) }),
  ];
}

/**
 * «Показатели» and the note for a consolidated workbook already written (the open workbook in Excel, after the
 * coordinator corrected figures on «Свод по ОО»): everything is read back from its sheets.
 */
export function summarySheetsFromWorkbook(wb: WorkbookGrid, opts: SummaryOptions): SheetPlan[] {
  const c = readConsolidated(wb);
  const figures = workbookFigures(c, opts.settings);
  const previous = opts.previous ?? [];
  return [
    indicatorsSheet(c.rows.length, {
      label: figures.label,
      values: c.rows,
      partnerEntries: c.partners?.entries,
      register: c.missing !== null,
      previous,
      figures,
    }),
    noteSheet(figures, { settings: opts.settings, territoryGenitive: opts.territoryGenitive, previous: previous[previous.length - 1] }),
  ];
}
