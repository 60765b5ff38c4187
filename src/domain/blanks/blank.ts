/**
 * Personalised blanks: for every expected unit, one workbook with the forms the coordinator asks for (Appendix 3,
 * Appendix 2, the monitoring form), the unit's name, the campaign, the deadlines and the coordinator's contacts in
 * place. The sheets are protected without a password: the headers and the unit's name are locked so the form keeps
 * its shape and the merge recognises the unit; every input cell stays editable. The hidden settings sheet travels
 * along. The same plan is written to .xlsx by the CLI and opened as a new workbook by the pane.
 */
import { parseCell, rangeRef } from '../a1';
import { formHeadLayout } from '../forms/formHead';
import { withSettingsSheet } from '../consolidate/workbook';
import { appendix2Layout } from '../forms/appendix2Layout';
import { appendix3Layout } from '../forms/appendix3Layout';
import { monitoringLayout } from '../forms/monitoringLayout';
import { stampMonitoring } from '../forms/monitoringStamp';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { stampAppendix3 } from '../forms/stampAppendix3';
import type { FormTableLayout } from '../forms/tableLayout';
import { SEASON_TITLE, type CampaignSettings, type UnitLevel } from '../settings';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, type SheetPlan, type WorkbookPlan } from '../sheetPlan';
import { formatDate, formatDateRange } from '../text/date';
import { blankFilesFor } from './fileName';

export { blankFilesFor };

export type BlankForm = 'report' | 'plan' | 'monitoring';
export const BLANK_FORMS: BlankForm[] = ['report', 'plan', 'monitoring'];
export const FORM_TITLE: Record<BlankForm, string> = {
  report: 'отчёт об итогах кампании (прил. 3)',
  plan: 'план кампании (прил. 2)',
  monitoring: 'форма мониторинга',
};
export const BLANK_SHEET = 'Бланк';

export interface BlankOptions {
  /**
   * The sender's settings: the campaign (season, year, dates), the sender's own unit and level, and the sender's
   * coordinator, whose contacts the blank gives as where to send it.
   */
  settings: CampaignSettings;
  /** Forms to include, in tab order; default: the report only. */
  forms?: BlankForm[];
}

/** Who fills a blank: a municipality's schools, the region's municipalities and ОГОО. */
export function levelBelow(level: UnitLevel): UnitLevel {
  return level === 'region' ? 'municipality' : 'school';
}

/** The deadline of each form for the unit filling it. */
function deadlines(s: CampaignSettings): Record<BlankForm, string> {
  const report = s.level === 'region' ? s.reportDue : s.schoolReportsDue;
  return { report, plan: s.planDue, monitoring: report };
}

/** The blank's own settings: the unit, a level below the sender, no coordinator (the unit writes its own). */
export function blankSettings(unit: string, sender: CampaignSettings): CampaignSettings {
  const { targets: _targets, ...rest } = sender;
  return { ...rest, unit: unit.trim(), level: levelBelow(sender.level), coordinator: { name: '', post: '', phone: '', email: '' } };
}

/** Lock the header's unit line and the unit's cells in the tables: the name must reach the merge as it was sent. */
function lockUnit(plan: SheetPlan, lastColumn: number, tables: FormTableLayout[]): void {
  const unitRow = parseCell(formHeadLayout().unitCell).row;
  plan.styles.push({ range: rangeRef(unitRow, 1, unitRow, lastColumn), style: { locked: true, fill: 'F2F2F2' } });
  for (const t of tables) {
    const col = t.columns.unit;
    if (col !== undefined) plan.styles.push({ range: rangeRef(t.firstDataRow, col, t.lastDataRow, col), style: { locked: true, fill: 'F2F2F2' } });
  }
  plan.protect = true;
}

const contacts = (s: CampaignSettings): string =>
  [s.coordinator.name, s.coordinator.post, s.coordinator.phone && `тел. ${s.coordinator.phone}`, s.coordinator.email && `e-mail ${s.coordinator.email}`]
    .map((x) => (x || '').trim())
    .filter(Boolean)
    .join(', ');

