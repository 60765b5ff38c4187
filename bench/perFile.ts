/**
 * `npx tsx bench/perFile.ts DIR` — CPU milliseconds a file costs to receive, as each of the merge's reading threads
 * receives it (src/cli/receive.ts `receive`: read from disk, checksum, guards, read the workbook, find and check the
 * forms), one thread, every workbook of DIR. Prints one JSON line {files, cpuMs, perFileMs}. `npm run bench` runs it
 * on each set SheetJS reads and on the .xlsx one: CPU, not the clock, so the ratio holds on a busy machine.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { receive } from '../src/cli/receive';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { useNativeInflate } from '../src/files/nativeInflate';
import { useDefaultPassword } from '../src/files/defaultPassword';

// As a reading worker sets itself up (src/cli/receiveWorker.ts): Node's zlib for the zip parts, not the pane's
// streaming inflater, and Excel's default password.
useNativeInflate();
useDefaultPassword();

async function main(dir: string): Promise<void> {
  const settings = municipalSettings();
  const files = readdirSync(dir)
    .filter((n) => /\.(xlsx|xlsb|xls|ods|eml)$/i.test(n))
    .sort()
    .map((name) => ({ path: path.join(dir, name), name, modified: statSync(path.join(dir, name)).mtime.toISOString().slice(0, 16) }));
  // A warm-up pass over the first files: a cold JIT makes the first ~60 files of a thread cost several times the rest.
  for (const f of files.slice(0, 60)) await receive(f, settings);
  const before = process.cpuUsage();
  for (const f of files) await receive(f, settings);
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(JSON.stringify({ files: files.length, cpuMs, perFileMs: cpuMs / files.length }));
}

main(process.argv[2]).catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
