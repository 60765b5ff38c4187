/**
 * Letters as schools send them: a saved letter (.eml, RFC 5322 with MIME), an Outlook letter (.msg, MS-OXMSG), a
 * mailbox (mbox, Thunderbird's folders) split into its letters. Each letter gives its date, subject, sender and
 * the files attached to it; what the files are is decided elsewhere (containers.ts). No fs, no DOM: runs in the
 * pane's reading worker and on the command line alike.
 *
 * MIME by postal-mime (made for browsers, workers and Node; decodes RFC 2047 words and RFC 2231 file names in any
 * charset TextDecoder knows — koi8-r, windows-1251, utf-8 — with limits on nesting and parts), .msg by
 * @kenjiuno/msgreader (the maintained reader of Outlook's compound files, embedded letters included).
 */
import type PostalMimeClass from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import type MsgReader from '@kenjiuno/msgreader';
import type { Sender } from '../domain/consolidate/mergeTypes';
import { receivedIso } from '../domain/consolidate/cells';

/**
 * The mail parsers, loaded with the first letter, not with the reader: nearly every received file is a workbook,
 * and each of the command line's reading threads started ~50 ms later for loading them (profiled). Both packages'
 * CommonJS builds give the class as `default` or as the module itself.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const postalMime = (): typeof PostalMimeClass => defaultOf(require('postal-mime'));
const msgReader = (): typeof MsgReader => defaultOf(require('@kenjiuno/msgreader'));
/* eslint-enable @typescript-eslint/no-require-imports */
const defaultOf = <T>(m: T | { default: T }): T => ((m as { default?: T }).default ?? m) as T;

/** A file attached to a letter (or a letter forwarded as an attachment: `letter`). */
export interface LetterPart {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  /** Shown in the letter's text rather than attached: a picture in the body, a signature's logo. */
  inline: boolean;
  /** A letter inside the letter (message/rfc822, an Outlook letter attached): read as a letter of its own. */
  letter: 'eml' | 'msg' | undefined;
}

export interface Letter {
  /** When the letter was sent, local ISO to the minute (receivedIso); undefined when it says nothing readable. */
  date?: string;
  subject: string;
  from?: Sender;
  parts: LetterPart[];
}

/** A letter that could not be read at all (damaged, or no letter): the reason is worded by the caller. */
export class LetterError extends Error {}

/** Russian zone names that Date.parse does not know, as some mail programs still write them. */
const ZONE_NAMES: Record<string, string> = { MSK: '+0300', MSD: '+0400', EET: '+0200', EEST: '+0300', YEKT: '+0500', OMST: '+0600', NOVT: '+0700', KRAT: '+0700', IRKT: '+0800', YAKT: '+0900', VLAT: '+1000' };

/**
 * A Date header («Tue, 20 Oct 2026 23:30:00 +0300», «20 Oct 2026 17:05 MSK», with a «(MSK)» comment) as the
 * local date-time of this computer, to the minute — the time zone the coordinator's calendar runs in, so a letter
 * written in Moscow time and one in local time compare alike. Undefined when it cannot be read.
 */
export function dateOfHeader(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let v = value.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  v = v.replace(/\b([A-Z]{3,4})$/, (z) => ZONE_NAMES[z] ?? z);
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return undefined;
  const year = new Date(t).getFullYear();
  // A date from a clock set to 1970 or 2099 is no evidence of when the report came.
  if (year < 2000 || year > 2100) return undefined;
  return receivedIso(t);
}

const senderOf = (a: Address | undefined): Sender | undefined => {
  if (!a) return undefined;
  if ('group' in a && a.group) return a.group[0] ? { address: a.group[0].address, name: a.group[0].name ?? '' } : undefined;
  return { address: a.address ?? '', name: a.name ?? '' };
};

const header = (email: Email, key: string): string | undefined => email.headers.find((h) => h.key === key)?.value;

/**
 * Which header decides (docs/reading.md «Письма»): Date — the time the school's mail program sent the letter, kept
 * by every saved copy and by a forwarded one; Received (the topmost, written by the last server, the coordinator's)
 * only when Date is missing or unreadable.
 */
function emailDate(email: Email): string | undefined {
  const date = dateOfHeader(header(email, 'date'));
  if (date) return date;
  const received = header(email, 'received');
  return received ? dateOfHeader(received.slice(received.lastIndexOf(';') + 1)) : undefined;
}

const toBytes = (c: ArrayBuffer | Uint8Array | string): Uint8Array => (typeof c === 'string' ? new TextEncoder().encode(c) : c instanceof Uint8Array ? c : new Uint8Array(c));

/** A saved letter (.eml, or one letter of a mailbox). */
export async function readEml(bytes: Uint8Array): Promise<Letter> {
  let email: Email;
  try {
    // message/rfc822 parts stay attachments: a forwarded letter is read as a letter of its own, with its own date.
    email = await postalMime().parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  } catch (e) {
    throw new LetterError((e as Error).message);
  }
  const parts = email.attachments.map((a): LetterPart => {
    const isLetter = /^message\/(rfc822|global)$/i.test(a.mimeType);
    return {
      name: (a.filename ?? '').trim(),
      bytes: toBytes(a.content),
      mimeType: a.mimeType.toLowerCase(),
      inline: !isLetter && (a.disposition === 'inline' || (a.disposition !== 'attachment' && Boolean(a.related && a.contentId))),
      letter: isLetter ? 'eml' : /\.msg$/i.test(a.filename ?? '') || a.mimeType === 'application/vnd.ms-outlook' ? 'msg' : undefined,
    };
  });
  return { date: emailDate(email), subject: email.subject ?? '', from: senderOf(email.from ?? email.sender), parts };
}

