#!/usr/bin/env node
// The package's command line (also what `npm run cli` runs). Runs the built bundle (dist-cli/: plain JavaScript,
// reading received files on worker threads), rebuilt first with esbuild whenever a source is newer, so an edit is
// never shadowed by an old build. Only without esbuild (an install without dev tools) and a stale or missing
// bundle does it fall back to the TypeScript sources through tsx: correct, but slower and on one thread.
const path = require('node:path');
const { buildCli, bundleIsFresh, outdir } = require('../scripts/buildCli.cjs');

let fresh = bundleIsFresh();
if (!fresh) {
  try {
    buildCli();
    fresh = true;
  } catch (e) {
    if (process.env.PROFKAMPANIYA_TIMINGS === '1') process.stderr.write(`Сборка не удалась (${e.message}); запуск из исходников.\n`);
  }
}
let cli;
if (fresh) cli = require(path.join(outdir, 'main.cjs'));
else {
  require('tsx/cjs/api').register();
  cli = require('../src/cli/main.ts');
}
cli
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
  // Exit once stdout and stderr are flushed: into a pipe they are written asynchronously, and exiting at once
  // would cut a long --json short.
  .then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
