/**
 * A web.config read the way IIS reads it, as far as this release's file uses it: IIS refuses the whole file
 * (HTTP 500.19) for an element or attribute its configuration schema does not know («Unrecognized element»,
 * «Unrecognized attribute»), an enum value outside the list, a required attribute missing, or an entry added to a
 * collection that already holds its key («Cannot add duplicate collection entry»; the server's own list already
 * maps .js, .json, .svg… — so an entry is added only after <remove> or <clear>). The schema below is the part of the
 * IIS configuration reference (learn.microsoft.com/iis/configuration/system.webserver/…: staticContent, mimeMap,
 * clientCache, defaultDocument, httpProtocol/customHeaders, security/requestFiltering/hiddenSegments; location)
 * the file may use. Test support only.
 */
import { XMLParser } from 'fast-xml-parser';

interface ElementRule {
  attrs?: Record<string, RegExp | { required: true; value?: RegExp }>;
  children?: Record<string, ElementRule>;
  /** A collection: the key attribute of its add/remove entries. */
  key?: string;
  /**
   * Keys the server's own configuration may already hold (applicationHost.config): 'any' where the list depends
   * on the IIS version (mime types), else the defaults the reference names.
   */
  inherited?: 'any' | string[];
}

const TIMESPAN = /^(\d+\.)?\d{2}:\d{2}:\d{2}$/; // d.hh:mm:ss, as cacheControlMaxAge="365.00:00:00"
const BOOL = /^(true|false)$/;
const ANY = /^[\s\S]*$/;
const entry = (key: string, more: Record<string, RegExp | { required: true }> = {}): ElementRule => ({ attrs: { [key]: { required: true }, ...more } });
const collection = (key: string, inherited: 'any' | string[], addAttrs: Record<string, RegExp | { required: true }> = {}, add = 'add'): ElementRule => ({
  key,
  inherited,
  children: { [add]: entry(key, addAttrs), remove: entry(key), clear: {} },
});

const STATIC_CONTENT: ElementRule = {
  key: 'fileExtension',
  inherited: 'any',
  attrs: { enableDocFooter: BOOL, defaultDocFooter: ANY, isDocFooterFileName: BOOL },
  children: {
    mimeMap: entry('fileExtension', { mimeType: { required: true } }),
    remove: entry('fileExtension'),
    clear: {},
    clientCache: {
      attrs: {
        cacheControlMode: /^(NoControl|DisableCache|UseMaxAge|UseExpires)$/,
        cacheControlMaxAge: TIMESPAN,
        cacheControlCustom: ANY,
        httpExpires: ANY,
        setEtag: BOOL,
      },
    },
  },
};

const WEB_SERVER: ElementRule = {
  children: {
    staticContent: STATIC_CONTENT,
    defaultDocument: { attrs: { enabled: BOOL }, children: { files: collection('value', ['default.htm', 'default.asp', 'index.htm', 'index.html', 'iisstart.htm', 'default.aspx']) } },
    httpProtocol: { attrs: { allowKeepAlive: BOOL }, children: { customHeaders: collection('name', ['x-powered-by'], { value: ANY }) } },
    security: { children: { requestFiltering: { children: { hiddenSegments: { ...collection('segment', ['web.config', 'bin', 'app_code', 'app_globalresources', 'app_localresources', 'app_webreferences', 'app_data', 'app_browsers']), attrs: { applyToWebDAV: BOOL } } } } } },
  },
};

const CONFIGURATION: ElementRule = {
  children: {
    'system.webServer': WEB_SERVER,
    location: { attrs: { path: ANY, overrideMode: /^(Allow|Deny|Inherit)$/, inheritInChildApplications: BOOL }, children: { 'system.webServer': WEB_SERVER } },
  },
};

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** What IIS would refuse in `xml` (empty: it takes it). */
export function iisConfigErrors(xml: string): string[] {
  const errors: string[] = [];
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' }).parse(xml) as Node[];
  const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@' && k !== '#comment' && k !== '?xml' && k !== '#text');
  const walk = (nodes: Node[], rule: ElementRule, where: string) => {
    // A collection's keys as IIS would hold them: unknown (inherited from the server) until <clear/>.
    let cleared = false;
    const removed = new Set<string>();
    const added = new Set<string>();
    for (const n of nodes) {
      const name = nameOf(n);
      if (!name) continue;
      const childRule = rule.children?.[name];
      const here = `${where}/${name}`;
      if (!childRule) {
        errors.push(`${here}: Unrecognized element`);
        continue;
      }
      const attrs = n[':@'] ?? {};
      for (const [a, v] of Object.entries(attrs)) {
        const r = childRule.attrs?.[a];
        if (!r) errors.push(`${here}: Unrecognized attribute «${a}»`);
        else if (r instanceof RegExp && !r.test(v)) errors.push(`${here}: «${a}="${v}"» is not a value IIS takes`);
      }
      for (const [a, r] of Object.entries(childRule.attrs ?? {})) if (!(r instanceof RegExp) && attrs[a] === undefined) errors.push(`${here}: required attribute «${a}» missing`);
      if (rule.key) {
        const k = attrs[rule.key]?.toLowerCase();
        if (name === 'clear') cleared = true;
        else if (name === 'remove' && k !== undefined) {
          removed.add(k);
          added.delete(k);
        }
        else if (k !== undefined && name !== 'clientCache') {
          const mayBeThere = !cleared && !removed.has(k) && (rule.inherited === 'any' || (rule.inherited ?? []).includes(k));
          if (added.has(k) || mayBeThere) errors.push(`${here}: Cannot add duplicate collection entry with ${rule.key}="${attrs[rule.key]}" (not removed or cleared first)`);
          added.add(k);
        }
      }
      walk((n[name] as Node[]) ?? [], childRule, here);
    }
  };
  const root = doc.find((n) => nameOf(n) === 'configuration');
  if (!root) return ['no <configuration> root'];
  walk((root.configuration as Node[]) ?? [], CONFIGURATION, 'configuration');
  return errors;
}

/** The mime types and headers a web.config declares for the site's root (not a <location>). */
export function iisRootSettings(xml: string): { types: Record<string, string>; headers: Record<string, string>; removedHeaders: string[] } {
  const p = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_n, _p, _l, isAttribute) => !isAttribute }).parse(xml) as Record<string, Record<string, Record<string, unknown>[]>[]>;
  const ws = p.configuration[0]['system.webServer'][0] as Record<string, Record<string, Record<string, string>[] | Record<string, Record<string, string>[]>[]>[]>;
  const sc = ws.staticContent[0] as unknown as Record<string, Record<string, string>[]>;
  const ch = (ws.httpProtocol[0] as unknown as Record<string, Record<string, Record<string, string>[]>[]>).customHeaders[0];
  return {
    types: Object.fromEntries((sc.mimeMap ?? []).map((m) => [m.fileExtension, m.mimeType])),
    headers: Object.fromEntries((ch.add ?? []).map((h) => [h.name, h.value])),
    removedHeaders: (ch.remove ?? []).map((h) => h.name),
  };
}
