/**
 * Grids passed from a reading thread to the thread that finds their forms, each text sent once. postMessage copies
 * every string afresh (the structured clone keeps no strings in common between messages): the values-only set's
 * 1,000 workbooks posted 264,000 texts of 10.9 million characters, 25 MB to copy twice — of 4,911 different texts.
 * The receiving side then held a new copy of each, hashed again at every memoised look-up (headerField & co.), and
 * collected them young. Sent once: a text goes by its number after its first message, and the receiver puts the
 * same string back wherever it stood: 6 MB posted instead of 25, and on the command line (values-only set, ten
 * alternated runs) the merge's CPU 4.3 → 4.0 s and its peak 228 → 206 MB.
 *
 * Messages of one sender must be taken in order (a port delivers them so), each by its own receiver, and every
 * message sent must arrive: one that could not be posted is taken back (`unsend`) before the next is made.
 */
import type { WorkbookGrid } from '../domain/grid';

/** What goes along with a grid whose texts were taken out: the new texts, and which text stood in each place. */
export interface SentTexts {
  /** Texts first sent in this message, numbered on from those sent before. */
  added: string[];
  /** The number of the text in each cell marked TEXT, sheet by sheet, row by row. */
  numbers: Uint32Array;
}

/**
 * Where a text stood. One object for all: the structured clone writes it once and every other cell as a reference
 * to it (two or three bytes), where a list of places took sixteen bytes a cell.
 */
const TEXT = Object.freeze({ text: true });
const isMarked = (v: unknown): boolean => typeof v === 'object' && v !== null;

/**
 * At most this many different texts numbered by a sender (and held by its receiver): past it, new texts stay in
 * their cells and go as before. Below 2,000 files (SPLIT_READING_BELOW) that is a few megabytes at most.
 */
const MOST_TEXTS = 100_000;

/** A reply as both hosts' reading threads post it: received files, or a grid with its texts going along. */
export interface ReplyWithTexts {
  result: unknown[] | { grid: WorkbookGrid };
  texts?: SentTexts;
}

/**
 * A sender: `send` takes the texts out of a grid; `unsend` forgets the texts a message that was never posted added;
 * `post` does both around posting a reply — what the reading threads use.
 */
export interface TextSender {
  send(grid: WorkbookGrid): SentTexts;
  unsend(sent: SentTexts): void;
  post<M extends ReplyWithTexts>(reply: M, postMessage: (reply: M) => void): void;
}

/**
 * The sender's side: takes the texts out of a grid — each cell marked — and numbers them. The grid is changed in
 * place: it is the sender's to give away.
 */
export function textSender(most = MOST_TEXTS): TextSender {
  const numbers = new Map<string, number>();
  // The numbers of a grid's texts, in a typed array reused from grid to grid (a plain array and
  // Uint32Array.from were a third of this function's time).
  let marked = new Uint32Array(1024);
  const send = (grid: WorkbookGrid): SentTexts => {
    const added: string[] = [];
    let count = 0;
    for (const sheet of grid.sheets)
      for (const row of sheet.cells) {
        if (!row) continue;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (typeof v !== 'string') continue;
          let n = numbers.get(v);
          if (n === undefined) {
            if (numbers.size >= most) continue;
            n = numbers.size;
            numbers.set(v, n);
            added.push(v);
          }
          (row as unknown[])[c] = TEXT;
          if (count === marked.length) {
            const larger = new Uint32Array(marked.length * 2);
            larger.set(marked);
            marked = larger;
          }
          marked[count++] = n;
        }
      }
    return { added, numbers: marked.slice(0, count) };
  };
  // The texts a message added were the last numbered: forgotten, the next message numbers them again.
  const unsend = (sent: SentTexts) => sent.added.forEach((t) => numbers.delete(t));
  const post = <M extends ReplyWithTexts>(reply: M, postMessage: (reply: M) => void) => {
    const sent = Array.isArray(reply.result) ? undefined : (reply.texts = send(reply.result.grid));
    try {
      postMessage(reply);
    } catch (e) {
      if (sent) unsend(sent);
      throw e;
    }
  };
  return { send, unsend, post };
}

/** The receiver's side: puts the texts back into the grid (in place) and returns it. */
export function textReceiver(): (grid: WorkbookGrid, sent: SentTexts) => WorkbookGrid {
  const texts: string[] = [];
  return (grid, sent) => {
    for (const t of sent.added) texts.push(t);
    const numbers = sent.numbers;
    let k = 0;
    for (const sheet of grid.sheets)
      for (const row of sheet.cells) {
        if (!row) continue;
        for (let c = 0; c < row.length; c++) if (isMarked(row[c])) row[c] = texts[numbers[k++]];
      }
    return grid;
  };
}
