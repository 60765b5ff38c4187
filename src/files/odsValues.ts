/**
 * Receiving an .ods (values only, `formulas: false`): SheetJS reads it, but from the parts the guards have already
 * inflated, and without the cells' formulas. A LibreOffice form's content.xml is a third formulas (long checks in
 * `table:formula`), which SheetJS decodes, tokenizes and, for a values-only read, throws away; and SheetJS would
 * inflate every part again (thumbnails, settings) to read four. Here the four parts it reads (manifest, styles,
 * content, meta) are handed to its zip reader (XLSX.parse_zip) as a container, content.xml with every
 * `table:formula` attribute of a `table:table-cell` cut out (with two attributes of the cell SheetJS never reads,
 * see VALIDATION_NAME), the cell styles' empty property tags and the data validations. With `cellFormula: false`
 * SheetJS reads nothing else from that attribute, and nothing from those tags and elements, so the workbook is the
 * same (test/readers.ods.test.ts compares with SheetJS on the file).
 *
 * The cut is made only where SheetJS's tokenizer (its `xlmlregex`: a tag is `<`, a name, double-quoted
 * attributes, `>`) would find exactly the tags found here: the markup must be plain — no comments, CDATA or
 * declarations, no `<` inside an attribute's value, ASCII spaces in tags, double quotes. Anything else leaves the
 * file to SheetJS as it is (undefined).
 */
import type * as XLSX from '@e965/xlsx';
import { packedPart, type ZipEntry } from './guards';
import type { PartCodec } from './xlsxValues';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Letters, digits, `.`, `_`, `-` (ASCII): what names in OpenDocument's markup are made of here. */
const isNameByte = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x5f || c === 0x2d;
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const CELL = ascii('table:table-cell');
const FORMULA = ascii('table:formula');
/**
 * A cell's attributes SheetJS's reader passes over, cut with its formula: the drop-down list the cell uses
 * (`content-validation-name`, never read), and LibreOffice's `calcext:value-type` where the cell's
 * `office:value-type` came before it — SheetJS keys attributes without their prefix and skips a later `…ext:` one
 * whose name is taken (`parsexmltag`), so that one is never read either. Together an eighth of what SheetJS
 * tokenizes of a LibreOffice form's cut content.xml.
 */
const VALIDATION_NAME = ascii('table:content-validation-name');
const OFFICE_TYPE = ascii('office:value-type');
const CALCEXT_TYPE = ascii('calcext:value-type');
/**
 * A cell style's properties (fonts, borders, alignment, conditional maps): two fifths of what is left of a
 * LibreOffice form's content.xml, and tags SheetJS's reader of it passes over (`case 'text-properties': break;`…).
 * Cut only when empty (self-closing) and right inside a style of office:automatic-styles, where no text is open.
 */
const IGNORED_STYLE_PARTS = ['style:text-properties', 'style:table-cell-properties', 'style:paragraph-properties', 'style:map'].map(ascii);
const STYLE_PATH = ['office:document-content', 'office:automatic-styles', 'style:style'].map(ascii);
/**
 * The data validations (drop-down lists with their prompts and error messages): a sixth of what is left of a
 * LibreOffice form's content.xml and a third of its Cyrillic, which SheetJS decodes and then passes over
 * (`case 'content-validations': break;` …; the text of their messages is dropped when the next cell starts).
 * Cut whole, where they stand: right inside office:spreadsheet, before the tables.
 */
const VALIDATIONS = ascii('table:content-validations');
const VALIDATIONS_PATH = ['office:document-content', 'office:body', 'office:spreadsheet'].map(ascii);

function equals(b: Uint8Array, from: number, to: number, word: number[]): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (b[from + k] !== word[k]) return false;
  return true;
}

/** A name at `at` (one optional `prefix:`), ending where `isNameByte` stops; -1 when there is none. */
function nameEnd(b: Uint8Array, at: number, colons: number): number {
  let i = at;
  let seen = 0;
  while (i < b.length && (isNameByte(b[i]) || (b[i] === 0x3a && seen++ < colons))) i++;
  return i > at && b[i - 1] !== 0x3a ? i : -1;
}

/**
 * content.xml without the cells' `table:formula` attributes, the styles' ignored parts and the data validations, or
 * undefined when its markup is not plain enough to be sure SheetJS tokenizes the result as it would the original
 * (see above) or there is nothing to cut.
 */
