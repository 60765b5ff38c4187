/**
 * The development manifest (manifest.xml, for `npm start` and sideloading): the shared structure checks
 * (test/support/manifestChecks.ts), plus its own Id and every URL on the dev server.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { DEV_ID, PRODUCT_ID } from '../scripts/releaseManifest';
import { describeManifestStructure, manifestUrls, parseManifest, root } from './support/manifestChecks';
import { describeManifestSchema, manifestSchemaErrors } from './support/manifestSchema';

const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const app = parseManifest(xml);
const webpackSource = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
const devPort = Number(/DEV_PORT = (\d+)/.exec(webpackSource)?.[1]);

describeManifestStructure('manifest.xml', () => app);
describeManifestSchema('manifest.xml', () => xml);

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
