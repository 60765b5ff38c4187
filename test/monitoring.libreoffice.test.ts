/**
 * The monitoring form end to end: stamped forms filled for three schools (one sent twice) → written → read back by
 * header text → checked → merged → the consolidated workbook written and recalculated by LibreOffice. Plan against
 * fact, deviation and met / not met per unit and in total must equal the figures worked out by hand below, and so
 * must the school form's own X and «Проверка».
 */
import { cellRef } from '../src/domain/a1';
import { buildConsolidatedWorkbook } from '../src/domain/consolidate/workbook';
import { mergeReports, type ReceivedWorkbook } from '../src/domain/consolidate/merge';
import { aKey, bKey, EDUCATION_LEVELS, MONITORING_INDICATORS, xKey, type IndicatorCode } from '../src/domain/forms/monitoring';
import { monitoringLayout } from '../src/domain/forms/monitoringLayout';
import { stampMonitoring } from '../src/domain/forms/monitoringStamp';
import { dataCell } from '../src/domain/forms/tableLayout';
import { MET, monitoringSheetLayout, NOT_MET } from '../src/domain/monitoring/consolidatedSheet';
import { evaluateTargets, unitsBelowTargets } from '../src/domain/monitoring/targets';
import { SHEET_MONITORING_CONSOLIDATED } from '../src/domain/monitoring/sheetName';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { defaultSettings, type CampaignSettings } from '../src/domain/settings';
import { SHEET } from '../src/domain/sheetNames';
import type { CellInput } from '../src/domain/sheetPlan';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { writeXlsx } from '../src/files/xlsxWriter';
import { readValues, recalculate, saveAs, valueAt, type RecalculatedWorkbook } from './support/libreoffice';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

type Figures = Partial<Record<IndicatorCode, [number, number | null]>> & { levels?: [number, number, number] };

/** Three schools' A and B, chosen by hand; the expected shares below are computed from these on paper. */
const SCHOOLS: Record<string, Figures> = {
  'МАОУ СОШ № 4': {
    pupils: [450, 500], pupilsEarly: [200, 500], ovz: [10, 12], schools: [1, 1], schoolsEarly: [1, 1],
    teachers: [30, 40], teachersEarly: [10, 40], events: [20, 18], eventsEarly: [5, 5], diagnostics: [150, 160], levels: [6, 9, 5],
  },
  'МБОУ лицей № 7': {
    pupils: [300, 400], pupilsEarly: [100, 400], ovz: [5, 10], schools: [1, 1], schoolsEarly: [0, 1],
    teachers: [20, 25], teachersEarly: [5, 25], events: [10, 12], eventsEarly: [2, 4], diagnostics: [80, 120], levels: [3, 5, 2],
  },
  'МАОУ гимназия № 29': {
    pupils: [190, 200], pupilsEarly: [150, 200], ovz: [0, 0], schools: [1, 1], schoolsEarly: [1, 1],
    teachers: [18, 20], teachersEarly: [9, 20], events: [8, 8], diagnostics: [50, 50], levels: [2, 4, 2],
    // B left empty: no share for the gymnasium, and its A stays out of the total's Σ A as well.
    eventsEarly: [3, null],
  },
};
/** The lyceum's first file, superseded by its later one: its figures must not count. */
const EARLIER_LYCEUM: Figures = { ...SCHOOLS['МБОУ лицей № 7'], pupils: [10, 400] };

const TARGETS = { pupils: 85, pupilsEarly: 50, ovz: 70, schools: 100, teachers: 80, events: 100, diagnostics: 85 };

const campaign = (): CampaignSettings => defaultSettings('autumn', 2026, { unit: 'Город Томск', level: 'municipality' });

function fillOf(unit: string, f: Figures): Record<string, CellInput> {
  const out: Record<string, CellInput> = { unit };
  for (const i of MONITORING_INDICATORS) {
    const v = f[i.code];
    if (v) [out[aKey(i.code)], out[bKey(i.code)]] = v;
  }
  EDUCATION_LEVELS.forEach((l, k) => (out[l.key] = f.levels?.[k] ?? null));
  return out;
}

async function schoolFile(unit: string, f: Figures, received: string): Promise<{ bytes: Uint8Array; file: ReceivedWorkbook }> {
  const s = { ...campaign(), unit, level: 'school' as const };
  const bytes = await writeXlsx({ sheets: [stampMonitoring(s, { fill: [fillOf(unit, f)] })] });
  const name = `${unit}.xlsx`;
  const read = readForms(readWorkbookFile(bytes, name), { year: 2026 });
  return { bytes, file: { file: name, received, read, problems: [...read.problems, ...checkWorkbook(read, s)] } };
}

