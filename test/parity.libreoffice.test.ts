/**
 * One definition for each figure, proved on boundary sets: every formula of the consolidated workbook that carries a
 * cached value (what a viewer that does not recalculate shows: mail previews, phones) must equal what LibreOffice
 * computes from the same formula; every indicator's A, B and X from the TypeScript (the note, the pane, the JSON)
 * must equal «Показатели» recalculated; and the note must print the sheet's numbers. Sets: a municipality with
 * schools missing, refused, late, without a total of teachers, a tie to round; zero denominators; A equal to B with
 * one school; nobody merged; an earlier campaign beside.
 */
import { mergeReports, type ReceivedFile } from '../src/domain/consolidate/merge';
import { received, type UnitFigures } from '../src/domain/consolidate/testing';
import { buildConsolidatedWorkbook } from '../src/domain/consolidate/workbook';
import { fateLabel } from '../src/domain/consolidate/organisations';
import {
  campaignFigures,
  figuresFromDetail,
  indicatorFigure,
  indicatorsLayout,
  INDICATORS,
  noteParagraphs,
  TOTAL_COLUMNS,
  type CampaignFigures,
} from '../src/domain/indicators';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { SHEET } from '../src/domain/sheetNames';
import { parseCell, cellRef } from '../src/domain/a1';
import { heldRows, isFormula, type WorkbookPlan } from '../src/domain/sheetPlan';
import { formatNumber, formatPercent } from '../src/domain/text';
import { writeBook } from '../src/cli/writeBook';
import { writeXlsx } from '../src/files/xlsxWriter';
import { figuresFromCampaign } from '../src/taskpane/services/screenFigures';
import { readValues, recalculate, type RecalculatedCell, type RecalculatedWorkbook } from './support/libreoffice';
// Slow on purpose (LibreOffice): each set is recalculated by soffice, seconds to tens of seconds each.
jest.setTimeout(240_000);

const settings = municipalSettings();
const ON_TIME = '2023-10-18T10:00';
const LATE = '2023-10-21T10:00';
const SAVED = '2023-10-25T10:00';

interface School extends UnitFigures {
  /** The school left «Общее количество педагогов» empty. */
  noTeachersTotal?: boolean;
  late?: boolean;
  refused?: boolean;
  /** The file's date is its modification time, after the deadline, with two others saved together: «срок не подтверждён». */
  savedLate?: boolean;
}

const grades = (n: number): number[] => {
  const base = Math.floor(n / 7);
  return [n - 6 * base, base, base, base, base, base, base];
};

function merge(schools: School[], missing: string[] = []) {
  const files: ReceivedFile[] = schools.map((s) => {
    const file = `${s.unit}.xlsx`;
    const problems = s.refused
      ? [{ file, sheet: 'Прил. 3 Отчёт', cell: 'F10', unit: s.unit, code: 'participants-over-students' as const, severity: 'error' as const, message: 'Приняли участие больше, чем обучающихся.' }]
      : [];
    const w = received(file, s.savedLate ? SAVED : s.late ? LATE : ON_TIME, [s], problems);
    // Late by a letter's date, not a file's: a receipt, so late stands.
    if (s.late) w.dateSource = 'message';
    if (s.noTeachersTotal) w.read.report!.participation[0].teachersTotal = { value: null, cell: 'AB10' };
    return w;
  });
  return mergeReports({ files, expectedUnits: [...schools.map((s) => s.unit), ...missing], deadline: '2023-10-19', policy: 'refuse-errors' });
}

interface Case {
  name: string;
  schools: School[];
  missing?: string[];
  previous?: CampaignFigures[];
}

/** The earlier campaign the dynamics compare with (its figures as `previousCampaign` gives them). */
const spring = figuresFromDetail(
  [
    { unit: 'МОУ СОШ № 1', received: 'да', onTime: 'да', schools: 1, schoolsActive: 1, events: 9, students: 200, participants: 150, teachers: 10, teachersTotal: 30 },
    { unit: 'МОУ СОШ № 2', received: 'да', onTime: 'нет', schools: 1, schoolsActive: 0, events: 0, students: 100, participants: 0, teachers: 0, teachersTotal: 20 },
  ],
  'весенняя кампания 2023 г.',
  { campaign: { season: 'spring', year: 2023 } },
);

