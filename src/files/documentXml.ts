/**
 * The XML of a document part as ordered nodes (fast-xml-parser's `preserveOrder`): paragraphs and tables must be
 * read in the order they stand. Text is kept as written (no trimming, no number parsing): a cell holding `=1+1`
 * or `007` stays that text.
 */
import type { XMLParser } from 'fast-xml-parser';

/** One element: `{ [tag]: children, ':@'?: attributes }`, or a text node `{ '#text': string }`. */
export type XmlNode = Record<string, unknown>;

/** Made with the first document read, not with the reader: nearly every received file is a workbook. */
let parser: XMLParser | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xmlParser = (): XMLParser => (parser ??= new (require('fast-xml-parser') as typeof import('fast-xml-parser')).XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
}));

/** Thrown for XML a document package never holds (a DTD: entity expansion is how XML bombs work). */
export class UnsafeXml extends Error {}

export function parseXml(text: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) throw new UnsafeXml('DOCTYPE');
  return xmlParser().parse(text) as XmlNode[];
}

/** The element's tag, or '#text' for text. */
export function tagOf(node: XmlNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}

export const childrenOf = (node: XmlNode): XmlNode[] => {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
};

export const textOf = (node: XmlNode): string => String(node['#text'] ?? '');

export function attr(node: XmlNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return v === undefined ? undefined : String(v);
}

/** The first child with the tag, if any. */
export const child = (node: XmlNode, tag: string): XmlNode | undefined => childrenOf(node).find((c) => tagOf(c) === tag);

/** A name ends here: `>`, `/` or white space (so `<w:pPr` is not `<w:pPrChange`). */
const endsName = (c: string | undefined) => c === '>' || c === '/' || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Where the tag starting at `lt` ends (its `>`), quotes respected; -1 when it does not end. */
function tagEnd(text: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/**
 * `text` without the elements named (each whole, with whatever nests in it — a tracked change of formatting holds
 * another element of the same name), for parts the reader never looks into. The text as it is when anything is not
 * plain: a comment or CDATA (where markup is only text), or an element that does not end.
 */
export function withoutElements(text: string, names: readonly string[]): string {
  if (text.includes('<!--') || text.includes('<![CDATA[')) return text;
  const pieces: string[] = [];
  let copied = 0;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    const name = names.find((n) => text.startsWith(n, lt + 1) && endsName(text[lt + 1 + n.length]));
    if (!name) continue;
    const end = elementEnd(text, lt, name);
    if (end < 0) return text;
    pieces.push(text.slice(copied, lt));
    copied = end;
    lt = end - 1;
  }
  if (copied === 0) return text;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/** Where the element `name` opening at `lt` ends (after its end tag, or its `/>`); -1 when it does not. */
function elementEnd(text: string, lt: number, name: string): number {
  let depth = 0;
  const close = `</${name}>`;
  for (let at = lt; at >= 0; at = text.indexOf('<', at + 1)) {
    if (text.startsWith(close, at)) {
      if (--depth === 0) return at + close.length;
    } else if (text.startsWith(name, at + 1) && endsName(text[at + 1 + name.length])) {
      const gt = tagEnd(text, at);
      if (gt < 0) return -1;
      if (text[gt - 1] !== '/') depth++;
      else if (depth === 0) return gt + 1; // <name …/> on its own
      at = gt;
    }
  }
  return -1;
}
