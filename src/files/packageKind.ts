/**
 * What a zip package holds, read the way Office reads it: the package relationship of type officeDocument
 * (_rels/.rels) names the main part, and [Content_Types].xml says what that part is. Part names are compared
 * without regard to case (ECMA-376 Part 2, §9.1.1.1: part name equivalence is case-insensitive ASCII), and a
 * backslash is taken for a slash, as some writers put it. Only when the package says nothing usable are the
 * usual part names looked at. No fs, no DOM: runs in the pane too.
 */
import { pako } from './pakoOnDemand';
import { packedPart, type ZipEntry } from './guards';

export type PackageKind =
  | 'workbook'
  | 'binary-workbook'
  | 'word'
  | 'powerpoint'
  | 'opendocument-spreadsheet'
  | 'opendocument-text'
  | 'opendocument-other'
  /** An OpenDocument file saved with a password: its parts are encrypted, the manifest says so. */
  | 'opendocument-encrypted'
  /** Apple Numbers, Pages or Keynote: the file's name tells which. */
  | 'apple-iwork'
  | 'other';

/** A part name as compared: lower case, forward slashes, no leading slash. */
export const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

/** The entries by partKey (the first of two that collide wins, as SheetJS's look-up does). */
export function partsByKey(entries: ZipEntry[]): Map<string, ZipEntry> {
  const map = new Map<string, ZipEntry>();
  for (const e of entries) if (!map.has(partKey(e.name))) map.set(partKey(e.name), e);
  return map;
}

/** Small metadata parts only (relationships, content types, manifests): larger ones are not read here. */
const SMALL_PART = 1024 * 1024;

/** A small part's text ('' when absent, too large or damaged): the guards have already checked it inflates within caps. */
export function smallPartText(bytes: Uint8Array, parts: Map<string, ZipEntry>, name: string): string {
  const e = parts.get(partKey(name));
  if (!e || e.uncompressedSize > SMALL_PART) return '';
  try {
    const data = e.inflated ?? (e.method === 0 ? packedPart(bytes, e) : pako().inflateRaw(packedPart(bytes, e)));
    return new TextDecoder('utf-8').decode(data);
  } catch {
    return '';
  }
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag)?.slice(2).find((v) => v !== undefined);
const tags = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);

