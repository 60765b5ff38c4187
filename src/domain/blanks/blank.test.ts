import { parseCell, parseRange } from '../a1';
import { appendix3Layout } from '../forms/appendix3Layout';
import { monitoringLayout } from '../forms/monitoringLayout';
import { dataCell } from '../forms/tableLayout';
import { defaultSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { readSettingsSheet } from '../settingsSheet';
import type { SheetPlan } from '../sheetPlan';
import { heldRows } from '../sheetPlan';
import { BLANK_SHEET, blankSettings, blanksFor, blankWorkbookPlan } from './blank';

const sender = defaultSettings('spring', 2027, {
  unit: 'Томский район',
  level: 'municipality',
  coordinator: { name: 'Сидорова Е.П.', post: 'методист', phone: '8 (3822) 40-00-00', email: 'pk@tr.tomsk.ru' },
});

/** Whether a cell stays locked under protection: styles merge in order, the last `locked` wins (as the writer does). */
function lockedIn(plan: SheetPlan, a1: string): boolean {
  const { row, col } = parseCell(a1);
  let locked = true;
  for (const s of plan.styles) {
    const r = parseRange(s.range);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && s.style.locked !== undefined) locked = s.style.locked;
  }
  return locked;
}

describe('a personalised blank', () => {
  test('holds the forms asked for, in order, after the cover, with the hidden settings of the school', () => {
    const plan = blankWorkbookPlan('МАОУ СОШ № 4', { settings: sender, forms: ['monitoring', 'report'] });
    expect(plan.sheets.map((s) => s.name)).toEqual([BLANK_SHEET, SHEET.report, SHEET.monitoring, SHEET.settings]);
    const settings = plan.sheets.at(-1)!;
    expect(settings.hidden).toBe(true);
    const back = readSettingsSheet(heldRows(settings.blocks[0].rows).map((r) => r.map((c) => (typeof c === 'object' && c !== null ? null : c))));
    expect(back?.settings).toMatchObject({ unit: 'МАОУ СОШ № 4', level: 'school', season: 'spring', year: 2027, schoolReportsDue: '2027-04-20' });
    expect(back?.owned.map((o) => o.kind)).toEqual(['blank', 'appendix3', 'monitoring', 'settings']);
    expect(plan.sheets.filter((s) => s.name !== SHEET.settings).every((s) => s.protect === true)).toBe(true);
  });

  test('the report only, by default; the school’s name locked where the merge reads it, the figures open', () => {
    const plan = blankWorkbookPlan('МАОУ СОШ № 4', { settings: sender });
    expect(plan.sheets.map((s) => s.name)).toEqual([BLANK_SHEET, SHEET.report, SHEET.settings]);
    const report = plan.sheets[1];
    const L = appendix3Layout(blankSettings('МАОУ СОШ № 4', sender));
    expect(heldRows(report.blocks.find((b) => b.at === L.unitCell)!.rows)[0][0]).toBe('МАОУ СОШ № 4');
    expect(lockedIn(report, L.unitCell)).toBe(true);
    expect(lockedIn(report, dataCell(L.participation, 'unit', 0))).toBe(true);
    expect(lockedIn(report, dataCell(L.participation, 'events', 0))).toBe(false);
    expect(lockedIn(report, L.coordinatorCell)).toBe(false);
  });

  test('a region’s blanks go to municipalities, with the region’s deadline for the report', () => {
    const region = { ...sender, level: 'region' as const, unit: 'Томская область' };
    const plan = blankWorkbookPlan('Александровский район', { settings: region, forms: ['monitoring'] });
    const m = plan.sheets[1];
    const t = monitoringLayout(blankSettings('Александровский район', region)).table;
    expect(m.blocks.some((b) => heldRows(b.rows).some((r) => r.includes('Александровский район')))).toBe(true);
    expect(lockedIn(m, dataCell(t, 'unit', 0))).toBe(true);
    const cover = plan.sheets[0].blocks.flatMap((b) => heldRows(b.rows).flat()).join('\n');
    expect(cover).toContain('до 23\u00a0апреля\u00a02027\u00a0г.'); // Appendix 3 due at the region
    expect(cover).toContain('региональному оператору (Томская область): Сидорова Е.П., методист, тел. 8 (3822) 40-00-00, e-mail pk@tr.tomsk.ru');
  });

  test('one blank per unit: two spellings of one school give one blank; names are safe and distinct', () => {
    const b = blanksFor(['МАОУ СОШ № 4', 'маоу сош №4', 'Школа/1', 'Школа 1', ''], { settings: sender });
    expect(b.map((x) => [x.unit, x.fileName])).toEqual([
      ['МАОУ СОШ № 4', 'МАОУ СОШ № 4.xlsx'],
      ['Школа/1', 'Школа 1.xlsx'],
      ['Школа 1', 'Школа 1 (2).xlsx'],
    ]);
  });
});