/** An Outlook letter (.msg). */
export function readMsg(bytes: Uint8Array): Letter {
  let reader: MsgReader;
  let data: ReturnType<MsgReader['getFileData']>;
  try {
    reader = new (msgReader())(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    data = reader.getFileData();
  } catch (e) {
    throw new LetterError((e as Error).message);
  }
  if (data.error) throw new LetterError(data.error);
  // The letter's own Internet headers when Outlook kept them (a received letter), so Date decides as for .eml;
  // else the time it was sent, else the time it was delivered.
  const transport = /^date:\s*(.+(?:\r?\n[ \t].+)*)/im.exec(data.headers ?? '')?.[1];
  const date = dateOfHeader(transport) ?? dateOfHeader(data.clientSubmitTime) ?? dateOfHeader(data.messageDeliveryTime);
  const address = data.senderSmtpAddress || (data.senderEmail && data.senderEmail.includes('@') ? data.senderEmail : '') || data.sentRepresentingSmtpAddress || data.senderEmail || '';
  const parts: LetterPart[] = [];
  for (const a of data.attachments ?? []) {
    let content: { fileName: string; content: Uint8Array };
    try {
      content = reader.getAttachment(a);
    } catch {
      // One attachment that cannot be taken out still counts: an empty part, refused as damaged.
      content = { fileName: a.fileName ?? a.name ?? '', content: new Uint8Array(0) };
    }
    parts.push({
      name: (content.fileName || a.fileName || a.name || '').trim(),
      bytes: content.content,
      mimeType: (a.attachMimeTag ?? '').toLowerCase(),
      inline: Boolean(a.attachmentHidden && a.pidContentId),
      letter: a.innerMsgContent ? 'msg' : /\.msg$/i.test(content.fileName) ? 'msg' : /\.eml$/i.test(content.fileName) ? 'eml' : undefined,
    });
  }
  return { date, subject: data.subject ?? '', from: address || data.senderName ? { address, name: data.senderName ?? '' } : undefined, parts };
}

/** Bytes of «From » (the line that starts each letter of a mailbox). */
const FROM_ = [0x46, 0x72, 0x6f, 0x6d, 0x20];
const startsWithAt = (b: Uint8Array, at: number, magic: number[]) => magic.every((m, i) => b[at + i] === m);

/**
 * The letters of a mailbox (mboxo / mboxrd, as Thunderbird and most mail programs keep a folder): each begins
 * with a «From » line at the start of the file or after an empty line. Lines the writer quoted as «>From » get
 * their «>» back off (mboxrd).
 */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (!startsWithAt(bytes, i, FROM_)) continue;
    const lineStart = i === 0;
    const afterBlank = i >= 2 && bytes[i - 1] === 0x0a && (bytes[i - 2] === 0x0a || (bytes[i - 2] === 0x0d && bytes[i - 3] === 0x0a));
    if (lineStart || afterBlank) starts.push(i);
  }
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : bytes.length;
    const nl = bytes.indexOf(0x0a, s);
    const body = bytes.subarray(nl < 0 || nl >= end ? end : nl + 1, end);
    return unquoteFrom(body);
  });
}

/** «>From » → «From », «>>From » → «>From » at line starts (mboxrd); the bytes as they are when there is none. */
function unquoteFrom(b: Uint8Array): Uint8Array {
  const cut: number[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 0x3e || (i > 0 && b[i - 1] !== 0x0a)) continue;
    let j = i;
    while (b[j] === 0x3e) j++;
    if (startsWithAt(b, j, FROM_)) cut.push(i);
  }
  if (cut.length === 0) return b;
  const out = new Uint8Array(b.length - cut.length);
  let at = 0;
  let from = 0;
  for (const c of cut) {
    out.set(b.subarray(from, c), at);
    at += c - from;
    from = c + 1;
  }
  out.set(b.subarray(from), at);
  return out;
}

/** Header names that begin a saved letter. */
const LETTER_HEADERS = /^(from|to|cc|subject|date|received|return-path|delivered-to|message-id|mime-version|content-type|reply-to|sender|x-[\w-]+|dkim-signature|arc-[\w-]+|authentication-results|thread-topic|thread-index|in-reply-to|references|user-agent|importance|x-mailer)$/i;

/**
 * What the first bytes say: a mailbox («From » line, then a letter's headers), a saved letter (header lines of a
 * letter: at least two known names, among them From, Date, Received or Subject), or neither.
 */
export function letterKind(bytes: Uint8Array): 'mbox' | 'eml' | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16 * 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const lines = head.split(/\r?\n/);
  if (/^From \S/.test(lines[0])) return headersBegin(lines.slice(1)) ? 'mbox' : undefined;
  return headersBegin(lines) ? 'eml' : undefined;
}

function headersBegin(lines: string[]): boolean {
  const names = new Set<string>();
  for (const line of lines.slice(0, 200)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue; // a folded header's continuation
    const m = /^([\x21-\x39\x3b-\x7e]+):/.exec(line);
    if (!m) return false;
    if (LETTER_HEADERS.test(m[1])) names.add(m[1].toLowerCase());
  }
  return names.size >= 2 && ['from', 'date', 'received', 'subject', 'message-id'].some((n) => names.has(n));
}
