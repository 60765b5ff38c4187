/**
 * The detail sheet «Свод по ОО»: one row per merged unit with where its figures came from. It is the single source
 * the consolidated Appendix 3 and the indicators sum by formula, so a corrected number here moves every total.
 */
import { rangeRef } from '../a1';
import { SEASON_TITLE, type CampaignSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, type CellValue, type SheetPlan } from '../sheetPlan';
import { DETAIL_COLUMNS, DETAIL_FIRST_ROW, DETAIL_HEADER_ROW, DETAIL_TITLE_ROW, detailColumn, detailLetter, type DetailKey } from './detailLayout';
import type { MergeResult, MergedUnit } from './merge';
import { clipText, formatReceived, ON_TIME_UNCONFIRMED, yesNo } from './cells';

const TEXT_KEYS = new Set<DetailKey>(['unit', 'onList', 'file', 'sheet', 'received', 'onTime', 'partnersNames']);

const WIDTH: Partial<Record<DetailKey, number>> = {
  n: 5, unit: 34, onList: 10, file: 24, sheet: 14, row: 7, received: 17, onTime: 15, partnersNames: 50,
};

function valuesOf(u: MergedUnit, n: number): Record<DetailKey, CellValue> {
  const p = u.participation;
  const q = u.partners;
  const v = (r: { value: number | null } | undefined) => r?.value ?? null;
  const grade = (i: number) => v(p.grades[i]);
  const ovz = (i: number) => v(p.ovzGrades[i]);
  const plannedParticipants = u.plan.reduce((s, r) => s + (r.expectedParticipants.value ?? 0), 0);
  return {
    n,
    unit: u.unit,
    onList: yesNo(u.onList),
    file: u.file,
    sheet: p.source.sheet,
    row: p.source.row,
    received: formatReceived(u.received),
    onTime: u.dateDoubt ? ON_TIME_UNCONFIRMED : yesNo(u.onTime),
    schools: v(p.schools),
    schoolsActive: v(p.schoolsActive),
    events: v(p.events),
    students: v(p.students),
    participants: v(p.participants),
    g5: grade(0), g6: grade(1), g7: grade(2), g8: grade(3), g9: grade(4), g10: grade(5), g11: grade(6),
    teachers: v(p.teachers),
    teachersTotal: v(p.teachersTotal),
    ovzStudents: v(p.ovzStudents),
    ovzParticipants: v(p.ovzParticipants),
    ovzG5: ovz(0), ovzG6: ovz(1), ovzG7: ovz(2), ovzG8: ovz(3), ovzG9: ovz(4), ovzG10: ovz(5), ovzG11: ovz(6),
    partnersCount: v(p.partnersCount),
    partnersTotal: v(q?.partnersTotal),
    professionalEducationCount: v(q?.professionalEducation.count),
    companiesCount: v(q?.companies.count),
    businessCount: v(q?.business.count),
    communityCount: v(q?.community.count),
    partnersNames: clipText((p.partnersNames.value ?? []).join('; ')),
    plannedEvents: u.plan.length,
    plannedParticipants,
    errors: u.errors,
    warnings: u.warnings,
  };
}

/** Each merged unit's detail row as values by key, exactly as the detail sheet writes them. */
export const detailRowValues = (result: MergeResult): Record<DetailKey, CellValue>[] => result.units.map((u, i) => valuesOf(u, i + 1));

export function detailSheet(result: MergeResult, settings: CampaignSettings): SheetPlan {
  const plan = emptySheetPlan(SHEET.detail, 'detail');
  const cols = DETAIL_COLUMNS.length;
  const title = `Свод по организациям: ${SEASON_TITLE[settings.season].adjective} профориентационная кампания ${settings.year}${settings.unit ? ` — ${settings.unit}` : ''}`;
  plan.blocks.push({ at: `A${DETAIL_TITLE_ROW}`, rows: [[title]] });
  plan.blocks.push({
    at: `A${DETAIL_TITLE_ROW + 1}`,
    rows: [[`Строка на каждую принятую организацию (${result.units.length}). Итоги на листе «${SHEET.consolidatedReport}» считаются формулами по этим столбцам: исправленное здесь число меняет итог.`]],
  });
  plan.merges.push(rangeRef(DETAIL_TITLE_ROW, 1, DETAIL_TITLE_ROW, 12), rangeRef(DETAIL_TITLE_ROW + 1, 1, DETAIL_TITLE_ROW + 1, 20));
  plan.styles.push({ range: `A${DETAIL_TITLE_ROW}`, style: { bold: true, fontSize: 14 } }, { range: `A${DETAIL_TITLE_ROW + 1}`, style: { italic: true } });

  plan.blocks.push({ at: `A${DETAIL_HEADER_ROW}`, rows: [DETAIL_COLUMNS.map((c) => c.title)] });
  plan.styles.push({
    range: rangeRef(DETAIL_HEADER_ROW, 1, DETAIL_HEADER_ROW, cols),
    style: { bold: true, wrap: true, border: true, fill: 'DDEBF7', hAlign: 'center', vAlign: 'middle' },
  });
  plan.rowHeights = { [DETAIL_HEADER_ROW]: 48 };

  const rows = detailRowValues(result).map((vals) => DETAIL_COLUMNS.map((c) => vals[c.key]));
  if (rows.length) {
    plan.blocks.push({ at: `A${DETAIL_FIRST_ROW}`, rows });
    const last = DETAIL_FIRST_ROW + rows.length - 1;
    plan.styles.push({ range: rangeRef(DETAIL_FIRST_ROW, 1, last, cols), style: { border: true, vAlign: 'top' } });
    for (const c of DETAIL_COLUMNS) {
      const col = detailColumn(c.key);
      plan.styles.push({
        range: rangeRef(DETAIL_FIRST_ROW, col, last, col),
        style: TEXT_KEYS.has(c.key) ? { numberFormat: '@', wrap: c.key === 'unit' } : { numberFormat: '0' },
      });
    }
    // Late reports and off-list units stand out, as the register says.
    plan.conditionalFormats.push(
      { range: rangeRef(DETAIL_FIRST_ROW, detailColumn('onTime'), last, detailColumn('onTime')), formula: `${detailLetter('onTime')}${DETAIL_FIRST_ROW}="нет"`, style: { fill: 'FCE4D6' } },
      { range: rangeRef(DETAIL_FIRST_ROW, detailColumn('onList'), last, detailColumn('onList')), formula: `${detailLetter('onList')}${DETAIL_FIRST_ROW}="нет"`, style: { fill: 'FFF2CC' } },
    );
  }
  plan.columnWidths = DETAIL_COLUMNS.map((c) => WIDTH[c.key] ?? 11);
  plan.freeze = { rows: DETAIL_HEADER_ROW, columns: 2 };
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: `${DETAIL_HEADER_ROW}:${DETAIL_HEADER_ROW}` };
  plan.tabColor = '2F75B5';
  return plan;
}
