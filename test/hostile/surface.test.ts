/**
 * What the add-in can reach: the manifest asks for no more than ReadWriteDocument and trusts no other domain, the
 * pane's pages carry a Content-Security-Policy that lets scripts and connections go only to the add-in's own
 * origin and Office.js's CDN, and the source makes no network call of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { NETWORK_CALLS } from './support';
// Slow on purpose (release build): tests run webpack's production config or the release script.
jest.setTimeout(120_000);

const root = path.join(__dirname, '..', '..');
const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

describe('manifest.xml asks for no more than it needs', () => {
  const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  const app = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true }).parse(xml).OfficeApp;

  test('permission is at most ReadWriteDocument (never ReadWriteMailbox or anything wider)', () => {
    expect(['Restricted', 'ReadDocument', 'ReadWriteDocument']).toContain(app.Permissions);
    expect(xml.match(/<Permissions>/g)).toHaveLength(1);
  });

  test('every URL and trusted domain is the add-in’s own origin', () => {
    const origins = new Set([...xml.matchAll(/https?:\/\/[^"'<\s/,)]+/g)].map((m) => m[0]));
    const own = [...origins].filter((o) => !/schemas\.microsoft\.com|www\.w3\.org/.test(o));
    expect(own).toEqual([expect.stringMatching(/^https:\/\/localhost:\d+$/)]);
    const domains = [app.AppDomains?.AppDomain ?? []].flat();
    for (const d of domains) expect(own).toContain(d);
  });
});

describe('the pane’s pages carry a Content-Security-Policy', () => {
  /** The production config, as `npm run build` makes it. */
  async function htmlPlugins(mode: 'production' | 'development') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = await require(path.join(root, 'webpack.config.js'))({}, { mode });
    return (config.plugins as { userOptions?: { filename: string; template: string; templateParameters: { csp: string; officeJs: string; bootJs: string } } }[])
      .map((p) => p.userOptions)
      .filter((o): o is NonNullable<typeof o> => Boolean(o?.template && o.filename.endsWith('.html')));
  }

  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

  test('every HTML page is built from a template that puts the policy in a meta tag before any script', async () => {
    const pages = await htmlPlugins('production');
    expect(pages.map((p) => p.filename).sort()).toEqual(['commands.html', 'taskpane.html']);
    for (const p of pages) {
      const template = fs.readFileSync(path.join(root, p.template), 'utf8');
      const meta = template.search(/<meta http-equiv="Content-Security-Policy" content="<%= csp %>"/);
      expect(meta).toBeGreaterThan(0);
      const firstScript = template.search(/<script/);
      expect(firstScript === -1 || meta < firstScript).toBe(true);
      // Only Office.js comes from outside (the other script is the add-in's own ES5 first script, built beside the
      // pages), and no inline script the policy would have to allow.
      for (const m of template.matchAll(/<script\b((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/script>/g)) {
        expect(m[1]).toMatch(/src="<%= (officeJs|bootJs) %>"/);
        expect(m[2].trim()).toBe('');
      }
    }
  });

  test('the production policy: scripts and connections only to the add-in itself and Office.js, no eval, no plugins', async () => {
    for (const p of await htmlPlugins('production')) {
      const d = directives(p.templateParameters.csp);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'", OFFICE_ORIGIN]);
      expect(d.get('connect-src')).toEqual(["'self'", OFFICE_ORIGIN]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'self'"]);
      expect(d.get('form-action')).toEqual(["'none'"]);
      expect(p.templateParameters.csp).not.toMatch(/unsafe-eval|\*|wss?:/);
      // data: is allowed for images and fonts only, never for scripts, frames or connections.
      for (const k of ['default-src', 'script-src', 'connect-src']) expect(d.get(k)).not.toContain('data:');
      expect(p.templateParameters.officeJs.startsWith(`${OFFICE_ORIGIN}/`)).toBe(true);
      expect(p.templateParameters.bootJs).toMatch(/^boot\.[0-9a-f]{8}\.js$/); // the add-in's own file, beside the page
    }
  });
});

describe('the add-in makes no network calls of its own', () => {
  const sources = filesUnder(path.join(root, 'src'), (f) => /\.(tsx?|html|js)$/.test(f) && !/\.test\.tsx?$/.test(f));

  test('no source file calls fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or the like', () => {
    expect(sources.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const f of sources) {
      const text = fs.readFileSync(f, 'utf8');
      for (const [what, re] of NETWORK_CALLS) if (re.test(text)) found.push(`${path.relative(root, f)}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  test('no source file names an outside address other than XML namespaces and Office.js', () => {
    const found: string[] = [];
    for (const f of sources)
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)]+/g))
        if (!/^https?:\/\/(?:schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org|purl\.oclc\.org|www\.w3\.org|localhost)[/:]?/.test(m[0]))
          found.push(`${path.relative(root, f)}: ${m[0]}`);
    expect(found).toEqual([]);
  });

  test('the patterns do catch a network call (the check itself works)', () => {
    const sample = 'const r = await fetch("/x"); new XMLHttpRequest(); new WebSocket(u); navigator.sendBeacon(u, d); window.fetch(u)';
    expect(NETWORK_CALLS.filter(([, re]) => re.test(sample)).map(([w]) => w)).toEqual(['fetch', 'XMLHttpRequest', 'WebSocket', 'sendBeacon']);
    expect(NETWORK_CALLS.some(([, re]) => re.test('prefetch(x); const fetchSize = 1;'))).toBe(false);
  });
});
