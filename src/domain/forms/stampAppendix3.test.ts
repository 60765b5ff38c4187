import { cellRef, parseRange, rangeRef } from '../a1';
import { defaultSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { heldRows, isFormula, type CellInput, type SheetPlan } from '../sheetPlan';
import { EXTRA_GROUP_TITLE, GRADES, participationExtras, PARTNER_CATEGORIES } from './appendix3';
import { appendix3Layout } from './appendix3Layout';
import { CHECK_COLUMN_TITLE } from './headers';
import {
  APPENDIX_NUMBER,
  COORDINATOR_CAPTION,
  COORDINATOR_LABEL,
  H,
  NARRATIVE_TEXT,
  normalizeHeader,
  participationTableTitle,
  PARTNERS_TABLE_TITLE,
  REPORT_TITLE,
  UNIT_CAPTION,
} from './officialText';
import { stampAppendix3 } from './stampAppendix3';

/** Every written cell of a plan by A1 address (later blocks win, as when written). */
function planCells(plan: SheetPlan): Map<string, CellInput> {
  const out = new Map<string, CellInput>();
  for (const b of plan.blocks) {
    const { top, left } = parseRange(b.at);
    heldRows(b.rows).forEach((row, i) => row.forEach((v, j) => v !== null && out.set(cellRef(top + i, left + j), v)));
  }
  return out;
}

const settings = defaultSettings('autumn', 2026, {
  unit: 'Александровский район',
  coordinator: { name: 'Иванова И. И.', post: 'методист', phone: '8 (38241) 2-11-11', email: 'ivanova@example.ru' },
});
const same = (a: CellInput | undefined, b: string) => normalizeHeader(String(a)) === normalizeHeader(b);

describe('Appendix 3 stamped as the order has it', () => {
  const plan = stampAppendix3(settings);
  const L = appendix3Layout(settings);
  const cells = planCells(plan);
  const p = L.participation;
  const q = L.partners;
  const at = (row: number, col: number) => cells.get(cellRef(row, col));

  test('head lines: appendix number and order right-aligned, title, unit and coordinator with their captions', () => {
    expect(plan.name).toBe(SHEET.report);
    expect(plan.kind).toBe('appendix3');
    expect(cells.get(L.appendixCell)).toBe(APPENDIX_NUMBER.report);
    expect(cells.get(L.orderCell)).toBe(settings.orderReference);
    const right = plan.styles.filter((s) => s.style.hAlign === 'right').map((s) => parseRange(s.range).top);
    expect(right).toEqual(expect.arrayContaining([1, 2]));
    expect(cells.get(L.titleCell)).toBe(REPORT_TITLE);
    expect(cells.get(L.unitCell)).toBe('Александровский район');
    expect(cells.get(L.unitCaptionCell)).toBe(UNIT_CAPTION);
    expect(cells.get(L.coordinatorLabelCell)).toBe(COORDINATOR_LABEL);
    expect(cells.get(L.coordinatorCell)).toBe('Иванова И. И., методист, 8 (38241) 2-11-11, ivanova@example.ru');
    expect(cells.get(L.coordinatorCaptionCell)).toBe(COORDINATOR_CAPTION);
  });

  test('table 3.1 carries the official titles word for word, each group merged over its columns', () => {
    expect(at(p.titleRow, 1)).toBe(participationTableTitle('autumn'));
    const top = p.headerTop;
    const groups: [string, string, string][] = [
      [H.schools, 'schools', 'schoolsActive'],
      [H.students, 'students', 'g11'],
      [H.ovz, 'ovzStudents', 'ovzG11'],
      [H.partners, 'partnersCount', 'partnersNames'],
    ];
    for (const [title, first, last] of groups) {
      expect(same(at(top, p.columns[first]), title)).toBe(true);
      expect(plan.merges).toContain(rangeRef(top, p.columns[first], top, p.columns[last]));
    }
    // Single-column official titles run down both header rows.
    for (const [key, title] of [['unit', H.unit], ['events', H.events], ['teachers', H.teachers]] as const) {
      expect(same(at(top, p.columns[key]), title)).toBe(true);
      expect(plan.merges).toContain(rangeRef(top, p.columns[key], p.headerBottom, p.columns[key]));
    }
    for (const g of GRADES) expect(at(p.headerBottom, p.columns[`g${g}`])).toBe(`${g} класс`);
    expect(at(top, p.columns.teachersTotal)).toBe(EXTRA_GROUP_TITLE);
    expect(at(p.headerBottom, p.columns.teachersTotal)).toBe(participationExtras[0].title);
    expect(at(top, p.checkColumn)).toBe(CHECK_COLUMN_TITLE);
  });

  test('table 3.2 has three header levels with the four partner categories', () => {
    expect(at(q.titleRow, 1)).toBe(PARTNERS_TABLE_TITLE);
    expect(q.headerBottom - q.headerTop).toBe(2);
    expect(same(at(q.headerTop, q.columns.partnersTotal), H.partnersTotal)).toBe(true);
    expect(same(at(q.headerTop, q.columns.professionalEducationCount), H.partnerCategories)).toBe(true);
    for (const c of PARTNER_CATEGORIES) {
      expect(same(at(q.headerTop + 1, q.columns[`${c}Count`]), H[c])).toBe(true);
      expect(at(q.headerBottom, q.columns[`${c}Count`])).toBe('Число');
      expect(at(q.headerBottom, q.columns[`${c}Names`])).toBe('Наименования');
    }
    // Both tables end at the same right edge, and 3.2's check sits right of its last names column.
    expect(q.lastColumn).toBe(p.lastColumn);
    expect(q.checkColumn).toBe(q.columns.communityNames + q.spans.communityNames);
  });

  test('every data row has a «Проверка» formula built only from functions both Excel 2016 and LibreOffice know', () => {
    for (const t of [p, q]) {
      for (let r = t.firstDataRow; r <= t.lastDataRow; r++) {
        const f = cells.get(cellRef(r, t.checkColumn));
        expect(f && isFormula(f)).toBe(true);
        const formula = (f as { formula: string }).formula;
        expect(formula.startsWith('=')).toBe(true);
        expect(formula.length).toBeLessThan(8192);
        expect(formula).not.toMatch(/TEXTJOIN|IFS\(|LET\(|FILTER\(|CONCAT\(|SWITCH\(|XLOOKUP/);
        expect(formula.split('(').length).toBe(formula.split(')').length);
      }
    }
  });

  test('a school or municipality gets one input row with its own name; the region gets 30', () => {
    expect(p.lastDataRow - p.firstDataRow + 1).toBe(1);
    expect(at(p.firstDataRow, 1)).toBe('Александровский район');
    expect(at(q.firstDataRow, 1)).toBe('Александровский район');
    const region = appendix3Layout({ ...settings, level: 'region' });
    expect(region.participation.lastDataRow - region.participation.firstDataRow + 1).toBe(30);
    expect(region.partners.lastDataRow - region.partners.firstDataRow + 1).toBe(30);
  });

  test('fill prefills rows by leaf key, including formulas, and adds rows when it has more', () => {
    const filled = stampAppendix3(settings, {
      rows: 1,
      fill: { participation: [{ unit: 'А', students: 10 }, { unit: 'Б', students: { formula: '=1+1' } }], narrative: 'Итоги' },
    });
    const lay = appendix3Layout(settings, { rows: 1, fill: { participation: [{}, {}] } });
    const c = planCells(filled);
    expect(c.get(cellRef(lay.participation.firstDataRow + 1, lay.participation.columns.students))).toEqual({ formula: '=1+1' });
    expect(c.get(cellRef(lay.participation.firstDataRow, lay.participation.columns.students))).toBe(10);
    expect(c.get(lay.narrativeCell)).toBe('Итоги');
    expect(lay.partners.firstDataRow).toBeGreaterThan(lay.participation.lastDataRow + 1);
  });

  test('count cells accept whole numbers ≥ 0 only; names get a warning when fewer than the count', () => {
    const counts = plan.validations.filter((v) => v.title === 'Количество');
    const covered = new Set(counts.map((v) => parseRange(v.range).left));
    for (const key of ['schools', 'participants', 'g5', 'ovzG11', 'teachersTotal', 'partnersCount'])
      expect(covered.has(p.columns[key])).toBe(true);
    expect(counts.every((v) => v.severity === 'stop')).toBe(true);
    const names = plan.validations.filter((v) => v.title === 'Наименования');
    expect(names).toHaveLength(5);
    expect(names.every((v) => v.severity === 'warning')).toBe(true);
    const participants = counts.find((v) => parseRange(v.range).left === p.columns.participants)!;
    expect(participants.rule).toEqual({ kind: 'custom', formula: expect.stringContaining(`F${p.firstDataRow}<=E${p.firstDataRow}`) });
  });

  test('print on A4 landscape to one page wide with 3.1 header repeated; a one-row report freezes only the unit column', () => {
    expect(plan.print).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: `${p.headerTop}:${p.headerBottom}` });
    expect(plan.freeze).toEqual({ rows: 0, columns: 1 });
    expect(plan.columnWidths).toHaveLength(p.lastColumn);
    expect(plan.conditionalFormats.map((c) => c.range)).toContain(rangeRef(p.firstDataRow, 1, p.lastDataRow, p.lastColumn));
  });

  test('the narrative part: the order\'s four paragraphs, then a merged input area', () => {
    L.narrativeTextRows.forEach((row, i) => expect(at(row, 1)).toBe(NARRATIVE_TEXT[i]));
    expect(plan.merges).toContain(L.narrativeRange);
    expect(plan.styles).toContainEqual({ range: L.narrativeRange, style: expect.objectContaining({ locked: false }) });
  });

  test('no two merges overlap (Excel refuses such a file)', () => {
    const seen = new Set<string>();
    for (const m of plan.merges) {
      const r = parseRange(m);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const k = cellRef(row, col);
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }
    }
  });
});

test("a region's long table 3.1 keeps its header frozen in view while scrolling", () => {
  const settings = defaultSettings('autumn', 2026, { level: 'region' });
  const plan = stampAppendix3(settings, { rows: 30 });
  const lay = appendix3Layout(settings, { rows: 30 });
  expect(plan.freeze).toEqual({ rows: lay.participation.headerBottom, columns: 1 });
});
