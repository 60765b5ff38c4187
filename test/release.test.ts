/**
 * The release (`npm run release -- --url …`): its manifest is the development one moved to the hosting address with
 * the product's Id and package.json's version, held to the same structure checks; the archive holds one folder.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import { DEV_ID, PRODUCT_ID, ReleaseError, SHARED_MANIFEST_FILE, manifestVersion, releaseBase, releaseManifest, sharedRuntimeManifest } from '../scripts/releaseManifest';
import { packFolder } from '../scripts/release';
import { describeManifestStructure, manifestUrls, parseManifest, root } from './support/manifestChecks';
import { describeManifestSchema, manifestSchemaErrors } from './support/manifestSchema';
// Slow on purpose (release build): tests run webpack's production config or the release script.
jest.setTimeout(120_000);

const devXml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const base = releaseBase('https://example.org/profkampaniya');
const xml = releaseManifest(devXml, { base, version });
const app = parseManifest(xml);

describeManifestStructure('the release manifest', () => app);
describeManifestSchema('the release manifest', () => xml);
const sharedXml = sharedRuntimeManifest(xml);
describeManifestStructure('the release’s shared-runtime manifest', () => parseManifest(sharedXml), { sharedRuntime: true });
describeManifestSchema('the release’s shared-runtime manifest', () => sharedXml);

describe('the release manifest', () => {
  test('names no development address: every URL is under the hosting address, the AppDomain is its origin', () => {
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1|:3000/);
    const urls = manifestUrls(app);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u === 'https://example.org' || u.startsWith('https://example.org/profkampaniya/')).toBe(true);
    expect(app.AppDomains.AppDomain).toBe('https://example.org');
    expect(app.DefaultSettings.SourceLocation['@DefaultValue']).toBe('https://example.org/profkampaniya/taskpane.html');
    expect(app.SupportUrl['@DefaultValue']).toBe('https://example.org/profkampaniya/help.html');
    const urlIds = Object.fromEntries(
      app.VersionOverrides.Resources.Urls.Url.map((u: { '@id': string; '@DefaultValue': string }) => [u['@id'], u['@DefaultValue']]),
    );
    expect(urlIds['Commands.Url']).toBe('https://example.org/profkampaniya/commands.html');
    expect(urlIds['Help.Url']).toBe('https://example.org/profkampaniya/help.html');
  });

  test('the tool behind `npm run validate` (office-addin-manifest) reads it, and the shared-runtime one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-release-manifest-'));
    try {
      for (const [file, text] of [['manifest.xml', xml], [SHARED_MANIFEST_FILE, sharedXml]]) {
        fs.writeFileSync(path.join(dir, file), text);
        const cli = require.resolve('office-addin-manifest/cli.js', { paths: [root] });
        const run = spawnSync(process.execPath, [cli, 'info', path.join(dir, file)], { encoding: 'utf8', timeout: 60_000 });
        expect({ file, status: run.status, errors: `${run.stdout}${run.stderr}`.match(/Error.*/g) }).toEqual({ file, status: 0, errors: null });
        expect(run.stdout).toContain(`Id: ${PRODUCT_ID}`);
        expect(run.stdout).toContain('Source Location: https://example.org/profkampaniya/taskpane.html');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the shared-runtime one names only the hosting address too, and the pane’s page as its runtime', () => {
    expect(sharedXml).not.toMatch(/localhost|127\.0\.0\.1|:3000/);
    const shared = parseManifest(sharedXml);
    for (const u of manifestUrls(shared)) expect(u === 'https://example.org' || u.startsWith('https://example.org/profkampaniya/')).toBe(true);
    expect(shared.VersionOverrides.Hosts.Host.Runtimes.Runtime['@resid']).toBe('Taskpane.Url');
    expect(shared.Id).toBe(PRODUCT_ID);
  });

  test('carries the product’s Id and name, not the development ones', () => {
    expect(app.Id).toBe(PRODUCT_ID);
    expect(app.Id).not.toBe(DEV_ID);
    expect(app.DisplayName['@DefaultValue']).toBe('Профкампания');
  });

  test('carries package.json’s version in four parts', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(app.Version).toBe(`${version}.0`);
    expect(manifestVersion('1.12.3')).toBe('1.12.3.0');
    expect(() => manifestVersion('1.0.0-beta.1')).toThrow(/без суффиксов/);
    expect(() => manifestVersion('1.70000.0')).toThrow(ReleaseError);
  });

  test('changes nothing else: apart from the Id, version, name, comment and URLs it is the development manifest', () => {
    const strip = (s: string) =>
      s
        .replace(/<!--[\s\S]*?-->/, '')
        .replace(/<Id>[^<]*<\/Id>|<Version>[^<]*<\/Version>|<DisplayName[\s\S]*?<\/DisplayName>/g, '')
        .replace(/https:\/\/localhost:3000\/?|https:\/\/example\.org(\/profkampaniya\/)?/g, 'URL');
    expect(strip(xml)).toBe(strip(devXml));
  });
});

