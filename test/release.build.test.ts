/**
 * `npm run release` end to end, as IT would receive it: the command with a made-up address builds the pane and
 * writes one .zip; unpacked, its manifest names only that address, and every page, icon and script it leads to is
 * in the archive — scripts under content-hashed names (cached long), pages under the fixed names the manifest uses.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import { CATALOG_ID, HASHED_SCRIPT, NGINX_FILE, REG_FILE } from '../scripts/hosting';
import { PRODUCT_ID, SHARED_MANIFEST_FILE } from '../scripts/releaseManifest';
import { manifestUrls, parseManifest, root } from './support/manifestChecks';
import { manifestSchemaErrors } from './support/manifestSchema';
import { get, prepareNginx, startNginx } from './support/nginx';
import { es5Failures, pageScripts } from './support/shippedScripts';
// Slow on purpose (release build): tests run webpack's production config or the release script.
jest.setTimeout(120_000);

const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const BASE = 'https://example.org/profkampaniya/';
const SHARE = '\\\\fs01\\Надстройки';
let out = '';
/** The archive unpacked, as IT would put it on the server. */
let unpacked = '';
const files: Record<string, Buffer> = {};
let run: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-release-build-'));
  run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/release.ts', '--url', BASE, '--share', SHARE, '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PROFKAMPANIYA_URL: '', PROFKAMPANIYA_SHARE: '' },
  });
  const zipPath = path.join(out, `profkampaniya-${version}.zip`);
  if (run.status !== 0 || !fs.existsSync(zipPath)) return;
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  for (const f of Object.values(zip.files))
    if (!f.dir) files[f.name.replace(`profkampaniya-${version}/`, '')] = Buffer.from(await f.async('uint8array'));
  unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-release-unpacked-'));
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
    fs.writeFileSync(path.join(unpacked, name), bytes);
  }
}, 300_000);

afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
});

test('the release command builds and packs one archive named with the version, all under one folder', () => {
  expect({ status: run.status, stderr: run.status === 0 ? '' : `${run.stdout}\n${run.stderr}` }).toEqual({ status: 0, stderr: '' });
  expect(fs.readdirSync(out).sort()).toEqual([`profkampaniya-${version}`, `profkampaniya-${version}.zip`]);
  expect(run.stdout).toContain(`profkampaniya-${version}.zip`);
  expect(Object.keys(files).length).toBeGreaterThan(8);
});

test('the archive’s manifest is the release one: the product Id, the version, only the hosting address', () => {
  const xml = files['manifest.xml'].toString('utf8');
  expect(xml).not.toMatch(/localhost/);
  const app = parseManifest(xml);
  expect(app.Id).toBe(PRODUCT_ID);
  expect(app.Version).toBe(`${version}.0`);
  for (const u of manifestUrls(app)) expect(u === 'https://example.org' || u.startsWith(BASE)).toBe(true);
});

test('the archive’s manifests are well-formed and valid against Microsoft’s XSD (xmllint)', () => {
  expect(manifestSchemaErrors(files['manifest.xml'].toString('utf8'))).toEqual([]);
  expect(manifestSchemaErrors(files[SHARED_MANIFEST_FILE].toString('utf8'))).toEqual([]);
});

test('the archive’s shared-runtime manifest is the same add-in for the same address, its runtime the pane’s page, which loads the ribbon’s functions', () => {
  const shared = parseManifest(files[SHARED_MANIFEST_FILE].toString('utf8'));
  const first = parseManifest(files['manifest.xml'].toString('utf8'));
  expect([shared.Id, shared.Version]).toEqual([first.Id, first.Version]);
  expect(shared.DefaultSettings).toEqual(first.DefaultSettings);
  expect(shared.VersionOverrides.Hosts.Host.Runtimes.Runtime).toEqual({ '@resid': 'Taskpane.Url', '@lifetime': 'long' });
  for (const u of manifestUrls(shared)) expect(u === 'https://example.org' || u.startsWith(BASE)).toBe(true);
  // The pane's page loads the shared runtime's functions (Office.actions.associate there), not only the pane.
  const ours = pageScripts(unpacked, 'taskpane.html').filter((s) => s.ours);
  expect(ours.map((s) => s.name.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['boot', 'taskpane', 'shared-runtime']);
  expect(files['README.txt'].toString('utf8')).toContain(SHARED_MANIFEST_FILE);
});

test('what runs before the bundle on IE11 / Edge Legacy is ES5 in the archive: the first script, as written', () => {
  expect(es5Failures(unpacked)).toEqual([]);
  const source = fs.readFileSync(path.join(root, 'src/taskpane/boot/first.es5.js'), 'utf8');
  for (const page of ['taskpane.html', 'commands.html']) {
    const [first] = pageScripts(unpacked, page);
    expect(first.name).toMatch(/^boot\.[0-9a-f]{8}\.js$/);
    expect(first.code).toBe(source);
  }
});

test('every page and icon the manifest names is in the archive, and every script the pages load is too', () => {
  const app = parseManifest(files['manifest.xml'].toString('utf8'));
  const named = new Set(manifestUrls(app).filter((u) => u.startsWith(BASE)).map((u) => new URL(u).pathname.slice(new URL(BASE).pathname.length)));
  expect([...named]).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'help.html', 'assets/icon-32.png']));
  for (const rel of named) expect(Object.keys(files)).toContain(rel);
  for (const page of ['taskpane.html', 'commands.html']) {
    const html = files[page].toString('utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((s) => !s.startsWith('https://'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s).toMatch(/\.[0-9a-f]{8}\.js$/);
      expect(Object.keys(files)).toContain(s);
    }
    expect(html).toContain('http-equiv="Content-Security-Policy"');
  }
  // Every script is content-hashed, so a server may cache it for a year; nothing else is.
  for (const name of Object.keys(files).filter((n) => n.endsWith('.js'))) expect(name).toMatch(/^[\w-]+\.[0-9a-f]{8}\.js$/);
});

