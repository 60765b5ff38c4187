import { expectedUnitsFromText } from './expectedUnits';

test('a list that starts with a school called «Школа № 1» keeps it; a header line «Школа» or «Наименование ОО» is skipped', () => {
  expect(expectedUnitsFromText('Школа № 1\nШкола № 2')).toEqual(['Школа № 1', 'Школа № 2']);
  expect(expectedUnitsFromText('Школа-интернат «Радуга»\nСОШ № 3')).toEqual(['Школа-интернат «Радуга»', 'СОШ № 3']);
  expect(expectedUnitsFromText('Школа\nСОШ № 3')).toEqual(['СОШ № 3']);
  expect(expectedUnitsFromText('Наименование ОО\nСОШ № 3')).toEqual(['СОШ № 3']);
});
