// The command line as two plain JavaScript files in dist-cli/ (main and the merge's read worker), so
// `profkampaniya` starts without compiling TypeScript and its worker threads start in milliseconds.
// Used by `npm run build:cli` (scripts/build-cli.mjs) and by bin/profkampaniya.js, which rebuilds before running
// whenever a source is newer than the bundle — an edit is never shadowed by an old build.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const outdir = path.join(root, 'dist-cli');
const ENTRIES = { main: 'src/cli/main.ts', receiveWorker: 'src/cli/receiveWorker.ts' };

/**
 * The newest modification time under dir (ms), this script's own and package.json's included (a changed build is
 * a stale bundle; the version is inlined from package.json).
 */
function newestSource(dir = path.join(root, 'src')) {
  let newest = Math.max(fs.statSync(__filename).mtimeMs, fs.statSync(path.join(root, 'package.json')).mtimeMs);
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

/** True when every bundle file exists and is at least as new as every source. */
function bundleIsFresh() {
  try {
    const built = Math.min(...Object.keys(ENTRIES).map((n) => fs.statSync(path.join(outdir, `${n}.cjs`)).mtimeMs));
    return built >= newestSource();
  } catch {
    return false;
  }
}

/**
 * Bundles the sources (esbuild, a few hundred milliseconds). Each file is written beside its place and renamed
 * into it, so a command started meanwhile never loads half a file. Throws when esbuild is not installed.
 */
function buildCli() {
  const started = Date.now();
  const { buildSync } = require('esbuild');
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
  });
  fs.mkdirSync(outdir, { recursive: true });
  // Source maps first, the bundles last: a bundle is "fresh" only once everything it needs is in place.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path.endsWith('.cjs')) - Number(b.path.endsWith('.cjs')));
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    // Stamped with the build's start: a source saved while esbuild ran stays newer than the bundle.
    fs.utimesSync(tmp, new Date(), new Date(started));
    fs.renameSync(tmp, f.path);
  }
}

module.exports = { buildCli, bundleIsFresh, newestSource, outdir };
