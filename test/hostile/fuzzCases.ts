/**
 * Fuzzing the check command's reader (readWorkbookFile → readForms → checkWorkbook) with mutated school reports:
 * bytes flipped (anywhere, and in the zip's central directory), files truncated, zip parts altered, dropped or
 * swapped. Every outcome must be a FileReadError with a Russian message or a normal list of problems — no other
 * exception, no hang. Seeded, so a failure is reproduced by its seed and iteration number.
 *
 * FUZZ_ITERATIONS and FUZZ_SEED override the defaults (e.g. FUZZ_ITERATIONS=20000 for a long run).
 */
import JSZip from 'jszip';
import { readForms } from '../../src/domain/read';
import { checkWorkbook } from '../../src/domain/rules';
import { seededRandom } from '../../src/domain/sample/municipality';
import { FileReadError, readWorkbookFile, type ReadWorkbookOptions } from '../../src/files/readWorkbook';
import { planToGrid, writeGrids } from '../support/formGrids';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { campaignFor } from '../../src/cli/check';
import { rawZip } from './support';

const ALL_ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 394);
/** One file must never take longer than this (a normal report reads in tens of milliseconds). */
const PER_FILE_MS = 5000;

type Outcome = 'read' | 'refused';

/** What `profkampaniya check` does with one file: read it, take the campaign from it, find the forms, check them. */
function checkFile(bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions = {}): Outcome {
  try {
    const grid = readWorkbookFile(bytes, fileName, options);
    const { settings } = campaignFor(grid, {}, new Date(Date.UTC(2023, 9, 20)));
    const problems = checkWorkbook(readForms(grid, { year: settings.year }), settings);
    expect(Array.isArray(problems)).toBe(true);
    for (const p of problems) expect(typeof p.message).toBe('string');
    return 'read';
  } catch (e) {
    if (e instanceof FileReadError) {
      expect(e.message).toContain(`«${fileName}»`);
      expect(e.message).not.toMatch(/\bat \w+ \(|undefined|\[object/);
      return 'refused';
    }
    throw e;
  }
}

const mutators: Record<string, (base: Uint8Array, parts: Map<string, string>, rnd: () => number) => Uint8Array> = {
  flipBytes(base, parts, rnd) {
    // Half the time in the stored package SheetJS wrote (flips land in XML), half in a deflated one.
    const out = parts.size === 0 || rnd() < 0.5 ? new Uint8Array(base) : rebuild(parts, new Map());
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) out[Math.floor(rnd() * out.length)] ^= 1 << Math.floor(rnd() * 8);
    return out;
  },
  flipCentralDirectory(base, _parts, rnd) {
    // The last tenth holds the central directory: sizes, offsets, counts, name lengths.
    const out = new Uint8Array(base);
    const from = Math.floor(out.length * 0.9);
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) out[from + Math.floor(rnd() * (out.length - from))] = Math.floor(rnd() * 256);
    return out;
  },
  truncate(base, _parts, rnd) {
    return base.slice(0, Math.floor(rnd() * base.length));
  },
  alterPartText(_base, parts, rnd) {
    const names = [...parts.keys()];
    const target = names[Math.floor(rnd() * names.length)];
    const text = parts.get(target)!;
    const at = Math.floor(rnd() * text.length);
    const junk = ['<', '>', '"', '&', '</row>', '<row r="1048576">', '<c r="XFD1"><v>1</v></c>', 'r="A0"', '\u0000', '999999999', '<v>1e308</v>', ''];
    const altered = text.slice(0, at) + junk[Math.floor(rnd() * junk.length)] + text.slice(at + Math.floor(rnd() * 20));
    return rebuild(parts, new Map([[target, altered]]));
  },
  dropPart(_base, parts, rnd) {
    const names = [...parts.keys()];
    const drop = names[Math.floor(rnd() * names.length)];
    return rebuild(parts, new Map([[drop, null]]));
  },
  swapParts(_base, parts, rnd) {
    const names = [...parts.keys()];
    const a = names[Math.floor(rnd() * names.length)];
    const b = names[Math.floor(rnd() * names.length)];
    return rebuild(parts, new Map([[a, parts.get(b)!], [b, parts.get(a)!]]));
  },
  lieAboutSize(_base, parts, rnd) {
    const names = [...parts.keys()];
    const target = names[Math.floor(rnd() * names.length)];
    const declared = Math.floor(rnd() * 3) === 0 ? 0 : Math.floor(rnd() * 2 ** 32);
    return rawZip(names.map((name) => ({ name, data: new TextEncoder().encode(parts.get(name)!), declared: name === target ? declared : undefined })));
  },
};