/** Resolves a relationship target against the folder of the part whose relationships name it. */
export function resolveTarget(sourceFolder: string, target: string): string {
  const t = decodeURIComponent(target.replace(/\\/g, '/'));
  const parts = (t.startsWith('/') ? t.slice(1) : `${sourceFolder}${t}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The main part of an OPC package (officeDocument relationship), as a partKey; undefined when none is named. */
export function mainPart(bytes: Uint8Array, parts: Map<string, ZipEntry>): string | undefined {
  const rels = smallPartText(bytes, parts, '_rels/.rels');
  const rel = tags(rels, 'Relationship').find((r) => /\/officeDocument$/i.test(attr(r, 'Type') ?? ''));
  const target = rel && attr(rel, 'Target');
  if (!target || /^[a-z][\w+.-]*:/i.test(target)) return undefined; // an external target is no part
  try {
    return partKey(resolveTarget('', target));
  } catch {
    return undefined;
  }
}

/** The content type [Content_Types].xml gives a part: its Override, else the Default of its extension. */
function contentType(bytes: Uint8Array, parts: Map<string, ZipEntry>, part: string): string {
  const types = smallPartText(bytes, parts, '[Content_Types].xml');
  const override = tags(types, 'Override').find((t) => partKey(attr(t, 'PartName') ?? '') === part);
  if (override) return (attr(override, 'ContentType') ?? '').toLowerCase();
  const ext = /\.([^./]+)$/.exec(part)?.[1] ?? '';
  const byDefault = tags(types, 'Default').find((t) => (attr(t, 'Extension') ?? '').toLowerCase() === ext);
  return (byDefault && attr(byDefault, 'ContentType')?.toLowerCase()) ?? '';
}

function kindOfContentType(type: string): PackageKind | undefined {
  if (/spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template|addin)\.macroenabled\.main\+xml$/.test(type)) return 'workbook';
  if (/ms-excel\.sheet\.binary\.macroenabled\.main$/.test(type)) return 'binary-workbook';
  if (/wordprocessingml\.(document|template)\.main\+xml$|ms-word\.(document|template)\.macroenabled\.main\+xml$/.test(type)) return 'word';
  if (/presentationml\.(presentation|slideshow|template)\.main\+xml$|ms-powerpoint\.\w+\.macroenabled\.main\+xml$/.test(type)) return 'powerpoint';
  return undefined;
}

/** Parts whose presence alone makes packageKind answer a kind other than 'other' (its fallbacks below). */
const PACKAGE_PARTS = ['xl/workbook.xml', 'xl/workbook.bin', 'word/document.xml', 'ppt/presentation.xml', 'content.xml', 'mimetype'];
/** Whether the package is an Office or OpenDocument one by its part names alone: packageKind is never 'other' then. */
export const hasPackagePart = (parts: Map<string, ZipEntry>): boolean => PACKAGE_PARTS.some((k) => parts.has(k));

/** What a checked zip package holds; see the module comment. */
export function packageKind(bytes: Uint8Array, entries: ZipEntry[]): PackageKind {
  const parts = partsByKey(entries);
  const main = mainPart(bytes, parts);
  if (main && parts.has(main)) {
    const kind = kindOfContentType(contentType(bytes, parts, main));
    if (kind) return kind;
    // A package whose content types say nothing known: the main part's own name tells a workbook.
    if (/(^|\/)workbook\.xml$/.test(main)) return 'workbook';
    if (/(^|\/)workbook\.bin$/.test(main)) return 'binary-workbook';
  }
  if (parts.has('xl/workbook.xml')) return 'workbook';
  if (parts.has('xl/workbook.bin')) return 'binary-workbook';
  if (parts.has('word/document.xml')) return 'word';
  if (parts.has('ppt/presentation.xml')) return 'powerpoint';
  if (parts.has('content.xml') || parts.has('mimetype')) {
    const manifest = smallPartText(bytes, parts, 'META-INF/manifest.xml');
    if (/<(?:\w+:)?encryption-data\b/.test(manifest)) return 'opendocument-encrypted';
    const mimetype = smallPartText(bytes, parts, 'mimetype').trim() || (/manifest:full-path="\/"[^>]*manifest:media-type="([^"]*)"/.exec(manifest)?.[1] ?? '');
    if (/opendocument\.spreadsheet/.test(mimetype) || mimetype === '') return 'opendocument-spreadsheet';
    if (/opendocument\.text/.test(mimetype)) return 'opendocument-text';
    return 'opendocument-other';
  }
  // Apple iWork (Numbers, Pages, Keynote): Index/*.iwa archives or an Index.zip, and Metadata/*.plist.
  if ([...parts.keys()].some((k) => /(^|\/)(index\.zip|index\/[^/]+\.iwa|metadata\/buildversionhistory\.plist)$/.test(k))) return 'apple-iwork';
  return 'other';
}

/**
 * The sheet a worksheet part holds, from the workbook part and its relationships (both small, inflated under the
 * same caps); the part's own name when they cannot be read.
 */
export function sheetNameOfPart(bytes: Uint8Array, entries: ZipEntry[], part: string): string {
  try {
    const parts = partsByKey(entries);
    const workbook = mainPart(bytes, parts) ?? 'xl/workbook.xml';
    const folder = workbook.replace(/[^/]*$/, '');
    const rels = smallPartText(bytes, parts, `${folder}_rels/${workbook.slice(folder.length)}.rels`);
    const rel = tags(rels, 'Relationship').find((r) => partKey(resolveTarget(folder, attr(r, 'Target') ?? '')) === partKey(part));
    const id = rel && attr(rel, 'Id');
    const sheet = id ? tags(smallPartText(bytes, parts, workbook), 'sheet').find((t) => /:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(t)?.slice(2).includes(id)) : undefined;
    const name = sheet && attr(sheet, 'name');
    if (name) return name.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  } catch {
    // fall through to the part's name
  }
  return part;
}
