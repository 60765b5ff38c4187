/**
 * The one writer: sheet plans to an .xlsx package, the same code in the pane's worker and on the command line.
 * SpreadsheetML is written directly (the sheets by xlsxSheet.ts, styles by xlsxStyles.ts, charts by xlsxCharts.ts)
 * and zipped as it is made by fflate, which runs in browsers, workers and Node alike: each sheet's XML goes to the
 * deflater in pieces of ~64 KB, so a region's plan sheet of 180,000 rows is held once — as its plan — and never
 * as XML. exceljs is not used: it held the whole workbook as objects (in the pane) or needed Node streams and a
 * second pass over the zip for the charts (on the command line), and wrote nothing these parts do not.
 *
 * Package layout (ECMA-376 Part 1 and Part 2): [Content_Types].xml, _rels/.rels, docProps/core.xml and app.xml,
 * xl/workbook.xml with its relationships, xl/worksheets/sheetN.xml, xl/drawings and xl/charts for the charts,
 * xl/styles.xml and xl/sharedStrings.xml last (they are complete only once every sheet is written).
 */
import { Zip } from 'fflate';
import type { WorkbookPlan } from '../domain/sheetPlan';
import { CHART_PARTS, drawingParts } from './xlsxCharts';
import { printTitles, SharedStrings, sheetXml } from './xlsxSheet';
import { StyleRegister } from './xlsxStyles';
import { xmlAttr } from './xlsxXml';
import { fflateDeflater, streamDeflater, type Deflater } from './xlsxDeflate';

/** The date written when none is given: that of order No. 394-р, whose forms the workbooks carry. */
export const DOCUMENT_DATE = '2021-03-12T00:00:00Z';

export interface XlsxWriteOptions {
  /**
   * The workbook's created/modified date (document properties and zip entries), ISO or Date. Never the clock:
   * the same plan must give the same bytes, so merging the same files twice gives the same workbook.
   * Default: DOCUMENT_DATE.
   */
  modified?: string | Date;
  /**
   * How a part is deflated: by default the host's native CompressionStream('deflate-raw') where there is one
   * (browsers, workers, Node ≥ 20), fflate's JavaScript deflate otherwise; the command line passes Node's zlib
   * (nativeDeflate.ts). Each gives a valid package; the bytes differ between them.
   */
  deflater?: Deflater;
}

const defaultDeflater = (): Deflater => streamDeflater() ?? fflateDeflater;

export function documentDate(d: string | Date | undefined): Date {
  const date = d instanceof Date ? d : new Date(d ?? DOCUMENT_DATE);
  return Number.isNaN(date.getTime()) ? new Date(DOCUMENT_DATE) : date;
}

const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};
const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  sheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  strings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const rels = (items: [id: string, type: string, target: string][]): string =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
  '</Relationships>';

/** The plan as .xlsx bytes. */
export async function writeXlsx(plan: WorkbookPlan, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writePackage(plan, options, (c) => chunks.push(c));
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Zip bytes gathered before they are made a Blob of their own (and let go). */
const BLOB_PIECE = 1 << 20;

/**
 * The plan as an .xlsx Blob, the same bytes as writeXlsx's, never held whole as one array: the zip's pieces are
 * made Blobs of about a megabyte as they come and let go (a Blob keeps its own copy), and the file is a Blob of
 * those. writeXlsx's pieces, their copy into one array and that array's copy into the Blob were three copies of
 * the file at once at the end of the write (the pane's season worker, a region's Свод).
 */
export async function writeXlsxBlob(plan: WorkbookPlan, options: XlsxWriteOptions & { type?: string } = {}): Promise<Blob> {
  const blobs: Blob[] = [];
  let held: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    blobs.push(new Blob(held as Uint8Array<ArrayBuffer>[]));
    held = [];
    size = 0;
  };
  await writePackage(plan, options, (c) => {
    held.push(c);
    size += c.length;
    if (size >= BLOB_PIECE) flush();
  });
  if (held.length) flush();
  return new Blob(blobs, { type: options.type ?? '' });
}

