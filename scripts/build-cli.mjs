// `npm run build:cli` — the command line as two plain JavaScript files in dist-cli/ (main and the merge's read
// worker), so `profkampaniya` starts without compiling TypeScript and its worker threads start in milliseconds.
// bin/profkampaniya.js runs these when they are newer than src/, and the sources through tsx otherwise.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', receiveWorker: 'src/cli/receiveWorker.ts' },
  outdir: 'dist-cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
