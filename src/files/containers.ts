/**
 * What a received file holds when it is mail or an archive: every file found inside — attachments of letters,
 * letters forwarded inside letters, files of zip archives, letters of a mailbox — each with the letters and
 * archives around it (outermost first) and the letter it came with (its date and sender). Every file is accounted
 * for: found, refused with its reason (a damaged letter, a password on an archive, nesting too deep), or known as
 * no report (a picture in the letter's text, a signature, a letter with nothing attached). No fs, no DOM.
 */
import type { Carrier, Sender } from '../domain/consolidate/mergeTypes';
import { LETTER_WITHOUT_ATTACHMENTS } from '../domain/consolidate/receipt';
import { archivedFiles } from './archive';
import { cfbKind, GuardRefusal, LIMITS, sniff, zipEntries } from './guards';
import { letterKind, LetterError, readEml, readMsg, splitMbox, type Letter, type LetterPart } from './letters';
import { hasPackagePart, packageKind, partsByKey } from './packageKind';
import { REFUSAL } from './refusals';

export type ContainerKind = 'mbox' | 'eml' | 'msg' | 'zip';

/** A file found inside mail or an archive. */
export interface FoundFile {
  /** Its path for the register: the received file's name, then each letter and archive, then its own name. */
  name: string;
  bytes?: Uint8Array;
  via: Carrier[];
  /** The innermost letter it came with: its date (undefined when the letter has none readable) and sender. */
  letter?: { date?: string; from?: Sender };
  /** Refused before reading (Russian reason). */
  error?: string;
  /** Known not to be a report (Receipt.notReport). */
  notReport?: string;
  /** The letter (or archive) given at the top that it belongs to: a letter with a report has its cover letter and pictures set aside as no reports. */
  group: number;
}

/** The bytes decide, not the name: a mailbox saved without an extension is a mailbox. */
export function containerKind(bytes: Uint8Array): ContainerKind | undefined {
  const kind = sniff(bytes);
  if (kind === 'zip') {
    try {
      // A zip that is no Office or OpenDocument package (nor Apple's) is an archive of files. A package with a
      // workbook, document, presentation or OpenDocument part is never 'other' whatever its main part says, so
      // those are told without inflating anything (every received workbook passes here before it is read).
      const entries = zipEntries(bytes);
      if (hasPackagePart(partsByKey(entries))) return undefined;
      return packageKind(bytes, entries) === 'other' ? 'zip' : undefined;
    } catch {
      return undefined; // damaged: the workbook reader words it
    }
  }
  if (kind === 'cfb') {
    try {
      return cfbKind(bytes) === 'outlook' ? 'msg' : undefined;
    } catch {
      return undefined;
    }
  }
  if (kind === 'other') return letterKind(bytes);
  return undefined;
}

