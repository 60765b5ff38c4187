/**
 * WordprocessingML (word/document.xml of a .docx) → paragraphs and tables in document order. What Word puts
 * around the text is looked through: content controls (w:sdt), custom XML, smart tags, hyperlinks, fields'
 * results, insertions; deleted text (w:del), field codes and drawings are not text a person reads.
 */
import type { DocBlock, DocCell, DocTable } from './documentGrid';
import { attr, child, childrenOf, parseXml, tagOf, textOf, withoutElements, type XmlNode } from './documentXml';

/** Wrappers whose children stand where the wrapper stands. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:hyperlink', 'w:fldSimple', 'w:ins', 'w:moveTo', 'w:dir', 'w:bdo']);
/** Never the text a person reads. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:sdtEndPr', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference']);

/** The text of a paragraph: its runs' text, tabs and breaks; a field's code left out, its result kept. */
function paragraphText(p: XmlNode): string {
  let out = '';
  let inFieldCode = false;
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (SKIPPED.has(tag)) continue;
      if (tag === 'w:fldChar') {
        const type = attr(n, 'w:fldCharType');
        if (type === 'begin') inFieldCode = true;
        else if (type === 'separate' || type === 'end') inFieldCode = false;
      } else if (tag === 'w:t') {
        if (!inFieldCode) out += childrenOf(n).map(textOf).join('');
      } else if (tag === 'w:tab' || tag === 'w:ptab') out += '\t';
      else if (tag === 'w:br' || tag === 'w:cr') out += '\n';
      else if (tag === 'w:noBreakHyphen') out += '-';
      else if (tag === 'w:r' || WRAPPERS.has(tag)) walk(childrenOf(n));
    }
  };
  walk(childrenOf(p));
  return out;
}

/** Paragraphs inside a cell (a nested table's text too, one of its cells a line), one line each. */
function cellText(tc: XmlNode): string {
  const lines: string[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') lines.push(paragraphText(n));
      else if (tag === 'w:tbl') for (const row of tableRows(n)) walk(row.cells.flatMap((c) => childrenOf(c)));
      else if (WRAPPERS.has(tag)) walk(childrenOf(n));
    }
  };
  walk(childrenOf(tc));
  return lines.join('\n').trim();
}

/** The rows of a table with their cells, content controls and custom XML around them looked through. */
function tableRows(tbl: XmlNode): { tr: XmlNode; cells: XmlNode[] }[] {
  const rows: { tr: XmlNode; cells: XmlNode[] }[] = [];
  const cellsOf = (nodes: XmlNode[], into: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tc') into.push(n);
      else if (WRAPPERS.has(tag)) cellsOf(childrenOf(n), into);
    }
  };
  const rowsOf = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tr') {
        const cells: XmlNode[] = [];
        cellsOf(childrenOf(n), cells);
        rows.push({ tr: n, cells });
      } else if (WRAPPERS.has(tag)) rowsOf(childrenOf(n));
    }
  };
  rowsOf(childrenOf(tbl));
  return rows;
}

const intAttr = (node: XmlNode | undefined, name: string): number | undefined => {
  const v = node ? attr(node, name) : undefined;
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
};

function table(tbl: XmlNode): DocTable {
  const rows: DocCell[][] = [];
  const before: number[] = [];
  for (const { tr, cells } of tableRows(tbl)) {
    before.push(intAttr(child(child(tr, 'w:trPr') ?? {}, 'w:gridBefore'), 'w:val') ?? 0);
    rows.push(
      cells.map((tc) => {
        const pr = child(tc, 'w:tcPr');
        const span = intAttr(pr && child(pr, 'w:gridSpan'), 'w:val') ?? 1;
        const vm = pr && child(pr, 'w:vMerge');
        const cell: DocCell = { text: cellText(tc), colSpan: span };
        // <w:vMerge/> without a value continues the merge above; w:val="restart" opens one.
        if (vm) cell.vMerge = attr(vm, 'w:val') === 'restart' ? 'restart' : 'continue';
        return cell;
      }),
    );
  }
  return { rows, before };
}

/**
 * Formatting no step below reads — of paragraphs, runs, tables and the section, a cell's width, borders and shading
 * (a cell's span and vertical merge, in w:tcPr, are kept) — cut before parsing: it is over half of a LibreOffice
 * document's XML and most of the parser's work (a filled Word form 4.8 → 2.0 ms a file).
 */
const UNREAD = ['w:rPr', 'w:pPr', 'w:tblPr', 'w:tblGrid', 'w:sectPr', 'w:tcW', 'w:tcBorders', 'w:shd'];

/** The body's paragraphs and tables in order (headers, footers and notes are not the form). */
export function docxBlocks(documentXml: string): DocBlock[] {
  const root = parseXml(withoutElements(documentXml, UNREAD)).find((n) => tagOf(n) === 'w:document');
  const body = root && child(root, 'w:body');
  if (!body) throw new Error('в документе нет основного текста (w:body)');
  const out: DocBlock[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') out.push({ kind: 'paragraph', text: paragraphText(n) });
      else if (tag === 'w:tbl') out.push({ kind: 'table', table: table(n) });
      else if (WRAPPERS.has(tag)) walk(childrenOf(n));
    }
  };
  walk(childrenOf(body));
  return out;
}
