/**
 * Row height (points) that shows wrapped text whole: Excel does not grow rows of merged cells by itself, so the
 * stamper sizes header and caption rows from the text. An estimate — a line holds about as many characters as
 * the column is wide (bold and capitals run wider, hence the margin); words are wrapped whole, as Excel does,
 * which in a narrow column leaves much of each line empty («профориентационным» alone fills one).
 */
export function textHeight(text: string, widthChars: number, fontSize = 11, bold = false): number {
  const perLine = Math.max(4, Math.floor(widthChars * (11 / fontSize) * (bold ? 0.88 : 0.95)));
  const lines = text.split('\n').reduce((n, paragraph) => n + wrappedLines(paragraph.trim(), perLine), 0);
  return Math.ceil(lines * fontSize * 1.32 + 4);
}

/** Lines a paragraph takes when wrapped at word boundaries; a word longer than a line is broken. */
function wrappedLines(paragraph: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) {
      used = need;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.floor(Math.max(0, word.length - 1) / perLine);
    used = word.length % perLine || perLine;
  }
  return lines;
}
