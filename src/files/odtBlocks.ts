/**
 * OpenDocument text (content.xml of an .odt) → paragraphs and tables in document order. Merged cells are a cell
 * with table:number-columns-spanned / table:number-rows-spanned and covered cells where its area lies.
 */
import type { DocBlock, DocCell, DocTable } from './documentGrid';
import { DocumentTooLarge } from './documentGrid';
import { attr, child, childrenOf, parseXml, tagOf, textOf, withoutElements, type XmlNode } from './documentXml';
import { LIMITS } from './guards';

/** Elements whose children stand where they stand (lists, sections, spans, links, change marks). */
const WRAPPERS = new Set(['text:section', 'text:list', 'text:list-item', 'text:list-header', 'text:span', 'text:a', 'text:meta', 'text:ruby', 'text:ruby-base', 'text:index-body', 'text:soft-page-break']);
/** Not the text a person reads in place: notes, deleted text kept for tracked changes, annotations, frames. */
const SKIPPED = new Set(['text:note', 'text:tracked-changes', 'office:annotation', 'draw:frame', 'draw:a', 'text:bookmark-ref', 'text:ruby-text']);

const count = (node: XmlNode, name: string, fallback = 1): number => {
  const n = Number.parseInt(attr(node, name) ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

function paragraphText(p: XmlNode): string {
  let out = '';
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === '#text') out += textOf(n);
      else if (SKIPPED.has(tag)) continue;
      else if (tag === 'text:s') out += ' '.repeat(Math.min(count(n, 'text:c'), 1000));
      else if (tag === 'text:tab') out += '\t';
      else if (tag === 'text:line-break') out += '\n';
      else walk(childrenOf(n));
    }
  };
  walk(childrenOf(p));
  return out;
}

/** Paragraphs (and headings, list items, a nested table's paragraphs) of a cell, one line each. */
function cellText(cell: XmlNode): string {
  const lines: string[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'text:p' || tag === 'text:h') lines.push(paragraphText(n));
      else if (SKIPPED.has(tag)) continue;
      else if (tag !== '#text') walk(childrenOf(n));
    }
  };
  walk(childrenOf(cell));
  return lines.join('\n').trim();
}

function table(tbl: XmlNode): DocTable {
  const rows: DocCell[][] = [];
  const rowsOf = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'table:table-row') {
        const cells: DocCell[] = [];
        for (const c of childrenOf(n)) {
          const ctag = tagOf(c);
          if (ctag !== 'table:table-cell' && ctag !== 'table:covered-table-cell') continue;
          const repeat = Math.min(count(c, 'table:number-columns-repeated'), 1024);
          for (let k = 0; k < repeat; k++) {
            if (ctag === 'table:covered-table-cell') cells.push({ text: '', colSpan: 1, covered: true });
            else cells.push({ text: cellText(c), colSpan: count(c, 'table:number-columns-spanned'), rowSpan: count(c, 'table:number-rows-spanned') });
          }
        }
        const repeat = count(n, 'table:number-rows-repeated');
        if (rows.length + repeat > LIMITS.rows) throw new DocumentTooLarge();
        for (let k = 0; k < repeat; k++) rows.push(cells);
      } else if (tag === 'table:table-header-rows' || tag === 'table:table-rows' || tag === 'table:table-row-group') rowsOf(childrenOf(n));
    }
  };
  rowsOf(childrenOf(tbl));
  return { rows };
}

/** What stands before the body and is never read here: cut before parsing (a third of a LibreOffice text's XML). */
const UNREAD = ['office:automatic-styles', 'office:font-face-decls', 'office:scripts'];

export function odtBlocks(contentXml: string): DocBlock[] {
  const root = parseXml(withoutElements(contentXml, UNREAD)).find((n) => tagOf(n) === 'office:document-content');
  const text = root && child(child(root, 'office:body') ?? {}, 'office:text');
  if (!text) throw new Error('в файле OpenDocument нет текста документа (office:text)');
  const out: DocBlock[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'text:p' || tag === 'text:h') out.push({ kind: 'paragraph', text: paragraphText(n) });
      else if (tag === 'table:table') out.push({ kind: 'table', table: table(n) });
      else if (WRAPPERS.has(tag)) walk(childrenOf(n));
    }
  };
  walk(childrenOf(text));
  return out;
}
