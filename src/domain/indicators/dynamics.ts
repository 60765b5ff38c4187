/**
 * An earlier campaign's figures, read from a consolidated workbook this add-in produced. The detail sheet holds
 * plain numbers (the indicators over it are formulas, whose cached values a file written by the command line
 * does not have), so the figures are recomputed from it; distinct partners come from the partner register's list
 * and missing reports from the register, both plain text.
 */
import { DETAIL_COLUMNS, DETAIL_FIRST_ROW, DETAIL_HEADER_ROW, DETAIL_TITLE_ROW } from '../consolidate/detailLayout';
import { PARTNERS_COL, PARTNERS_FIRST_ROW } from '../consolidate/partnersSheet';
import { CATEGORY_TITLE } from '../consolidate/partnerRegister';
import { LEGACY_MISSING_TITLE, ORGANISATION_TITLE, REGISTER_COLUMNS, REGISTER_HEADER_ROW } from '../consolidate/registerSheet';
import { cellText, cellValue, gridSize, type SheetGrid, type WorkbookGrid } from '../grid';
import { SHEET } from '../sheetNames';
import { campaignLabel, parseCampaignLabel, type CampaignId } from './campaign';
import { figuresFromDetail, PARTNER_CATEGORIES, type CampaignFigures, type DetailValues, type PartnerCategory } from './figures';
import { CAMPAIGN_LABEL_CAPTION } from './summarySheet';

export class PreviousCampaignError extends Error {}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The campaign a workbook is about: the label on «Показатели», else the detail sheet's title. */
function campaignOf(wb: WorkbookGrid, detail: SheetGrid): { label: string; campaign?: CampaignId } {
  const ind = wb.sheets.find((s) => s.name === SHEET.indicators);
  if (ind) {
    for (let r = 1; r <= Math.min(10, gridSize(ind).rows); r++)
      if (cellText(ind, r, 1).startsWith(CAMPAIGN_LABEL_CAPTION)) {
        const label = cellText(ind, r, 1).slice(CAMPAIGN_LABEL_CAPTION.length).trim();
        const campaign = parseCampaignLabel(label) ?? undefined;
        if (label) return { label, campaign };
      }
  }
  const title = cellText(detail, DETAIL_TITLE_ROW, 1);
  const m = /(весенн|осенн)\S*\s+профориентационная кампания\s+(\d{4})/i.exec(title);
  if (m) {
    const campaign: CampaignId = { season: m[1].toLowerCase() === 'весенн' ? 'spring' : 'autumn', year: Number(m[2]) };
    return { label: campaignLabel(campaign), campaign };
  }
  return { label: wb.file };
}

/** What a consolidated workbook of ours holds, as the indicators need it. */
export interface ConsolidatedContents {
  /** Detail rows from the first data row to the last named unit, in sheet order (a blank row stays, empty). */
  rows: DetailValues[];
  label: string;
  campaign?: CampaignId;
  /** Expected units the register lists as «не прислал» (or, in older files, «не получен»); null without a register. */
  missing: string[] | null;
  /** Organisations whose every report was refused (registers before 2026 counted them as missing). */
  refused: string[];
  /** Distinct partners by category and the number of list rows; null without a partner register. */
  partners: { distinct: Record<PartnerCategory, number>; entries: number } | null;
}

/**
 * Read a consolidated workbook this add-in wrote (a file, or the open workbook's grids). Columns of the detail
 * sheet are found by their titles, so an older layout with columns added or moved still reads.
 */
