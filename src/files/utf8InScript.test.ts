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
