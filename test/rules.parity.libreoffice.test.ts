/**
 * Every validation rule exists twice: in TypeScript (src/domain/rules, src/domain/monitoring/rules.ts: what
 * `check` and the pane report) and as the «Проверка» formula stamped into the forms (what a school sees in its
 * spreadsheet). Here the boundary rows of every rule (test/support/ruleBoundaries.ts) are stamped into one workbook
 * — Appendix 3, Appendix 2, the monitoring form —, LibreOffice recalculates and saves it, and for each row the
 * formula's verdict (ОК / error / «Предупреждение: …») must be the rules' verdict on the same saved file, and each
 * finding of the formula must name a rule the TypeScript found (and the other way round).
 */
import { cellRef } from '../src/domain/a1';
import { appendix2Layout } from '../src/domain/forms/appendix2Layout';
import { appendix3Layout, type Appendix3Fill } from '../src/domain/forms/appendix3Layout';
import { monitoringLayout } from '../src/domain/forms/monitoringLayout';
import { stampAppendix2 } from '../src/domain/forms/stampAppendix2';
import { stampAppendix3 } from '../src/domain/forms/stampAppendix3';
import { stampMonitoring } from '../src/domain/forms/monitoringStamp';
import { CHECK_OK, WARNING_PREFIX } from '../src/domain/forms/rowChecks';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { SHEET } from '../src/domain/sheetNames';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { writeXlsx } from '../src/files/xlsxWriter';
import { readValues, saveAs, valueAt, type RecalculatedWorkbook } from './support/libreoffice';
import {
  AGREEMENT_CASES, CASES_31, CASES_32, CASES_MONITORING, CASES_PLAN, PARITY_SETTINGS, problemsByRow, unit31, verdictOf,
  type BoundaryCase, type Verdict,
} from './support/ruleBoundaries';
// Slow on purpose (LibreOffice): one workbook of every rule's boundary rows, recalculated once.
jest.setTimeout(180_000);

/** Which rule a part of a «Проверка» text stands for (the text after «Предупреждение: »). */
const TWINS: [RegExp, string][] = [
  [/^не указано «Муниципальное образование»/, 'unit-missing'],
  [/^не числом заполнено/, 'value-unreadable'],
  [/^отрицательное количество/, 'negative-number'],
  [/^(дробное количество|количество не целым числом)/, 'not-whole-number'],
  [/^организовавших мероприятия ОО/, 'schools-active-over-total'],
  [/^мероприятий не указано/, 'events-missing'],
  [/^приняли участие \S+ > \S+ обучающихся$/, 'participants-over-students'],
  [/^(сумма по классам|не указано число участников по классам)/, 'grades-sum'],
  [/^обучающихся с ОВЗ/, 'ovz-over-students'],
  [/^с ОВЗ приняли участие .* обучающихся с ОВЗ$/, 'ovz-participants-over-ovz-students'],
  [/^с ОВЗ приняли участие .* всех участников$/, 'ovz-over-participants'],
  [/^(сумма ОВЗ по классам|не указано число участников с ОВЗ по классам)/, 'ovz-grades-sum'],
  [/^\d+ класс: с ОВЗ/, 'ovz-grade-over-grade'],
  [/^педагогов приняли участие/, 'teachers-over-total'],
  [/^(наименований партнёров перечислено|[^:]+: перечислено \S+, а указано)/, 'partners-names-count'],
  [/^партнёров в табл\. 3\.1/, 'partners-total-mismatch'],
  [/^не заполнено «/, 'value-missing'],
  [/^сумма по категориям/, 'partners-categories-sum'],
  [/^(не указан уровень|уровень «.*» не из списка)/, 'plan-level-unknown'],
  [/^не указано название/, 'plan-name-missing'],
  [/^(ожидаемое количество участников|не указано ожидаемое количество)/, 'plan-expected-participants'],
  [/^не указаны сроки/, 'plan-dates-unreadable'],
  [/вне сроков кампании/, 'plan-dates-outside-window'],
  [/^(не указано ответственное лицо|у ответственного лица нет)/, 'plan-responsible-contact'],
  [/^(показатель \d|диагностика): A \S+ > B/, 'monitoring-a-above-b'],
  [/: проведено \S+ > \S+ запланировано/, 'monitoring-events-above-plan'],
  [/заполните и A, и B$/, 'monitoring-incomplete'],
  [/должно совпадать$/, 'monitoring-base-mismatch'],
  [/^мероприятий по уровням/, 'monitoring-levels-sum'],
];

/** The monitoring form's own name for a missing unit (an error there: a monitoring row belongs to nobody else). */
const MONITORING_CODE: Record<string, string> = { 'unit-missing': 'monitoring-unit-missing' };

