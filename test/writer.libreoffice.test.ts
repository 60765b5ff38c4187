/**
 * The one writer (src/files/xlsxWriter.ts) held to what a user sees, in a real spreadsheet engine: LibreOffice opens
 * the written workbook, recalculates every formula and saves it again; what it kept is compared with the plan —
 * the sheets and which are hidden, every value, every formula with its computed result, the looks that matter
 * (bold, size, fill, number format, borders, alignment, wrap, locked), merges, tab colours, data validations and
 * conditional formats, protection, print setup and print titles, and the charts. Frozen panes, which LibreOffice
 * without a window does not keep, are read from the written file.
 * (It replaces the comparison with the exceljs writers, deleted with this test's rewrite.)
 */
import { parseRange, rangeRef } from '../src/domain/a1';
import { fitCellText } from '../src/domain/cellLimit';
import { heldRows, isFormula, type CellStyle, type SheetPlan, type WorkbookPlan } from '../src/domain/sheetPlan';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { writeBook } from '../src/cli/writeBook';
import { writeXlsx } from '../src/files/xlsxWriter';
import { everyWorkbook } from './support/everySheet';
import { saveAs } from './support/libreoffice';
import { summarySample } from './support/summarySample';
import { xlsxLook } from './support/xlsxLook';
// Slow on purpose: LibreOffice opens, recalculates and saves each whole workbook.
jest.setTimeout(300_000);

type Look = Awaited<ReturnType<typeof xlsxLook>>;
type SheetLook = Look['sheets'][number];
interface CellLook {
  t?: string;
  v?: unknown;
  f?: string;
  look?: string;
}

const cases: [string, () => WorkbookPlan, (plan: WorkbookPlan) => Promise<Uint8Array>][] = [
  ['the demo municipality consolidated (Свод.xlsx), as the pane writes it', () => summarySample().plan, (p) => writeXlsx(p)],
  ['a region consolidated from districts, with monitoring and targets, as the command line writes it', () => everyWorkbook({ seasons: ['autumn'], units: 12 }).find((w) => w.label === 'consolidated region autumn')!.plan, writeBook],
  ["a school's stamped and filled forms, protected", () => sampleSchoolWorkbooks({ schools: 1, twice: false, broken: false, late: 0 }).files[0].workbook!, writeBook],
  ['blanks from a municipality, protected, with validations and prompts', () => everyWorkbook({ seasons: ['spring'] }).find((w) => w.label === 'blank from municipality spring')!.plan, writeBook],
];

/** Each cell's combined style (the plan's styled ranges merge in order), by A1 address. */
function planStyles(sheet: SheetPlan): Map<string, CellStyle> {
  const out = new Map<string, CellStyle>();
  for (const s of sheet.styles) {
    const r = parseRange(s.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const a1 = rangeRef(row, col, row, col).split(':')[0];
        out.set(a1, { ...out.get(a1), ...s.style });
      }
  }
  return out;
}

/** A number format as it reads: LibreOffice writes a literal character escaped (dd\\.mm\\.yyyy for dd.mm.yyyy). */
const format = (code: string): string => code.replace(/\\(.)/g, '$1').replace(/"([^"]*)"/g, '$1').toLowerCase();

/** What of a cell's look the plan says, in xlsxLook's words (colours ARGB, alignment as written). */
function lookOf(style: CellStyle) {
  return {
    bold: style.bold ?? false,
    italic: style.italic ?? false,
    size: style.fontSize ?? 11,
    fill: style.fill ? `FF${style.fill.toUpperCase()}` : undefined,
    border: style.border ?? false,
    numFmt: format(style.numberFormat ?? 'General'),
    h: style.hAlign,
    v: style.vAlign === 'middle' ? 'center' : style.vAlign,
    wrap: style.wrap ?? false,
    locked: style.locked ?? true,
  };
}

/** The same, read from what LibreOffice saved. */
function lookSeen(look: string | undefined) {
  const l = look ? (JSON.parse(look) as { font: { bold: boolean; italic: boolean; size: number }; fill?: string; border: string; numFmt: string; h?: string; v?: string; wrap: boolean; locked: boolean }) : undefined;
  return {
    bold: l?.font.bold ?? false,
    italic: l?.font.italic ?? false,
    size: l?.font.size ?? 11,
    fill: l?.fill,
    border: l ? /^thin.*\|thin.*\|thin.*\|thin/.test(l.border) : false,
    numFmt: format(l?.numFmt ?? 'General'),
    h: l?.h === 'general' ? undefined : l?.h,
    v: l?.v === 'bottom' ? undefined : l?.v,
    wrap: l?.wrap ?? false,
    locked: l?.locked ?? true,
  };
}

