/**
 * Appendix 3 «Сводный отчет об итогах Кампании» stamped as a sheet plan: head lines, table 3.1 (+ the marked extra
 * column), table 3.2 and the narrative part, each table with its «Проверка» column, validation and print setup.
 */
import { absolute, cellRef, parseCell, rangeRef } from '../a1';
import type { CampaignSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { emptySheetPlan, type DataValidationPlan, type SheetPlan } from '../sheetPlan';
import { appendix3Layout, participationTree, type Appendix3Layout, type Appendix3Options } from './appendix3Layout';
import { GRADES, partnersTable, PARTNER_CATEGORIES, type PartnerCategory } from './appendix3';
import { stampFormHead } from './formHead';
import { leaves } from './headers';
import { APPENDIX_NUMBER, NARRATIVE_TEXT, participationTableTitle, PARTNERS_TABLE_TITLE, REPORT_TITLE } from './officialText';
import { allNumbers, filledCells, namesDiffer, namesListed, str, type RowRule } from './rowChecks';
import { formHeadLayout } from './formHead';
import { stampTable } from './stampTable';
import type { FormTableLayout } from './tableLayout';
import { textHeight } from './textHeight';

/** Column widths (characters) of the stamped report, A…AA: 3.1's columns; 3.2 spans them. */
const WIDTHS = [
  32, // A unit
  13, 13, // schools
  19, // events: «профориентационных» must fit a line unbroken
  12, 12, 8, 8, 8, 8, 8, 8, 8, // students, participants, grades
  19, // teachers
  12, 12, 8, 8, 8, 8, 8, 8, 8, // ОВЗ
  12, 30, // partners: count, names
  16, // extra: all teachers
  48, // check
];

/** From this many rows of table 3.1 on, its header is frozen in view. */
export const LONG_TABLE_ROWS = 10;

const CATEGORY_SHORT: Record<PartnerCategory, string> = {
  professionalEducation: 'профессиональные образовательные организации',
  companies: 'производственные компании',
  business: 'предприниматели',
  community: 'родители, НКО, выпускники',
};

const cellOf = (t: FormTableLayout, row: number) => (key: string) => cellRef(row, t.columns[key]);
const columnAbs = (t: FormTableLayout, key: string) =>
  `${absolute(t.firstDataRow, t.columns[key])}:${absolute(t.lastDataRow, t.columns[key])}`;

/** Count cells of a row as ranges of adjacent columns, so «not a number» and «negative» stay short formulas. */
function countRanges(t: FormTableLayout, tree: typeof partnersTable, row: number): string[] {
  const cols = leaves(tree)
    .filter((l) => l.kind === 'count')
    .map((l) => t.columns[l.key])
    .sort((a, b) => a - b);
  const out: string[] = [];
  let start = cols[0];
  for (let i = 1; i <= cols.length; i++) {
    if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
      const end = cols[i - 1];
      out.push(start === end ? cellRef(row, start) : rangeRef(row, start, row, end));
      start = cols[i];
    }
  }
  return out;
}

/** The head's unit cell: a row naming no unit is that unit's (a school's one-row report), as the reader takes it. */
const HEAD_UNIT = (() => {
  const { row, col } = parseCell(formHeadLayout().unitCell);
  return absolute(row, col);
})();

/**
 * Rules shared by both tables: the unit is named (here or in the head: a warning, as unit-missing), counts are
 * numbers («—», «нет» say none, as the reader takes them) and not negative.
 */
function basicRules(t: FormTableLayout, tree: typeof partnersTable, row: number): RowRule[] {
  const c = cellOf(t, row);
  const ranges = countRanges(t, tree, row);
  const filled = ranges.map(filledCells).join('+');
  const notNumbers = `${filled}-COUNT(${ranges.join(',')})`;
  return [
    {
      when: `AND(TRIM(${c('unit')})="",TRIM(${HEAD_UNIT})="")`,
      text: str(`не указано «Муниципальное образование» (ячейка ${c('unit')})`),
      warning: true,
    },
    { when: `${notNumbers}>0`, text: `"не числом заполнено ячеек с количеством: "&(${notNumbers})&" — введите только цифры"` },
    { when: `(${ranges.map((r) => `COUNTIF(${r},"<0")`).join('+')})>0`, text: str('отрицательное количество') },
    // A fraction shows a decimal separator when turned to text ("." or "," by locale); FIND works on arrays
    // inside SUMPRODUCT in Excel 2016 without Ctrl+Shift+Enter, unlike IF/IFERROR.
    {
      when: `(${ranges.map((r) => `SUMPRODUCT(ISNUMBER(${r})*ISNUMBER(FIND(".",SUBSTITUTE(${r}&"",",","."))))`).join('+')})>0`,
      text: str('дробное количество — нужно целое число'),
    },
  ];
}