test('the folder’s own address leads to the pane, and README.txt says for which address and version it was made', () => {
  expect(files['index.html'].toString('utf8')).toContain('url=taskpane.html');
  const readme = files['README.txt'].toString('utf8');
  expect(readme).toContain(`Профкампания ${version}`);
  expect(readme).toContain(`${BASE}taskpane.html`);
  expect(readme).toContain(PRODUCT_ID);
});

test('pages show the version from package.json', () => {
  const pane = Object.keys(files).find((n) => /^taskpane\.[0-9a-f]{8}\.js$/.test(n))!;
  // The pane's bottom line, «Профкампания 0.1.0 · Справка», as the minified JSX holds it: the name from the pane's
  // words (Russian or English), the version inlined by webpack.
  const js = files[pane].toString('utf8');
  expect(js).toMatch(new RegExp(`\\.appTitle," ",${JSON.stringify(version).replace(/\./g, '\\.')}," · "`));
  expect(js).toContain('appTitle:"Профкампания"');
});

test('the README quotes the CSP the released pages really carry (what a server may copy into a header)', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const page of ['taskpane.html', 'commands.html', 'help.html']) {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(files[page].toString('utf8'))?.[1];
    expect(csp).toBeTruthy();
    expect(readme).toContain(`\`${csp}\``);
  }
});

test('the release carries its server settings and the catalog’s registry file, pointing at the given folder', () => {
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['web.config', NGINX_FILE, REG_FILE]));
  const reg = files[REG_FILE];
  expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const text = reg.subarray(2).toString('utf16le');
  expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
  expect(text).toContain(`TrustedCatalogs\\${CATALOG_ID}]`);
  expect(/^"Url"="(.*)"\r$/m.exec(text)?.[1].replace(/\\\\/g, '\\')).toBe(SHARE);
  // web.config long-caches exactly the archive's content-hashed scripts.
  const webConfig = files['web.config'].toString('utf8');
  const cached = [...webConfig.matchAll(/<location path="([^"]+)">/g)].map((m) => m[1]).sort();
  expect(cached).toEqual(Object.keys(files).filter((f) => HASHED_SCRIPT.test(f)).sort());
  const readme = files['README.txt'].toString('utf8');
  expect(readme).toContain(NGINX_FILE);
  expect(readme).toContain(SHARE);
});

test('served by nginx with the release’s own configuration: types, charset, caching and headers as Excel needs them', async () => {
  const host = new URL(BASE).hostname;
  // .svg and .json are not shipped yet; one of each shows their types are right when they are.
  fs.writeFileSync(path.join(unpacked, 'probe.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(unpacked, 'probe.json'), '{}');
  const run = await prepareNginx(files[NGINX_FILE].toString('utf8'), host, unpacked);
  const nginx = await startNginx(run);
  try {
    const at = (p: string) => get(run.httpsPort, host, `/profkampaniya/${p}`);
    const boot = Object.keys(files).find((f) => /^boot\.[0-9a-f]{8}\.js$/.test(f))!;
    const expectations: [string, string, string][] = [
      ['', 'text/html; charset=utf-8', 'no-cache'],
      ['taskpane.html', 'text/html; charset=utf-8', 'no-cache'],
      ['manifest.xml', 'application/xml; charset=utf-8', 'no-cache'],
      ['assets/icon-32.png', 'image/png', 'no-cache'],
      [boot, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['probe.svg', 'image/svg+xml; charset=utf-8', 'no-cache'],
      ['probe.json', 'application/json; charset=utf-8', 'no-cache'],
    ];
    for (const [p, type, cache] of expectations) {
      const a = await at(p);
      expect({ p, status: a.status, type: a.headers['content-type'], cache: a.headers['cache-control'] }).toEqual({ p, status: 200, type, cache });
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['x-frame-options']).toBeUndefined();
    }
    expect((await at(boot)).body.equals(files[boot])).toBe(true);
    expect((await at('index.html')).body.toString('utf8')).toContain('url=taskpane.html');
    for (const hidden of ['web.config', NGINX_FILE, REG_FILE]) expect({ hidden, status: (await at(hidden)).status }).toEqual({ hidden, status: 404 });
  } finally {
    await nginx.stop();
    fs.rmSync(run.prefix, { recursive: true, force: true });
  }
});
