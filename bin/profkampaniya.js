#!/usr/bin/env node
// The package's command line. Runs the built bundle (dist-cli/, `npm run build:cli`, made by scripts/setup.sh)
// when it is newer than every source file; otherwise the TypeScript sources through tsx, so an edit is never
// shadowed by an old build and a fresh clone works before any build.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist-cli', 'main.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestSource(path.join(root, 'src'));
  } catch {
    return false;
  }
}

let cli;
if (bundleIsFresh()) cli = require(bundle);
else {
  require('tsx/cjs/api').register();
  cli = require('../src/cli/main.ts');
}
cli
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
  // Exit once stdout and stderr are flushed: into a pipe they are written asynchronously, and exiting at once
  // would cut a long --json short.
  .then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
