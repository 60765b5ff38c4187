/**
 * Asking V8 for a full garbage collection at a moment the program knows a lot has just become garbage. Node offers
 * no API for it: V8's --expose-gc flag, set at run time, installs `gc` in contexts made afterwards (Node's
 * v8.setFlagsFromString and vm), which is how this asks. Where that ever stops working, nothing is collected early
 * and the merge only uses more memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** Collects now; false when no collection could be asked for. */
export function collectGarbage(): boolean {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
  return collect !== null;
}
