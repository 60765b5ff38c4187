/**
 * A pure function of a text, remembering its answers: a region's thousand workbooks repeat the same header texts,
 * school names and partner names, and the reader and the merge ask about each of them again and again. Bounded, so
 * a file of unique texts cannot grow it without limit.
 */
const NOTHING: unique symbol = Symbol('nothing');

export function remembered<T>(answer: (text: string) => T, capacity = 20000): (text: string) => T {
  // `undefined` is stored as NOTHING so that a hit costs one lookup.
  const seen = new Map<string, T | typeof NOTHING>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined) return (hit === NOTHING ? undefined : hit) as T;
    const result = answer(text);
    if (seen.size >= capacity) seen.clear();
    seen.set(text, result === undefined ? NOTHING : result);
    return result;
  };
}

interface Remembered<T> {
  text: string;
  answer: T;
  next: Remembered<T> | undefined;
}

/** A number from the length and up to 16 characters spread over the text (its last 8 among them), below 2^30. */
export function sampleKey(text: string): number {
  const n = text.length;
  let h = n;
  const step = n > 8 ? ((n - 8) >> 3) + 1 : 1;
  for (let i = 0; i < n - 8; i += step) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  for (let i = Math.max(0, n - 8); i < n; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  // Thirty bits: a small integer to V8 (a wider one would be a heap number, made anew for every look-up).
  return h & 0x3fffffff;
}

/**
 * As `remembered`, for texts that are new strings each time they are asked about — a cell's raw text sliced from a
 * sheet's XML, a text SheetJS made: a Map keyed by such a text hashes all of it on every look-up (V8 keeps a hash
 * only on the string it computed it for), and an openpyxl workbook's 60,000 characters of `&#NNNN;` made that a
 * tenth of reading it. Here a text is looked up by its length and sixteen of its characters, then compared whole.
 * `keep` makes the text kept as the key: a copy of its own where it is a piece of something larger that must not
 * stay alive for it. (For texts asked about again as the same string — what these give back — plain `remembered`
 * is quicker: the hash V8 keeps makes its look-up cheaper than taking a sample; measured on the values-only set.)
 */
export function rememberedBySample<T>(answer: (text: string) => T, capacity = 20000, keep: (text: string) => string = (t) => t): (text: string) => T {
  const seen = new Map<number, Remembered<T>>();
  let size = 0;
  return (text) => {
    const key = sampleKey(text);
    for (let e = seen.get(key); e !== undefined; e = e.next) if (e.text === text) return e.answer;
    const result = answer(text);
    if (size >= capacity) {
      seen.clear();
      size = 0;
    }
    seen.set(key, { text: keep(text), answer: result, next: seen.get(key) });
    size++;
    return result;
  };
}
