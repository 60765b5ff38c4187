/**
 * `npx tsx bench/readers.ts DIR [--limit N]` — the two readers of received .xlsx files side by side on the same
 * files: SheetJS (readWorkbookFile's general path) and the merge's fast path (src/files/xlsxValues.ts), CPU ms per
 * file, and whether they agree on every value, merged area, sheet name and visibility.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { checkZip, LIMITS } from '../src/files/guards';
import { useNativeInflate } from '../src/files/nativeInflate';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { readXlsxValues } from '../src/files/xlsxValues';
import { comparableSheets as comparable } from '../test/support/comparableSheets';

useNativeInflate();
const NODE_CODEC = { inflate: (p: Uint8Array) => inflateRawSync(p), utf8: (x: Uint8Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('utf8') };
const dir = process.argv[2];
const at = process.argv.indexOf('--limit');
const limit = at > 0 ? Number(process.argv[at + 1]) : 300;
const names = readdirSync(dir).filter((n) => /\.xlsx$/i.test(n)).slice(0, limit);
// Only files SheetJS reads at all (the sample has a broken one on purpose).
const blobs = names
  .map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(path.join(dir, n))) }))
  .filter((b) => {
    try {
      readWorkbookFile(b.bytes, b.name, { formulas: false, fastXlsx: false });
      return true;
    } catch {
      return false;
    }
  });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let round = 0; round < 3; round++) {
  let t = cpu();
  const viaSheetJS = blobs.map((b) => readWorkbookFile(b.bytes, b.name, { formulas: false, fastXlsx: false }));
  const sheetjs = cpu() - t;
  t = cpu();
  const viaFast = blobs.map((b) => readXlsxValues(b.bytes, checkZip(b.bytes), NODE_CODEC, LIMITS.rows + 1));
  const fast = cpu() - t;
  let differ = 0;
  let fallback = 0;
  viaFast.forEach((f, i) => {
    if (!f) return void fallback++;
    const a = JSON.stringify(comparable(viaSheetJS[i].sheets));
    const b = JSON.stringify(comparable(f));
    if (a !== b && differ++ === 0) {
      let k = 0;
      while (a[k] === b[k]) k++;
      console.log(`расхождение в ${blobs[i].name}:\n  SheetJS: …${a.slice(Math.max(0, k - 80), k + 80)}\n  быстрый: …${b.slice(Math.max(0, k - 80), k + 80)}`);
    }
  });
  console.log(`${blobs.length} файлов: SheetJS ${(sheetjs / blobs.length).toFixed(2)} мс/файл, быстрый (с проверкой архива) ${(fast / blobs.length).toFixed(2)} мс/файл; расходятся ${differ}, отданы SheetJS ${fallback}`);
}
