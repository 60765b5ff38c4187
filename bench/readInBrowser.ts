/**
 * `npx tsx bench/readInBrowser.ts [--dir DIR] [--files 400] [--rounds 5] [--season]` — what reading a school's workbook costs
 * in Chromium against Node, the same code (src/files/receiveInput.ts: guards, inflate, the values-only reader, forms
 * found and checked), one thread, without the pane around it (no workers, no messages, no merge): the floor the
 * pane's reading stands on. Chromium reads with what the pane uses (DecompressionStream, TextDecoder); Node with
 * what the command line uses (zlib, Buffer). Prints, per round over the same files, milliseconds a file and page
 * faults a file — a page touched for the first time since the allocator had it from the system, ~13–17 µs each on
 * one of this project's 2-core virtual machines and ~2 µs on another (bench:pane prints this machine's), so there a
 * third of a file's time in Chromium before the reused buffers. Chromium's faults are the whole machine's (/proc/vmstat): run it on a quiet machine.
 * `--season`: Chromium reads as the pane's season worker does — small parts inflated by fflate and text decoded by
 * script (streamInflate.ts, utf8InScript.ts) — instead of as a reading worker (DecompressionStream, TextDecoder).
 * Figures only; passes or fails nothing. DIR defaults to the bench's sample set of 1,000 schools (bench/sets.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { parseArgs } from '../src/cli/io';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { receiveInput } from '../src/files/receiveInput';
import { useNativeInflate } from '../src/files/nativeInflate';
import { sampleFiles } from './sets';

const ROOT = path.resolve(__dirname, '..');
const systemFaults = () => Number(/^pgfault (\d+)$/m.exec(readFileSync('/proc/vmstat', 'utf8'))?.[1] ?? NaN);
const ownFaults = () => Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[7]);

/** The page's reader: receiveInput over bytes, bundled for the browser as webpack bundles it for the pane. */
const ENTRY = `
import { receiveInput } from ${JSON.stringify(path.join(ROOT, 'src/files/receiveInput'))};
import { municipalSettings } from ${JSON.stringify(path.join(ROOT, 'src/domain/sample/schoolWorkbooks'))};
import { inflateSmallPartsInScript } from ${JSON.stringify(path.join(ROOT, 'src/files/streamInflate'))};
import { decodePartsInScript } from ${JSON.stringify(path.join(ROOT, 'src/files/readWorkbook'))};
const settings = municipalSettings();
globalThis.asSeasonWorker = () => (inflateSmallPartsInScript(), decodePartsInScript());
globalThis.readAll = async (books) => {
  const started = performance.now();
  for (const b of books) await receiveInput(b, 'школа.xlsx', '2023-10-10T10:00', settings, async () => undefined);
  return performance.now() - started;
};`;

async function main(): Promise<void> {
  const { values, flags } = parseArgs(process.argv.slice(2), { values: ['dir', 'files', 'rounds'], flags: ['season'] });
  const dir = values.dir?.[0] ?? sampleFiles(path.join(tmpdir(), 'profkampaniya-bench'), 1000).dir;
  const count = Number(values.files?.[0] ?? 400);
  const rounds = Number(values.rounds?.[0] ?? 5);
  const names = readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort().slice(0, count);
  const books = names.map((n) => new Uint8Array(readFileSync(path.join(dir, n))));
  const bundled = await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'error' });
  const line = (host: string, round: number, ms: number, faults: number) =>
    console.log(`${host.padEnd(8)} круг ${round + 1}: ${(ms / books.length).toFixed(2)} мс на файл, ${(faults / books.length).toFixed(0)} страничных отказов на файл`);
  console.log(`${books.length} книг из ${dir}, ${rounds} кругов по тем же файлам (первый — с разогревом JIT)${flags.has('season') ? '; Chromium читает как воркер сезона (fflate и декодирование скриптом)' : ''}`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundled.outputFiles[0].text });
    if (flags.has('season')) await page.evaluate(() => (globalThis as unknown as { asSeasonWorker(): void }).asSeasonWorker());
    await page.evaluate((b64: string[]) => {
      (globalThis as unknown as { books: Uint8Array[] }).books = b64.map((s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
    }, books.map((b) => Buffer.from(b).toString('base64')));
    for (let r = 0; r < rounds; r++) {
      const before = systemFaults();
      const ms = await page.evaluate(() => (globalThis as unknown as { readAll(b: Uint8Array[]): Promise<number> }).readAll((globalThis as unknown as { books: Uint8Array[] }).books));
      line('Chromium', r, ms, systemFaults() - before);
    }
  } finally {
    await browser.close();
  }

  // The command line's codecs (src/cli/receiveWorker.ts sets the same).
  useNativeInflate();
  const settings = municipalSettings();
  for (let r = 0; r < rounds; r++) {
    const before = ownFaults();
    const started = performance.now();
    for (const b of books) await receiveInput(b, 'школа.xlsx', '2023-10-10T10:00', settings, async () => undefined);
    line('Node', r, performance.now() - started, ownFaults() - before);
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
