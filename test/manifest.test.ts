/**
 * The development manifest (manifest.xml, for `npm start` and sideloading): the shared structure checks
 * (test/support/manifestChecks.ts), plus its own Id and every URL on the dev server.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DEV_ID, PRODUCT_ID, SHARED_MANIFEST_FILE, sharedRuntimeManifest } from '../scripts/releaseManifest';
import { describeManifestStructure, list, manifestUrls, parseManifest, root } from './support/manifestChecks';
import { describeManifestSchema, manifestSchemaErrors } from './support/manifestSchema';

const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const app = parseManifest(xml);
const webpackSource = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
const devPort = Number(/DEV_PORT = (\d+)/.exec(webpackSource)?.[1]);

describeManifestStructure('manifest.xml', () => app);
describeManifestSchema('manifest.xml', () => xml);

const shared = sharedRuntimeManifest(xml);
const sharedApp = parseManifest(shared);
describeManifestStructure('the shared-runtime manifest made from manifest.xml', () => sharedApp, { sharedRuntime: true });
describeManifestSchema('the shared-runtime manifest made from manifest.xml', () => shared);

describe('the schema check', () => {
  const broken = (from: string | RegExp, to: string) => {
    const out = xml.replace(from, to);
    expect(out).not.toBe(xml);
    return manifestSchemaErrors(out).join('\n');
  };

  test('refuses what Office refuses: «--» in a comment, an unknown permission, a misplaced or missing element', () => {
    expect(broken('<!--', '<!-- npm run release -- --url')).toMatch(/double.hyphen/i);
    expect(broken('<Permissions>ReadWriteDocument<', '<Permissions>ReadWriteAll<')).toMatch(/Permissions.*ReadWriteAll/);
    expect(broken('<Label resid="Pane.Label"/>', '<Label resid="Pane.Label"/><Tooltip resid="Pane.Label"/>')).toMatch(/Tooltip.*not expected/);
    expect(broken(/<Id>[^<]*<\/Id>/, '')).toMatch(/Version.*not expected.*Id/s);
    expect(broken('<Version>0.1.0.0<', '<Version>0.1.0.0.0<')).toMatch(/Version/);
    expect(broken('<FunctionName>stampPlan</FunctionName>', '')).toMatch(/FunctionName/);
  });

  test('accepts the shared runtime (Runtimes, SharedRuntime 1.1) as Microsoft documents it', () => {
    const shared = xml.replace('<Host xsi:type="Workbook">', '<Host xsi:type="Workbook">\n<Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>');
    expect(manifestSchemaErrors(shared)).toEqual([]);
    expect(manifestSchemaErrors(shared.replace('lifetime="long"', 'lifetime="forever"')).join('\n')).toMatch(/lifetime/);
  });
});

describe('manifest.xml: the development manifest', () => {
  test('has its own Id, not the product’s, and says it is the development one, so both can be installed side by side', () => {
    expect(app.Id).toBe(DEV_ID);
    expect(app.Id).not.toBe(PRODUCT_ID);
    expect(app.DisplayName['@DefaultValue']).toBe('Профкампания (разработка)');
  });

  test('the tool behind `npm run sideload` and `npm run validate` (office-addin-manifest) reads it', () => {
    // It refused the manifest with a «--» in its comment: «Unable to parse the manifest file … Malformed comment».
    const cli = require.resolve('office-addin-manifest/cli.js', { paths: [root] });
    const run = spawnSync(process.execPath, [cli, 'info', 'manifest.xml'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, errors: `${run.stdout}${run.stderr}`.match(/Error.*/g) }).toEqual({ status: 0, errors: null });
    expect(run.stdout).toContain(`Id: ${DEV_ID}`);
    expect(run.stdout).toContain('Type: TaskPaneApp');
  }, 60_000); // a child node process: slow when the machine is loaded

  test('every URL is on the dev server port', () => {
    expect(devPort).toBe(3000);
    for (const u of manifestUrls(app)) expect(new URL(u).origin).toBe(`https://localhost:${devPort}`);
    expect(app.DefaultSettings.SourceLocation['@DefaultValue']).toBe(`https://localhost:${devPort}/taskpane.html`);
  });
});

