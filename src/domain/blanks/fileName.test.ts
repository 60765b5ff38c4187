import { safeFileName, uniqueFileNames } from './fileName';

describe('file names of the blanks', () => {
  test('a school’s name stays readable: Cyrillic, «№» and «» are kept', () => {
    expect(safeFileName('МАОУ СОШ № 4')).toBe('МАОУ СОШ № 4');
    expect(safeFileName('МАОУ школа «Эврика-развитие»')).toBe('МАОУ школа «Эврика-развитие»');
  });

  test('path separators, reserved characters and control characters never reach the file system', () => {
    const name = safeFileName('МБОУ "Лицей/гимназия" № 1\\2: <ул.|Мира>?*\u0000\t\n');
    expect(name).toBe('МБОУ Лицей гимназия № 1 2 ул. Мира');
    // eslint-disable-next-line no-control-regex -- no control characters in a file name
    expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
  });

  test('Windows device names and trailing dots are avoided; an empty name still gives a file', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('Школа №1...')).toBe('Школа №1');
    expect(safeFileName(' / ')).toBe('Организация');
  });

  test('a very long name is cut so the file can be saved', () => {
    expect(safeFileName('Очень длинное название '.repeat(20)).length).toBeLessThanOrEqual(100);
  });

  test('two units that normalise to the same name get distinct files, case aside', () => {
    expect(uniqueFileNames(['Школа №1', 'Школа/№1', 'школа №1', 'Школа:№1'])).toEqual([
      'Школа №1.xlsx',
      'Школа №1 (2).xlsx',
      'школа №1 (3).xlsx',
      'Школа №1 (4).xlsx',
    ]);
  });
});