/** Parts of a letter that are no report by their kind: a signature, a contact card, an invitation. */
function partNotReport(p: LetterPart): string | undefined {
  if (p.inline && /^image\//.test(p.mimeType)) return 'рисунок в тексте письма (не отчёт)';
  if (p.inline && !p.name) return 'часть текста письма (не отчёт)';
  if (/pkcs7-signature|pgp-signature/.test(p.mimeType) || /\.(p7s|sig|asc|sgn)$/i.test(p.name)) return 'электронная подпись письма (не отчёт)';
  if (/^text\/(x-)?vcard/.test(p.mimeType) || /\.vcf$/i.test(p.name)) return 'визитная карточка отправителя (не отчёт)';
  if (/^text\/calendar/.test(p.mimeType) || /\.ics$/i.test(p.name)) return 'приглашение в календарь (не отчёт)';
  return undefined;
}

const baseName = (path: string) => path.replace(/^.*\//, '');

class Unpacking {
  readonly out: FoundFile[] = [];
  private groups = 0;
  constructor(private readonly top: string) {}

  private push(f: Omit<FoundFile, 'group'>, group: number): void {
    if (this.out.length === LIMITS.containerItems) {
      this.out.push({ name: this.top, via: [], error: REFUSAL.tooManyInside(this.top, LIMITS.containerItems), group });
      return;
    }
    if (this.out.length < LIMITS.containerItems) this.out.push({ ...f, group });
  }

  /** A file found at `path`: opened when it is mail or an archive, else kept to be read as a file. */
  async open(bytes: Uint8Array, path: string, via: Carrier[], letter: FoundFile['letter'], depth: number, group: number | undefined): Promise<void> {
    const kind = containerKind(bytes);
    const g = group ?? this.groups++;
    if (!kind) return this.push({ name: path, bytes, via, letter }, g);
    if (depth >= LIMITS.containerDepth) return this.push({ name: path, via, letter, error: REFUSAL.nestedTooDeep(baseName(path)) }, g);
    if (kind === 'zip') {
      let files;
      try {
        files = archivedFiles(bytes);
      } catch (e) {
        return this.push({ name: path, via, letter, error: archiveRefusal(e, baseName(path)) }, g);
      }
      if (files.length === 0) return this.push({ name: path, via, letter, notReport: 'пустой архив: файлов в нём нет (не отчёт)' }, g);
      const inside: Carrier[] = [...via, { kind: 'archive', name: baseName(path) }];
      for (const f of files) await this.open(f.bytes, `${path}/${f.name}`, inside, letter, depth + 1, g);
      return;
    }
    if (kind === 'mbox') {
      const letters = splitMbox(bytes);
      for (let i = 0; i < letters.length; i++) await this.letter(letters[i], 'eml', `${path}/письмо ${i + 1}`, via, letter, depth + 1, group);
      return;
    }
    return this.letter(bytes, kind, path, via, letter, depth, group);
  }

  /** A letter at `path` (a saved one, one of a mailbox, or one forwarded inside another). */
  private async letter(bytes: Uint8Array, kind: 'eml' | 'msg', path: string, via: Carrier[], outer: FoundFile['letter'], depth: number, group: number | undefined): Promise<void> {
    const g = group ?? this.groups++;
    if (depth >= LIMITS.containerDepth) return this.push({ name: path, via, letter: outer, error: REFUSAL.nestedTooDeep(baseName(path)) }, g);
    let letter: Letter;
    try {
      letter = kind === 'eml' ? await readEml(bytes) : readMsg(bytes);
    } catch (e) {
      if (!(e instanceof LetterError)) throw e;
      return this.push({ name: path, via, letter: outer, error: REFUSAL.letterDamaged(baseName(path)) }, g);
    }
    const carrier: Carrier = { kind: 'letter', file: this.top, subject: letter.subject, ...(letter.date ? { date: letter.date } : {}), ...(letter.from ? { from: letter.from } : {}) };
    const inside = [...via, carrier];
    // A forwarded letter keeps its own date and sender: the school's, not the one who forwarded it.
    const own = { date: letter.date ?? outer?.date, from: letter.from ?? outer?.from };
    const names = new Map<string, number>();
    const unique = (name: string) => {
      const n = (names.get(name.toLowerCase()) ?? 0) + 1;
      names.set(name.toLowerCase(), n);
      return n === 1 ? name : name.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`);
    };
    let found = 0;
    for (const p of letter.parts) {
      const name = unique(p.name || (p.letter ? 'письмо' : 'вложение без имени'));
      found++;
      const why = partNotReport(p);
      if (why) this.push({ name: `${path}/${name}`, via: inside, letter: own, notReport: why }, g);
      else if (p.letter) await this.letter(p.bytes, p.letter, `${path}/${name}`, inside, own, depth + 1, g);
      else await this.open(p.bytes, `${path}/${name}`, inside, own, depth + 1, g);
    }
    if (found === 0) this.push({ name: path, via: inside, letter: own, notReport: LETTER_WITHOUT_ATTACHMENTS }, g);
  }
}

function archiveRefusal(e: unknown, name: string): string {
  if (!(e instanceof GuardRefusal)) return REFUSAL.damaged(name);
  if (e.kind === 'encrypted') return REFUSAL.archivePassword(name);
  if (e.kind === 'zip-bomb') return REFUSAL.hostile(name);
  if (e.kind === 'too-large') return REFUSAL.tooLargeInside(name);
  if (e.kind === 'unsupported') return REFUSAL.archiveUnusual(name);
  return REFUSAL.damaged(name);
}

/**
 * The files inside a received file that is mail or an archive; undefined when it is neither (read it as a file).
 * `name` is the received file's name, which begins every path found.
 */
export async function unpackReceived(bytes: Uint8Array, name: string): Promise<FoundFile[] | undefined> {
  if (!containerKind(bytes)) return undefined;
  const u = new Unpacking(name);
  await u.open(bytes, name, [], undefined, 0, undefined);
  return u.out;
}