export function readConsolidated(wb: WorkbookGrid): ConsolidatedContents {
  const detail = wb.sheets.find((s) => s.name === SHEET.detail);
  if (!detail)
    throw new PreviousCampaignError(
      `В файле «${wb.file}» нет листа «${SHEET.detail}»: нужен сводный файл, сохранённый этой надстройкой (команда «Свести отчёты»).`,
    );
  const { rows, cols } = gridSize(detail);
  const colOf = new Map<string, number>();
  for (let c = 1; c <= cols; c++) colOf.set(norm(cellText(detail, DETAIL_HEADER_ROW, c)), c);
  const unitCol = colOf.get(norm(DETAIL_COLUMNS[1].title));
  if (!unitCol)
    throw new PreviousCampaignError(
      `В файле «${wb.file}», лист «${SHEET.detail}», строка ${DETAIL_HEADER_ROW}: нет заголовка «${DETAIL_COLUMNS[1].title}». Выберите сводный файл, сохранённый этой надстройкой.`,
    );
  let last = DETAIL_FIRST_ROW - 1;
  for (let r = DETAIL_FIRST_ROW; r <= rows; r++) if (cellText(detail, r, unitCol) !== '') last = r;
  const values: DetailValues[] = [];
  for (let r = DETAIL_FIRST_ROW; r <= last; r++) {
    const v: DetailValues = {};
    if (cellText(detail, r, unitCol) !== '')
      for (const c of DETAIL_COLUMNS) {
        const col = colOf.get(norm(c.title));
        if (col) v[c.key] = cellValue(detail, r, col);
      }
    values.push(v);
  }
  const { label, campaign } = campaignOf(wb, detail);
  const register = registerOf(wb);
  return { rows: values, label, campaign, missing: register?.missing ?? null, refused: register?.refused ?? [], partners: partnersOf(wb) };
}

/** An earlier campaign's figures from its consolidated file. */
export function previousCampaign(wb: WorkbookGrid): CampaignFigures {
  const c = readConsolidated(wb);
  const rows = c.rows.filter((r) => String(r.unit ?? '').trim() !== '');
  return figuresFromDetail(rows, c.label, { missing: c.missing ?? [], refused: c.refused, partnersDistinct: c.partners?.distinct, campaign: c.campaign });
}

function partnersOf(wb: WorkbookGrid): ConsolidatedContents['partners'] {
  const sheet = wb.sheets.find((s) => s.name === SHEET.partners);
  if (!sheet) return null;
  let entries = 0;
  const counts = Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, 0])) as Record<PartnerCategory, number>;
  const byTitle = new Map(PARTNER_CATEGORIES.map((c) => [norm(CATEGORY_TITLE[c]), c]));
  for (let r = PARTNERS_FIRST_ROW; r <= gridSize(sheet).rows; r++) {
    const c = byTitle.get(norm(cellText(sheet, r, PARTNERS_COL.category)));
    if (cellText(sheet, r, PARTNERS_COL.name) === '') continue;
    entries = r - PARTNERS_FIRST_ROW + 1;
    if (c) counts[c]++;
  }
  return { distinct: counts, entries };
}

function registerOf(wb: WorkbookGrid): { missing: string[]; refused: string[] } | null {
  const sheet = wb.sheets.find((s) => s.name === SHEET.register);
  if (!sheet) return null;
  // By title: a register written before the «Лист» column had its status one column further left.
  const titleAt = (t: (typeof REGISTER_COLUMNS)[number]) => {
    for (let c = 1; c <= REGISTER_COLUMNS.length + 1; c++) if (cellText(sheet, REGISTER_HEADER_ROW, c) === t) return c;
    return REGISTER_COLUMNS.indexOf(t) + 1;
  };
  const statusCol = titleAt('Статус');
  const unitCol = titleAt('Организация');
  const out = { missing: [] as string[], refused: [] as string[] };
  for (let r = REGISTER_HEADER_ROW + 1; r <= gridSize(sheet).rows; r++) {
    const status = cellText(sheet, r, statusCol);
    if (status === ORGANISATION_TITLE.missing || status === LEGACY_MISSING_TITLE) out.missing.push(cellText(sheet, r, unitCol));
    else if (status === ORGANISATION_TITLE.refused) out.refused.push(cellText(sheet, r, unitCol));
  }
  return out;
}
