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
