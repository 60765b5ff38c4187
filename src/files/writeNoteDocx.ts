/**
 * The analytical note as a Word document (docx on npm): A4 portrait in the manner of ГОСТ Р 7.0.97-2016 — Times
 * New Roman 14 pt for the text (12 pt in tables), margins 20 mm left, top and bottom and 10 mm right, page numbers
 * centred at the top from the second page, paragraph indent 1.25 cm — the places to fill highlighted, the
 * appendix's tables and a native Word chart (its data inside, editable in Word) on a page of their own.
 * Works in Node and in the browser (Packer.toArrayBuffer).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import type { NoteChart, NoteDocument, NoteTable } from '../domain/indicators/noteDocument';
import type { NoteParagraph } from '../domain/indicators/note';

const FONT = 'Times New Roman';
/** Half-points. */
const TEXT_SIZE = 28;
const TABLE_SIZE = 24;
/** Twentieths of a point: 1 mm = 56.7. */
const MM = 56.7;
const INDENT = Math.round(12.5 * MM);
/** The text width of A4 less the margins, in twips (210 − 20 − 10 mm). */
const TEXT_WIDTH = Math.round(180 * MM);

const run = (text: string, o: { bold?: boolean; italics?: boolean; highlight?: boolean; size?: number } = {}): TextRun =>
  new TextRun({ text, font: FONT, size: o.size ?? TEXT_SIZE, bold: o.bold, italics: o.italics, ...(o.highlight ? { highlight: 'yellow' } : {}) });

function paragraph(p: NoteParagraph): Paragraph {
  if (p.kind === 'title')
    return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(p.text, { bold: true })] });
  if (p.kind === 'heading')
    return new Paragraph({ keepNext: true, spacing: { before: 180, after: 60 }, indent: { firstLine: INDENT }, children: [run(p.text, { bold: true })] });
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: { firstLine: INDENT },
    children: [run(p.text, p.kind === 'fill' ? { italics: true, highlight: true } : {})],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function table(t: NoteTable): (Paragraph | Table)[] {
  const widths = t.header.map((_, i) => (t.numeric[i] && t.header[i] === '№' ? 0.6 : t.numeric[i] ? 1.4 : 3));
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, col: number, o: { bold?: boolean; header?: boolean }) =>
    new TableCell({
      borders,
      width: { size: Math.round((widths[col] / total) * TEXT_WIDTH), type: WidthType.DXA },
      margins: { left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: o.header ? AlignmentType.CENTER : t.numeric[col] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, { bold: o.bold, size: TABLE_SIZE })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h, i) => cell(h, i, { bold: true, header: true })) }),
    ...t.rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, { bold: t.total && ri === t.rows.length - 1 })) })),
  ];
  return [
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [run(t.title, { size: TABLE_SIZE, bold: true })] }),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths.map((w) => Math.round((w / total) * TEXT_WIDTH)), rows }),
  ];
}

/** A native Word chart (its data inside, editable in Word), centred, 16 × 8 cm. */
function chartParagraph(c: NoteChart): Paragraph {
  const chart: ParagraphChild = new ChartRun({
    type: 'column',
    title: c.title,
    categories: c.categories,
    series: c.series,
    font: { name: FONT },
    dataLabels: { value: true },
    transformation: { width: 560, height: 260 },
    altText: { name: 'Диаграмма', description: c.title, title: c.title },
  });
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [chart] });
}

/** The note as .docx bytes. */
export async function writeNoteDocx(note: NoteDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [paragraph({ kind: 'title', text: note.title }), ...note.body.map(paragraph)];
  children.push(new Paragraph({ spacing: { before: 360 }, children: [] }), ...note.signature.map((p) => new Paragraph({ children: [run(p.text, { italics: true, highlight: true })] })));
  if (note.tables.length || note.notes.length || note.chart)
    children.push(new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.RIGHT, children: [run(note.appendixTitle)] }));
  note.tables.forEach((t, i) => {
    children.push(...table(t));
    // The chart of participants by grade right under their table.
    if (i === 0 && note.chart) children.push(chartParagraph(note.chart));
  });
  for (const n of note.notes) children.push(new Paragraph({ spacing: { before: 240 }, indent: { firstLine: INDENT }, children: [run(n)] }));
  const doc = new Document({
    creator: 'Профкампания',
    title: note.title,
    description: 'Аналитическая справка по итогам профориентационной кампании',
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(20 * MM), right: Math.round(10 * MM), header: Math.round(10 * MM) },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: TABLE_SIZE })] })] }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