/** A «Проверка» text → its verdict and its findings as `code:severity`. */
function formulaFindings(text: string, monitoring: boolean): { verdict: Verdict | 'blank'; found: string[]; unknown: string[] } {
  if (text === '') return { verdict: 'blank', found: [], unknown: [] };
  if (text === CHECK_OK) return { verdict: 'ok', found: [], unknown: [] };
  const found: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split('; ')) {
    const warning = part.startsWith(WARNING_PREFIX);
    const body = warning ? part.slice(WARNING_PREFIX.length) : part;
    const twin = TWINS.find(([re]) => re.test(body))?.[1];
    if (!twin) unknown.push(part);
    else found.push(`${(monitoring && MONITORING_CODE[twin]) || twin}:${warning ? 'warning' : 'error'}`);
  }
  return { verdict: verdictOf(found), found, unknown };
}

const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();

interface Placed {
  table: string;
  c: BoundaryCase;
  sheet: string;
  row: number;
  checkCell: string;
}

const settings = PARITY_SETTINGS;
const CASES_32_UNITS = CASES_32.map((_, i) => `Партнёрский район ${i + 1}`);
const fill: Appendix3Fill = {
  participation: [
    ...CASES_31.map((c, i) => ({ unit: unit31(i), ...c.fill })),
    ...AGREEMENT_CASES.map((a) => a.row31),
  ],
  partners: [
    ...CASES_32.map((c, i) => ({ unit: CASES_32_UNITS[i], ...c.fill })),
    ...AGREEMENT_CASES.map((a) => a.row32),
  ],
};
const planFill = CASES_PLAN.map((c) => c.fill);
const monitoringFill = CASES_MONITORING.map((c, i) => ({ unit: `МАОУ СОШ № ${i + 1}`, ...c.fill }));

const L3 = appendix3Layout(settings, { fill });
const L2 = appendix2Layout(settings, { fill: planFill });
const LM = monitoringLayout(settings, { fill: monitoringFill });

const placed: Placed[] = [
  ...[...CASES_31, ...AGREEMENT_CASES.map((a): BoundaryCase => ({ rule: 'partners-total-mismatch', name: `${a.name} (3.1)`, fill: a.row31, expect: a.expect31 }))].map((c, i) => {
    const row = L3.participation.firstDataRow + i;
    return { table: '3.1', c, sheet: SHEET.report, row, checkCell: cellRef(row, L3.participation.checkColumn) };
  }),
  ...[...CASES_32, ...AGREEMENT_CASES.map((a): BoundaryCase => ({ rule: 'partners-total-mismatch', name: `${a.name} (3.2)`, fill: a.row32, expect: a.expect32 }))].map((c, i) => {
    const row = L3.partners.firstDataRow + i;
    return { table: '3.2', c, sheet: SHEET.report, row, checkCell: cellRef(row, L3.partners.checkColumn) };
  }),
  ...CASES_PLAN.map((c, i) => {
    const row = L2.plan.firstDataRow + i;
    return { table: 'plan', c, sheet: SHEET.plan, row, checkCell: cellRef(row, L2.plan.checkColumn) };
  }),
  ...CASES_MONITORING.map((c, i) => {
    const row = LM.table.firstDataRow + i;
    return { table: 'monitoring', c, sheet: SHEET.monitoring, row, checkCell: cellRef(row, LM.table.checkColumn) };
  }),
];

describe('every rule against its «Проверка» formula, recalculated by LibreOffice', () => {
  let book: RecalculatedWorkbook;
  let byRow: Map<string, string[]>;

  beforeAll(async () => {
    const xlsx = await writeXlsx({
      sheets: [
        stampAppendix3(settings, { fill }),
        stampAppendix2(settings, { fill: planFill }),
        stampMonitoring(settings, { fill: monitoringFill }),
      ],
    });
    // The file as a school sends it after LibreOffice: the formulas' values cached, the rules read that same file.
    const saved = await saveAs(xlsx, 'xlsx');
    book = readValues(saved);
    const read = readForms(readWorkbookFile(saved, 'границы.xlsx'), { year: settings.year });
    byRow = problemsByRow(checkWorkbook(read, settings));
  });

  const rowsOf = (table: string) => placed.filter((p) => p.table === table).map((p) => [`${p.c.rule}: ${p.c.name}`, p] as const);

  describe.each(['3.1', '3.2', 'plan', 'monitoring'])('%s', (table) => {
    test.each(rowsOf(table))('%s', (_, p) => {
      const text = String(valueAt(book[p.sheet], p.checkCell) ?? '');
      const rules = uniqueSorted(byRow.get(`${p.sheet}!${p.row}`) ?? []);
      const formula = formulaFindings(text, table === 'monitoring');
      const seen = { rules, formula: text };
      // The rules find what the boundary row is built to show…
      expect({ ...seen, rules }).toEqual({ ...seen, rules: uniqueSorted(p.c.expect) });
      // …every part of the formula's text is a rule's…
      expect({ ...seen, unknown: formula.unknown }).toEqual({ ...seen, unknown: [] });
      // …and the formula says the same: verdict and findings (unless the form is deliberately stricter, see `why`).
      const verdict = p.c.formula ?? verdictOf(rules);
      expect({ ...seen, verdict: formula.verdict }).toEqual({ ...seen, verdict });
      if (!p.c.formula) expect({ ...seen, found: uniqueSorted(formula.found) }).toEqual({ ...seen, found: rules });
    });
  });
});