/** Every cell the plan writes a value or formula into: address → value, or formula with its known result. */
function planCells(sheet: SheetPlan): Map<string, { value?: string | number | boolean; formula?: string; result?: unknown }> {
  const out = new Map<string, { value?: string | number | boolean; formula?: string; result?: unknown }>();
  for (const b of sheet.blocks) {
    const at = parseRange(b.at);
    heldRows(b.rows).forEach((cells, i) =>
      cells.forEach((c, j) => {
        if (c === null || c === undefined) return;
        const a1 = rangeRef(at.top + i, at.left + j, at.top + i, at.left + j).split(':')[0];
        out.set(a1, isFormula(c) ? { formula: c.formula, result: c.result } : { value: typeof c === 'string' ? fitCellText(c) : c });
      }),
    );
  }
  return out;
}

describe.each(cases)('%s', (_, make, write) => {
  const plan = make();
  let look: Look;
  let written: Look;
  beforeAll(async () => {
    const bytes = await write(plan);
    [look, written] = [await xlsxLook(await saveAs(bytes, 'xlsx')), await xlsxLook(bytes)];
  });
  const sheetOf = (name: string): SheetLook => look.sheets.find((s) => s.name === name)!;

  test('LibreOffice finds the sheets in order, the hidden ones hidden, every value, and computes each formula’s cached result', () => {
    expect(look.sheets.map((s) => [s.name, s.hidden])).toEqual(plan.sheets.map((s) => [s.name, s.hidden ? 'hidden' : 'visible']));
    const wrong: string[] = [];
    let computed = 0;
    for (const sheet of plan.sheets) {
      const seen = sheetOf(sheet.name).cells as Record<string, CellLook>;
      for (const [a1, want] of planCells(sheet)) {
        const got = seen[a1];
        if (want.formula === undefined) {
          if (got?.v !== want.value && !(want.value === '' && got?.v === undefined)) wrong.push(`${sheet.name}!${a1}: ${JSON.stringify(want.value)} → ${JSON.stringify(got?.v)}`);
        } else if (got?.f === undefined) wrong.push(`${sheet.name}!${a1}: формула ${want.formula} пропала`);
        else if (want.result !== undefined && want.result !== null) {
          computed++;
          if (got.v !== want.result) wrong.push(`${sheet.name}!${a1}: ${want.formula} = ${JSON.stringify(want.result)}, LibreOffice ${JSON.stringify(got.v)}`);
        }
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    if (plan.sheets.some((s) => [...planCells(s).values()].some((c) => c.result !== undefined))) expect(computed).toBeGreaterThan(10);
  });

  test('the looks that matter: font, fill, borders, number format, alignment, wrap, locked cells', () => {
    const wrong: string[] = [];
    for (const sheet of plan.sheets) {
      const seen = sheetOf(sheet.name).cells as Record<string, CellLook>;
      const mine = written.sheets.find((w) => w.name === sheet.name)!.cells as Record<string, CellLook>;
      for (const [a1, style] of planStyles(sheet)) {
        const [want, got] = [lookOf(style), lookSeen(seen[a1]?.look)];
        // A formula with no format of its own takes, in LibreOffice, the format of the cells it adds up ("0",
        // "#,##0"): for those the format is the one written.
        if (want.numFmt === 'general' && seen[a1]?.f !== undefined) got.numFmt = lookSeen(mine[a1]?.look).numFmt;
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${sheet.name}!${a1}: ${JSON.stringify(want)} → ${JSON.stringify(got)}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  test('merges, frozen panes, widths and heights, tab colours, protection, print setup and print titles', () => {
    for (const sheet of plan.sheets) {
      const s = sheetOf(sheet.name);
      expect({ sheet: sheet.name, merges: s.merges }).toEqual({ sheet: sheet.name, merges: sheet.merges.map((m) => { const r = parseRange(m); return rangeRef(r.top, r.left, r.bottom, r.right); }).sort() });
      // LibreOffice without a window keeps no views (every sheet comes back unfrozen): the panes as written.
      const panes = written.sheets.find((w) => w.name === sheet.name)!.frozen;
      expect({ sheet: sheet.name, frozen: panes && { x: panes.x, y: panes.y } }).toEqual({ sheet: sheet.name, frozen: sheet.freeze && (sheet.freeze.rows || sheet.freeze.columns) ? { x: sheet.freeze.columns, y: sheet.freeze.rows } : undefined });
      // Column widths and row heights as written (LibreOffice rounds them to its own units).
      const mine = written.sheets.find((w) => w.name === sheet.name)!;
      const widths = Object.fromEntries(sheet.columnWidths.map((w, i) => [i + 1, w]).filter(([, w]) => w > 0));
      expect({ sheet: sheet.name, widths: mine.widths, heights: mine.heights }).toEqual({ sheet: sheet.name, widths, heights: Object.fromEntries(Object.entries(sheet.rowHeights ?? {}).filter(([, h]) => h > 0)) });
      expect({ sheet: sheet.name, tab: s.tab }).toEqual({ sheet: sheet.name, tab: sheet.tabColor ? `FF${sheet.tabColor.replace(/^#/, '').toUpperCase()}` : undefined });
      expect({ sheet: sheet.name, protected: !!s.protection }).toEqual({ sheet: sheet.name, protected: !!sheet.protect });
      if (sheet.print)
        expect({ sheet: sheet.name, print: s.print && { paper: s.print.paper, orientation: s.print.orientation }, fit: s.fitToPage && s.print?.w === '1' && s.print?.h === '0' }).toEqual({
          sheet: sheet.name,
          print: { paper: '9', orientation: sheet.print.orientation },
          fit: sheet.print.fitToWidth,
        });
    }
    const titled = plan.sheets.map((s, i) => [s, i] as const).filter(([s]) => s.print?.repeatRows);
    expect(look.names.filter((n) => n.startsWith('_xlnm.Print_Titles@')).length).toBe(titled.length);
    for (const [s, i] of titled) {
      const [from, to] = s.print!.repeatRows!.split(':');
      expect(look.names.find((n) => n.startsWith(`_xlnm.Print_Titles@${i}=`))).toMatch(new RegExp(`!\\$${from}:\\$${to}$`));
    }
  });

  test('data validations and conditional formats with their looks, where the plan puts them', () => {
    for (const sheet of plan.sheets) {
      const s = sheetOf(sheet.name);
      const covered = (sqrefs: string[]) => {
        const cells = new Set<string>();
        for (const ref of sqrefs) {
          const r = parseRange(ref);
          for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.add(`${row}:${col}`);
        }
        return cells.size;
      };
      const validations = s.validations.map((v) => JSON.parse(v) as { type: string; sqref: string[]; style: string; error?: string; prompt?: [string, string] });
      const kind = { list: 'list', wholeNumber: 'whole', decimal: 'decimal', date: 'date', custom: 'custom' } as const;
      for (const v of sheet.validations) {
        const cells = covered([v.range]);
        const match = validations.filter((g) => g.type === kind[v.rule.kind] && g.style === v.severity && g.error === v.message && (v.prompt ? g.prompt?.[1] === v.prompt : !g.prompt));
        expect({ sheet: sheet.name, range: v.range, found: match.length > 0 && covered(match.flatMap((m) => m.sqref)) >= cells }).toEqual({ sheet: sheet.name, range: v.range, found: true });
      }
      const cfs = s.conditionalFormats.map((c) => JSON.parse(c) as { sqref: string[]; look?: string });
      expect({ sheet: sheet.name, cells: covered(cfs.flatMap((c) => c.sqref)) }).toEqual({ sheet: sheet.name, cells: covered(sheet.conditionalFormats.map((c) => c.range)) });
      // Each format's look (fill, bold, font colour) is among those LibreOffice kept on the sheet.
      const looks = new Set(cfs.map((c) => { const l = c.look ? (JSON.parse(c.look) as { font?: { b: boolean; c?: string }; fill?: string }) : {}; return JSON.stringify([l.fill, l.font?.b ?? false, l.font?.c]); }));
      for (const cf of sheet.conditionalFormats) {
        const want = JSON.stringify([cf.style.fill ? `FF${cf.style.fill.toUpperCase()}` : undefined, cf.style.bold ?? false, cf.style.fontColor ? `FF${cf.style.fontColor.toUpperCase()}` : undefined]);
        expect({ sheet: sheet.name, range: cf.range, look: looks.has(want) ? want : [...looks] }).toEqual({ sheet: sheet.name, range: cf.range, look: want });
      }
    }
  });

  test('the charts are there, on their sheets', () => {
    expect(look.charts.length).toBe(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
    for (const sheet of plan.sheets) expect({ sheet: sheet.name, drawing: sheetOf(sheet.name).drawing }).toEqual({ sheet: sheet.name, drawing: sheet.charts.length > 0 });
  });
});
