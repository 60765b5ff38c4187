import { utf8InScript } from './utf8InScript';

const decoder = new TextDecoder('utf-8');

test('school text decodes to what TextDecoder gives: ASCII, Cyrillic, signs, emoji, a byte order mark', () => {
  const texts = [
    '',
    '<row r="12"><c r="A12" t="s"><v>3</v></c></row>',
    'МБОУ «СОШ № 4» — Ёлкино, ё, Й',
    '€ 5 ‰ ≠ 440 ≠ 438; 👩‍🏫 учитель',
    'x'.repeat(20_000) + 'я'.repeat(9_000) + '€',
  ];
  for (const t of texts) {
    const bytes = new TextEncoder().encode(t);
    expect(utf8InScript(bytes)).toBe(t);
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(utf8InScript(withMark)).toBe(decoder.decode(withMark));
  }
  // Past the start, a byte order mark is a character, as TextDecoder keeps it.
  const inside = new TextEncoder().encode('а\uFEFFб');
  expect(utf8InScript(inside)).toBe(decoder.decode(inside));
});

test('malformed bytes give the replacement characters TextDecoder gives, wherever they fall', () => {
  let seed = 394;
  const next = () => (seed = (seed * 48271) % 2147483647);
  // Bytes near UTF-8's edges: leads, continuations, overlong and surrogate forms, cut sequences.
  const pool = [0x41, 0x3c, 0xd0, 0xb0, 0xd1, 0x8f, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0xef, 0xbb, 0xbf, 0xf0, 0x9f, 0xf4, 0x90, 0xf5, 0xff, 0x80, 0xbf];
  for (let k = 0; k < 3000; k++) {
    const bytes = Uint8Array.from({ length: next() % 24 }, () => pool[next() % pool.length]);
    expect([...bytes].join(' ') + ' → ' + utf8InScript(bytes)).toBe([...bytes].join(' ') + ' → ' + decoder.decode(bytes));
  }
});

test('long texts of markup and Cyrillic decode to what TextDecoder gives, across every run length and the pieces’ edges', () => {
  let seed = 2021;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const ascii = (n: number) => Array.from({ length: n }, (_, k) => String.fromCharCode(0x20 + ((k * 7 + n) % 95))).join('');
  const pieces = [() => ascii(next() % 70), () => 'я'.repeat(next() % 40), () => ' ', () => '№', () => '\u{1F469}', () => ascii(8190 + (next() % 5))];
  const malformed = [0xc0, 0xff, 0x80, 0xe2, 0x82];
  for (let k = 0; k < 400; k++) {
    const parts: Uint8Array[] = [];
    for (let m = next() % 12; m >= 0; m--) {
      parts.push(next() % 7 === 0 ? Uint8Array.of(malformed[next() % malformed.length]) : new TextEncoder().encode(pieces[next() % (k % 10 === 0 ? 6 : 5)]()));
    }
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    const got = utf8InScript(bytes);
    const want = decoder.decode(bytes);
    if (got !== want) expect(`case ${k}: ${JSON.stringify(got).slice(0, 200)}`).toBe(`case ${k}: ${JSON.stringify(want).slice(0, 200)}`);
  }
  // The codes filled to the last place by a short run, then Cyrillic: nothing lost at the edge.
  for (const before of [8160, 8170, 8190, 8191, 8192, 8193]) {
    const t = 'я'.repeat(before) + 'ab' + 'я'.repeat(50) + 'x'.repeat(31) + 'ё' + 'x'.repeat(32) + 'й';
    expect(utf8InScript(new TextEncoder().encode(t))).toBe(t);
  }
  // A whole sheet of markup without a letter of Cyrillic: made in pieces, not in one call of a million arguments.
  const markup = '<c r="A1" s="3"/>'.repeat(60_000);
  expect(utf8InScript(new TextEncoder().encode(markup))).toBe(markup);
});

test('school workbooks read with parts decoded by script (the season worker) read as with TextDecoder, which is left only small pieces', async () => {
  const { sampleSchoolWorkbooks } = await import('../domain/sample/schoolWorkbooks');
  const { writeXlsx } = await import('./xlsxWriter');
  const { decodePartsInScript, readWorkbookFile } = await import('./readWorkbook');
  const books = await Promise.all(
    sampleSchoolWorkbooks({ schools: 4, twice: false, broken: false, late: 0 })
      .files.filter((f) => f.workbook)
      .map(async (f) => ({ file: f.file, bytes: await writeXlsx(f.workbook!) })),
  );
  const before = books.map((b) => readWorkbookFile(b.bytes, b.file, { formulas: false }));
  decodePartsInScript();
  const decode = jest.spyOn(TextDecoder.prototype, 'decode');
  try {
    expect(books.map((b) => readWorkbookFile(b.bytes, b.file, { formulas: false }))).toEqual(before);
    // What is still TextDecoder's: a part's first bytes (its root tag) and names, never a part's text.
    expect(Math.max(...decode.mock.calls.map(([b]) => (b as Uint8Array | undefined)?.byteLength ?? 0))).toBeLessThanOrEqual(4096);
  } finally {
    decode.mockRestore();
  }
});