/** X = A × 100 / B on paper. */
const x = (a: number, b: number) => (a * 100) / b;

let files: { bytes: Uint8Array; file: ReceivedWorkbook }[];
let book: RecalculatedWorkbook;
/** The consolidated workbook as the municipality sends it on: saved by a spreadsheet, values cached. */
let saved: Uint8Array;
let merged: ReturnType<typeof mergeReports>;

beforeAll(async () => {
  files = [
    await schoolFile('МАОУ СОШ № 4', SCHOOLS['МАОУ СОШ № 4'], '2026-10-15T09:00:00'),
    await schoolFile('МБОУ лицей № 7', EARLIER_LYCEUM, '2026-10-16T09:00:00'),
    await schoolFile('МАОУ гимназия № 29', SCHOOLS['МАОУ гимназия № 29'], '2026-10-17T09:00:00'),
    await schoolFile('мбоу  лицей №7', SCHOOLS['МБОУ лицей № 7'], '2026-10-18T09:00:00'),
  ];
  merged = mergeReports({
    files: files.map((f) => f.file),
    expectedUnits: Object.keys(SCHOOLS),
    policy: 'merge-with-errors',
  });
  const settings = { ...campaign(), targets: TARGETS };
  saved = await saveAs(await writeXlsx(buildConsolidatedWorkbook(merged, settings)), 'xlsx');
  book = readValues(saved);
});

