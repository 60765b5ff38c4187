/**
 * One copy of each repeated text, and of each repeated read value, across thousands of received files. Every
 * school's forms hold the same cell addresses («E13»), dates, levels and partner names, and each file read (or
 * passed from a worker thread) brings its own copies: at 5,000 schools the duplicated texts alone were about 70 MB
 * of the merge's memory. Then the values: a form's fields are read as `{ value, cell }` (readValue.ts), two hundred
 * a school, and most are the same as another school's — the same cell, empty or the same count — so each such value
 * is kept once too: about half of what is kept a file (Node, 1,000 school workbooks cloned as the pane's workers send
 * them: 22 → 11 KB), and the pane's peak at 5,000 schools ~40 MB lower (`npm run bench:pane`).
 *
 * What is kept must not change afterwards (nothing changes a value once its file is read): a shared value is
 * every file's that holds it.
 */
/**
 * From this many files on, both hosts keep received files through a pool: below it a merge stays well under its
 * memory (the command line's 1,000 schools peak ~200 MB, the pane's ~300–340 MB) and sharing costs more than it saves
 * — in the pane's season worker, the thread that also finds the forms, ~0.2 s of 1,000 schools (Node, 1,002 files as
 * a worker's replies bring them).
 */
export const SHARE_FROM_FILES = 2000;

export interface StringPool {
  /** The value with its texts and read values replaced, in place, by the pool's copies. */
  share<T>(value: T): T;
}

/** Texts longer than this are rarely repeated (notes, long lists): not worth a lookup. */
const LONGEST = 160;

/** A plan's dates as read (report.ts DateRange): two ISO dates. */
interface Dates {
  from: string;
  to: string;
}

/**
 * A read value whose value is a number, a text, dates or none: `{ value, cell }`, `interpreted` when there is one.
 * Lists (partners' names) are each file's own.
 */
interface PlainRead {
  value: string | number | boolean | null | Dates;
  cell: string;
  interpreted?: string;
}

/** What `walk` found an object to be. */
const OTHER = 0;
const READ = 1;
const DATES = 2;

const plain = (x: unknown): x is string | number | boolean | null => x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';

export function stringPool(capacity = 500_000): StringPool {
  const pool = new Map<string, string>();
  // cell → value → read; reads with `interpreted` keyed by it under their value. Dates apart, keyed by their text.
  const reads = new Map<string, Map<unknown, PlainRead | Map<string, PlainRead>>>();
  const datesReads = new Map<string, Map<unknown, PlainRead | Map<string, PlainRead>>>();
  let size = 0;
  // Room for one more read value, taken; none once full (new values are then kept as they are).
  const room = () => size < capacity && ++size > 0;
  const text = (s: string): string => {
    if (s.length > LONGEST) return s;
    const hit = pool.get(s);
    if (hit !== undefined) return hit;
    // Full: new texts are kept as they are (only the duplicates already seen are shared).
    if (pool.size < capacity) pool.set(s, s);
    return s;
  };
  const read = (r: PlainRead): PlainRead => {
    // −0 would be taken for 0 (a Map's keys): kept as it is.
    if (Object.is(r.value, -0)) return r;
    const dates = typeof r.value === 'object' && r.value !== null ? r.value : undefined;
    const key: unknown = dates ? `${dates.from}/${dates.to}` : r.value;
    const byCell = dates ? datesReads : reads;
    let byValue = byCell.get(r.cell);
    if (!byValue) {
      if (size >= capacity) return r;
      byCell.set(r.cell, (byValue = new Map()));
    }
    const found = byValue.get(key);
    if (r.interpreted === undefined) {
      if (found === undefined) {
        if (room()) byValue.set(key, r);
        return r;
      }
      if (!(found instanceof Map)) return found;
      const hit = found.get('');
      if (hit) return hit;
      if (room()) found.set('', r);
      return r;
    }
    // With what the cell said: under the value, by that text ('' stands for none, as `interpreted` is never '').
    let byText: Map<string, PlainRead>;
    if (found instanceof Map) byText = found;
    else {
      if (size >= capacity) return r;
      byText = new Map();
      if (found) byText.set('', found);
      byValue.set(key, byText);
    }
    const hit = byText.get(r.interpreted);
    if (hit) return hit;
    if (room()) byText.set(r.interpreted, r);
    return r;
  };
  /**
   * Shares the texts and read values under `v`; what `v` is — a read value (only `value`, `cell` and `interpreted`,
   * the value a number, text, dates or none), dates (only `from` and `to`, texts) or other — found on the way at no
   * extra cost.
   */
  const walk = (v: object): number => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') v[i] = text(x);
        else if (typeof x === 'object' && x !== null && walk(x) === READ) v[i] = read(x as PlainRead);
      }
      return OTHER;
    }
    const o = v as Record<string, unknown>;
    let isRead = true;
    let isDates = true;
    let keys = 0;
    for (const k in o) {
      keys++;
      const x = o[k];
      let kind = OTHER;
      if (typeof x === 'string') o[k] = text(x);
      else if (typeof x === 'object' && x !== null && (kind = walk(x)) === READ) o[k] = read(x as PlainRead);
      if (isRead && !(k === 'cell' ? typeof x === 'string' : k === 'value' ? plain(x) || kind === DATES : k === 'interpreted' && typeof x === 'string' && x !== '')) isRead = false;
      if (isDates && !((k === 'from' || k === 'to') && typeof x === 'string')) isDates = false;
    }
    if (isDates && keys === 2) return DATES;
    return isRead && keys >= 2 && 'value' in o && 'cell' in o ? READ : OTHER;
  };
  return {
    share<T>(value: T): T {
      if (typeof value === 'object' && value !== null) walk(value);
      return value;
    },
  };
}
