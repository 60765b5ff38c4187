/**
 * Hostile files built in the tests themselves (no binary fixtures): minimal xlsx packages, zips that lie about
 * their sizes, CFB containers, and a real school workbook to break.
 */
import { deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../src/files/xlsxWriter';
import { FileReadError, readWorkbookFile, type ReadWorkbookOptions } from '../../src/files/readWorkbook';

/** Texts a spreadsheet would run as formulas (or a DDE call) if they were written as typed input. */
export const FORMULA_LIKE = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1)'];
/** Names that are also properties of every JavaScript object. */
export const PROPERTY_NAMES = ['__proto__', 'constructor', 'toString'];

/** A real school report (Appendix 2 and 3 filled), as the writer writes it. */
export async function schoolReportBytes(index = 0): Promise<Uint8Array> {
  const sample = sampleSchoolWorkbooks({ schools: 3, broken: false, twice: false, planRows: 5 });
  return writeXlsx(sample.files[index].workbook!);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column letters of a 1-based column number. */
export function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Cells of one row as inline strings / numbers. */
export function rowXml(r: number, values: (string | number)[]): string {
  const cells = values
    .map((v, i) =>
      typeof v === 'number'
        ? `<c r="${columnName(i + 1)}${r}"><v>${v}</v></c>`
        : `<c r="${columnName(i + 1)}${r}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`,
    )
    .join('');
  return `<row r="${r}">${cells}</row>`;
}

/** The parts of a minimal one-or-more-sheet .xlsx; `sheets` maps a sheet name to its <sheetData> content. */
export function minimalXlsxParts(sheets: { name: string; data: string }[]): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${s.data}</sheetData></worksheet>`;
  });
  return parts;
}

export async function zipOf(parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data, { date: new Date(Date.UTC(2023, 9, 1)) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const minimalXlsx = (sheets: { name: string; data: string }[]) => zipOf(minimalXlsxParts(sheets));

/** One part of a hand-made zip: `declared` overrides the uncompressed size written in both headers. */
export interface RawPart {
  /** A text name is written as UTF-8 with the UTF-8 flag; bytes as given (cp866, as Windows' own zip writes them). */
  name: string | Uint8Array;
  data: Uint8Array;
  declared?: number;
  /** General-purpose flags; default 0x0800 (UTF-8) for a text name, 0 for bytes. 0x0001 marks it encrypted. */
  flags?: number;
}

/** A zip written byte by byte, so a test can make it lie about sizes (real writers never do). */
export function rawZip(parts: RawPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = typeof p.name === 'string' ? Buffer.from(p.name, 'utf8') : Buffer.from(p.name);
    const flags = p.flags ?? (typeof p.name === 'string' ? 0x0800 : 0);
    const packed = deflateRawSync(p.data, { level: 9 });
    const size = p.declared ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC: SheetJS does not check it
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, packed);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + packed.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBytes, end]));
}

/** A compound file with the given streams, as Office writes password-protected packages. */
export function cfbWith(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, data);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
}

/** How tryRead calls the reader: as `check` does (default), or as the merge does ({ formulas: false }). */
/** How the files are read: the reader's options, and what runs around the reading (the pane's native inflate). */
export const readingAs: { options: ReadWorkbookOptions; around?: <T>(bytes: Uint8Array, read: () => T) => Promise<T> } = { options: {} };

/** Read, and say what happened: the grid, or the refusal's message; anything else fails the test. */
export async function tryRead(bytes: Uint8Array, fileName: string): Promise<{ grid?: ReturnType<typeof readWorkbookFile>; refusal?: string; ms: number }> {
  const t0 = performance.now();
  try {
    const read = () => readWorkbookFile(bytes, fileName, readingAs.options);
    const grid = readingAs.around ? await readingAs.around(bytes, read) : read();
    return { grid, ms: performance.now() - t0 };
  } catch (e) {
    if (e instanceof FileReadError) return { refusal: e.message, ms: performance.now() - t0 };
    throw e;
  }
}

/** A message a coordinator can act on: Russian, names the file, no programmer's words. */
export function expectUserMessage(message: string | undefined, fileName: string): void {
  expect(message).toBeDefined();
  expect(message).toContain(`«${fileName}»`);
  expect(message).toMatch(/[А-Яа-яЁё]{4,}/);
  expect(message).not.toMatch(/\bat \w+ \(|Error:|undefined|NaN|\[object/);
  // Says what to do.
  expect(message).toMatch(/пришлите|Попросите|Снимите|сохраните|Удалите|удалите/i);
  // In a school's words: no part names of the package, no zip jargon.
  expect(message).not.toMatch(/\bxl\/|_rels|\.rels\b|\.xml\b|оглавлени|ZIP64|распаковк|сжата в|zip-бомб|часть «/i);
}

/** Network APIs a page could call on its own; none is used by the add-in's code. */
export const NETWORK_CALLS: [string, RegExp][] = [
  ['fetch', /(?<![\w.$])fetch\s*\(|\.fetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['EventSource', /EventSource/],
  ['sendBeacon', /sendBeacon/],
  // webpack's own chunk loader inside the pane's Web Workers, `importScripts(r.p + r.u(id))`: the public path plus a
  // chunk's file name, always the add-in's own origin (and CSP script-src 'self' refuses anything else). Any other
  // importScripts is still a finding.
  ['importScripts call', /importScripts\s*\((?![A-Za-z_$][\w$]*\.p\+[A-Za-z_$][\w$]*\.u\([A-Za-z_$][\w$]*\)\))/],
  ['RTCPeerConnection', /RTCPeerConnection/],
  ['new Worker from a URL', /new\s+(?:Shared)?Worker\s*\(\s*['"`]https?:/],
];
