/**
 * When a report was received, and how sure the merge can be of it. A letter's date is a receipt; a date the
 * coordinator gives (typed into «Получен» of «Реестр отчётов», or a dates file on the command line) is one too. A
 * file's modification time is only where nothing better is known: saving an attachment sets it to the moment of
 * saving, which is never earlier than the receipt — so a modification time on or before the deadline proves the
 * report came in time, and one after it proves nothing. The merge says «с опозданием» on a modification time only
 * when it does not look like a save (see `dateDoubts`); otherwise the report's timeliness is «срок не подтверждён»
 * and the coordinator is told how to confirm it.
 */
import { reportsOf, type ReadWorkbook } from '../report';
import { formatReceived, parseReceived } from './cells';
import { unitKey } from './names';
import { isUnreadable, type DateSource, type GivenDate, type ReceivedFile } from './mergeTypes';

export type { GivenDate } from './mergeTypes';

/** Files modified no further apart than this, one after another, were saved together (10 minutes). */
export const ONE_SAVE_GAP_MS = 10 * 60_000;
/** A cluster this large after the deadline is a save, not schools late one after another (or all the files). */
export const ONE_SAVE_MIN_FILES = 3;

/** What the coordinator is told to do about dates that look like a save. */
export const CONFIRM_DATES =
  'сведите сами письма (.eml, .msg, папку почты) — дата возьмётся из письма, — или впишите дату получения в столбец «Получен» листа «Реестр отчётов» и сведите ещё раз (в командной строке — файл дат --dates)';

/** The date's source as the register names it («Откуда дата»), read back by `sourceOfRegisterText`. */
export const DATE_SOURCE_TITLE: Record<DateSource, string> = {
  message: 'дата письма',
  modified: 'время изменения файла',
  manual: 'указана вручную',
};

/**
 * «Откуда дата» of a file's line: the source, and for a date the merge found itself the date as written — so a
 * date typed over it in «Получен» is told from it on the next merge.
 */
export function registerSourceText(source: DateSource | undefined, received: string): string {
  const s = source ?? 'modified';
  return s === 'manual' ? DATE_SOURCE_TITLE.manual : `${DATE_SOURCE_TITLE[s]} ${formatReceived(received)}`;
}

/**
 * Back from «Получен» and «Откуда дата» of an earlier register: the date and where it came from. A date that differs
 * from the one the merge wrote beside its source was typed by the coordinator: `manual`. A register without the
 * column (written before it) gives no source: the date stays as read, its source unknown.
 */
export function sourceOfRegisterText(received: string, sourceText: string | undefined): DateSource | undefined {
  if (sourceText === undefined) return undefined;
  const t = sourceText.trim().toLowerCase();
  if (t.startsWith(DATE_SOURCE_TITLE.manual)) return 'manual';
  for (const s of ['message', 'modified'] as const) {
    if (!t.startsWith(DATE_SOURCE_TITLE[s])) continue;
    const written = parseReceived(t.slice(DATE_SOURCE_TITLE[s].length));
    return written && written !== received ? 'manual' : s;
  }
  // The coordinator cleared or rewrote the source: the date in «Получен» is theirs.
  return 'manual';
}