/** Writes the package, handing the zip's bytes to `onChunk` in order as they are made. */
async function writePackage(plan: WorkbookPlan, options: XlsxWriteOptions, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (plan.sheets.length === 0) throw new Error('В книге нет ни одного листа: записывать нечего.');
  const date = documentDate(options.modified);
  const zip = new PackageZip(date, options.deflater ?? defaultDeflater(), onChunk);
  const sheets = plan.sheets;
  // Charts: one drawing per sheet that has any, charts numbered across the workbook.
  const drawings: { sheet: number; drawing: number; firstChart: number }[] = [];
  let chartCount = 0;
  sheets.forEach((s, i) => {
    if (s.charts.length === 0) return;
    drawings.push({ sheet: i, drawing: drawings.length + 1, firstChart: chartCount + 1 });
    chartCount += s.charts.length;
  });

  await zip.part('[Content_Types].xml', contentTypes(sheets.length, drawings.length, chartCount));
  await zip.part('_rels/.rels', rels([['rId1', REL.officeDocument, 'xl/workbook.xml'], ['rId2', REL.core, 'docProps/core.xml'], ['rId3', REL.app, 'docProps/app.xml']]));
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  await zip.part(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>Профкампания</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
  );
  await zip.part(
    'docProps/app.xml',
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Профкампания</Application></Properties>`,
  );
  await zip.part('xl/workbook.xml', workbookXml(plan));
  await zip.part(
    'xl/_rels/workbook.xml.rels',
    rels([
      ...sheets.map((_, i): [string, string, string] => [`rId${i + 1}`, REL.sheet, `worksheets/sheet${i + 1}.xml`]),
      [`rId${sheets.length + 1}`, REL.styles, 'styles.xml'],
      [`rId${sheets.length + 2}`, REL.strings, 'sharedStrings.xml'],
    ]),
  );

  const styles = new StyleRegister();
  const strings = new SharedStrings();
  for (let i = 0; i < sheets.length; i++) {
    const d = drawings.find((x) => x.sheet === i);
    await zip.part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheets[i], styles, strings, d ? 'rId1' : undefined));
    if (!d) continue;
    const parts = drawingParts(sheets[i].charts, d.firstChart);
    await zip.part(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels([['rId1', CHART_PARTS.rel.drawing, `../drawings/drawing${d.drawing}.xml`]]));
    await zip.part(`xl/drawings/drawing${d.drawing}.xml`, parts.drawing);
    await zip.part(`xl/drawings/_rels/drawing${d.drawing}.xml.rels`, parts.rels);
    for (const [k, xml] of parts.charts.entries()) await zip.part(`xl/charts/chart${d.firstChart + k}.xml`, xml);
  }
  await zip.part('xl/styles.xml', styles.xml());
  await zip.part('xl/sharedStrings.xml', strings.xml());
  zip.end();
}

function contentTypes(sheets: number, drawings: number, charts: number): string {
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  let xml =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    o('/xl/workbook.xml', CT.workbook);
  for (let i = 1; i <= sheets; i++) xml += o(`/xl/worksheets/sheet${i}.xml`, CT.sheet);
  for (let i = 1; i <= drawings; i++) xml += o(`/xl/drawings/drawing${i}.xml`, CHART_PARTS.contentType.drawing);
  for (let i = 1; i <= charts; i++) xml += o(`/xl/charts/chart${i}.xml`, CHART_PARTS.contentType.chart);
  return xml + o('/xl/styles.xml', CT.styles) + o('/xl/sharedStrings.xml', CT.strings) + o('/docProps/core.xml', CT.core) + o('/docProps/app.xml', CT.app) + '</Types>';
}

/**
 * The workbook part: sheets in tab order (hidden ones so marked), the print titles as names, and the instruction
 * to calculate every formula on opening (the cached values are the plan's where known, none elsewhere).
 */
function workbookXml(plan: WorkbookPlan): string {
  // The first visible sheet is the one shown: Excel refuses a workbook whose active tab is hidden.
  const active = Math.max(0, plan.sheets.findIndex((s) => !s.hidden));
  const sheets = plan.sheets
    .map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const names = plan.sheets
    .map((s, i) => {
      const titles = printTitles(s);
      return titles ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlAttr(titles)}</definedName>` : '';
    })
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<workbookPr/><bookViews><workbookView${active ? ` firstSheet="${active}" activeTab="${active}"` : ''}/></bookViews><sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'
  );
}

/** The zip, made as the parts are written: each part deflated piece by piece, the compressed bytes handed on. */
class PackageZip {
  private failure: Error | undefined;
  private readonly zip = new Zip((err, chunk) => {
    if (err) this.failure = err;
    else this.onChunk(chunk);
  });
  private readonly encoder = new TextEncoder();
  /**
   * Where each piece of a part is encoded, again and again (a deflater is done with a piece once its push has
   * resolved, xlsxDeflate.ts): a new array a piece was ~100 MB of arrays for a region's Свод, freed only by the
   * thread's next full garbage collection — the pane's season worker grew by 60–100 MB while writing
   * (bench:pane, PANE_MEMDUMP).
   */
  private scratch = new Uint8Array(0);
  /**
   * fflate stamps entries with the local time's fields (as DOS times are): shifted so those fields are the UTC
   * date's, the bytes do not depend on the machine's time zone.
   */
  private readonly mtime: Date;
  constructor(
    date: Date,
    private readonly deflater: Deflater,
    private readonly onChunk: (chunk: Uint8Array) => void,
  ) {
    this.mtime = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  }
  /** A part from its text, or from its pieces: texts, or bytes (a sheet's, xmlBytes.ts) that are the writer's again once pushed. */
  async part(name: string, content: string | Iterable<string | Uint8Array>): Promise<void> {
    const entry = this.deflater(name, this.mtime);
    this.zip.add(entry);
    if (typeof content === 'string') await entry.push(this.encoder.encode(content), true);
    else {
      let held: string | Uint8Array | undefined;
      for (const piece of content) {
        if (held !== undefined) await entry.push(this.encoded(held));
        held = piece;
      }
      await entry.push(this.encoded(held ?? ''), true);
    }
    if (this.failure) throw this.failure;
  }
  /** The piece in UTF-8, in the scratch array (at most three bytes a UTF-16 code unit). */
  private encoded(piece: string | Uint8Array): Uint8Array {
    if (typeof piece !== 'string') return piece;
    if (this.scratch.length < piece.length * 3) this.scratch = new Uint8Array(piece.length * 3);
    return this.scratch.subarray(0, this.encoder.encodeInto(piece, this.scratch).written);
  }
  end(): void {
    this.zip.end();
    if (this.failure) throw this.failure;
  }
}
