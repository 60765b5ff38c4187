/**
 * Received texts that look like formulas land as text in every sheet of the consolidated workbook, and names such
 * as «__proto__», «constructor», «toString» are ordinary units, partners and sheets: they change no object of the
 * program. Schools' reports are written to files, merged by the command line, and the written .xlsx inspected.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { merge, type MergeJson } from '../../src/cli/merge';
import { GRADES, PARTNER_CATEGORIES } from '../../src/domain/forms/appendix3';
import { stampAppendix2 } from '../../src/domain/forms/stampAppendix2';
import { stampAppendix3 } from '../../src/domain/forms/stampAppendix3';
import { municipalSettings } from '../../src/domain/sample/schoolWorkbooks';
import type { CellInput, WorkbookPlan } from '../../src/domain/sheetPlan';
import { SHEET } from '../../src/domain/sheetNames';
import { writeXlsx } from '../../src/files/xlsxWriter';
import { FORMULA_LIKE, PROPERTY_NAMES } from './support';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

const UNITS = [...FORMULA_LIKE, ...PROPERTY_NAMES];

/** A school's filled report, every free-text field hostile. */
function hostileSchool(i: number): WorkbookPlan {
  const unit = UNITS[i];
  const other = (k: number) => UNITS[(i + k) % UNITS.length];
  const settings = { ...municipalSettings(), unit, level: 'school' as const };
  const grades = [10, 10, 10, 10, 10, 5, 5];
  const partnerNames: Record<string, string> = {
    professionalEducation: other(1),
    companies: `ООО «Ромашка ${i}»`,
    business: other(2),
    community: 'hasOwnProperty',
  };
  const row: Record<string, CellInput> = {
    unit, schools: 1, schoolsActive: 1, events: 3, students: 100, participants: 60, teachers: 5, teachersTotal: 20,
    ovzStudents: 2, ovzParticipants: 1, partnersCount: 4, partnersNames: Object.values(partnerNames).join('; '),
  };
  GRADES.forEach((g, k) => {
    row[`g${g}`] = grades[k];
    row[`ovzG${g}`] = k === 0 ? 1 : 0;
  });
  const partners: Record<string, CellInput> = { unit, partnersTotal: 4 };
  for (const c of PARTNER_CATEGORIES) {
    partners[`${c}Count`] = 1;
    partners[`${c}Names`] = partnerNames[c];
  }
  const plan: Record<string, CellInput>[] = [
    { level: 'Школьный', name: other(3), dates: '20.09.2023', targetGroup: other(4), expectedParticipants: 30, expectedResults: other(5), responsible: other(6) },
  ];
  const sheets = [
    stampAppendix2(settings, { fill: plan, rows: plan.length }),
    stampAppendix3(settings, { fill: { participation: [row], partners: [partners] }, rows: 1 }),
  ];
  // Sheets named like JavaScript properties in one school's file.
  if (unit === 'constructor') [sheets[0].name, sheets[1].name] = ['__proto__', 'constructor'];
  return { sheets };
}

/** File names as schools send them; a formula-like and a property-like one among them. */
const fileName = (i: number) => (['+1+1', '@SUM(1)', '__proto__', '-2+3'].includes(UNITS[i]) ? `${UNITS[i]}.xlsx` : `школа ${i + 1}.xlsx`);

let dir: string;
let json: MergeJson;
let out: XLSX.WorkBook;
let sheetXml: Map<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-inject-'));
  await mkdir(path.join(dir, 'почта'));
  for (let i = 0; i < UNITS.length; i++) await writeFile(path.join(dir, 'почта', fileName(i)), await writeXlsx(hostileSchool(i)));
  let stdout = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } };
  const outPath = path.join(dir, 'свод.xlsx');
  const code = await merge([path.join(dir, 'почта'), '--out', outPath, '--season', 'autumn', '--year', '2023', '--unit', 'Город Томск', '--json'], io);
  expect(code).toBe(0);
  json = JSON.parse(stdout);
  const bytes = await readFile(outPath);
  out = XLSX.read(bytes, { type: 'buffer', cellFormula: true, dense: false });
  // The raw XML of each sheet, by name, to see exactly what Excel will see.
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  sheetXml = new Map();
  for (const m of wbXml.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
    sheetXml.set(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&apos;/g, "'"), await zip.file(part)!.async('string'));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every cell of a sheet whose text contains `text`. */
