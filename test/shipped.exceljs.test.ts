/**
 * What ships carries no exceljs: the pane's bundle (dist/, as the release serves it) and the command line's
 * (dist-cli/). exceljs stays only on the test side — it writes the sample schools' workbooks by another hand than
 * ours (scripts/schoolExcel.ts, docs/architecture.md) — so it is a devDependency, and the command line, whose bundle
 * loads its packages from node_modules, must need nothing but Node and the dependencies (`npm install --omit=dev`).
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { buildPane, DIST, ROOT } from './e2e/harness';
// Slow on purpose: builds the pane with webpack when its sources are newer than dist/ (minutes on two cores).
jest.setTimeout(900_000);

/**
 * exceljs's own messages, string literals that survive any minifier: found in its minified browser build (checked
 * below, so the marker cannot silently stop meaning anything), in nothing of ours.
 */
const MARKERS = ['Cannot merge already merged cells', 'Out of bounds. Excel supports columns from 1 to 16384'];

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, keep) : keep(p) ? [p] : [];
  });
}

test('the markers are exceljs’s: its minified build has them', () => {
  const build = fs.readFileSync(path.join(ROOT, 'node_modules/exceljs/dist/exceljs.min.js'), 'utf8');
  for (const m of MARKERS) expect({ marker: m, found: build.includes(m) }).toEqual({ marker: m, found: true });
});

test('exceljs is a devDependency, and nothing in src/ imports it', () => {
  expect(pkg.dependencies.exceljs).toBeUndefined();
  expect(pkg.devDependencies.exceljs).toMatch(/^\d+\.\d+\.\d+$/);
  const importing = filesUnder(path.join(ROOT, 'src'), (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).filter((f) =>
    /from\s+['"]exceljs(\/[^'"]*)?['"]|require\(\s*['"]exceljs|import\(\s*(\/\*.*?\*\/\s*)?['"]exceljs/.test(fs.readFileSync(f, 'utf8')),
  );
  expect(importing.map((f) => path.relative(ROOT, f))).toEqual([]);
});

test('the command line’s bundle needs only Node and the dependencies: no exceljs, nothing of the test side', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../scripts/buildCli.cjs') as { buildCli(): void }).buildCli();
  const dir = path.join(ROOT, 'dist-cli');
  const bundles = fs.readdirSync(dir).filter((f) => f.endsWith('.cjs'));
  expect(bundles.sort()).toEqual(['main.cjs', 'receiveWorker.cjs']);
  const packages = new Set<string>();
  for (const f of bundles) {
    const code = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of MARKERS) expect({ bundle: f, marker: m, found: code.includes(m) }).toEqual({ bundle: f, marker: m, found: false });
    for (const [, spec] of code.matchAll(/\brequire\("([^"]+)"\)/g)) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  const builtins = new Set(builtinModules);
  const outside = [...packages].filter((p) => !p.startsWith('node:') && !builtins.has(p) && !(p in pkg.dependencies));
  expect(outside).toEqual([]);
  expect(packages.has('exceljs')).toBe(false);
  // The list is read from the bundles, not empty by accident.
  expect(packages.has('fflate')).toBe(true);
});

test('the pane’s bundle (dist/, what the release serves) has no exceljs code', () => {
  buildPane();
  const scripts = filesUnder(DIST, (f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(3);
  const carrying = scripts.filter((f) => {
    const code = fs.readFileSync(f, 'utf8');
    return MARKERS.some((m) => code.includes(m));
  });
  expect(carrying.map((f) => path.relative(ROOT, f))).toEqual([]);
  // The writer the pane does ship is in it: the one writer's own message.
  expect(scripts.some((f) => fs.readFileSync(f, 'utf8').includes('В книге нет ни одного листа'))).toBe(true);
});
