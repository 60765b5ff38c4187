/**
 * File names for the blanks, one per unit: safe on Windows, macOS and Linux and in e-mail attachments. Cyrillic,
 * «№» and «» stay; path separators, reserved characters and control characters go; Windows' reserved device names
 * (CON, NUL, COM1…) and trailing dots are avoided; two units that come out the same get « (2)», « (3)».
 */
import { unitKey } from '../consolidate/names';

// eslint-disable-next-line no-control-regex -- control characters are what Windows forbids in file names
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Room for « (99)» and «.xlsx» within the 255 bytes most file systems allow (Cyrillic takes two bytes in UTF-8). */
const MAX_CHARS = 100;

/** A unit's name as a file name without extension; never empty. */
export function safeFileName(name: string, fallback = 'Организация'): string {
  let s = name
    .normalize('NFC')
    .replace(RESERVED_CHARS, ' ')
    // «..» left over from a path («../../x») means nothing in a name.
    .replace(/(^|\s)\.+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  if (s.length > MAX_CHARS) s = s.slice(0, MAX_CHARS).trim();
  s = s.replace(/[. ]+$/, '');
  if (!s) s = fallback;
  if (RESERVED_NAMES.test(s)) s = `_${s}`;
  return s;
}

/**
 * File names (with `extension`) for the units, in order, unique regardless of case (Windows and macOS do not tell
 * «Школа № 1» from «школа № 1»).
 */
export function uniqueFileNames(names: string[], extension = '.xlsx'): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = safeFileName(n);
    let candidate = `${base}${extension}`;
    for (let k = 2; used.has(candidate.toLowerCase()); k++) candidate = `${base} (${k})${extension}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * The units that get a blank (each once: two spellings of one unit are one unit to the merge, the first spelling
 * kept) with their file names, without building the blanks — the pane counts them on every keystroke and builds
 * one blank at a time.
 */
export function blankFilesFor(units: string[]): { unit: string; fileName: string }[] {
  const seen = new Set<string>();
  const list = units.map((u) => u.trim()).filter((u) => u && !seen.has(unitKey(u)) && seen.add(unitKey(u)));
  const names = uniqueFileNames(list);
  return list.map((unit, i) => ({ unit, fileName: names[i] }));
}
