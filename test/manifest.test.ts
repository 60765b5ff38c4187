/**
 * The development manifest (manifest.xml, for `npm start` and sideloading): the shared structure checks
 * (test/support/manifestChecks.ts), plus its own Id and every URL on the dev server.
 */
import fs from 'fs';
import path from 'path';
import { DEV_ID, PRODUCT_ID } from '../scripts/releaseManifest';
import { describeManifestStructure, manifestUrls, parseManifest, root } from './support/manifestChecks';

const app = parseManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'));
const webpackSource = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
const devPort = Number(/DEV_PORT = (\d+)/.exec(webpackSource)?.[1]);

describeManifestStructure('manifest.xml', () => app);

describe('manifest.xml: the development manifest', () => {
  test('has its own Id, not the product’s, and says it is the development one, so both can be installed side by side', () => {
    expect(app.Id).toBe(DEV_ID);
    expect(app.Id).not.toBe(PRODUCT_ID);
    expect(app.DisplayName['@DefaultValue']).toBe('Профкампания (разработка)');
  });

  test('every URL is on the dev server port', () => {
    expect(devPort).toBe(3000);
    for (const u of manifestUrls(app)) expect(new URL(u).origin).toBe(`https://localhost:${devPort}`);
    expect(app.DefaultSettings.SourceLocation['@DefaultValue']).toBe(`https://localhost:${devPort}/taskpane.html`);
  });
});
