/**
 * The XML text of a workbook's parts as the fast .xlsx reader (xlsxValues.ts) needs it: entities and Excel's escapes
 * decoded exactly as SheetJS decodes them, a start tag's attributes read strictly, a string item's text.
 */

import { rememberedBySample } from '../domain/text/remembered';

/** Not handled here: the caller reads the file with SheetJS instead. The message says what was not handled. */
export class NotHandled extends Error {}

/** The end of an element name, as a regular expression's \b sees it (SheetJS finds tags so; damaged files agree). */
export const isNameEnd = (c: number) => !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);

/** `_xHHHH_` (OOXML's escape for control characters) and XML's entities, as SheetJS decodes them. */
const NAMED_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/**
 * XML's entities (`&amp;`, `&#1055;`, `&#x41F;`) and then Excel's `_xHHHH_` escapes, exactly as SheetJS decodes
 * them. A scan over the characters rather than a replace with a callback: some writers (openpyxl among them) store
 * every Cyrillic letter of an inline string as `&#1055;`, and the callback per letter was the costliest step of
 * reading such a school's workbook (twice as slow as this).
 */
export function unescapeXml(s: string): string {
  let out = s;
  if (s.indexOf('&') >= 0) {
    const codes: number[] = [];
    for (let i = 0; i < s.length; ) {
      const c = s.charCodeAt(i);
      if (c !== 38 /* & */) {
        codes.push(c);
        i++;
        continue;
      }
      let j = i + 1;
      if (s.charCodeAt(j) === 35 /* # */) {
        const hex = s.charCodeAt(++j) === 120; /* x */
        if (hex) j++;
        const start = j;
        let cp = 0;
        for (; ; j++) {
          const d = s.charCodeAt(j);
          const digit = d >= 48 && d <= 57 ? d - 48 : hex && d >= 97 && d <= 102 ? d - 87 : hex && d >= 65 && d <= 70 ? d - 55 : -1;
          if (digit < 0) break;
          cp = cp * (hex ? 16 : 10) + digit;
        }
        if (j > start && s.charCodeAt(j) === 59 /* ; */) {
          if (cp > 0x10ffff) String.fromCodePoint(cp); // throws, as SheetJS's decoding does
          if (cp > 0xffff) codes.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 1023));
          else codes.push(cp);
          i = j + 1;
          continue;
        }
      } else {
        const semi = s.indexOf(';', j);
        const named = semi > 0 && semi - j <= 4 ? NAMED_ENTITIES[s.slice(i, semi + 1)] : undefined;
        if (named !== undefined) {
          codes.push(named.charCodeAt(0));
          i = semi + 1;
          continue;
        }
      }
      codes.push(c);
      i++;
    }
    out = '';
    for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.slice(k, k + 8192));
  }
  if (out.indexOf('_x') < 0) return out;
  return out.replace(/_x([\da-fA-F]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE = /\s+([\w:.-]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*\/?>$/y;

/**
 * A start tag's attributes. Strict on purpose: a tag that is not well formed (an attribute without a value,
 * unpaired quotes, the same attribute twice, a stray `<`) is damage, and where SheetJS would read such a tag
 * one way or another this reader steps aside rather than guess (test/readers.agree.test.ts).
 */
export function attrs(tag: string): Record<string, string> {
  let i = 1;
  const isNameChar = (c: number) => !isNameEnd(c) || c === 58 /* : */;
  while (i < tag.length && isNameChar(tag.charCodeAt(i))) i++;
  const out: Record<string, string> = Object.create(null);
  ATTRIBUTE.lastIndex = i;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    if (m[1] in out) throw new NotHandled('повтор атрибута');
    out[m[1]] = unescapeXml(m[2] ?? m[3]);
    i = ATTRIBUTE.lastIndex;
  }
  TAG_END.lastIndex = i;
  if (!TAG_END.test(tag)) throw new NotHandled('повреждённый тег');
  return out;
}


const isPlainNameChar = (c: number) => !isNameEnd(c) || c === 58 /* : */ || c === 46 /* . */ || c === 45 /* - */;
/** The names of the tag plainAttribute is reading (reused: no array a tag). */
const plainNames: string[] = [];

/**
 * Attribute `wanted` of a start tag written plainly — ` name="value"` pairs, one space before each, double quotes,
 * no entity or escape, no `<`, no name twice, then `>` or `/>` — read without a regular expression or a new object (`from`:
 * just past the element's name; `gt`: its `>`): the value, or null when the tag has no such attribute. Undefined for
 * any other tag: attrs reads it, strictly, as before. Where this answers, attrs would give the same value.
 */
export function plainAttribute(tag: string, from: number, gt: number, wanted: string): string | null | undefined {
  let value: string | null = null;
  plainNames.length = 0;
  for (let i = from; ; ) {
    if (i === gt || (i + 1 === gt && tag.charCodeAt(i) === 47) /* / */) return value;
    if (tag.charCodeAt(i) !== 32 /* space */) return undefined;
    let eq = i + 1;
    while (eq < gt && isPlainNameChar(tag.charCodeAt(eq))) eq++;
    if (eq === i + 1 || tag.charCodeAt(eq) !== 61 /* = */ || tag.charCodeAt(eq + 1) !== 34 /* " */) return undefined;
    const close = tag.indexOf('"', eq + 2);
    if (close < 0 || close >= gt) return undefined;
    for (let k = eq + 2; k < close; k++) {
      const c = tag.charCodeAt(k);
      if (c === 38 /* & */ || c === 60 /* < */) return undefined;
    }
    const name = tag.slice(i + 1, eq);
    if (plainNames.includes(name)) return undefined; // twice: damage, which attrs refuses
    plainNames.push(name);
    if (name === wanted) value = tag.slice(eq + 2, close);
    i = close + 1;
    if (value !== null && value.indexOf('_x') >= 0) return undefined; // Excel's escape, which attrs decodes
  }
}

/** The element's prefix as the part uses it (`x:` in files the OpenXML SDK writes, none in Excel's). */
export function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>]`).exec(xml);
  if (!m) throw new NotHandled('нет корневого тега');
  return m[1] ?? '';
}

/**
 * The text as a string of its own. A piece of a part's text (a slice) keeps the whole part alive in V8 for as long
 * as the piece lives — every sheet's XML behind a merge's thousands of received values (82 MB at 5,000 schools).
 * Short strings are copied anyway; a longer one is copied by flattening a concatenation.
 */
export const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/**
 * A string item's text as a cell holds it: references and escapes decoded, Excel's \r\n line breaks as \n.
 * Remembered by the raw text (`rememberedBySample`, remembered.ts): every school's workbook repeats the forms'
 * long titles, and decoding them (openpyxl writes each Cyrillic letter as `&#NNNN;`) cost several times the lookup.
 * The key is a copy of its own, so the table never holds a sheet's XML alive.
 */
const decodedText = rememberedBySample((raw: string): string => own(unescapeXml(raw).replace(/\r\n/g, '\n')), 20000, own);

/**
 * The text of a string item that is one `<t>` holding no markup (`<is><t>…</t></is>`, as openpyxl writes every
 * inline string): `raw` is what stands between `<t>` and `</t>`. What stringItemText gives for such an item, without
 * searching it again for runs, phonetic runs and CDATA.
 */
export const plainItemText = (raw: string): string => decodedText(raw);

/** Text of every `<t>` in a rich or plain string item, phonetic runs (`<rPh>`) left out, as Excel shows it. */
export function stringItemText(si: string, p: string): string {
  if (si.indexOf('<') < 0) return '';
  if (si.indexOf('<![CDATA[') >= 0) throw new NotHandled('CDATA в строке');
  let s = si;
  if (s.indexOf(`<${p}rPh`) >= 0) s = s.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '');
  let out = '';
  const open = `<${p}t`;
  const close = `</${p}t>`;
  for (let at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
    if (!isNameEnd(s.charCodeAt(at + open.length))) continue; // <tabColor…>, not <t>
    const gt = s.indexOf('>', at);
    if (s.charCodeAt(gt - 1) === 47) continue; // <t/>
    const end = s.indexOf(close, gt);
    if (end < 0) throw new NotHandled('строка без конца');
    out += s.slice(gt + 1, end);
    at = end;
  }
  // As SheetJS: a line break typed in Excel is stored as \r\n and read as \n.
  return decodedText(out);
}
