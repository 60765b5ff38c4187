/**
 * A row's or a merged area's start tag read by the quick reader (plainAttribute) gives what the strict one (attrs)
 * gives — on the tags Excel and openpyxl write, and on thousands of random ones — or leaves the tag to it.
 */
import { attrs, NotHandled, plainAttribute, plainItemText, unescapeXml } from './xlsxText';
import { seededRandom } from '../domain/sample/municipality';

/** The strict reader's answer: the attribute, null when absent, 'refused' when it steps aside. */
function strict(tag: string, name: string): string | null {
  try {
    return attrs(tag)[name] ?? null;
  } catch (e) {
    if (e instanceof NotHandled) return 'refused';
    throw e;
  }
}

function quick(tag: string, element: string, name: string): string | null | undefined {
  return plainAttribute(tag, element.length + 1, tag.lastIndexOf('>'), name);
}

test('row and merged-area tags as Excel and openpyxl write them are read without the strict reader, to the same values', () => {
  const tags: [string, string, string, string | null][] = [
    ['<row r="12">', 'row', 'r', '12'],
    ['<row r="2" ht="19" customHeight="1" spans="1:27" x14ac:dyDescent="0.25">', 'row', 'r', '2'],
    ['<row spans="1:8" r="7"/>', 'row', 'r', '7'],
    ['<row ht="19">', 'row', 'r', null],
    ['<mergeCell ref="A1:H1"/>', 'mergeCell', 'ref', 'A1:H1'],
  ];
  for (const [tag, element, name, value] of tags) {
    expect(quick(tag, element, name)).toBe(value);
    expect(strict(tag, name)).toBe(value);
  }
});

test('tags written otherwise are left to the strict reader', () => {
  for (const tag of ['<row r="1" r="2">', '<row  r="1">', "<row r='1'>", '<row r="1" >', '<row r="&#49;">', '<row r="1" x="a&amp;b">', '<row r="_x0031_">', '<row r="1" x="<">', '<row\tr="1">', '<row r>'])
    expect(quick(tag, 'row', 'r')).toBeUndefined();
});

test('thousands of random tags: the quick reader agrees with the strict one wherever it answers', () => {
  const random = seededRandom(26);
  const pieces = [' ', ' ', 'r', 'ref', 'x14ac:dyDescent', 'a.b-c', '=', '"', '"', "'", '1', 'A1:B2', '&amp;', '_x0031_', '<', '\t', '/', 'é', '>'];
  let answered = 0;
  for (let n = 0; n < 20000; n++) {
    let body = '';
    for (let i = 0, length = Math.floor(random() * 14); i < length; i++) body += pieces[Math.floor(random() * pieces.length)];
    const tag = `<row${body}>`;
    if (tag.indexOf('>') !== tag.length - 1) continue; // the reader's tags end at their first `>`
    const got = quick(tag, 'row', 'r');
    if (got === undefined) continue;
    answered++;
    expect({ tag, got }).toEqual({ tag, got: strict(tag, 'r') });
  }
  expect(answered).toBeGreaterThan(200);
});

test('cell texts that differ in a single character, anywhere, are each read as themselves (the remembered texts are told apart)', () => {
  // openpyxl's way: every Cyrillic letter an entity. The remembered texts are found by a few characters of the raw
  // text and must then be compared whole.
  const title = '&#1057;&#1074;&#1086;&#1076;&#1085;&#1099;&#1081; &#1087;&#1083;&#1072;&#1085; 2023';
  const variants = [title];
  for (let i = 0; i < title.length; i++) variants.push(title.slice(0, i) + (title[i] === '9' ? '8' : '9') + title.slice(i + 1));
  for (const round of [1, 2])
    for (const raw of variants) expect({ round, raw, text: plainItemText(raw) }).toEqual({ round, raw, text: unescapeXml(raw) });
  expect(plainItemText(title)).toBe('Сводный план 2023');
});