function rebuild(parts: Map<string, string>, changes: Map<string, string | null>): Uint8Array {
  const list: { name: string; data: Uint8Array }[] = [];
  for (const [name, text] of parts) {
    const t = changes.has(name) ? changes.get(name) : text;
    if (t !== null && t !== undefined) list.push({ name, data: new TextEncoder().encode(t) });
  }
  return rawZip(list);
}


/**
 * Run by fuzz.test.ts (the pane's JavaScript inflate) and fuzz.zlib.test.ts (the command line's Node zlib):
 * `share` is the part of FUZZ_ITERATIONS each runs; `options` as the reader is called (the merge: formulas: false).
 */
export function fuzzReading(share = 1, options: ReadWorkbookOptions = {}): void {
  const ITERATIONS = Math.round(ALL_ITERATIONS * share);
  test(`${ITERATIONS} mutated school reports (seed ${SEED}): only FileReadError or problems, each within ${PER_FILE_MS} ms`, async () => {
    // A filled report (Appendix 2 and 3) written by SheetJS: small and quick to read, so many mutants fit in a minute.
    const sample = sampleSchoolWorkbooks({ schools: 3, broken: false, twice: false, planRows: 5 });
    const base = writeGrids(sample.files[0].workbook!.sheets.map(planToGrid), 'xlsx');
    const zip = await JSZip.loadAsync(base);
    const parts = new Map<string, string>();
    for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) parts.set(name, await zip.files[name].async('string'));
    // The rebuilt, unmutated package is itself readable: the mutators start from a valid file.
    expect(checkFile(rebuild(parts, new Map()), 'исходный.xlsx', options)).toBe('read');

    const rnd = seededRandom(SEED);
    const names = Object.keys(mutators);
    const tally: Record<string, Record<Outcome, number>> = {};
    let slowest = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const kind = names[i % names.length];
      const bytes = mutators[kind](base, parts, rnd);
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = checkFile(bytes, `отчёт ${i}.xlsx`, options);
      } catch (e) {
        throw new Error(`iteration ${i} (${kind}, seed ${SEED}) threw ${(e as Error).stack}`);
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      if (ms > PER_FILE_MS) throw new Error(`iteration ${i} (${kind}, seed ${SEED}) took ${Math.round(ms)} ms`);
      ((tally[kind] ??= { read: 0, refused: 0 })[outcome] as number)++;
    }
    // Each mutator was exercised; most damage is refused, some is harmless and read.
    for (const kind of names) expect(tally[kind].read + tally[kind].refused).toBeGreaterThan(0);
    expect(Object.values(tally).reduce((n, t) => n + t.refused, 0)).toBeGreaterThan(ITERATIONS / 4);
    process.stdout.write(`fuzz: ${ITERATIONS} iterations, seed ${SEED}, slowest ${Math.round(slowest)} ms, ${JSON.stringify(tally)}\n`);
  });

  /** The other formats schools send: an old .xls (compound file, BIFF records) and an .ods, flipped and truncated. */
  test.each([
    ['xls', Math.round(200 * share)],
    ['ods', Math.round(300 * share)],
  ] as const)(`mutated %s reports (seed ${SEED}, %i of them): only FileReadError or problems`, (format, count) => {
    const sample = sampleSchoolWorkbooks({ schools: 3, broken: false, twice: false, planRows: 5 });
    const base = writeGrids(sample.files[0].workbook!.sheets.map(planToGrid), format);
    const name = (i: number) => `отчёт ${i}.${format}`;
    expect(checkFile(base, name(0), options)).toBe('read');
    const rnd = seededRandom(SEED + (format === 'xls' ? 1 : 2));
    let refused = 0;
    for (let i = 0; i < count; i++) {
      const bytes =
        i % 3 === 2
          ? base.slice(0, Math.floor(rnd() * base.length))
          : mutators.flipBytes(base, new Map(), rnd).map((b, k) => (i % 3 === 1 && k < 512 && rnd() < 0.02 ? Math.floor(rnd() * 256) : b));
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = checkFile(bytes, name(i), options);
      } catch (e) {
        throw new Error(`${format} iteration ${i} (seed ${SEED}) threw ${(e as Error).stack}`);
      }
      if (performance.now() - t0 > PER_FILE_MS) throw new Error(`${format} iteration ${i} (seed ${SEED}) took too long`);
      if (outcome === 'refused') refused++;
    }
    expect(refused).toBeGreaterThan(count / 4);
  });
}
