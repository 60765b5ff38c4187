import { expectedUnitsFromGrid, expectedUnitsFromText } from './expectedUnits';

test('a list that starts with a school called «Школа № 1» keeps it; a header line «Школа» or «Наименование ОО» is skipped', () => {
  expect(expectedUnitsFromText('Школа № 1\nШкола № 2')).toEqual(['Школа № 1', 'Школа № 2']);
  expect(expectedUnitsFromText('Школа-интернат «Радуга»\nСОШ № 3')).toEqual(['Школа-интернат «Радуга»', 'СОШ № 3']);
  expect(expectedUnitsFromText('Школа\nСОШ № 3')).toEqual(['СОШ № 3']);
  expect(expectedUnitsFromText('Наименование ОО\nСОШ № 3')).toEqual(['СОШ № 3']);
});

test('a numbered list («1.» or «1» in the first column, the name in the second) expects the names, not the numbers', () => {
  const grid = { name: 'list', cells: [['№', 'Наименование'], ['1.', 'МАОУ СОШ № 4'], [2, 'МБОУ лицей № 7'], ['3', 'МАОУ гимназия № 29']], merges: [] };
  expect(expectedUnitsFromGrid(grid)).toEqual(['МАОУ СОШ № 4', 'МБОУ лицей № 7', 'МАОУ гимназия № 29']);
});
