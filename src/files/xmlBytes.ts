/**
 * A part's XML written straight as UTF-8 bytes, for the sheets' rows (xlsxSheet.ts): a cell is tags, its address,
 * its style's number and its value's or shared string's number — all ASCII — so it is written byte by byte, where
 * building it as text made seven bytes of short-lived strings for each byte of XML and encoded it all again
 * (the Свод of 1,000 schools: 130 MB of strings for 19 MB of XML; `--cpu-prof`, bench/).
 *
 * Handed on in pieces: `piece()` gives what was written since the last one. Two buffers take turns, so a piece may
 * still be held (the writer keeps one back to mark the part's last) while the next is written; by the time a buffer
 * is written again, its piece was pushed to the deflater, which copies what it keeps (xlsxDeflate.ts).
 */
export class XmlBytes {
  private readonly buffers: Uint8Array[];
  private turn = 0;
  private bytes: Uint8Array;
  /** Bytes written since the last piece. */
  length = 0;
  private readonly encoder = new TextEncoder();
  constructor(capacity = 80 * 1024) {
    this.buffers = [new Uint8Array(capacity), new Uint8Array(capacity)];
    this.bytes = this.buffers[0];
  }
  /** Room for `n` more bytes: a larger buffer (the piece so far copied over) when the row or tail is long. */
  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const larger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    larger.set(this.bytes.subarray(0, this.length));
    this.bytes = this.buffers[this.turn] = larger;
  }
  /** Text known to be ASCII: tags, attribute names, column letters, numbers as JavaScript writes them. */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.bytes;
    let n = this.length;
    for (let i = 0; i < s.length; i++) b[n++] = s.charCodeAt(i);
    this.length = n;
  }
  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.length += this.encoder.encodeInto(s, this.bytes.subarray(this.length)).written;
  }
  /** A whole number from 0 to 2^31 − 1, in digits (as `${v}` writes it). */
  count(v: number): void {
    this.room(10);
    const b = this.bytes;
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    let n = (this.length += digits);
    do {
      b[--n] = 48 + (v % 10);
      v = (v / 10) | 0;
    } while (v > 0);
  }
  /** What was written since the last piece; what follows is written into the other buffer. */
  piece(): Uint8Array {
    const out = this.bytes.subarray(0, this.length);
    this.turn ^= 1;
    this.bytes = this.buffers[this.turn];
    this.length = 0;
    return out;
  }
}
