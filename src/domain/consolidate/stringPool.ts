/**
 * One copy of each repeated text across thousands of received files. Every school's forms hold the same cell
 * addresses («E13»), dates, levels and partner names, and each file read (or passed from a worker thread) brings
 * its own copies: at 5,000 schools the duplicates alone were about 70 MB of the merge's memory.
 */
export interface StringPool {
  /** The value with its texts replaced, in place, by the pool's copies. */
  share<T>(value: T): T;
}

/** Texts longer than this are rarely repeated (notes, long lists): not worth a lookup. */
const LONGEST = 160;

export function stringPool(capacity = 500_000): StringPool {
  const pool = new Map<string, string>();
  const text = (s: string): string => {
    if (s.length > LONGEST) return s;
    const hit = pool.get(s);
    if (hit !== undefined) return hit;
    // Full: new texts are kept as they are (only the duplicates already seen are shared).
    if (pool.size < capacity) pool.set(s, s);
    return s;
  };
  const walk = (v: object): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') v[i] = text(x);
        else if (typeof x === 'object' && x !== null) walk(x);
      }
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'string') o[k] = text(x);
      else if (typeof x === 'object' && x !== null) walk(x);
    }
  };
  return {
    share<T>(value: T): T {
      if (typeof value === 'object' && value !== null) walk(value);
      return value;
    },
  };
}