describe('the monitoring form, merged and recalculated by LibreOffice', () => {
  test('each school’s form is found by its headers and read back exactly, with no problems', () => {
    for (const { file } of files) {
      const m = file.read.monitoring!;
      expect(m.sheet).toBe(SHEET.monitoring);
      expect(m.rows).toHaveLength(1);
      // The monitoring table is not mistaken for table 3.1: no report, no «table not found» error.
      expect(file.read.report).toBeUndefined();
      expect(file.problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
    const school = files[0].file.read.monitoring!.rows[0];
    expect(school.values.pupilsA.value).toBe(450);
    expect(school.values.diagnosticsB.value).toBe(160);
    expect(school.values.eventsSoo.value).toBe(5);
  });

  test('the latest file of a unit counts, spelled differently or not; every row is accounted for', () => {
    const m = merged.monitoring!;
    expect(m.units.map((u) => u.unit)).toEqual(['МАОУ СОШ № 4', 'МАОУ гимназия № 29', 'МБОУ лицей № 7']);
    expect(m.units.find((u) => u.unit === 'МБОУ лицей № 7')!.row.values.pupilsA.value).toBe(300);
    expect(m.tally).toEqual({ received: 4, merged: 3, superseded: 1, refused: 0 });
    expect(merged.files.map((f) => f.status)).toEqual(['merged', 'superseded', 'merged', 'merged']);
  });

  test('plan, fact, deviation and met / not met per unit and in total equal the hand-worked figures', () => {
    const sheet = book[SHEET_MONITORING_CONSOLIDATED];
    expect(sheet).toBeDefined();
    const L = monitoringSheetLayout(3);
    const units = merged.monitoring!.units.map((u) => u.unit);
    // A formula giving "" reads back as "" or as nothing, depending on how the file was saved: both are blank.
    const at = (r: number, c: number) => { const v = valueAt(sheet, cellRef(r, c)); return v === '' ? null : v; };
    units.forEach((unit, k) => {
      const r = L.firstUnitRow + k;
      expect(at(r, 1)).toBe(unit);
      for (const i of MONITORING_INDICATORS) {
        const [a, b] = SCHOOLS[unit][i.code]!;
        const c = L.indicatorColumn[i.code];
        const plan = (TARGETS as Partial<Record<IndicatorCode, number>>)[i.code];
        expect([at(r, c), at(r, c + 1)]).toEqual([a, b]);
        if (b === 0 || b === null) {
          expect(at(r, c + 3)).toBeNull(); // 0 pupils with ОВЗ, or no B: no share, not judged
          expect(at(r, c + 5)).toBeNull();
          continue;
        }
        expect(at(r, c + 3)).toBeCloseTo(x(a, b), 9);
        if (plan === undefined) {
          expect([at(r, c + 2), at(r, c + 4), at(r, c + 5)]).toEqual([null, null, null]);
        } else {
          expect(at(r, c + 2)).toBe(plan);
          expect(at(r, c + 4)).toBeCloseTo(x(a, b) - plan, 9);
          expect(at(r, c + 5)).toBe(x(a, b) >= plan ? MET : NOT_MET);
        }
      }
    });
    // Missed targets per unit, on paper: СОШ № 4 — early pupils 40 < 50, teachers 75 < 80; гимназия — none;
    // лицей — pupils 75, early 25, ОВЗ 50, events 83,3, diagnostics 66,7 (teachers 80 = 80 is met).
    expect(units.map((_, k) => at(L.firstUnitRow + k, L.missedColumn))).toEqual([2, 0, 5]);

    // «Итого»: Σ A × 100 / Σ B.
    const T = L.totalRow;
    const totals: Record<IndicatorCode, [number, number]> = {
      pupils: [940, 1100], pupilsEarly: [450, 1100], ovz: [15, 22], schools: [3, 3], schoolsEarly: [2, 3],
      teachers: [68, 85], teachersEarly: [24, 85], events: [38, 38], eventsEarly: [7, 9], diagnostics: [280, 330],
    };
    for (const i of MONITORING_INDICATORS) {
      const c = L.indicatorColumn[i.code];
      const [a, b] = totals[i.code];
      expect([at(T, c), at(T, c + 1)]).toEqual([a, b]);
      expect(at(T, c + 3)).toBeCloseTo(x(a, b), 9);
    }
    expect(at(T, L.levelColumn.total)).toBe(38);

    // The targets block: plan typed in, fact from «Итого», deviation, met, how many units missed it.
    const expected: [IndicatorCode, number, string, number][] = [
      ['pupils', x(940, 1100), MET, 1], // 85,45 ≥ 85
      ['pupilsEarly', x(450, 1100), NOT_MET, 2], // 40,9 < 50
      ['ovz', x(15, 22), NOT_MET, 1], // 68,2 < 70
      ['schools', 100, MET, 0],
      ['teachers', 80, MET, 1], // 68 × 100 / 85 = 80 exactly
      ['events', 100, MET, 1],
      ['diagnostics', x(280, 330), NOT_MET, 1], // 84,8 < 85
    ];
    for (const [code, fact, met, units] of expected) {
      const r = L.targetRow[code];
      expect(at(r, 2)).toBe(TARGETS[code as keyof typeof TARGETS]);
      expect(at(r, 3)).toBeCloseTo(fact, 9);
      expect(at(r, 4)).toBeCloseTo(fact - TARGETS[code as keyof typeof TARGETS], 9);
      expect(at(r, 5)).toBe(met);
      expect(at(r, 6)).toBe(units);
    }
    expect(at(L.targetRow.eventsEarly, 5)).toBeNull(); // no plan: not judged
    expect(valueAt(sheet, L.sentenceCell)).toBe(
      'Целевые показатели выполнены, кроме: доля обучающихся, вовлечённых в мероприятия по ранней профориентации; ' +
        'доля обучающихся с ОВЗ, вовлечённых в профориентационные мероприятия; охват обучающихся 8-11 классов профессиональной диагностикой.',
    );
  });

  test('the analytical note says the same in words, with plan and fact', () => {
    const note = book[SHEET.note].flat().filter((v): v is string => typeof v === 'string');
    // Seed 003's way: events by level of education, then the diagnostics coverage, then the targets.
    expect(note).toContain(
      'По формам мониторинга (3\u00a0организации) проведено 38\u00a0профориентационных мероприятий, из них на уровне начального общего образования — 11, ' +
        'на уровне основного общего образования — 18, на уровне среднего общего образования — 9.',
    );
    expect(note).toContain('Профессиональную диагностику прошли 84,8\u00a0% обучающихся 8-11 классов (280 из 330).');
    const sentence = note.find((t) => t.startsWith('Целевые показатели'));
    expect(sentence).toBe(
      'Целевые показатели выполнены, кроме: доля обучающихся, вовлечённых в мероприятия по ранней профориентации (план 50\u00a0%, факт 40,9\u00a0%); ' +
        'доля обучающихся с ОВЗ, вовлечённых в профориентационные мероприятия (план 70\u00a0%, факт 68,2\u00a0%); ' +
        'охват обучающихся 8-11 классов профессиональной диагностикой (план 85\u00a0%, факт 84,8\u00a0%). ' +
        'Не выполнен хотя бы один целевой показатель в организациях: 2 (МАОУ СОШ № 4 и МБОУ лицей № 7).',
    );
  });

  // The note's targets (TypeScript: evaluateTargets, unitsBelowTargets) and the sheet's formulas are twins; the
  // figures above hold boundary cases: teachers 68 × 100 / 85 = 80 on a plan of 80 in total, the lyceum's 20 of 25 = 80.
  test('the note judges every target, in total and per school, exactly as the recalculated sheet does', () => {
    const sheet = book[SHEET_MONITORING_CONSOLIDATED];
    const L = monitoringSheetLayout(3);
    const at = (r: number, c: number) => { const v = valueAt(sheet, cellRef(r, c)); return v === '' ? null : v; };
    const m = merged.monitoring!;
    for (const t of evaluateTargets(m, TARGETS)) {
      const onSheet = at(L.targetRow[t.code], 5);
      expect([t.code, t.met === null ? null : t.met ? MET : NOT_MET]).toEqual([t.code, onSheet]);
      if (t.fact !== null) expect(at(L.targetRow[t.code], 3)).toBeCloseTo(t.fact, 9);
    }
    const missed = new Map(unitsBelowTargets(m, TARGETS).map((u) => [u.unit, u.missed]));
    m.units.forEach((u, k) => expect([u.unit, missed.get(u.unit) ?? 0]).toEqual([u.unit, at(L.firstUnitRow + k, L.missedColumn)]));
  });

  test('the municipality’s consolidated file carries its own monitoring row, which the region reads like a school’s', () => {
    const read = readForms(readWorkbookFile(saved, 'Город Томск — свод.xlsx'), { year: 2026 });
    const m = read.monitoring!;
    expect(m.sheet).toBe(SHEET.monitoring);
    expect(m.rows).toHaveLength(1);
    const row = m.rows[0];
    expect(row.unit.value).toBe('Город Томск');
    expect([row.values.pupilsA.value, row.values.pupilsB.value]).toEqual([940, 1100]);
    expect([row.values.ovzA.value, row.values.ovzB.value]).toEqual([15, 22]);
    expect([row.values.diagnosticsA.value, row.values.diagnosticsB.value]).toEqual([280, 330]);
    expect([row.values.eventsNoo.value, row.values.eventsOoo.value, row.values.eventsSoo.value]).toEqual([11, 18, 9]);
    // The totals are consistent (38 events = 11 + 18 + 9 by level; every A ≤ B): nothing to report.
    expect(checkWorkbook(read, campaign()).filter((p) => p.code.startsWith('monitoring'))).toEqual([]);
  });

  test('the school’s own form computes X and says in «Проверка» what is wrong', async () => {
    const s = { ...campaign(), unit: 'МАОУ СОШ № 4', level: 'school' as const };
    const wrong = fillOf('МАОУ СОШ № 4', { ...SCHOOLS['МАОУ СОШ № 4'], pupils: [520, 500], teachersEarly: [10, 41] });
    const plan = stampMonitoring(s, { fill: [wrong] });
    const values = await recalculate(await writeXlsx({ sheets: [plan] }));
    const sheet = values[SHEET.monitoring];
    const t = monitoringLayout(s).table;
    expect(valueAt(sheet, dataCell(t, xKey('pupils'), 0))).toBeCloseTo(104, 9);
    expect(valueAt(sheet, dataCell(t, xKey('diagnostics'), 0))).toBeCloseTo(x(150, 160), 9);
    expect(valueAt(sheet, dataCell(t, xKey('eventsEarly'), 0))).toBe(100);
    expect(valueAt(sheet, cellRef(t.firstDataRow, t.checkColumn))).toBe(
      'показатель 1: A 520 > B 500; Предупреждение: показатель 8: проведено 20 > 18 запланировано — проверьте; ' +
        'Предупреждение: общее количество педагогических работников: 40 и 41 — должно совпадать',
    );
    // And the same defects from the reader and the rules, at their cells.
    const read = readForms(readWorkbookFile(await writeXlsx({ sheets: [plan] }), 'школа.xlsx'), { year: 2026 });
    const codes = checkWorkbook(read, s).map((p) => `${p.code}@${p.cell}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        `monitoring-a-above-b@${dataCell(t, aKey('pupils'), 0)}`,
        `monitoring-events-above-plan@${dataCell(t, aKey('events'), 0)}`,
        `monitoring-base-mismatch@${dataCell(t, bKey('teachersEarly'), 0)}`,
      ]),
    );
  });
});
