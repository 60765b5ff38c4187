/**
 * The XML of a document part as ordered nodes (fast-xml-parser's `preserveOrder`): paragraphs and tables must be
 * read in the order they stand. Text is kept as written (no trimming, no number parsing): a cell holding `=1+1`
 * or `007` stays that text.
 */
import { XMLParser } from 'fast-xml-parser';

/** One element: `{ [tag]: children, ':@'?: attributes }`, or a text node `{ '#text': string }`. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
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
});

/** Thrown for XML a document package never holds (a DTD: entity expansion is how XML bombs work). */
export class UnsafeXml extends Error {}

export function parseXml(text: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) throw new UnsafeXml('DOCTYPE');
  return parser.parse(text) as XmlNode[];
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