/** «18.10.2023», «18.10.2023 14:05», «2023-10-18», «2023-10-18 14:05» → ISO; null when not a real date. */
export function parseGivenDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t) ?? /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{1,2}):(\d{2}))?$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = t.includes('.') ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]];
  const h = m[4] === undefined ? 0 : +m[4];
  const mi = m[5] === undefined ? 0 : +m[5];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}`;
}

/**
 * The lines of a dates file, already split into cells (csv, `;`, tab): name, date. Blank lines, lines starting
 * with «#» and a first line of titles («Файл;Дата») are passed over; every other line must hold a name and a date,
 * or it is named in `errors` (Russian, with its line number).
 */
export function parseGivenDates(rows: string[][]): { dates: GivenDate[]; errors: string[] } {
  const dates: GivenDate[] = [];
  const errors: string[] = [];
  rows.forEach((row, i) => {
    const cells = row.map((c) => String(c ?? '').trim());
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    const line = i + 1;
    if (cells.length === 0 || cells[0].startsWith('#')) return;
    const [name, date, ...rest] = cells;
    if (i === 0 && date !== undefined && parseGivenDate(date) === null && /дата|date|получен/i.test(date)) return;
    if (!name) return void errors.push(`строка ${line}: не указано имя файла или организации (первый столбец пуст)`);
    if (date === undefined || date === '') return void errors.push(`строка ${line}: для «${name}» не указана дата (второй столбец, дд.мм.гггг или дд.мм.гггг чч:мм)`);
    const received = parseGivenDate(date);
    if (!received) return void errors.push(`строка ${line}: «${date}» — не дата; пишите дд.мм.гггг или дд.мм.гггг чч:мм, например 18.10.2023 14:05`);
    if (rest.some((c) => c !== '')) return void errors.push(`строка ${line}: лишние столбцы после даты («${rest.filter(Boolean).join('», «')}»): в строке должны быть только имя и дата`);
    const same = dates.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (same && same.received !== received) return void errors.push(`строка ${line}: для «${name}» дата уже указана в строке ${same.line}, и другая`);
    if (!same) dates.push({ name, received, line });
  });
  return { dates, errors };
}

const baseName = (file: string) => file.replace(/^.*[\\/]/, '');
const withoutExtension = (name: string) => name.replace(/\.[^.]+$/, '');

/** Keys of the units a received workbook names (its forms' headers and its table rows). */
function unitKeysOf(read: ReadWorkbook): Set<string> {
  const out = new Set<string>();
  const add = (u: string | undefined | null) => {
    if (u && u.trim()) out.add(unitKey(u));
  };
  for (const r of reportsOf(read)) {
    add(r.report?.header.unit);
    add(r.plan?.header.unit);
    for (const p of r.report?.participation ?? []) add(p.unit.value);
  }
  for (const m of read.monitoring?.rows ?? []) add(m.unit.value);
  return out;
}

/**
 * The dates given by hand put on the files they name: a file by its name (with or without the folder and the
 * extension), or every file of a unit by the unit's name. A name matching a file wins over a unit of that name.
 * Returns the files (dated `manual`) and the given dates that matched nothing.
 */
export function applyGivenDates(files: ReceivedFile[], given: GivenDate[]): { files: ReceivedFile[]; unmatched: GivenDate[] } {
  if (given.length === 0) return { files, unmatched: [] };
  const used = new Set<GivenDate>();
  const byName = (f: ReceivedFile) => {
    const names = [f.file, baseName(f.file), withoutExtension(baseName(f.file))].map((n) => n.toLowerCase());
    return given.find((g) => names.includes(g.name.toLowerCase()));
  };
  const out = files.map((f) => {
    let g = byName(f);
    if (!g && !isUnreadable(f)) {
      const keys = unitKeysOf(f.read);
      g = given.find((x) => keys.has(unitKey(x.name)));
    }
    if (!g) return f;
    used.add(g);
    return { ...f, received: g.received, dateSource: 'manual' as const };
  });
  return { files: out, unmatched: given.filter((g) => !used.has(g)) };
}

/** The moment an ISO local date-time names, in ms, for distances only (both sides read the same way). */
const at = (iso: string) => Date.parse(`${iso.slice(0, 16)}:00Z`);

/**
 * Which files' dates look like a save rather than a receipt, each with the reason (Russian); the others undefined.
 * Only a modification time after the deadline is in doubt (one on or before it proves the report came in time):
 * - saved together: such files modified one after another no more than ONE_SAVE_GAP_MS apart, at least
 *   ONE_SAVE_MIN_FILES of them or every file dated by modification time — attachments saved or a folder copied;
 * - after the earlier merge: modified together with a file the earlier merge into this workbook already had, whose
 *   modification time is later than the date that merge recorded — the folder was saved or copied again since.
 * `modifiedAgain` holds those files' modification times (their dates stay the recorded ones).
 */
export function dateDoubts(files: ReceivedFile[], deadline: string | undefined, modifiedAgain: string[] = []): (string | undefined)[] {
  const out: (string | undefined)[] = files.map(() => undefined);
  if (!deadline) return out;
  const byModification = files
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => (f.dateSource ?? 'modified') === 'modified' && !f.notReport && !(!isUnreadable(f) && f.undated));
  const late = byModification.filter(({ f }) => f.received.slice(0, 10) > deadline.slice(0, 10)).sort((a, b) => at(a.f.received) - at(b.f.received));
  // Chains of files each within ONE_SAVE_GAP_MS of the one before.
  const chains: (typeof late)[] = [];
  for (const x of late) {
    const chain = chains[chains.length - 1];
    if (chain && at(x.f.received) - at(chain[chain.length - 1].f.received) <= ONE_SAVE_GAP_MS) chain.push(x);
    else chains.push([x]);
  }
  for (const chain of chains) {
    if (chain.length < ONE_SAVE_MIN_FILES && !(chain.length >= 2 && chain.length === byModification.length)) continue;
    const from = formatReceived(chain[0].f.received);
    const to = formatReceived(chain[chain.length - 1].f.received);
    const span = from === to ? `в ${from}` : `с ${from} по ${to}`;
    for (const { i } of chain)
      out[i] = `дата получения не подтверждена: это время изменения файла, а ${chain.length} файлов изменены одновременно (${span}), после срока — так бывает, когда вложения сохраняют или папку копируют; ${CONFIRM_DATES}`;
  }
  const again = modifiedAgain.map(at);
  for (const { f, i } of late) {
    if (out[i] || !again.some((t) => Math.abs(t - at(f.received)) <= ONE_SAVE_GAP_MS)) continue;
    out[i] = `дата получения не подтверждена: файл изменён вместе с файлами, которые прежний свод в эту книгу уже получил раньше, — похоже, папку сохранили или скопировали заново; ${CONFIRM_DATES}`;
  }
  return out;
}
