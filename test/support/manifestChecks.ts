/**
 * The manifest's structure, checked offline (`npm run validate` needs Microsoft's web service): ids, version,
 * required elements, every resid defined, the ribbon, requirements. Shared by the development manifest's test
 * (test/manifest.test.ts) and the release manifest's (test/release.test.ts), so a release is held to the same.
 */
import fs from 'fs';
import path from 'path';
import { XMLParser } from 'fast-xml-parser';

export const root = path.join(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed XML tree, walked by element name
export type Manifest = any;

export function parseManifest(xml: string): Manifest {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true }).parse(xml).OfficeApp;
}

/** Every value of an attribute anywhere in the document. */
export function attrs(node: unknown, name: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => attrs(n, name, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === `@${name}`) out.push(String(v));
      else attrs(v, name, out);
    }
  return out;
}
export const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Every URL the manifest names: DefaultValue attributes that are URLs, and the AppDomains. */
export function manifestUrls(app: Manifest): string[] {
  return [...attrs(app, 'DefaultValue').filter((v) => v.startsWith('http')), ...list<string>(app.AppDomains.AppDomain)];
}

/**
 * The structure every manifest of ours must have; `app` is read lazily so a release can be built first.
 * `sharedRuntime`: the second manifest (scripts/releaseManifest.ts, sharedRuntimeManifest), which also requires
 * SharedRuntime 1.1.
 */
