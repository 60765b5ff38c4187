/** Dates as Russian documents write them: «13 октября 2023 г.», ranges «с 19 сентября по 13 октября 2023 г.». */
import { remembered } from './remembered';

// Made when first needed (list.ts says why).
let long: Intl.DateTimeFormat | undefined;
let dayMonth: Intl.DateTimeFormat | undefined;

const parseIso = (iso: string): Date => {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`Неверная дата: «${iso}». Ожидалась дата в виде ГГГГ-ММ-ДД.`);
  return d;
};

// Remembered: Intl's formatting costs tens of microseconds a call, and a merge of a thousand plans words the same
// campaign window and event dates over and over (~0.2 s of 1,000 files' reading, profiled).
const longDate = remembered(
  (iso) => (long ??= new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(parseIso(iso)).replace(/\s/g, '\u00a0'),
  5000,
);
const dayMonthDate = remembered(
  (iso) => (dayMonth ??= new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' })).format(parseIso(iso)).replace(/\s/g, '\u00a0'),
  5000,
);

/** «13 октября 2023 г.» from an ISO date. */
export function formatDate(iso: string): string {
  return longDate(iso);
}

/** «с 19 сентября по 13 октября 2023 г.»; the year is printed once when both dates share it. */
export function formatDateRange(fromIso: string, toIso: string): string {
  const sameYear = fromIso.slice(0, 4) === toIso.slice(0, 4);
  const from = sameYear ? dayMonthDate(fromIso) : formatDate(fromIso);
  return `с ${from} по ${formatDate(toIso)}`;
}
