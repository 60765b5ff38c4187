/**
 * The workbooks the command line writes, as Excel reads their print setup and validations: every generated sheet
 * prints one page wide, the analytical note fits A4 portrait inside its margins at full size, and no cell has two
 * data validations. (Written as the command line writes them: the one writer, src/cli/writeBook.ts.)
 */
import JSZip from 'jszip';
import { parseRange } from '../src/domain/a1';
import { SHEET } from '../src/domain/sheetNames';
import { writeBook } from '../src/cli/writeBook';
import { everyWorkbook } from './support/everySheet';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

interface SheetXml {
  name: string;
  xml: string;
}

async function sheetsOf(bytes: Uint8Array): Promise<SheetXml[]> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const targetOf = (id: string) => target.get(id) ?? [...rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].find((m) => m[2] === id)![1];
  const out: SheetXml[] = [];
  for (const m of wb.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const path = targetOf(m[2]).replace(/^\/?(xl\/)?/, 'xl/');
    out.push({ name: m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'), xml: await zip.file(path)!.async('string') });
  }
  return out;
}

/** Every area of every <dataValidation sqref="…"> (a sqref lists areas separated by spaces). */
const validationAreas = (xml: string) =>
  [...xml.matchAll(/<dataValidation [^>]*?sqref="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/).map((a) => ({ sqref: a, box: parseRange(a) })));

const overlap = (a: ReturnType<typeof parseRange>, b: ReturnType<typeof parseRange>) =>
  !(a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left);

/** A column's printed width in points: Excel's width is in characters of Calibri 11 (7 px each plus 5 px padding). */
const columnPoints = (chars: number) => ((Math.trunc(((chars * 7 + 5) / 7) * 256) / 256) * 7 * 0.75);

const workbooks = everyWorkbook({ seasons: ['autumn'], units: 25 });

test.each(workbooks.map((w) => [w.label, w.plan] as const))('%s: every printed sheet is one page wide, no cell has two validations', async (label, plan) => {
  const sheets = await sheetsOf(await writeBook(plan));
  expect(sheets.map((s) => s.name)).toEqual(plan.sheets.map((p) => p.name));
  for (const p of plan.sheets) {
    const { xml } = sheets.find((s) => s.name === p.name)!;
    if (!p.hidden) expect([p.name, p.print?.fitToWidth]).toEqual([p.name, true]);
    if (p.print?.fitToWidth) {
      // fitToWidth/fitToHeight only act with sheetPr/pageSetUpPr fitToPage (ECMA-376 Part 1, 18.3.1.65 pageSetup).
      expect([p.name, /<sheetPr\b[^>]*>(?:(?!<\/sheetPr>).)*<pageSetUpPr fitToPage="1"\/>/s.test(xml)]).toEqual([p.name, true]);
      expect([p.name, /<pageSetup [^>]*paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/.test(xml)]).toEqual([p.name, true]);
    } else expect([p.name, /fitToWidth=|fitToHeight=/.test(xml)]).toEqual([p.name, false]);
    const areas = validationAreas(xml);
    const clashes: string[] = [];
    areas.forEach((a, i) => areas.slice(i + 1).forEach((b) => overlap(a.box, b.box) && clashes.push(`${a.sqref} & ${b.sqref}`)));
    expect([p.name, clashes]).toEqual([p.name, []]);
  }
});

test('the analytical note prints on A4 portrait inside its margins, not shrunk', async () => {
  const w = workbooks.find((x) => x.label.startsWith('consolidated'))!;
  const note = (await sheetsOf(await writeBook(w.plan))).find((s) => s.name === SHEET.note)!;
  expect(note.xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="portrait"/);
  const margins = /<pageMargins left="([\d.]+)" right="([\d.]+)"/.exec(note.xml)!;
  const printable = 595.3 - (Number(margins[1]) + Number(margins[2])) * 72; // A4 is 595.3 pt wide
  const used = [...note.xml.matchAll(/<col [^>]*?min="(\d+)" max="(\d+)"[^>]*?width="([\d.]+)"/g)].reduce(
    (sum, m) => sum + (Number(m[2]) - Number(m[1]) + 1) * columnPoints(Number(m[3])),
    0,
  );
  expect(used).toBeGreaterThan(printable * 0.8); // the columns are there and wide enough to read
  expect(used).toBeLessThanOrEqual(printable);
});
