/** Small cell-text conventions of the consolidated sheets, shared so the register can be read back. */

/** Excel keeps at most 32 767 characters in a cell; a longer list is cut with a note rather than refused. */
export const MAX_CELL_TEXT = 32767;

export function clipText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  const note = ' … (список сокращён: полный — на листе «Партнёры»)';
  return s.slice(0, MAX_CELL_TEXT - note.length) + note;
}

export const yesNo = (b: boolean | null): string => (b === null ? '' : b ? 'да' : 'нет');

/**
 * «В срок» of a report whose date after the deadline is a save's, not a receipt's (organisations.ts «срок не
 * подтверждён»): neither «да» nor «нет» nor empty (no deadline), so «Показатели» can tell it as the pane does.
 */
export const ON_TIME_UNCONFIRMED = 'не подтверждён';

/**
 * When a file was received, from its modification time: local date and time to the minute, no zone — what the
 * coordinator saw, what the register shows and reads back, so a merge repeated over its own output compares like
 * with like. The one helper for the pane and the command line.
 */
export function receivedIso(time: number | Date): string {
  const d = new Date(time);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** «18.10.2023 14:05» from «2023-10-18T14:05[:ss]»; a bare date stays a date. */
export function formatReceived(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

/** Back from «18.10.2023 14:05» (or ISO) to «2023-10-18T14:05»; null when it is neither. */
export function parseReceived(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}T${(m[4] ?? '00').padStart(2, '0')}:${m[5] ?? '00'}`;
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}`;
  return null;
}