function cellsWith(sheet: string, text: string): { address: string; cell: XLSX.CellObject }[] {
  const ws = out.Sheets[sheet];
  return Object.keys(ws)
    .filter((k) => !k.startsWith('!'))
    .map((address) => ({ address, cell: ws[address] as XLSX.CellObject }))
    .filter(({ cell }) => typeof cell.v === 'string' && cell.v.includes(text));
}

describe('formula-like received texts are written as text in every output sheet', () => {
  const sheets = [SHEET.detail, SHEET.partners, SHEET.consolidatedPlan, SHEET.register];

  test.each(sheets)('«%s»: each formula-like text is a string cell with no formula', (sheet) => {
    expect(out.SheetNames).toContain(sheet);
    for (const text of FORMULA_LIKE) {
      const found = cellsWith(sheet, text);
      if (sheet === SHEET.register && !['+1+1', '@SUM(1)', '-2+3'].includes(text)) continue; // the register names files and units
      expect({ sheet, text, found: found.length }).toEqual({ sheet, text, found: expect.any(Number) });
      expect(found.length).toBeGreaterThan(0);
      for (const { cell } of found) {
        expect(cell.t).toBe('s');
        expect(cell.f).toBeUndefined();
      }
    }
  });

  test('no formula anywhere in the workbook carries a received text', () => {
    for (const [name, xml] of sheetXml) {
      const formulas = [...xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1]);
      for (const f of formulas) expect({ sheet: name, f }).toEqual({ sheet: name, f: expect.not.stringMatching(/HYPERLINK|cmd|calc|@SUM|Ромашка|__proto__/) });
    }
  });

  test('in every sheet (indicators and the analytical note too) a cell holding such a text is a string', () => {
    let seen = 0;
    for (const sheet of out.SheetNames)
      for (const text of FORMULA_LIKE)
        for (const { address, cell } of cellsWith(sheet, text)) {
          // «Показатели» names each organisation by our own reference to «Свод по ОО» (='Свод по ОО'!B8&""), saved
          // with the value it computes: the text is that formula's cached result, never part of a formula.
          const ownReference = cell.f !== undefined && /^'[^']+'!\$?[A-Z]{1,3}\$?\d+&""$/.test(cell.f);
          expect({ sheet, address, t: cell.t, f: ownReference ? 'own reference' : cell.f }).toEqual({ sheet, address, t: 's', f: ownReference ? 'own reference' : undefined });
          seen++;
        }
    expect(seen).toBeGreaterThan(FORMULA_LIKE.length * 3);
  });

  test('every formula-like unit is a merged unit, and the JSON summary keeps the texts as they came', () => {
    for (const u of FORMULA_LIKE) expect(json.files.find((f) => f.unit === u)?.status).toBe('merged');
  });
});

describe('names like «__proto__», «constructor», «toString» are ordinary names', () => {
  test('units so named merge as ordinary units: every school counted once', () => {
    expect(json.files).toHaveLength(UNITS.length);
    for (const u of PROPERTY_NAMES) {
      const f = json.files.find((x) => x.unit === u);
      expect(f?.status).toBe('merged');
      expect(cellsWith(SHEET.detail, u).length).toBeGreaterThan(0);
    }
    expect(json.totals.participants).toBe(60 * UNITS.length);
    expect(json.totals.events).toBe(3 * UNITS.length);
  });

  test('partners so named are counted as distinct partners', () => {
    // Each school names five hostile texts or property names, a «Ромашка» of its own, and «hasOwnProperty».
    const distinct = new Set<string>();
    UNITS.forEach((_, i) => [UNITS[(i + 1) % UNITS.length], UNITS[(i + 2) % UNITS.length], `ООО «Ромашка ${i}»`, 'hasOwnProperty'].forEach((n) => distinct.add(n.toLowerCase())));
    expect(json.totals.partners.distinct).toBe(distinct.size);
    for (const n of [...PROPERTY_NAMES, 'hasOwnProperty']) expect(cellsWith(SHEET.partners, n).length).toBeGreaterThan(0);
  });

  test('the school whose sheets are named «__proto__» and «constructor» is read like any other', () => {
    const f = json.files.find((x) => x.unit === 'constructor')!;
    expect(f.status).toBe('merged');
    expect(f.errors).toBe(0);
  });

  test('no object of the program was changed', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
    expect(({} as { constructor: unknown }).constructor).toBe(Object);
  });
});
