/** Our modules' messages are Russian sentences; a library's English message may merely quote a Russian name. */
export function isRussianMessage(m: string): boolean {
  const words = m.replace(/«[^»]*»/g, '').match(/[а-яё]{3,}/gi) ?? [];
  return words.length >= 3;
}

/** The error's own message when it is a Russian sentence, else `fallback` (never a stack or English text). */
export const russianOr = (e: unknown, fallback: string): string => {
  const m = e instanceof Error ? e.message : String(e);
  return isRussianMessage(m) ? m : fallback;
};