describe('the shared-runtime manifest (SharedRuntime 1.1), made from manifest.xml', () => {
  const host = () => sharedApp.VersionOverrides.Hosts.Host;
  const controls = () => list(host().DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control);

  test('is the same add-in: same Id, version, names, buttons and strings as manifest.xml', () => {
    for (const el of ['Id', 'Version', 'DisplayName', 'Description', 'Permissions', 'AppDomains', 'DefaultSettings']) expect(sharedApp[el]).toEqual(app[el]);
    expect(sharedApp.VersionOverrides.Resources.ShortStrings).toEqual(app.VersionOverrides.Resources.ShortStrings);
    expect(sharedApp.VersionOverrides.Resources.LongStrings).toEqual(app.VersionOverrides.Resources.LongStrings);
    expect(controls().map((c: { '@id': string }) => c['@id'])).toEqual(['PK.Pane', 'PK.StampPlan', 'PK.StampReport', 'PK.Check', 'PK.Merge', 'PK.Summary']);
  });

  test('as Microsoft configures a shared runtime: the pane’s page is the runtime (long) and the function file, one task pane', () => {
    expect(host().Runtimes.Runtime).toEqual({ '@resid': 'Taskpane.Url', '@lifetime': 'long' });
    expect(host().DesktopFormFactor.FunctionFile['@resid']).toBe('Taskpane.Url');
    const pane = controls().find((c: { Action: { '@type': string } }) => c.Action['@type'] === 'ShowTaskpane');
    expect(pane.Action.SourceLocation['@resid']).toBe('Taskpane.Url');
    expect(pane.Action.TaskpaneId).toBeUndefined();
    expect(shared).not.toContain('commands.html');
    // The runtime's resid is the pane's page: «The shared runtime won't load if the resid of the runtime isn't consistent».
    const urls = list(sharedApp.VersionOverrides.Resources.Urls.Url).map((u: { '@id': string; '@DefaultValue': string }) => [u['@id'], u['@DefaultValue']]);
    expect(Object.fromEntries(urls)['Taskpane.Url']).toBe(app.DefaultSettings.SourceLocation['@DefaultValue']);
  });

  test('is generated, not kept by hand: no such file in the repository, and it follows every change of manifest.xml', () => {
    expect(fs.existsSync(path.join(root, SHARED_MANIFEST_FILE))).toBe(false);
    const changed = xml.replace('DefaultValue="Проверить"', 'DefaultValue="Проверить книгу"');
    expect(sharedRuntimeManifest(changed)).toContain('DefaultValue="Проверить книгу"');
  });

  test('refuses a manifest.xml it can no longer rewrite, rather than ship a half shared one', () => {
    expect(() => sharedRuntimeManifest(xml.replace('<FunctionFile resid="Commands.Url"/>', ''))).toThrow(/FunctionFile/);
    expect(() => sharedRuntimeManifest(xml.replace(/<TaskpaneId>[^<]*<\/TaskpaneId>/, ''))).toThrow(/TaskpaneId/);
  });

  test('the tool behind `npm run sideload` and `npm run validate` (office-addin-manifest) reads it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-shared-manifest-'));
    try {
      fs.writeFileSync(path.join(dir, SHARED_MANIFEST_FILE), shared);
      const cli = require.resolve('office-addin-manifest/cli.js', { paths: [root] });
      const run = spawnSync(process.execPath, [cli, 'info', path.join(dir, SHARED_MANIFEST_FILE)], { encoding: 'utf8', timeout: 60_000 });
      expect({ status: run.status, errors: `${run.stdout}${run.stderr}`.match(/Error.*/g) }).toEqual({ status: 0, errors: null });
      expect(run.stdout).toContain(`Id: ${DEV_ID}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
