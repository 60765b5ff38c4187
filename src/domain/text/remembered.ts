/**
 * A pure function of a text, remembering its answers: a region's thousand workbooks repeat the same header texts,
 * school names and partner names, and the reader and the merge ask about each of them again and again. Bounded, so
 * a file of unique texts cannot grow it without limit.
 *
 * Looked up by the text's length and sixteen of its characters, then compared whole: a Map keyed by the text itself
 * hashes every character of it whenever the string is a new one (each file's cells are, read by SheetJS or sliced
 * from a sheet's XML), and V8 keeps a string's hash only on the string — hashing long headers and partner lists was
 * most of what remembering cost (CPU profiles of .ods and openpyxl sets). Equal texts compare quickly either way.
 */
interface Remembered<T> {
  text: string;
  answer: T;
  next: Remembered<T> | undefined;
}

/** A number from the length and up to 16 characters spread over the text (its last 8 among them). */
export function sampleKey(text: string): number {
  const n = text.length;
  let h = n;
  const step = n > 8 ? ((n - 8) >> 3) + 1 : 1;
  for (let i = 0; i < n - 8; i += step) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  for (let i = Math.max(0, n - 8); i < n; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * `answer` remembered for up to `capacity` texts (then forgotten all at once). `keep` makes the text kept as the
 * key: a copy of its own where the text is a piece of something larger that must not stay alive for it.
 */
export function remembered<T>(answer: (text: string) => T, capacity = 20000, keep: (text: string) => string = (t) => t): (text: string) => T {
  const seen = new Map<number, Remembered<T>>();
  let size = 0;
  return (text) => {
    const key = sampleKey(text);
    const first = seen.get(key);
    for (let e = first; e !== undefined; e = e.next) if (e.text === text) return e.answer;
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
