/**
 * An earlier campaign's figures, read from a consolidated workbook this add-in produced. The detail sheet holds
 * plain numbers (the indicators over it are formulas, whose cached values a file written by the command line
 * does not have), so the figures are recomputed from it; distinct partners come from the partner register's list
 * and missing reports from the register, both plain text.
 */
import { DETAIL_COLUMNS, DETAIL_FIRST_ROW, DETAIL_HEADER_ROW, DETAIL_TITLE_ROW } from '../consolidate/detailLayout';
import { PARTNERS_COL, PARTNERS_FIRST_ROW } from '../consolidate/partnersSheet';
import { CATEGORY_TITLE } from '../consolidate/partnerRegister';
import { REGISTER_COLUMNS, REGISTER_HEADER_ROW, STATUS_TITLE } from '../consolidate/registerSheet';
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
      if (cellText(ind, r, 1) === CAMPAIGN_LABEL_CAPTION) {
        const label = cellText(ind, r, 2);
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

export function previousCampaign(wb: WorkbookGrid): CampaignFigures {
  const detail = wb.sheets.find((s) => s.name === SHEET.detail);
  if (!detail)
    throw new PreviousCampaignError(
      `В файле «${wb.file}» нет листа «${SHEET.detail}»: для сравнения нужен сводный файл прошлой кампании, сохранённый этой надстройкой.`,
    );
  // Columns by their titles, so an older layout with columns added or moved still reads.
  const { rows, cols } = gridSize(detail);
  const colOf = new Map<string, number>();
  for (let c = 1; c <= cols; c++) colOf.set(norm(cellText(detail, DETAIL_HEADER_ROW, c)), c);
  const unitCol = colOf.get(norm(DETAIL_COLUMNS[1].title));
  if (!unitCol)
    throw new PreviousCampaignError(
      `В файле «${wb.file}», лист «${SHEET.detail}», строка ${DETAIL_HEADER_ROW}: нет заголовка «${DETAIL_COLUMNS[1].title}». Выберите сводный файл, сохранённый этой надстройкой.`,
    );
  const values: DetailValues[] = [];
  for (let r = DETAIL_FIRST_ROW; r <= rows; r++) {
    if (cellText(detail, r, unitCol) === '') continue;
    const v: DetailValues = {};
    for (const c of DETAIL_COLUMNS) {
      const col = colOf.get(norm(c.title));
      if (col) v[c.key] = cellValue(detail, r, col);
    }
    values.push(v);
  }
  const { label, campaign } = campaignOf(wb, detail);
  return figuresFromDetail(values, label, { missing: missingOf(wb), partnersDistinct: distinctPartnersOf(wb), campaign });
}

function distinctPartnersOf(wb: WorkbookGrid): Record<PartnerCategory, number> | undefined {
  const sheet = wb.sheets.find((s) => s.name === SHEET.partners);
  if (!sheet) return undefined;
  const counts = Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, 0])) as Record<PartnerCategory, number>;
  const byTitle = new Map(PARTNER_CATEGORIES.map((c) => [norm(CATEGORY_TITLE[c]), c]));
  for (let r = PARTNERS_FIRST_ROW; r <= gridSize(sheet).rows; r++) {
    const c = byTitle.get(norm(cellText(sheet, r, PARTNERS_COL.category)));
    if (c && cellText(sheet, r, PARTNERS_COL.name) !== '') counts[c]++;
  }
  return counts;
}

function missingOf(wb: WorkbookGrid): string[] {
  const sheet = wb.sheets.find((s) => s.name === SHEET.register);
  if (!sheet) return [];
  const statusCol = REGISTER_COLUMNS.indexOf('Статус') + 1;
  const unitCol = REGISTER_COLUMNS.indexOf('Организация') + 1;
  const out: string[] = [];
  for (let r = REGISTER_HEADER_ROW + 1; r <= gridSize(sheet).rows; r++)
    if (cellText(sheet, r, statusCol) === STATUS_TITLE.missing) out.push(cellText(sheet, r, unitCol));
  return out;
}