/** The first sheet: whose blank it is, the campaign, what to fill, by when and to whom. */
export function blankCoverSheet(unit: string, sender: CampaignSettings, forms: BlankForm[], sheetOf: Record<BlankForm, string>): SheetPlan {
  const plan = emptySheetPlan(BLANK_SHEET, 'blank');
  const due = deadlines(sender);
  const to = sender.level === 'region' ? 'региональному оператору' : 'муниципальному координатору';
  const rows: [string, string][] = [
    ['Организация', unit.trim()],
    ['Кампания', `${SEASON_TITLE[sender.season].adjective[0].toUpperCase()}${SEASON_TITLE[sender.season].adjective.slice(1)} профориентационная кампания ${sender.year} года (${formatDateRange(sender.windowFrom, sender.windowTo)})`],
    ...forms.map((f): [string, string] => [`Срок: ${FORM_TITLE[f]}`, `до ${formatDate(due[f])} включительно — лист «${sheetOf[f]}»`]),
    ['Куда отправить', `${to}${sender.unit ? ` (${sender.unit})` : ''}${contacts(sender) ? `: ${contacts(sender)}` : ''}`],
    ['Как заполнить', 'Заполните белые ячейки форм; название организации уже вписано — не меняйте его и не переименовывайте листы. Количества — только цифрами. Столбец «Проверка» сразу покажет, что исправить. Листы защищены от случайной правки заголовков (без пароля). Сохраните файл в формате .xlsx и отправьте его целиком.'],
  ];
  plan.blocks.push({ at: 'A1', rows: [['Бланк «Профкампании»', null], ...rows] });
  plan.merges.push('A1:B1');
  plan.columnWidths = [30, 90];
  plan.styles.push(
    { range: 'A1:B1', style: { bold: true, fontSize: 14 } },
    { range: `A2:A${rows.length + 1}`, style: { bold: true, vAlign: 'top', wrap: true } },
    { range: `B2:B${rows.length + 1}`, style: { wrap: true, vAlign: 'top' } },
    { range: 'B2', style: { bold: true } },
  );
  plan.rowHeights = { [rows.length + 1]: 64 };
  plan.print = { orientation: 'portrait', paper: 'A4', fitToWidth: true };
  plan.protect = true;
  return plan;
}

/** The blank of one unit as a workbook plan: cover, the forms asked for, the hidden settings sheet. */
export function blankWorkbookPlan(unit: string, opts: BlankOptions): WorkbookPlan {
  const forms = opts.forms?.length ? BLANK_FORMS.filter((f) => opts.forms!.includes(f)) : (['report'] as BlankForm[]);
  const s = blankSettings(unit, opts.settings);
  const sheetOf: Record<BlankForm, string> = { report: SHEET.report, plan: SHEET.plan, monitoring: SHEET.monitoring };
  const sheets: SheetPlan[] = [blankCoverSheet(unit, opts.settings, forms, sheetOf)];
  for (const f of forms) {
    if (f === 'report') {
      const plan = stampAppendix3(s, { protect: true });
      const L = appendix3Layout(s);
      lockUnit(plan, L.lastColumn, [L.participation, L.partners]);
      sheets.push(plan);
    } else if (f === 'plan') {
      const plan = stampAppendix2(s, { protect: true });
      lockUnit(plan, appendix2Layout(s).lastColumn, []);
      sheets.push(plan);
    } else {
      const plan = stampMonitoring(s, { protect: true });
      const L = monitoringLayout(s);
      lockUnit(plan, L.lastColumn, [L.table]);
      sheets.push(plan);
    }
  }
  return withSettingsSheet(sheets, s);
}

export interface Blank {
  unit: string;
  fileName: string;
  plan: WorkbookPlan;
}

/**
 * One blank per unit, each with a safe, unique file name. Two spellings of one unit («СОШ №4», «сош № 4») are one
 * unit to the merge, so they get one blank (the first spelling).
 */
export function blanksFor(units: string[], opts: BlankOptions): Blank[] {
  return blankFilesFor(units).map((b) => ({ ...b, plan: blankWorkbookPlan(b.unit, opts) }));
}

