/**
 * Dates as the pane shows and takes them: дд.мм.гггг typed in a plain text field, whatever language the browser
 * or Office runs in (an <input type=date> parses by the browser's locale and gave «92023-09-13» for «01.09.2023»
 * in an English browser). Settings keep ISO dates.
 */

/** «2023-10-19» → «19.10.2023»; anything else is returned as it is. */
export function isoToDisplay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * «19.10.2023», «19.10.23»? no — a four-digit year only; also «19/10/2023», «19-10-2023» and ISO. Undefined when
 * the text is not a real calendar date.
 */
export function displayToIso(text: string): string | undefined {
  const t = text.trim();
  let d: number, m: number, y: number;
  const ru = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (ru) [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
