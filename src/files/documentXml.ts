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
