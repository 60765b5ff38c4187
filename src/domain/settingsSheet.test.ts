import { parseRange } from './a1';
import { defaultSettings } from './settings';
import { SHEET } from './sheetNames';
import type { SheetPlan } from './sheetPlan';
import { heldRows } from './sheetPlan';
import { readSettingsSheet, settingsSheet } from './settingsSheet';

/** The plan's cells as the grid a reader would get back. */
function grid(plan: SheetPlan): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = [];
  for (const b of plan.blocks) {
    const { top, left } = parseRange(b.at);
    heldRows(b.rows).forEach((row, i) =>
      row.forEach((v, j) => {
        (out[top + i - 1] ??= [])[left + j - 1] = typeof v === 'object' && v !== null ? null : v;
      }),
    );
  }
  return out.map((r) => Array.from(r ?? [], (v) => v ?? null));
}

const settings = defaultSettings('autumn', 2026, {
  unit: 'Александровский район',
  level: 'ogoo',
  coordinator: { name: 'Петров П. П.', post: 'заместитель директора', phone: '+7 913 000-00-00', email: 'p@example.ru' },
  windowFrom: '2026-09-19',
});
const owned = [
  { name: SHEET.report, kind: 'appendix3' as const },
  { name: SHEET.settings, kind: 'settings' as const },
];

describe('settings sheet', () => {
  test('is hidden and named ПК_Настройки', () => {
    const plan = settingsSheet(settings, owned);
    expect(plan.name).toBe(SHEET.settings);
    expect(plan.hidden).toBe(true);
    expect(plan.kind).toBe('settings');
  });

  test('every setting and the list of owned sheets come back as written', () => {
    const back = readSettingsSheet(grid(settingsSheet(settings, owned)));
    expect(back).toEqual({ settings, owned });
  });

  test('a date Excel turned into a serial number is read back as the same date', () => {
    const g = grid(settingsSheet(settings, owned));
    const row = g.find((r) => r[0] === 'windowTo')!;
    row[1] = 46310; // 2026-10-15
    expect(readSettingsSheet(g)!.settings.windowTo).toBe('2026-10-15');
  });

  test('a sheet that is not a settings sheet gives undefined', () => {
    expect(readSettingsSheet([['Муниципальное образование', 'Всего ОО'], ['А', 7]])).toBeUndefined();
    expect(readSettingsSheet([])).toBeUndefined();
  });

  test('missing fields fall back to the calendar defaults', () => {
    const back = readSettingsSheet([['season', 'spring'], ['year', '2027']]);
    expect(back?.settings).toEqual(defaultSettings('spring', 2027));
    expect(back?.owned).toEqual([]);
  });
});