/** a ≤ b when both are numbers. */
const notAbove = (a: string, b: string, text: string): RowRule => ({
  when: `AND(${allNumbers(a, b)},${a}>${b})`,
  text,
});

function participationRules(L: Appendix3Layout, row: number): RowRule[] {
  const t = L.participation;
  const c = cellOf(t, row);
  const sumRange = (prefix: string) => rangeRef(row, t.columns[`${prefix}5`], row, t.columns[`${prefix}11`]);
  const grades = sumRange('g');
  const ovzGrades = sumRange('ovzG');
  const units32 = columnAbs(L.partners, 'unit');
  const totals32 = columnAbs(L.partners, 'partnersTotal');
  const match = `(${units32}=${c('unit')})*ISNUMBER(${totals32})`;
  const total32 = `SUMPRODUCT(${match},${totals32})`;
  const names = namesListed(c('partnersNames'));
  return [
    ...basicRules(t, participationTree, row),
    notAbove(c('schoolsActive'), c('schools'), `"организовавших мероприятия ОО "&${c('schoolsActive')}&" > "&${c('schools')}&" всего ОО"`),
    {
      when: `AND(N(${c('schoolsActive')})>0,N(${c('events')})=0)`,
      text: `"мероприятий не указано, хотя "&${c('schoolsActive')}&" ОО их организовали"`,
    },
    notAbove(c('participants'), c('students'), `"приняли участие "&${c('participants')}&" > "&${c('students')}&" обучающихся"`),
    {
      when: `AND(ISNUMBER(${c('participants')}),COUNT(${grades})>0,SUM(${grades})<>${c('participants')})`,
      text: `"сумма по классам "&SUM(${grades})&" ≠ "&${c('participants')}&" участников"`,
    },
    noBreakdown(c('participants'), grades, ''),
    notAbove(c('ovzStudents'), c('students'), `"обучающихся с ОВЗ "&${c('ovzStudents')}&" > "&${c('students')}&" всех обучающихся"`),
    notAbove(c('ovzParticipants'), c('ovzStudents'), `"с ОВЗ приняли участие "&${c('ovzParticipants')}&" > "&${c('ovzStudents')}&" обучающихся с ОВЗ"`),
    notAbove(c('ovzParticipants'), c('participants'), `"с ОВЗ приняли участие "&${c('ovzParticipants')}&" > "&${c('participants')}&" всех участников"`),
    {
      when: `AND(ISNUMBER(${c('ovzParticipants')}),COUNT(${ovzGrades})>0,SUM(${ovzGrades})<>${c('ovzParticipants')})`,
      text: `"сумма ОВЗ по классам "&SUM(${ovzGrades})&" ≠ "&${c('ovzParticipants')}&" участников с ОВЗ"`,
    },
    noBreakdown(c('ovzParticipants'), ovzGrades, ' с ОВЗ'),
    ...GRADES.map((g) =>
      notAbove(c(`ovzG${g}`), c(`g${g}`), `"${g} класс: с ОВЗ "&${c(`ovzG${g}`)}&" > "&${c(`g${g}`)}&" всех участников класса"`),
    ),
    notAbove(c('teachers'), c('teachersTotal'), `"педагогов приняли участие "&${c('teachers')}&" > "&${c('teachersTotal')}&" всего педагогов"`),
    {
      when: namesDiffer(c('partnersNames'), c('partnersCount')),
      text: `"наименований партнёров перечислено "&${names}&", а указано "&${c('partnersCount')}`,
      warning: true,
    },
    // Empty main counts (value-missing); events are events-missing's when schools organised them.
    ...EXPECTED_31.map(([key, title]): RowRule => ({
      when: key === 'events' ? `AND(TRIM(${c(key)})="",NOT(N(${c('schoolsActive')})>0))` : `TRIM(${c(key)})=""`,
      text: str(`не заполнено «${title}»`),
      warning: true,
    })),
    {
      when: `AND(ISNUMBER(${c('partnersCount')}),TRIM(${c('unit')})<>"",SUMPRODUCT(${match})>0,${total32}<>${c('partnersCount')})`,
      text: `"партнёров в табл. 3.1 "&${c('partnersCount')}&" ≠ "&${total32}&" в табл. 3.2"`,
      warning: true,
    },
  ];
}