const CASES: Case[] = [
  {
    name: 'a municipality: two schools missing, one refused, one late, one without a total of teachers, shares ending in ,5',
    schools: [
      { unit: 'МОУ СОШ № 1', events: 12, students: 400, grades: grades(350), teachers: 20, teachersTotal: 40, ovzStudents: 9, ovzGrades: [1, 1, 1, 1, 1, 1, 1], plan: 5, partners: { community: ['Родительский комитет'], companies: ['АО «Полюс»'] } },
      { unit: 'МОУ СОШ № 2', events: 7, students: 8, grades: grades(1), teachers: 5, noTeachersTotal: true, late: true, partners: { professionalEducation: ['ТГУ', 'ТПУ'] } },
      { unit: 'МОУ СОШ № 3', schoolsActive: 0, events: 0, students: 120, grades: grades(0), teachers: 0, teachersTotal: 15, plan: 3 },
      { unit: 'МОУ СОШ № 4', events: 30, students: 300, grades: grades(299), teachers: 8, teachersTotal: 16, partners: { community: ['Совет выпускников'], professionalEducation: ['ТГУ'] } },
      { unit: 'МОУ СОШ № 5', refused: true, events: 3, students: 50, grades: grades(40) },
    ],
    missing: ['МОУ СОШ № 6', 'МОУ СОШ № 7'],
    previous: [spring],
  },
  {
    name: 'zero denominators: no pupils, no teachers counted, no plans, no schools stated',
    schools: [
      { unit: 'МОУ СОШ № 1', schools: 0, schoolsActive: 0, events: 0, students: 0, grades: grades(0), teachers: 0, teachersTotal: 0, ovzStudents: 0 },
      { unit: 'МОУ СОШ № 2', schools: 0, schoolsActive: 0, events: 4, students: 0, grades: grades(0), teachers: 3, noTeachersTotal: true, ovzStudents: 0 },
    ],
  },
  {
    name: 'one school where A equals B everywhere',
    schools: [
      { unit: 'МОУ СОШ № 1', events: 3, students: 70, grades: grades(70), teachers: 12, teachersTotal: 12, ovzStudents: 7, ovzGrades: [1, 1, 1, 1, 1, 1, 1], plan: 3, partners: { community: ['Родительский комитет'] } },
    ],
    previous: [spring],
  },
  {
    name: 'attachments saved together after the deadline: three «срок не подтверждён», one late by its letter, one on time',
    schools: [
      { unit: 'МОУ СОШ № 1', events: 4, students: 90, grades: grades(60), teachers: 3, teachersTotal: 9, savedLate: true },
      { unit: 'МОУ СОШ № 2', events: 2, students: 40, grades: grades(40), teachers: 2, teachersTotal: 4, savedLate: true },
      { unit: 'МОУ СОШ № 3', events: 0, schoolsActive: 0, students: 30, grades: grades(0), teachers: 0, teachersTotal: 5, savedLate: true },
      { unit: 'МОУ СОШ № 4', events: 5, students: 70, grades: grades(35), teachers: 4, teachersTotal: 8, late: true },
      { unit: 'МОУ СОШ № 5', events: 6, students: 50, grades: grades(50), teachers: 5, teachersTotal: 5 },
    ],
  },
  { name: 'nobody merged: every expected school missing', schools: [], missing: ['МОУ СОШ № 1', 'МОУ СОШ № 2', 'МОУ СОШ № 3'] },
];

/** Empty text and an empty cell look the same to a reader: both blank. */
const blank = (v: RecalculatedCell | undefined): RecalculatedCell => (v === undefined || v === '' ? null : v);

interface FormulaAt {
  sheet: string;
  at: string;
  row: number;
  col: number;
  result: unknown;
}

