/**
 * What a release carries for the server and for Windows (scripts/hosting.ts): the nginx configuration checked by
 * nginx itself (`nginx -t`), IIS's web.config as well-formed XML IIS would take, and the registry file of the
 * shared-folder catalog as regedit reads it. Serving a whole release through that nginx is in
 * test/release.build.test.ts.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { CATALOG_ID, HASHED_SCRIPT, NGINX_FILE, REG_FILE, catalogReg, catalogShare, iisWebConfig, nginxConfig } from '../scripts/hosting';
import { ReleaseError, releaseBase } from '../scripts/releaseManifest';
import { nginxTest, prepareNginx } from './support/nginx';
import { iisConfigErrors, iisRootSettings } from './support/iisConfig';
import { parseRegFile, REG5_HEADER } from './support/regFile';

const base = releaseBase('https://edu.example.ru/profkampaniya/');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function nginxT(conf: string, hostname: string) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-site-'));
  const run = await prepareNginx(conf, hostname, site);
  dirs.push(site, run.prefix);
  return nginxTest(run);
}

describe('the nginx configuration', () => {
  test('nginx itself takes it (nginx -t), for a Latin and for a Cyrillic address', async () => {
    const plain = await nginxT(nginxConfig(base, '0.1.0'), 'edu.example.ru');
    expect(plain).toEqual({ status: 0, output: expect.stringContaining('test is successful') });
    expect(plain.output).not.toMatch(/\[warn\]/);
    const rf = releaseBase('https://школа-1.рф/профкампания/');
    const cyr = await nginxT(nginxConfig(rf, '0.1.0'), rf.hostname);
    expect(cyr).toEqual({ status: 0, output: expect.stringContaining('test is successful') });
    expect(nginxConfig(rf, '0.1.0')).toContain('location "/профкампания/" {');
  });

  test('the check does fail on a configuration nginx refuses', async () => {
    const broken = nginxConfig(base, '0.1.0').replace('index index.html;', 'index index.html');
    const t = await nginxT(broken, 'edu.example.ru');
    expect(t.status).not.toBe(0);
    expect(t.output).toMatch(/emerg/);
  });

  test('an address path nginx cannot take is refused with what to do, in Russian', () => {
    expect(() => nginxConfig(releaseBase('https://edu.example.ru/a b/'), '0.1.0')).toThrow(ReleaseError);
    expect(() => nginxConfig(releaseBase('https://edu.example.ru/a b/'), '0.1.0')).toThrow(/выберите путь/);
  });
});

describe('IIS web.config', () => {
  const files = ['taskpane.html', 'boot.e1852c58.js', 'taskpane.f50a84e8.js', '147.e9a9b1bb.js', 'manifest.xml', 'assets/icon-32.png', 'README.txt'];
  const xml = iisWebConfig('0.1.0', files);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, _path, _leaf, isAttribute) => !isAttribute }).parse(xml);
  const ws = parsed.configuration[0]['system.webServer'][0];

  test('is well-formed XML (xmllint), whatever the release’s address or version', () => {
    const run = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
    if (run.error) throw new Error('xmllint не найден: установите пакет libxml2-utils (scripts/setup.sh)');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    // No «--» inside its comment (a .рф address is «xn--…»): IIS would refuse the whole file.
    for (const [, body] of xml.matchAll(/<!--([\s\S]*?)-->/g)) expect(body).not.toContain('--');
  });

  test('maps .js, .json, .svg (and every type a release holds), each removed first so IIS never sees a duplicate (500.19)', () => {
    const body = /<staticContent>([\s\S]*?)<\/staticContent>/.exec(xml)![1];
    const entries = [...body.matchAll(/<(remove|mimeMap) fileExtension="([^"]+)"(?: mimeType="([^"]+)")?/g)].map((m) => [m[1], m[2], m[3]]);
    for (let i = 0; i < entries.length; i += 2) {
      expect(entries[i][0]).toBe('remove');
      expect(entries[i + 1].slice(0, 2)).toEqual(['mimeMap', entries[i][1]]);
    }
    const types = Object.fromEntries(entries.filter((e) => e[0] === 'mimeMap').map((e) => [e[1], e[2]]));
    expect(types).toMatchObject({
      '.js': 'text/javascript; charset=utf-8',
      '.json': 'application/json; charset=utf-8',
      '.svg': 'image/svg+xml; charset=utf-8',
      '.html': 'text/html; charset=utf-8',
      '.xml': 'application/xml; charset=utf-8',
      '.png': 'image/png',
    });
  });

  test('caches only the content-hashed scripts (a year, immutable); pages, manifest and icons are not cached', () => {
    expect(ws.staticContent[0].clientCache[0]['@cacheControlMode']).toBe('DisableCache');
    const locations = parsed.configuration[0].location.map((l: { '@path': string }) => l['@path']);
    expect(locations.sort()).toEqual(files.filter((f) => HASHED_SCRIPT.test(f)).sort());
    for (const l of parsed.configuration[0].location) {
      const cache = l['system.webServer'][0].staticContent[0].clientCache[0];
      expect(cache['@cacheControlMode']).toBe('UseMaxAge');
      expect(cache['@cacheControlMaxAge']).toBe('365.00:00:00');
    }
  });

  test('opens index.html for the folder, hides setup/, says nosniff and never sends X-Frame-Options (Excel on the web frames the pane)', () => {
    expect(ws.defaultDocument[0].files[0].add[0]['@value']).toBe('index.html');
    expect(ws.security[0].requestFiltering[0].hiddenSegments[0].add[0]['@segment']).toBe('setup');
    const headers = ws.httpProtocol[0].customHeaders[0];
    expect(headers.add.map((a: { '@name': string }) => a['@name'])).toEqual(['X-Content-Type-Options']);
    expect(headers.remove.map((a: { '@name': string }) => a['@name'])).toContain('X-Frame-Options');
  });
});

describe('IIS web.config, read as IIS reads it (test/support/iisConfig.ts)', () => {
  // Every kind of file a release holds, the shared-runtime manifest and the dotted script names included.
  const release = ['index.html', 'taskpane.html', 'commands.html', 'help.html', 'boot.e1852c58.js', 'taskpane.f50a84e8.js', 'shared-runtime.70b793da.js', 'stamp-commands.9469fcb6.js', 'manifest.xml', 'manifest-shared-runtime.xml', 'assets/icon-32.png', 'README.txt'];
  const xml = iisWebConfig('0.1.0', release);

  test('has nothing IIS would refuse with 500.19: every element and attribute known, values in range, no duplicate entry', () => {
    expect(iisConfigErrors(xml)).toEqual([]);
  });

  test('the check does refuse what IIS refuses', () => {
    expect(iisConfigErrors(xml.replace('<remove fileExtension=".js" />', ''))).toEqual([expect.stringMatching(/duplicate collection entry with fileExtension="\.js"/)]);
    expect(iisConfigErrors(xml.replace('cacheControlMode="DisableCache"', 'cacheControlMode="NoCache"'))).toEqual([expect.stringMatching(/cacheControlMode="NoCache"/)]);
    expect(iisConfigErrors(xml.replace('<mimeMap fileExtension=".png" mimeType="image/png" />', '<mimeMap fileExtension=".png" />'))).toEqual([expect.stringMatching(/required attribute «mimeType»/)]);
    expect(iisConfigErrors(xml.replace('<defaultDocument enabled="true">', '<defaultDocument enabled="true" maxAge="1">'))).toEqual([expect.stringMatching(/Unrecognized attribute «maxAge»/)]);
    expect(iisConfigErrors(xml.replace('<httpProtocol>', '<httpProtocol><cors enabled="true" /></httpProtocol><httpProtocol>'))[0]).toMatch(/cors: Unrecognized element/);
    expect(iisConfigErrors(xml.replace(/365\.00:00:00/g, '1 year'))[0]).toMatch(/cacheControlMaxAge="1 year"/);
  });

  test('serves every file of a release with its type and charset, and the headers the pane needs (nosniff; no X-Frame-Options)', () => {
    const { types, headers, removedHeaders } = iisRootSettings(xml);
    const extensions = new Set(release.map((f) => f.slice(f.lastIndexOf('.'))));
    for (const ext of extensions) expect({ ext, type: types[ext] }).toEqual({ ext, type: expect.stringMatching(/\//) });
    for (const ext of ['.html', '.js', '.xml', '.txt']) expect(types[ext]).toMatch(/; charset=utf-8$/);
    expect(types['.xml']).toBe('application/xml; charset=utf-8'); // both manifests
    expect(headers).toEqual({ 'X-Content-Type-Options': 'nosniff' });
    expect(removedHeaders).toContain('X-Frame-Options'); // Excel on the web shows the pane in a frame
  });
});

describe('the shared-folder catalog’s registry file', () => {
  const decode = (b: Buffer) => {
    expect([...b.subarray(0, 2)]).toEqual([0xff, 0xfe]); // UTF-16LE byte-order mark, as regedit writes
    return b.subarray(2).toString('utf16le');
  };

  test('is what regedit imports: the header, the catalog key, Id, Url and Flags (shown in the menu), CRLF lines', () => {
    const text = decode(catalogReg('\\\\fs01\\pk-addins'));
    expect(text.split('\r\n')).toEqual([
      'Windows Registry Editor Version 5.00',
      '',
      `[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}]`,
      `"Id"="${CATALOG_ID}"`,
      '"Url"="\\\\\\\\fs01\\\\pk-addins"',
      '"Flags"=dword:00000001',
      '',
    ]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(CATALOG_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
  });

  test('read as regedit imports it (test/support/regFile.ts): one key under TrustedCatalogs, Id its own GUID, Url the folder, Flags 1', () => {
    const share = '\\\\fs01\\Надстройки\\Профкампания';
    const tree = parseRegFile(catalogReg(share));
    const key = `HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}`;
    expect([...tree.keys()]).toEqual([key]);
    expect(Object.fromEntries(tree.get(key)!)).toEqual({
      Id: { type: 'REG_SZ', data: CATALOG_ID },
      Url: { type: 'REG_SZ', data: share },
      Flags: { type: 'REG_DWORD', data: 1 },
    });
    // As Microsoft's sample: the same GUID names the key and is its Id.
    expect(key.endsWith(`\\${tree.get(key)!.get('Id')!.data}`)).toBe(true);
    expect(catalogReg(share).subarray(2).toString('utf16le').split('\r\n')[0]).toBe(REG5_HEADER);
  });

  test('the reader does refuse what regedit would not take: no byte-order mark, an undoubled backslash, an abbreviated root, a bad dword', () => {
    const good = catalogReg('\\\\fs01\\pk-addins');
    const text = good.subarray(2).toString('utf16le');
    const as = (t: string) => Buffer.from('\ufeff' + t, 'utf16le');
    expect(() => parseRegFile(Buffer.from(text, 'utf8'))).toThrow(/метк/);
    expect(() => parseRegFile(as(text.replace('\\\\pk-addins"', '\\pk-addins"')))).toThrow(/удвоена/);
    expect(() => parseRegFile(as(text.replace('[HKEY_CURRENT_USER', '[HKCU')))).toThrow(/корневого/);
    expect(() => parseRegFile(as(text.replace('dword:00000001', 'dword:1')))).toThrow(/не примет/);
    expect(() => parseRegFile(as(text.replace(/\r\n/g, '\n')))).toThrow(/CRLF|заголовок/);
  });

  test('points to the folder the manifest is put in, a Cyrillic name intact; a trailing slash or forward slashes are tidied', () => {
    const text = decode(catalogReg('\\\\fs01\\Надстройки\\Профкампания\\'));
    const url = /^"Url"="(.*)"$/m.exec(text)![1].replace(/\\\\/g, '\\');
    expect(url).toBe('\\\\fs01\\Надстройки\\Профкампания');
    expect(catalogShare('//fs01/pk')).toBe('\\\\fs01\\pk');
  });

  test('only a network folder is taken, as Office’s catalog needs; anything else is refused in Russian', () => {
    for (const bad of ['C:\\addins', 'fs01\\pk', 'https://edu.example.ru/pk/', '\\\\fs01', '\\\\fs01\\a"b'])
      expect(() => catalogShare(bad)).toThrow(/сетевая папка/);
  });
});

test('the install guide and the README name what the release really carries: the nginx file, web.config, the .reg and its key', () => {
  const root = path.join(__dirname, '..');
  const guide = fs.readFileSync(path.join(root, 'docs', 'установка.md'), 'utf8');
  for (const s of [NGINX_FILE, REG_FILE, 'web.config', CATALOG_ID, 'Office\\16.0\\WEF\\TrustedCatalogs', '--share'])
    expect({ s, inGuide: guide.includes(s) }).toEqual({ s, inGuide: true });
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const s of [NGINX_FILE, REG_FILE, 'web.config', CATALOG_ID.slice(0, 10), '--share'])
    expect({ s, inReadme: readme.includes(s) }).toEqual({ s, inReadme: true });
});