/** Counts every filled row of 3.1 should have (the rules' value-missing), with their short titles. */
const EXPECTED_31: [string, string][] = [
  ['schools', 'Всего ОО'],
  ['schoolsActive', 'ОО, организовавшие мероприятия'],
  ['events', 'Количество мероприятий'],
  ['students', 'Всего обучающихся 5-11 классов'],
  ['participants', 'Обучающихся приняли участие'],
  ['teachers', 'Педагогов приняли участие'],
];

/** Pupils took part but no grade is given: a warning, as the rules' grades-sum. */
const noBreakdown = (took: string, grades: string, whom: string): RowRule => ({
  when: `AND(ISNUMBER(${took}),N(${took})>0,COUNT(${grades})=0)`,
  text: str(`не указано число участников${whom} по классам`),
  warning: true,
});

function partnersRules(L: Appendix3Layout, row: number): RowRule[] {
  const t = L.partners;
  const c = cellOf(t, row);
  const counts = PARTNER_CATEGORIES.map((k) => c(`${k}Count`)).join(',');
  // A disagreement with 3.1's partner count is said once, in 3.1's row (as the rules report it at 3.1's cell).
  return [
    ...basicRules(t, partnersTable, row),
    {
      // Categories left empty add up to 0: a total without them is worth a look too.
      when: `AND(ISNUMBER(${c('partnersTotal')}),SUM(${counts})<>${c('partnersTotal')})`,
      text: `"сумма по категориям "&SUM(${counts})&" ≠ "&${c('partnersTotal')}&" (общее количество партнёров)"`,
      warning: true,
    },
    {
      when: `AND(TRIM(${c('partnersTotal')})="",SUM(${counts})>0)`,
      text: str('не заполнено «Общее количество организаций-партнёров», хотя категории заполнены'),
      warning: true,
    },
    ...PARTNER_CATEGORIES.map((k): RowRule => ({
      when: namesDiffer(c(`${k}Names`), c(`${k}Count`)),
      text: `"${CATEGORY_SHORT[k]}: перечислено "&${namesListed(c(`${k}Names`))}&", а указано "&${c(`${k}Count`)}`,
      warning: true,
    })),
  ];
}

const COUNT_MESSAGE = 'Введите целое число не меньше 0 — только цифры, без «чел.» и пробелов.';

/** Whole numbers ≥ 0 in every count cell; where a count is bounded by another cell of the row, the bound joins in. */
function participationValidations(t: FormTableLayout): DataValidationPlan[] {
  const r = t.firstDataRow;
  const c = cellOf(t, r);
  const bounds: Record<string, { by: string[]; what: string }> = {
    schoolsActive: { by: ['schools'], what: '«Всего ОО»' },
    participants: { by: ['students'], what: '«Всего обучающихся 5-11 классов»' },
    ovzStudents: { by: ['students'], what: '«Всего обучающихся 5-11 классов»' },
    ovzParticipants: { by: ['ovzStudents', 'participants'], what: 'число обучающихся с ОВЗ и всех участников' },
    teachers: { by: ['teachersTotal'], what: 'общее количество педагогов' },
  };
  for (const g of GRADES) bounds[`ovzG${g}`] = { by: [`g${g}`], what: `число всех участников ${g} класса` };
  const out: DataValidationPlan[] = [];
  for (const l of leaves(participationTree)) {
    const range = rangeRef(t.firstDataRow, t.columns[l.key], t.lastDataRow, t.columns[l.key]);
    if (l.kind === 'count') {
      const b = bounds[l.key];
      if (!b) {
        out.push({ range, rule: { kind: 'wholeNumber', min: 0 }, severity: 'stop', title: 'Количество', message: COUNT_MESSAGE });
        continue;
      }
      const me = c(l.key);
      const limits = b.by.map((k) => `OR(NOT(ISNUMBER(${c(k)})),${me}<=${c(k)})`).join(',');
      out.push({
        range,
        rule: { kind: 'custom', formula: `=AND(ISNUMBER(${me}),${me}>=0,${me}=INT(${me}),${limits})` },
        severity: 'stop',
        title: 'Количество',
        message: `Введите целое число не меньше 0 и не больше, чем ${b.what} в этой строке.`,
      });
    } else if (l.kind === 'names') {
      out.push(namesValidation(range, c(l.key), c('partnersCount')));
    }
  }
  return out;
}