function formulasOf(plan: WorkbookPlan): FormulaAt[] {
  const out: FormulaAt[] = [];
  for (const s of plan.sheets)
    for (const b of s.blocks) {
      const o = parseCell(b.at);
      heldRows(b.rows).forEach((cells, i) =>
        cells.forEach((c, j) => {
          if (isFormula(c)) out.push({ sheet: s.name, at: cellRef(o.row + i, o.col + j), row: o.row + i, col: o.col + j, result: c.result });
        }),
      );
    }
  return out;
}

const at = (wb: RecalculatedWorkbook, sheet: string, row: number, col: number): RecalculatedCell => blank(wb[sheet]?.[row - 1]?.[col - 1]);

describe.each(CASES)('$name', (c) => {
  const result = merge(c.schools, c.missing);
  const previous = c.previous ?? [];
  const plan = buildConsolidatedWorkbook(result, settings, { previous });
  const figures = campaignFigures(result, settings);
  const formulas = formulasOf(plan);
  let recalculated: RecalculatedWorkbook;
  let cli: RecalculatedWorkbook;
  let pane: RecalculatedWorkbook;

  beforeAll(async () => {
    // The one writer as the command line runs it (Node's zlib) and as the pane does (the host's deflate).
    const bytes = await writeBook(plan);
    cli = readValues(bytes);
    pane = readValues(await writeXlsx(plan));
    recalculated = await recalculate(bytes);
  });

  it('gives every formula on «Показатели» and «Партнёры» a cached value', () => {
    const without = formulas.filter((f) => (f.sheet === SHEET.indicators || f.sheet === SHEET.partners) && f.result === undefined);
    expect(without.map((f) => `${f.sheet}!${f.at}`)).toEqual([]);
  });

  it('says on «Показатели» each school’s report in the words of the pane and «Реестр отчётов»', () => {
    const L = indicatorsLayout(result.units.length, { label: '', previous });
    const onSheet = L.unitDetailRows.map((_, i) => `${at(recalculated, SHEET.indicators, L.unitsFirstRow + i, 2)}: ${at(recalculated, SHEET.indicators, L.unitsFirstRow + i, 3)}`);
    const merged = result.organisations.filter((o) => o.fate !== 'missing' && o.fate !== 'refused');
    expect(onSheet.sort()).toEqual(merged.map((o) => `${o.unit}: ${fateLabel(o.fate, o.errors)}`).sort());
  });

  it('caches in the file, on the command line and in the pane, what LibreOffice computes, for every formula that has a cached value', () => {
    const cachedCells = formulas.filter((f) => f.result !== undefined);
    expect(cachedCells.length).toBeGreaterThan(50);
    const wrong = (wb: RecalculatedWorkbook) =>
      cachedCells
        .filter((f) => at(wb, f.sheet, f.row, f.col) !== at(recalculated, f.sheet, f.row, f.col))
        .map((f) => `${f.sheet}!${f.at}: в файле ${JSON.stringify(at(wb, f.sheet, f.row, f.col))}, LibreOffice ${JSON.stringify(at(recalculated, f.sheet, f.row, f.col))}`);
    expect(wrong(cli)).toEqual([]);
    expect(wrong(pane)).toEqual([]);
  });

  it('gives the campaign totals (the command line, «Прил. 3 Свод») from the same figures as «Показатели» and the note', () => {
    const t = result.totals;
    const fromTotals = {
      schools: t.schools, schoolsActive: t.schoolsActive, events: t.events, students: t.students, participants: t.participants,
      teachers: t.teachers, teachersTotal: t.teachersTotal, ovzStudents: t.ovzStudents, ovzParticipants: t.ovzParticipants,
      grades: Object.values(t.grades), ovzGrades: Object.values(t.ovzGrades),
      partners: [t.partners.professionalEducation, t.partners.companies, t.partners.business, t.partners.community],
    };
    const f = figures;
    expect(fromTotals).toEqual({
      schools: f.schools, schoolsActive: f.schoolsActive, events: f.events, students: f.students, participants: f.participants,
      teachers: f.teachers, teachersTotal: f.teachersTotal, ovzStudents: f.ovzStudents, ovzParticipants: f.ovzParticipants,
      grades: f.grades, ovzGrades: f.ovzGrades,
      partners: [f.partnersDistinct!.professionalEducation, f.partnersDistinct!.companies, f.partnersDistinct!.business, f.partnersDistinct!.community],
    });
  });

  it('computes every indicator’s A, B and X in TypeScript (note, pane, JSON) as «Показатели» does', () => {
    const L = indicatorsLayout(result.units.length, { label: '', previous });
    const pane = figuresFromCampaign(figures).indicators;
    const mismatches: string[] = [];
    for (const d of INDICATORS) {
      const r = L.totalsRow[d.key];
      const sheet = { a: at(recalculated, SHEET.indicators, r, TOTAL_COLUMNS.a), b: d.b ? at(recalculated, SHEET.indicators, r, TOTAL_COLUMNS.b) : null, x: at(recalculated, SHEET.indicators, r, TOTAL_COLUMNS.x) };
      const ts = indicatorFigure(d.key, figures);
      const mine = { a: ts.a, b: ts.b ?? null, x: ts.x };
      const onPane = { a: pane[d.key].a, b: pane[d.key].b ?? null, x: pane[d.key].x };
      if (JSON.stringify(mine) !== JSON.stringify(sheet)) mismatches.push(`${d.key}: TypeScript ${JSON.stringify(mine)}, «Показатели» ${JSON.stringify(sheet)}`);
      if (JSON.stringify(onPane) !== JSON.stringify(sheet)) mismatches.push(`${d.key}: панель ${JSON.stringify(onPane)}, «Показатели» ${JSON.stringify(sheet)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('prints in the note the numbers «Показатели» computes', () => {
    const note = noteParagraphs(figures, { settings, previous: previous[previous.length - 1] }).map((p) => p.text);
    const L = indicatorsLayout(result.units.length, { label: '', previous });
    const x = (key: (typeof INDICATORS)[number]['key'], col: number = TOTAL_COLUMNS.x) => at(recalculated, SHEET.indicators, L.totalsRow[key], col);
    const has = (s: string | RegExp) => expect([String(s), note.some((p) => (typeof s === 'string' ? p.includes(s) : s.test(p)))]).toEqual([String(s), true]);
    const hasNot = (s: RegExp) => expect([String(s), note.some((p) => s.test(p))]).toEqual([String(s), false]);
    // Shares with their A and B: schools, teachers (A over the units that gave their total), participation.
    if (typeof x('schoolsActive') === 'number')
      has(` из ${formatNumber(x('schoolsActive', TOTAL_COLUMNS.b) as number)}, что составляет ${formatPercent(x('schoolsActive') as number)}`);
    const teachers = x('teachers');
    if (typeof teachers === 'number')
      has(new RegExp(`${formatNumber(x('teachers', TOTAL_COLUMNS.a) as number)}( педагог[а-я]*)? из ${formatNumber(x('teachers', TOTAL_COLUMNS.b) as number)}[^\\d].*${formatPercent(teachers)}`.replace(/ /g, '\\s')));
    else hasNot(/% педагогов|педагогов?.*из \d.*что составляет/);
    if (typeof x('participation') === 'number') has(`, что составляет ${formatPercent(x('participation') as number)} от общего числа обучающихся`);
    // Events per school, rounded as the sheet rounds it.
    const perSchool = x('eventsPerSchool');
    if (typeof perSchool === 'number') has(`в среднем ${formatNumber(perSchool, 1)} `);
    else hasNot(/в среднем/);
    if (typeof x('communityPartners') === 'number') has(`${formatPercent(x('communityPartners') as number)} общеобразовательных организаций (${formatNumber(x('communityPartners', TOTAL_COLUMNS.a) as number)} из`);
  });
});
