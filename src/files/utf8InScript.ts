/**
 * UTF-8 decoded by script, to the very text TextDecoder gives: for the pane's season worker, which keeps every
 * school's forms and so collects its heap in full only every second or two. A text TextDecoder gives is the
 * browser's own string, handed to V8 as an external one and freed only by such a full collection: the parts the
 * season worker read itself (a third of a region's 5,000 files) kept 60–130 MB of them waiting at a time, the most
 * of the page's peak while reading (bench:pane, PANE_MEMDUMP: the buffer partition). A string made by script is
 * V8's own, and a short-lived one is freed by the next scavenge. Measured: the page's peak at 5,000 files
 * 540–590 → 484 MB, the merge no slower.
 *
 * ASCII and two-byte sequences (Cyrillic) are decoded here; any other sequence, well-formed or not, is handed to
 * TextDecoder alone, from its first byte to the next byte that cannot continue it — so a malformed sequence gives
 * the replacement characters TextDecoder gives within the whole text.
 */

/** For sequences alone: a byte order mark there is a character, as it is past the start of a text. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** UTF-16 code units gathered before they are made a string: a call's arguments, well under any engine's limit. */
const CODES = 8192;
const codes = new Uint16Array(CODES);
/** ASCII bytes in a row from which they are made a string on their own. */
const ASCII_RUN = 32;

export function utf8InScript(bytes: Uint8Array): string {
  let out = '';
  let n = 0;
  const flush = () => {
    out += String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
    n = 0;
  };
  // A byte order mark at the start is dropped, as TextDecoder drops it.
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < bytes.length; ) {
    const c = bytes[i];
    if (c < 0x80) {
      // A run of ASCII (markup between texts): a long one is made a string straight from the bytes, not byte by byte
      // into the codes (1.5–1.8× faster on a sheet of markup); a short one (a space between Cyrillic words) joins them.
      let end = i + 1;
      const stop = Math.min(bytes.length, i + CODES);
      while (end < stop && bytes[end] < 0x80) end++;
      if (end - i >= ASCII_RUN) {
        if (n) flush();
        out += String.fromCharCode.apply(null, bytes.subarray(i, end) as unknown as number[]);
      } else {
        if (n + (end - i) > CODES) flush();
        for (let k = i; k < end; k++) codes[n++] = bytes[k];
        if (n === CODES) flush();
      }
      i = end;
      continue;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < bytes.length && (bytes[i + 1] & 0xc0) === 0x80) {
      codes[n++] = ((c & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else {
      if (n) flush();
      let end = i + 1;
      while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end++;
      out += decoder.decode(bytes.subarray(i, end));
      i = end;
      continue;
    }
    if (n === CODES) flush();
  }
  if (n) flush();
  return out;
}
