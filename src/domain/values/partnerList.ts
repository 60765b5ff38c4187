/**
 * A list of partner organisations as a person reads it. Schools separate names by commas, semicolons, line
 * breaks or numbers («1) …; 2) …»), but commas also live inside names («Колледж индустрии питания, торговли и
 * сферы услуг») and quotes are nested and not always closed («АО «НПЦ «Полюс», АО «Транснефть…»»). A separator
 * is taken for one where a reader would: a semicolon, a line break or a bullet always; a comma unless it stands
 * inside quotes or brackets that close further on or what follows continues the name (a lower-case list of nouns
 * ending in «и …», «г. Томск», «факультет …»), and always before a legal form (АО, ООО, ОГБПОУ …).
 */

/** Legal and organisational forms: a word like this after a comma starts a new partner. */
const FORMS = new Set([
  'ооо', 'зао', 'оао', 'пао', 'нао', 'ао', 'ип', 'ано', 'нко', 'фгуп', 'муп', 'гуп', 'гк', 'ук',
  'огбу', 'огау', 'огку', 'огбоу', 'огаоу', 'огбпоу', 'огапоу', 'огбудо', 'огаудо',
  'маоу', 'мбоу', 'мкоу', 'моу', 'мау', 'мбу', 'мку', 'маудо', 'мбудо', 'мадоу', 'мбдоу',
  'фгбоу', 'фгаоу', 'фгбу', 'фгау', 'фгку', 'гбу', 'гау', 'гку', 'гбоу', 'гбпоу', 'гапоу', 'чоу', 'нчоу',
]);

/** Nouns that name a kind of organisation: a lower-case name beginning with one is a new partner. */
const ORGANISATION_NOUNS = new Set([
  'колледж', 'техникум', 'училище', 'университет', 'институт', 'академия', 'филиал', 'школа', 'лицей', 'гимназия',
  'центр', 'завод', 'фабрика', 'комбинат', 'компания', 'предприятие', 'банк', 'музей', 'библиотека', 'театр',
  'больница', 'поликлиника', 'клиника', 'управление', 'департамент', 'министерство', 'администрация', 'фонд',
  'общество', 'союз', 'ассоциация', 'клуб', 'пекарня', 'магазин', 'салон', 'агентство', 'редакция', 'студия',
]);

/** People a school lists as partners of the community category: each is a partner of its own. */
const COMMUNITY_NOUNS = /^(?:родител|выпускник|ветеран|представител|сотрудник|волонт[её]р|студент|педагог|работник|депутат|совет)/;

/** Words after a comma that say where or which part of the organisation just named, not a new one. */
const APPOSITION = /^(?:г|с|п|пос|пгт|д|ул|обл|р-н|район|область|город\s+[А-ЯЁ]|филиал|факультет|кафедра|лаборатория|отдел|предприниматель)(?![а-яё])/;

const OPENERS = '«„“([{';
/** Separators that always end a name. */
const HARD = ';\n•';
const CLOSERS = '»”)]}';
const codes = (chars: string): Set<number> => new Set([...chars].map((ch) => ch.charCodeAt(0)));
const OPENER_CODES = codes(OPENERS);
const HARD_CODES = codes(HARD);
const CLOSER_CODES = codes(CLOSERS);
const QUOTE = 34;
const SPACE = 32;
const COMMA = 44;
const I_LETTER = 0x438; // «и»
/** What `\s` matches in a regular expression, by character code. */
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

interface Piece {
  text: string;
  /** The separator before this piece ('' for the first). */
  sep: string;
  /** The separator stands inside quotes or brackets that close further on. */
  inside: boolean;
}

/**
 * Depth of quotes and brackets before each character. A straight quote (") opens after a space, an opening
 * mark or the start, and closes after a letter or a closing mark; «лапки» are nested as «ёлочки» are.
 */
function depths(text: string): number[] {
  const out: number[] = new Array(text.length + 1);
  let depth = 0;
  let prevOpened = true;
  // Character codes, not one-character strings: a Cyrillic character as a string is a new string each time, and
  // every partner cell of every school passes here.
  for (let i = 0; i < text.length; i++) {
    out[i] = depth;
    const c = text.charCodeAt(i);
    if (OPENER_CODES.has(c)) {
      depth++;
      prevOpened = true;
      continue;
    }
    if (CLOSER_CODES.has(c)) {
      if (depth > 0) depth--;
      prevOpened = false;
      continue;
    }
    if (c === QUOTE) {
      const before = i === 0 ? SPACE : text.charCodeAt(i - 1);
      const opens: boolean = depth === 0 || isSpace(before) || (prevOpened && before === QUOTE) || OPENER_CODES.has(before);
      if (opens) depth++;
      else depth--;
      prevOpened = opens;
      continue;
    }
    if (!isSpace(c)) prevOpened = false;
  }
  out[text.length] = depth;
  return out;
}

/** Items of a numbered list «1) …; 2) …» or «1. … 2. …»: markers counting up from 1, not a «№ 2.». */
function numberedItems(text: string): string[] | null {
  const marker = /(^|[\s,;])(\d{1,2})\s*[.)](?=\s*[^\s\d.)])/g;
  const starts: number[] = [];
  let next = 1;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const at = m.index + m[1].length;
    if (/№\s*$/.test(text.slice(0, at))) continue;
    if (Number(m[2]) !== next) continue;
    if (next === 1 && text.slice(0, at).trim() !== '') return null;
    starts.push(at);
    next++;
  }
  if (starts.length < 2) return null;
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).replace(/^\d{1,2}\s*[.)]\s*/, ''));
}