export function valuesOnlyContent(b: Uint8Array): Uint8Array | undefined {
  const cuts: number[] = [];
  let cut = 0;
  // The open elements (where each name starts and ends), the path to the current one; a closing tag must close
  // the last one opened.
  const openFrom: number[] = [];
  const openTo: number[] = [];
  const sameName = (from: number, to: number, k: number) => {
    if (to - from !== openTo[k] - openFrom[k]) return false;
    for (let j = 0; j < to - from; j++) if (b[from + j] !== b[openFrom[k] + j]) return false;
    return true;
  };
  // The validations being cut: where their start tag begins, how deep they stand, the cuts made before them.
  let dropFrom = -1;
  let dropDepth = 0;
  let cutsBefore = 0;
  let cutBefore = 0;
  let i = b.indexOf(LT);
  while (i >= 0) {
    let at = i + 1;
    if (b[at] === 0x3f) {
      // The XML declaration only, first: `<?xml … ?>` with no `<` inside.
      const end = b.indexOf(GT, at);
      if (cuts.length || i > 3 || end < 0 || b[end - 1] !== 0x3f || b.subarray(at, end).includes(LT)) return undefined;
      i = b.indexOf(LT, end + 1);
      continue;
    }
    const closing = b[at] === SLASH;
    if (closing) at++;
    const nameStop = nameEnd(b, at, 1);
    if (nameStop < 0) return undefined;
    const isCell = !closing && equals(b, at, nameStop, CELL);
    const nameFrom = at;
    at = nameStop;
    let typed = false; // this cell's office:value-type has been seen
    for (;;) {
      const spaceFrom = at;
      while (isSpace(b[at])) at++;
      if (b[at] === GT || (b[at] === SLASH && b[at + 1] === GT)) break;
      if (at === spaceFrom) return undefined; // an attribute must follow a space
      const attrStop = nameEnd(b, at, 2);
      if (attrStop < 0 || b[attrStop] !== 0x3d || b[attrStop + 1] !== QUOTE) return undefined;
      let close = attrStop + 2;
      while (close < b.length && b[close] !== QUOTE) if (b[close++] === LT) return undefined;
      if (close >= b.length) return undefined;
      if (isCell && (equals(b, at, attrStop, FORMULA) || equals(b, at, attrStop, VALIDATION_NAME) || (typed && equals(b, at, attrStop, CALCEXT_TYPE)))) {
        cuts.push(spaceFrom, close + 1);
        cut += close + 1 - spaceFrom;
      } else if (isCell && equals(b, at, attrStop, OFFICE_TYPE)) typed = true;
      at = close + 1;
    }
    const selfClosing = b[at] === SLASH;
    if (closing) {
      if (!openFrom.length || !sameName(nameFrom, nameStop, openFrom.length - 1)) return undefined;
      openFrom.pop();
      openTo.pop();
      if (dropFrom >= 0 && openFrom.length === dropDepth) {
        // The validations end here: cut whole, with anything cut inside them counted once.
        cuts.length = cutsBefore;
        cut = cutBefore + at + 1 - dropFrom;
        cuts.push(dropFrom, at + 1);
        dropFrom = -1;
      }
    } else if (!selfClosing) {
      if (
        dropFrom < 0 &&
        openFrom.length === VALIDATIONS_PATH.length &&
        equals(b, nameFrom, nameStop, VALIDATIONS) &&
        VALIDATIONS_PATH.every((element, k) => equals(b, openFrom[k], openTo[k], element))
      ) {
        [dropFrom, dropDepth, cutsBefore, cutBefore] = [i, openFrom.length, cuts.length, cut];
      }
      openFrom.push(nameFrom);
      openTo.push(nameStop);
    } else if (
      openFrom.length === 3 &&
      IGNORED_STYLE_PARTS.some((part) => equals(b, nameFrom, nameStop, part)) &&
      STYLE_PATH.every((element, k) => equals(b, openFrom[k], openTo[k], element))
    ) {
      // The whole tag goes; what was cut inside it (nothing: a style's parts carry no formula) stays counted once.
      cuts.push(i, at + 2);
      cut += at + 2 - i;
    }
    i = b.indexOf(LT, selfClosing ? at + 2 : at + 1);
  }
  if (!cuts.length) return undefined;
  const out = new Uint8Array(b.length - cut);
  let from = 0;
  let to = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    out.set(b.subarray(from, cuts[k]), to);
    to += cuts[k] - from;
    from = cuts[k + 1];
  }
  out.set(b.subarray(from), to);
  return out;
}

/** The parts of an OpenDocument package SheetJS's reader of it (parse_ods) looks at. */
const READ_PARTS = ['meta-inf/manifest.xml', 'styles.xml', 'content.xml', 'meta.xml'];

/** A zip container as SheetJS's own zip reader gives it (CFB's shape), holding only the given parts. */
interface Container {
  FullPaths: string[];
  FileIndex: { name: string; type: number; content: Uint8Array }[];
}

/**
 * The workbook SheetJS reads from the package's parts, content.xml without its formulas; undefined leaves the file
 * to SheetJS whole: a part named in another case or twice, no manifest or content, markup not plain (see above).
 * `read` is SheetJS's parse_zip with the caller's options; `asInput` makes a part what SheetJS reads fastest.
 */
export function readOdsWithoutFormulas(
  bytes: Uint8Array,
  entries: ZipEntry[],
  codec: PartCodec,
  read: (container: Container) => XLSX.WorkBook,
  asInput: (part: Uint8Array) => Uint8Array,
): XLSX.WorkBook | undefined {
  const parts = new Map<string, ZipEntry>();
  for (const e of entries) {
    // SheetJS finds a part whatever its case or slashes; a part named otherwise than usual, or twice, is left to it.
    const usual = e.name.toLowerCase().replace(/\\/g, '/').replace(/^\.?\/+/, '');
    if (!READ_PARTS.includes(usual)) continue;
    if (parts.has(usual) || e.name !== usual.replace('meta-inf', 'META-INF') || e.unicodePath !== undefined) return undefined;
    parts.set(usual, e);
  }
  const content = parts.get('content.xml');
  if (!content || !parts.has('meta-inf/manifest.xml')) return undefined;
  const inflate = (e: ZipEntry) => e.inflated ?? (e.method === 0 ? packedPart(bytes, e) : codec.inflate(packedPart(bytes, e)));
  const valuesOnly = valuesOnlyContent(inflate(content));
  if (!valuesOnly) return undefined;
  const container: Container = { FullPaths: [], FileIndex: [] };
  for (const [name, e] of parts) {
    container.FullPaths.push(e.name);
    container.FileIndex.push({ name: e.name.replace(/^.*\//, ''), type: 2, content: asInput(name === 'content.xml' ? valuesOnly : inflate(e)) });
  }
  return read(container);
}
