import { cleanPartnerName, partnerKey, unitKey } from './names';

test('a school that writes its name with ё one year and е the next, or in other case and spacing, is one organisation', () => {
  expect(unitKey('МАОУ СОШ им. Алёшина')).toBe(unitKey('маоу сош им. Алешина'));
  expect(unitKey('МАОУ СОШ №4')).toBe(unitKey('МАОУ  СОШ № 4.'));
  expect(unitKey('МАОУ СОШ № 4')).not.toBe(unitKey('МАОУ СОШ № 40'));
});

test('«нет», «отсутствуют», «и т.д.» or a dash in a list of partners are not partners; a name with «и т.д.» after it keeps the name', () => {
  for (const filler of ['нет', 'Нет', 'отсутствуют', 'и т.д.', 'и др.', '—', '-']) expect([filler, cleanPartnerName(filler)]).toEqual([filler, null]);
  expect(cleanPartnerName('ТУСУР и т.д.')).toBe('ТУСУР');
  expect(cleanPartnerName('  ЗАО  «Томский подшипник» ')).toBe('ЗАО «Томский подшипник»');
});

test('a partner written with or without its legal form and quotes is one partner', () => {
  expect(partnerKey('ЗАО «Томский подшипник»')).toBe(partnerKey('Томский подшипник'));
  expect(partnerKey('И.П. Иванов И.И.')).toBe(partnerKey('Иванов И.И.'));
  expect(partnerKey('Томский подшипник')).not.toBe(partnerKey('Томский политехникум'));
});