describe('the hosting address', () => {
  test('must be https, a folder, and not this machine — each refusal says what to do in Russian', () => {
    expect(releaseBase('https://school.example.ru/pk').href).toBe('https://school.example.ru/pk/');
    expect(releaseBase('https://Example.org/профкампания/').href).toBe('https://example.org/%D0%BF%D1%80%D0%BE%D1%84%D0%BA%D0%B0%D0%BC%D0%BF%D0%B0%D0%BD%D0%B8%D1%8F/');
    expect(() => releaseBase(undefined)).toThrow(/npm run release -- --url/);
    expect(() => releaseBase('http://example.org/')).toThrow(/https/);
    expect(() => releaseBase('example.org/pk/')).toThrow(/не адрес/);
    expect(() => releaseBase('https://example.org/pk/?x=1')).toThrow(/«\?»/);
    expect(() => releaseBase('https://localhost:3000/')).toThrow(/этот компьютер/);
    expect(() => releaseBase('https://127.0.0.1/')).toThrow(/этот компьютер/);
  });

  test('a school’s .рф address (xn--… in the manifest) gives a manifest Office accepts: no «--» in its comment', () => {
    const rf = releaseManifest(devXml, { base: releaseBase('https://школа-1.рф/профкампания/'), version });
    expect(rf).toContain('<SourceLocation DefaultValue="https://xn---1-6kc3bfr2e.xn--p1ai/');
    expect(manifestSchemaErrors(rf)).toEqual([]);
    // A comment the development manifest gets wrong is refused by the release, not shipped.
    expect(() => releaseManifest(devXml.replace('<!--', '<!-- npm run release -- --url'), { base, version })).toThrow(/два дефиса/);
  });

  test('is written into the manifest XML-escaped', () => {
    const odd = releaseManifest(devXml, { base: releaseBase("https://example.org/a'b&c/"), version });
    expect(odd).toContain('https://example.org/a\'b&amp;c/taskpane.html');
    expect(parseManifest(odd).DefaultSettings.SourceLocation['@DefaultValue']).toBe("https://example.org/a'b&c/taskpane.html");
    expect(manifestSchemaErrors(odd)).toEqual([]);
  });
});

describe('the release archive', () => {
  test('holds every file of the built folder under one folder named with the version', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-release-'));
    try {
      fs.mkdirSync(path.join(dir, 'assets'));
      fs.writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html>');
      fs.writeFileSync(path.join(dir, 'manifest.xml'), xml);
      fs.writeFileSync(path.join(dir, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const zip = await JSZip.loadAsync(await packFolder(dir, `profkampaniya-${version}`));
      const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
      expect(names).toEqual([`profkampaniya-${version}/assets/icon-16.png`, `profkampaniya-${version}/manifest.xml`, `profkampaniya-${version}/taskpane.html`]);
      expect(await zip.file(`profkampaniya-${version}/manifest.xml`)!.async('string')).toBe(xml);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the version lives in package.json only', () => {
  test('the command line prints it for --version', async () => {
    const { main } = await import('../src/cli/main');
    let out = '';
    const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true } };
    expect(await main(['--version'], io as never)).toBe(0);
    expect(out).toBe(`profkampaniya ${version}\n`);
  });

  test('the pane gets it from webpack and shows it on its «Профкампания <version> · Справка» line', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's config is CommonJS
    const config = await require('../webpack.config.js')({}, { mode: 'production' });
    const define = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'DefinePlugin');
    expect(define.definitions.__PK_VERSION__).toBe(JSON.stringify(version));
    // The product name comes from the pane's words (English mode has its own), the version from webpack.
    expect(fs.readFileSync(path.join(root, 'src/taskpane/App.tsx'), 'utf8')).toMatch(/\{t\.appTitle\} \{__PK_VERSION__\}/);
    expect(fs.readFileSync(path.join(root, 'src/taskpane/strings.ts'), 'utf8')).toContain("appTitle: 'Профкампания',");
  });

  test('webpack names scripts by content hash (cached long) and pages by fixed names (the manifest points at them)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's config is CommonJS
    const config = await require('../webpack.config.js')({}, { mode: 'production' });
    expect(config.output.filename).toMatch(/\[contenthash(:\d+)?\]/);
    expect(config.output.chunkFilename).toMatch(/\[contenthash(:\d+)?\]/);
    const pages = config.plugins.filter((p: { constructor: { name: string } }) => p.constructor.name === 'HtmlWebpackPlugin').map((p: { userOptions: { filename: string } }) => p.userOptions.filename);
    expect(pages.sort()).toEqual(['commands.html', 'taskpane.html']);
  });
});

test('CHANGELOG.md starts with this version', () => {
  const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
  expect(/^## \[?(\d+\.\d+\.\d+)/m.exec(changelog)?.[1]).toBe(version);
});
