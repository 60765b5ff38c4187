#!/usr/bin/env node
// The package's command line: runs the TypeScript CLI through tsx, so a fresh clone needs no build step.
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
  // Exit once stdout and stderr are flushed: into a pipe they are written asynchronously, and exiting at once
  // would cut a long --json short.
  .then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
