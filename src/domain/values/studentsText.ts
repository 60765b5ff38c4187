/**
 * The pupils cell of the Word form, where one cell holds a whole paragraph (seed 002's example):
 * «Общее количество обучающихся 5-11 классов в муниципалитете – 599 чел. Общее количество обучающихся 5-11
 * классов, принявших участие … – 438 чел. Из них: 5 класс - 59 чел.; 6 класс -79 чел.; … 11 класс - 53 чел.»
 * The same shape serves the ОВЗ cell («7 классы - 17 чел.», «9 классы - 22 чел.,»).
 */
import { GRADES } from '../forms/appendix3';
import { NUMBER_SOURCE, numberFromText } from './count';

export interface StudentsText {
  total: number | null;
  participants: number | null;
  /** Per grade 5…11; null where the text does not name the grade. */
  grades: (number | null)[];
}

/** «5 класс - 59 чел.», «7 классы – 17», «9 кл.: 22» */
const GRADE_ITEM = new RegExp(`(?:^|[^\\d])(\\d{1,2})\\s*-?\\s*(?:класс[а-яёa-z]*|кл\\.?)\\s*[-–—:]?\\s*(${NUMBER_SOURCE})(?!\\s*-?\\s*(?:класс|кл))`, 'gi');
/** A figure that follows a dash or colon set off by spaces («– 599»), or precedes «чел.»; not the «5-11» of «5-11 классов». */
const FIGURE = new RegExp(`(?:[-–—:]\\s+(${NUMBER_SOURCE.replace('[-+−–]?\\s*', '')})|(${NUMBER_SOURCE.replace('[-+−–]?\\s*', '')})\\s*чел)`, 'gi');

const TOOK_PART = /принявш|приняли|участвовал|охвачен/i;

/**
 * Reads the paragraph; undefined when the text is not of that kind (no «класс» items and no described figures),
 * so a caller can say the cell is unreadable.
 */
export function parseStudentsText(text: string): StudentsText | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const split = /из\s+них|в\s+том\s+числе|в т\.ч\./i.exec(flat);
  const head = split ? flat.slice(0, split.index) : flat;
  const tail = split ? flat.slice(split.index) : '';

  let total: number | null = null;
  let participants: number | null = null;
  let from = 0;
  for (const m of head.matchAll(FIGURE)) {
    const value = numberFromText(m[1] ?? m[2]);
    // What the figure is follows from the words since the previous figure.
    const words = head.slice(from, m.index);
    from = (m.index ?? 0) + m[0].length;
    if (TOOK_PART.test(words)) participants ??= value;
    else if (total === null) total = value;
    else participants ??= value;
  }

  const grades: (number | null)[] = GRADES.map(() => null);
  for (const m of (tail || flat).matchAll(GRADE_ITEM)) {
    const i = GRADES.indexOf(Number(m[1]) as (typeof GRADES)[number]);
    if (i >= 0 && grades[i] === null) grades[i] = numberFromText(m[2]);
  }
  if (total === null && participants === null && grades.every((g) => g === null)) return undefined;
  return { total, participants, grades };
}