export function describeManifestStructure(label: string, manifest: () => Manifest, opts: { sharedRuntime?: boolean } = {}): void {
  describe(`${label}: structure`, () => {
    test('is a task-pane add-in for Excel workbooks with a GUID id, a four-part version and Russian by default', () => {
      const app = manifest();
      expect(app['@type']).toBe('TaskPaneApp');
      expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(app.DefaultLocale).toBe('ru-RU');
      expect(list(app.Hosts.Host).map((h: { '@Name': string }) => h['@Name'])).toEqual(['Workbook']);
      for (const el of ['ProviderName', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'DefaultSettings'])
        expect(app[el]).toBeDefined();
      expect(app.DisplayName.Override['@Locale']).toBe('en-US');
    });

    test('asks only for ReadWriteDocument and declares ExcelApi 1.7 as the minimum', () => {
      const app = manifest();
      expect(app.Permissions).toBe('ReadWriteDocument');
      const sets = list(app.Requirements.Sets.Set);
      expect(sets).toEqual([{ '@Name': 'ExcelApi', '@MinVersion': '1.7' }, ...(opts.sharedRuntime ? [{ '@Name': 'SharedRuntime', '@MinVersion': '1.1' }] : [])]);
      // The adapter's declared minimum is the same one.
      expect(fs.readFileSync(path.join(root, 'src/excel/support.ts'), 'utf8')).toContain("MIN_EXCEL_API = '1.7'");
    });

    test('has the «Профкампания» group on the Home tab with the six buttons, each with a label, tooltip and icons', () => {
      const app = manifest();
      const ff = app.VersionOverrides.Hosts.Host.DesktopFormFactor;
      const tab = ff.ExtensionPoint.OfficeTab;
      expect(tab['@id']).toBe('TabHome');
      const groupLabel = list<{ '@id': string; '@DefaultValue': string }>(app.VersionOverrides.Resources.ShortStrings.String).find(
        (s) => s['@id'] === tab.Group.Label['@resid'],
      );
      expect(groupLabel?.['@DefaultValue']).toBe('Профкампания');
      const controls = list(tab.Group.Control);
      expect(controls.map((c: { '@id': string }) => c['@id'])).toEqual(['PK.Pane', 'PK.StampPlan', 'PK.StampReport', 'PK.Check', 'PK.Merge', 'PK.Summary']);
      for (const c of controls) {
        expect(c.Label['@resid']).toBeTruthy();
        expect(c.Supertip.Description['@resid']).toBeTruthy();
        expect(list(c.Icon.Image).map((i: { '@size': string }) => i['@size'])).toEqual(['16', '32', '80']);
      }
      const fns = controls
        .filter((c: { Action: { '@type': string } }) => c.Action['@type'] === 'ExecuteFunction')
        .map((c: { Action: { FunctionName: string } }) => c.Action.FunctionName);
      expect(fns).toEqual(['stampPlan', 'stampReport', 'openCheck', 'openMerge', 'openSummary']);
      // The command file registers exactly these functions, and the ES5 first script stands in for each of them.
      const commands = fs.readFileSync(path.join(root, 'src/commands/commands.ts'), 'utf8');
      const block = /const COMMANDS = \{([^}]*)\}/.exec(commands)?.[1] ?? '';
      expect([...block.matchAll(/(\w+):/g)].map((m) => m[1])).toEqual(fns);
      const first = fs.readFileSync(path.join(root, 'src/taskpane/boot/first.es5.js'), 'utf8');
      expect(/var names = \[([^\]]*)\]/.exec(first)?.[1].match(/\w+/g)).toEqual(fns);
    });

    test('the pane has one address: no button reloads it at another (a merge in progress would be lost)', () => {
      const app = manifest();
      const controls = list(app.VersionOverrides.Hosts.Host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control);
      const panes = controls.filter((c: { Action: { '@type': string } }) => c.Action['@type'] === 'ShowTaskpane');
      expect(panes.map((c: { Action: { SourceLocation: { '@resid': string } } }) => c.Action.SourceLocation['@resid'])).toEqual(['Taskpane.Url']);
      const urls = list(app.VersionOverrides.Resources.Urls.Url).map((u: { '@DefaultValue': string }) => u['@DefaultValue']);
      expect(urls.filter((u: string) => u.includes('taskpane.html'))).toEqual([app.DefaultSettings.SourceLocation['@DefaultValue']]);
    });

    test('every resid used is defined once, with a Russian default; labels have English overrides', () => {
      const app = manifest();
      const res = app.VersionOverrides.Resources;
      const defined = [...list(res.Images.Image), ...list(res.Urls.Url), ...list(res.ShortStrings.String), ...list(res.LongStrings.String)].map(
        (r: { '@id': string }) => r['@id'],
      );
      expect(new Set(defined).size).toBe(defined.length);
      const used = attrs(app.VersionOverrides.Hosts, 'resid');
      for (const id of used) expect(defined).toContain(id);
      for (const s of [...list(res.ShortStrings.String), ...list(res.LongStrings.String)]) {
        expect(s['@DefaultValue']).toMatch(/[а-яё]/i);
        expect(s.Override['@Locale']).toBe('en-US');
        expect(s['@DefaultValue'].length).toBeLessThanOrEqual(250);
      }
      for (const s of list(res.ShortStrings.String)) expect(s['@DefaultValue'].length).toBeLessThanOrEqual(125);
    });

    test('every URL is https, under one origin that is also the AppDomain, and every icon and page it names is built', () => {
      const app = manifest();
      const urls = manifestUrls(app);
      // The shared runtime's has no commands page (its function file is the pane's page).
      expect(urls.length).toBe(opts.sharedRuntime ? 10 : 11);
      const origin = new URL(app.DefaultSettings.SourceLocation['@DefaultValue']).origin;
      for (const u of urls) {
        expect(new URL(u).protocol).toBe('https:');
        expect(new URL(u).origin).toBe(origin);
      }
      expect(list(app.AppDomains.AppDomain)).toEqual([origin]);
      const webpackSource = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
      const pageRoot = new URL('.', app.DefaultSettings.SourceLocation['@DefaultValue']).pathname;
      for (const u of urls.filter((x) => new URL(x).pathname !== '/')) {
        const p = new URL(u).pathname;
        expect(p.startsWith(pageRoot)).toBe(true);
        const rel = p.slice(pageRoot.length);
        if (rel.startsWith('assets/')) expect(fs.existsSync(path.join(root, rel))).toBe(true);
        else expect(rel).toMatch(/\.html$/);
        if (rel.endsWith('.html')) expect(webpackSource).toContain(`'${rel}'`);
      }
      // The icons are real PNGs of the declared size.
      for (const size of [16, 32, 64, 80]) {
        const png = fs.readFileSync(path.join(root, `assets/icon-${size}.png`));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(size);
        expect(png.readUInt32BE(20)).toBe(size);
      }
    });
  });
}