/** Cut at every candidate separator, remembering which stand inside quotes that close later. */
function pieces(text: string): Piece[] {
  const d = depths(text);
  // The lowest depth from each position to the end of its item (the next semicolon, line break or bullet): a comma
  // is truly inside when its quote closes within the same item, not in some later name.
  const lowestAfter: number[] = new Array(text.length + 1);
  lowestAfter[text.length] = d[text.length];
  for (let i = text.length - 1; i >= 0; i--) lowestAfter[i] = HARD_CODES.has(text.charCodeAt(i)) ? d[i] : Math.min(d[i], lowestAfter[i + 1]);
  const out: Piece[] = [];
  let from = 0;
  let sep = '';
  let inside = false;
  const cut = (at: number, len: number, s: string) => {
    out.push({ text: text.slice(from, at), sep, inside });
    from = at + len;
    sep = s;
    inside = d[at] > 0 && lowestAfter[at] < d[at];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || HARD_CODES.has(c)) cut(i, 1, text[i]);
    // (Not read past the end: a character code out of range deoptimises this loop, once a thread.)
    else if (c === SPACE && i + 2 < text.length && text.charCodeAt(i + 1) === I_LETTER && isSpace(text.charCodeAt(i + 2))) {
      // «ООО «Спар» и АО «Почта России»»: «и» before a legal form joins two partners.
      const m = /^ и\s+/.exec(text.slice(i))!;
      if (FORMS.has(firstWord(text.slice(i + m[0].length)).toLowerCase())) cut(i, m[0].length, 'и');
    }
  }
  out.push({ text: text.slice(from), sep, inside });
  return out;
}

const firstWord = (s: string): string => /^[\s\-–—•·*]*([^\s«"“„(,;]*)/.exec(s)?.[1] ?? '';

/** Could this piece go on with the name before it: a lower-case word that names no organisation of its own? */
function mayContinue(text: string): boolean {
  const w = firstWord(text.trim());
  if (!/^[а-яё]{4,}$/.test(w)) return false;
  if (ORGANISATION_NOUNS.has(w) || COMMUNITY_NOUNS.test(w)) return false;
  // A new lower-case name usually starts with its adjective («томский техникум»).
  return !/(?:ский|ская|ское|ские|цкий|цкая|ный|ная|ное|ные|ый|ий|ая)$/.test(w);
}

/**
 * Which pieces go on with the name before them: «…, торговли и сферы услуг», «…, г. Томск». A list of nouns inside
 * one name ends with «и …»: «Министерство труда, занятости и социальной защиты». Worked out from the end, once per
 * piece, so a cell of thousands of commas costs no more than its length.
 */
function continuations(all: Piece[]): boolean[] {
  const run: boolean[] = new Array(all.length).fill(false);
  for (let k = all.length - 1; k >= 0; k--) {
    if (!mayContinue(all[k].text)) continue;
    run[k] = /\sи\s/.test(` ${all[k].text.trim()} `) || (k + 1 < all.length && all[k + 1].sep === ',' && run[k + 1]);
  }
  return all.map((p, k) => APPOSITION.test(p.text.trim()) || run[k]);
}

function startsNewPartner(p: Piece): boolean {
  const w = firstWord(p.text).replace(/\.$/, '');
  return FORMS.has(w.toLowerCase()) || /^и\.?\s*п$/i.test(w) || /^\d{1,2}[.)]/.test(p.text.trim());
}

/** Joins the pieces a reader would not cut apart. */
function joined(all: Piece[]): string[] {
  const out: string[] = [];
  const continues = continuations(all);
  all.forEach((p, i) => {
    if (i === 0) {
      out.push(p.text);
      return;
    }
    // Semicolons, line breaks and bullets always separate: no name holds one, and a stray quote elsewhere in the
    // cell must not glue a whole list together.
    const keep = p.sep === ',' && !startsNewPartner(p) && (p.inside || continues[i]);
    if (keep) out[out.length - 1] += p.sep + p.text;
    else out.push(p.text);
  });
  return out;
}

/** Drops trailing punctuation, but keeps the dot of an initial («Сидоров П.И.»). */
function tidyEnd(s: string): string {
  let t = s.replace(/[\s;,]+$/, '');
  if (t.endsWith('.') && !/(?:^|[\s.])[А-ЯЁA-Z]\.$/.test(t)) t = t.slice(0, -1);
  return t.trim();
}

const tidy = (s: string): string =>
  tidyEnd(
    s
      .replace(/\r/g, '')
      .replace(/^\s*\d{1,2}[.)]\s+/, '') // «1. ТГУ» on its own line
      .replace(/^[\s\-–—•·*]+/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** The partner names of a cell's list, in order; filler such as «—» dropped. */
export function splitNames(text: string): string[] {
  // A numbered item is read like any list: «3) АО «НПЦ «Полюс», АО «Транснефть»» is still two partners.
  const items = (numberedItems(text) ?? [text]).flatMap((item) => joined(pieces(item)));
  return items.map(tidy).filter((s) => s !== '' && !/^[-–—]+$/.test(s));
}