function namesValidation(range: string, names: string, count: string): DataValidationPlan {
  return {
    range,
    rule: { kind: 'custom', formula: `=OR(NOT(ISNUMBER(${count})),${namesListed(names)}>=${count})` },
    severity: 'warning',
    title: 'Наименования',
    message: 'Перечислено меньше наименований, чем указано организаций. Перечислите все через запятую.',
    prompt: 'Перечислите наименования через запятую или точку с запятой.',
  };
}

function partnersValidations(t: FormTableLayout): DataValidationPlan[] {
  const c = cellOf(t, t.firstDataRow);
  const out: DataValidationPlan[] = [];
  for (const l of leaves(partnersTable)) {
    const col = t.columns[l.key];
    const range = rangeRef(t.firstDataRow, col, t.lastDataRow, col + (t.spans[l.key] ?? 1) - 1);
    if (l.kind === 'count')
      out.push({ range, rule: { kind: 'wholeNumber', min: 0 }, severity: 'stop', title: 'Количество', message: COUNT_MESSAGE });
    else if (l.kind === 'names') out.push(namesValidation(range, c(l.key), c(l.key.replace(/Names$/, 'Count'))));
  }
  return out;
}

/** The report form for `settings.unit`; `opts.fill` prefills data rows (samples, the consolidated report). */
export function stampAppendix3(settings: CampaignSettings, opts: Appendix3Options = {}): SheetPlan {
  const L = appendix3Layout(settings, opts);
  const plan = emptySheetPlan(opts.name ?? SHEET.report, 'appendix3');
  plan.columnWidths = [...WIDTHS];
  stampFormHead(plan, settings, APPENDIX_NUMBER.report, REPORT_TITLE, L.lastColumn, WIDTHS);

  // A unit's own report has one row: the unit is prefilled from the settings.
  const unitFill = settings.level !== 'region' && settings.unit ? [{ unit: settings.unit }] : undefined;
  const p = L.participation;
  stampTable(plan, {
    tree: participationTree,
    layout: p,
    widths: WIDTHS,
    title: participationTableTitle(settings.season),
    fill: opts.fill?.participation ?? unitFill,
    rules: (row) => participationRules(L, row),
    inputRange: (row) => rangeRef(row, 2, row, p.checkColumn - 1),
  });
  const q = L.partners;
  stampTable(plan, {
    tree: partnersTable,
    layout: q,
    widths: WIDTHS,
    title: PARTNERS_TABLE_TITLE,
    fill: opts.fill?.partners ?? unitFill,
    rules: (row) => partnersRules(L, row),
    inputRange: (row) => rangeRef(row, 2, row, q.checkColumn - 1),
  });
  plan.validations.push(...participationValidations(p), ...partnersValidations(q));
  // The extra column is not the order's: a different tint says so.
  const extras = rangeRef(p.headerTop, p.columns.teachersTotal, p.headerBottom, p.checkColumn - 1);
  plan.styles.push({ range: extras, style: { fill: 'FFF2CC', italic: true } });

  // Narrative: the order's instructions, then one large input area.
  const total = WIDTHS.reduce((a, b) => a + b, 0);
  NARRATIVE_TEXT.forEach((text, i) => {
    const row = L.narrativeTextRows[i];
    const range = rangeRef(row, 1, row, L.lastColumn);
    plan.blocks.push({ at: cellRef(row, 1), rows: [[text]] });
    plan.merges.push(range);
    plan.styles.push({ range, style: { wrap: true, vAlign: 'top', bold: i === 0 } });
    plan.rowHeights = { ...plan.rowHeights, [row]: textHeight(text, total, 11, i === 0) };
  });
  plan.merges.push(L.narrativeRange);
  plan.styles.push({ range: L.narrativeRange, style: { wrap: true, vAlign: 'top', hAlign: 'left', border: true, locked: false } });
  if (opts.fill?.narrative !== undefined) plan.blocks.push({ at: L.narrativeCell, rows: [[opts.fill.narrative]] });

  // The head and 3.1's header stand some 400 pt tall: frozen over a one-row report they would leave table 3.2
  // and the narrative a sliver of the screen. Only a long table (a region's) keeps its header in view.
  plan.freeze = { rows: p.lastDataRow - p.firstDataRow + 1 >= LONG_TABLE_ROWS ? p.headerBottom : 0, columns: 1 };
  plan.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: `${p.headerTop}:${p.headerBottom}` };
  plan.protect = opts.protect;
  return plan;
}
