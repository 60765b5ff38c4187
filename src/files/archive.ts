/**
 * A zip archive of reports (a school's zip, a methodologist's zip of several schools): the files in it with their
 * names. Checked first by the same guards as a workbook (guards.ts `checkZip`: the encryption flag, sizes and
 * ratios declared, the real inflated sizes under caps), so a bomb never gets past here; each part is then taken
 * from the bytes the guard already inflated (command line) or inflated with pako, which the pane already ships.
 * fflate and JSZip are installed too; neither decodes cp866 names nor lets the guard's caps and inflater be
 * shared, so they are not used for this. No fs, no DOM.
 */
import { pako } from './pakoOnDemand';
import { checkZip, packedPart, type ZipEntry } from './guards';
import { isSystemLitter } from './systemLitter';

export interface ArchivedFile {
  /** The path inside the archive, as the school's archiver wrote it (folders kept, «/»-separated). */
  name: string;
  bytes: Uint8Array;
}

/** Latin, Cyrillic, digits, spaces and the punctuation of file names: what a sensible name is made of. */
const PLAIN_NAME = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{N}\p{Zs}\p{P}\p{S}]*$/u;

/**
 * The entry's name: the UTF-8 flag (bit 11) or Info-ZIP's Unicode Path field say UTF-8; without them Windows'
 * own «Send to → Compressed folder» writes the OEM code page, cp866 for Russian. macOS's Archive Utility writes
 * UTF-8 without the flag, so a name that is valid UTF-8 and reads as ordinary letters is taken as UTF-8.
 */
export function entryName(e: ZipEntry): string {
  if (e.unicodePath) return e.unicodePath;
  const raw = e.nameBytes;
  if (!raw || e.flags & 0x0800 || raw.every((b) => b < 0x80)) return e.name;
  try {
    const utf8 = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    if (PLAIN_NAME.test(utf8)) return utf8;
  } catch {
    // not UTF-8: the OEM code page
  }
  return new TextDecoder('ibm866').decode(raw);
}

/**
 * The files of an archive, folders and the system's litter (__MACOSX, Thumbs.db, .DS_Store) left out. Throws the
 * guards' GuardRefusal (bomb, too large, encrypted, damaged) for the caller to word.
 */
export function archivedFiles(bytes: Uint8Array): ArchivedFile[] {
  const entries = checkZip(bytes);
  const out: ArchivedFile[] = [];
  for (const e of entries) {
    const name = entryName(e).replace(/\\/g, '/');
    if (name.endsWith('/')) continue;
    const steps = name.split('/');
    if (steps.slice(0, -1).some((s) => isSystemLitter(s, true)) || isSystemLitter(steps[steps.length - 1])) continue;
    const data = e.inflated ?? (e.method === 0 ? packedPart(bytes, e) : pako().inflateRaw(packedPart(bytes, e)));
    out.push({ name: steps.filter((s) => s && s !== '.' && s !== '..').join('/'), bytes: data });
  }
  return out;
}
