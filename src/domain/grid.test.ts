import { cellText, cellValue, mergeAt, visibleRow, type SheetGrid } from './grid';

const sheet = (): SheetGrid => ({
  name: 'Отчёт',
  cells: [
    ['Показатель', null, null, 'Итого'],
    ['Участники', 438, null, null],
    [' МАОУ СОШ № 4 ', null, null, 12],
  ],
  merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
});

describe('cells as a coordinator sees them', () => {
  it('a merged title shows its text in every cell it covers, and nowhere else', () => {
    const s = sheet();
    expect([1, 2, 3].map((c) => cellValue(s, 1, c))).toEqual(['Показатель', 'Показатель', 'Показатель']);
    expect(cellValue(s, 1, 4)).toBe('Итого');
    expect(mergeAt(s, 1, 3)).toEqual({ top: 1, left: 1, bottom: 1, right: 3 });
    expect(mergeAt(s, 2, 1)).toBeUndefined();
    expect(visibleRow(s, 1, 4)).toEqual(['Показатель', 'Показатель', 'Показатель', 'Итого']);
    expect(visibleRow(s, 2, 4)).toEqual(['Участники', 438, null, null]);
  });

  it('a merged area over several rows covers its last row too', () => {
    const s = sheet();
    s.merges.push({ top: 2, left: 2, bottom: 3, right: 3 });
    expect(cellValue(s, 3, 3)).toBe(438);
    expect(cellValue(s, 4, 3)).toBeNull();
  });

  it('a merged area added after the sheet was first looked at is seen (a sheet being built)', () => {
    const s = sheet();
    expect(cellValue(s, 3, 2)).toBeNull();
    s.merges.push({ top: 2, left: 2, bottom: 3, right: 2 });
    expect(cellValue(s, 3, 2)).toBe(438);
  });

  it('texts are trimmed and numbers shown as written; empty and outside cells are empty', () => {
    const s = sheet();
    expect(cellText(s, 3, 1)).toBe('МАОУ СОШ № 4');
    expect(cellText(s, 2, 2)).toBe('438');
    expect(cellText(s, 2, 3)).toBe('');
    expect(cellText(s, 40, 40)).toBe('');
  });
});
