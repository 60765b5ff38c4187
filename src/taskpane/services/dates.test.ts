import { displayToIso, isoToDisplay } from './dates';

test('a date typed as дд.мм.гггг becomes the ISO date the settings keep, whatever the browser’s language', () => {
  expect(displayToIso('01.09.2023')).toBe('2023-09-01');
  expect(displayToIso(' 1.9.2023 ')).toBe('2023-09-01');
  expect(displayToIso('19/10/2023')).toBe('2023-10-19');
  expect(displayToIso('2023-10-19')).toBe('2023-10-19');
  expect(isoToDisplay('2023-10-19')).toBe('19.10.2023');
});

test('a day that is not in the calendar, or a two-digit year, is refused', () => {
  for (const bad of ['31.02.2023', '00.10.2023', '19.13.2023', '19.10.23', '92023-09-13', '', 'завтра']) expect(displayToIso(bad)).toBeUndefined();
});
