/**
 * What a release carries for the server and for Windows, written for its address (npm run release):
 *  - setup/nginx-profkampaniya.conf — a ready nginx configuration (HTTPS server, MIME types, caching, headers);
 *  - web.config — the same for IIS, in the folder's root where IIS reads it;
 *  - setup/pk-catalog.reg — the shared-folder catalog (Trusted Add-in Catalogs) for Office on Windows, when the
 *    release is given the folder (--share).
 * Pure text in, text out; docs/установка.md says how IT uses each one. The rules they share:
 *  - scripts named with their content hash (`taskpane.1a2b3c4d.js`) never change: cached for a year, immutable;
 *  - everything else (pages, manifest.xml, icons) has a fixed name the manifest uses: `no-cache`, so an update shows
 *    at once;
 *  - text types carry charset=utf-8 (the first script shows its notice in Russian);
 *  - no X-Frame-Options or frame-ancestors: Excel on the web shows the pane in a frame;
 *  - setup/ (this file's output) is not served.
 */
import { ReleaseError } from './releaseManifest';

/** The catalog's key under TrustedCatalogs: one for Профкампания, so running the .reg again changes, not adds. */
export const CATALOG_ID = '{87f24544-a2c4-49d9-8916-07e809244ac7}';
/** Where the release puts what is for IT, not for the web server's visitors. */
export const SETUP_DIR = 'setup';
export const NGINX_FILE = `${SETUP_DIR}/nginx-profkampaniya.conf`;
export const REG_FILE = `${SETUP_DIR}/pk-catalog.reg`;

/** A content-hashed script, as webpack names them (`[name].[contenthash:8].js`): cached for a year. */
export const HASHED_SCRIPT = /\.[0-9a-f]{8}\.js$/;
const LONG_CACHE = 'public, max-age=31536000, immutable';

/** The MIME types of what a release holds or may hold (.json and .svg for the assets to come). */
export const MIME: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  xml: 'application/xml',
  txt: 'text/plain',
};
const TEXT = new Set(['html', 'js', 'json', 'svg', 'xml', 'txt']);

/** The address's folder as nginx matches it: decoded (nginx compares the decoded URI), quoted. */
function nginxPath(base: URL): string {
  const p = decodeURIComponent(base.pathname);
  if (/["\\{};$\s]/.test(p))
    throw new ReleaseError(`В пути адреса «${p}» есть пробел или знак из " \\ { } ; $ — выберите путь из букв, цифр и «-», например /profkampaniya/.`);
  return p;
}

/**
 * nginx (1.18 or newer; checked with `nginx -t` and served by nginx 1.22 in test/release.build.test.ts). One file
 * for /etc/nginx/conf.d/: a `map` (http context) and the HTTPS server for the address's host.
 */
export function nginxConfig(base: URL, version: string): string {
  const loc = nginxPath(base);
  const rx = loc.replace(/[.*+?^()[\]|]/g, '\\$&');
  const types = Object.entries(MIME)
    .map(([ext, type]) => `            ${type.padEnd(24)} ${ext};`)
    .join('\n');
  const charsetTypes = Object.keys(MIME)
    .filter((ext) => TEXT.has(ext) && ext !== 'html')
    .map((ext) => MIME[ext])
    .join(' ');
  return `# Профкампания ${version}: nginx for ${base.href} (written by npm run release).
#
# 1. Copy the contents of the release folder profkampaniya-${version}/ to /var/www/profkampaniya/ (or change
#    "alias" below), and this file to /etc/nginx/conf.d/profkampaniya.conf (conf.d is read inside http { }).
# 2. Set ssl_certificate / ssl_certificate_key: the certificate WITH its intermediate certificates (fullchain),
#    issued to ${base.hostname} by a certification authority Windows trusts on the users' computers.
# 3. nginx -t && systemctl reload nginx
# The site already has a server { } for ${base.hostname}? Keep the map here and copy only the location block into it.

# Scripts named with their content hash never change: cached for a year. Everything else (pages, manifest.xml,
# icons) keeps its name across versions: "no-cache", so browsers and Excel check for a new version every time.
map $uri $profkampaniya_cache_control {
    "~^${rx}.*${HASHED_SCRIPT.source}"  "${LONG_CACHE}";
    default  "no-cache";
}

server {
    listen 443 ssl;
    server_name ${base.hostname};

    ssl_certificate     /etc/ssl/certs/${base.hostname}.fullchain.pem;
    ssl_certificate_key /etc/ssl/private/${base.hostname}.key;
    # TLS 1.2 at least: what Office's webviews (Internet Explorer 11's included, on Windows 8.1 and later) speak.
    ssl_protocols TLSv1.2 TLSv1.3;

    location "${loc}" {
        alias /var/www/profkampaniya/;
        index index.html;

        types {
${types}
        }
        default_type application/octet-stream;
        # text/html always gets the charset; the others are listed.
        charset utf-8;
        charset_types ${charsetTypes};

        add_header Cache-Control $profkampaniya_cache_control always;
        add_header X-Content-Type-Options nosniff always;
        # No X-Frame-Options and no CSP frame-ancestors: Excel on the web shows the pane in a frame. The pages carry
        # their own Content-Security-Policy.

        # What the release carries for IT (this file, the .reg) and IIS's web.config are not for visitors.
        location ~ "^${rx}(${SETUP_DIR}/|web\\.config$)" {
            return 404;
        }
    }
}

# Plain http only sends on to https (Office opens add-ins over HTTPS only).
server {
    listen 80;
    server_name ${base.hostname};
    return 301 https://$host$request_uri;
}
`;
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * IIS 7.5 or newer (web.config in the folder's root). Each extension is removed before it is mapped: IIS refuses a
 * web.config that adds a type it already knows (error 500.19, duplicate collection entry). The hashed scripts get
 * their year of caching one by one (`scripts`: the release's file names), since staticContent has no patterns.
 */
export function iisWebConfig(version: string, files: string[]): string {
  const mimes = Object.entries(MIME)
    .map(([ext, type]) => {
      const full = TEXT.has(ext) ? `${type}; charset=utf-8` : type;
      return `      <remove fileExtension=".${ext}" />\n      <mimeMap fileExtension=".${ext}" mimeType="${full}" />`;
    })
    .join('\n');
  const longCached = files
    .filter((f) => HASHED_SCRIPT.test(f))
    .map(
      (f) => `  <location path="${xmlAttr(f)}">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="public, immutable" />
      </staticContent>
    </system.webServer>
  </location>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  Профкампания ${version}: IIS settings for the address this release was made for (README.txt names it; written by
  npm run release). The address itself is not repeated here: a .рф one is written with two hyphens in a row, which
  XML forbids inside a comment.
  Copy the contents of the release folder, this file with them, to the folder of the site or virtual directory
  that answers at that address over HTTPS (a binding with a certificate Windows trusts on the users' computers).
  Scripts named with their content hash are cached for a year; pages, manifest.xml and icons are not cached, so an
  update shows at once. No X-Frame-Options: Excel on the web shows the pane in a frame.
-->
<configuration>
  <system.webServer>
    <staticContent>
${mimes}
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <defaultDocument enabled="true">
      <files>
        <clear />
        <add value="index.html" />
      </files>
    </defaultDocument>
    <httpProtocol>
      <customHeaders>
        <remove name="X-Frame-Options" />
        <remove name="X-Content-Type-Options" />
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
    <security>
      <requestFiltering>
        <hiddenSegments>
          <add segment="${SETUP_DIR}" />
        </hiddenSegments>
      </requestFiltering>
    </security>
  </system.webServer>
${longCached}
</configuration>
`;
}

/** `\\server\share\folder`, checked: a UNC path, which is what Office's Trusted Add-in Catalogs take. */
export function catalogShare(raw: string): string {
  const share = raw.trim().replace(/[\\/]+$/, '').replace(/\//g, '\\');
  if (!/^\\\\[^\\]+\\[^\\]+/.test(share) || /[\r\n"]/.test(share))
    throw new ReleaseError(
      `«${raw}» — не сетевая папка. Нужен путь вида \\\\сервер\\папка (как в свойствах папки, вкладка «Доступ»): в каталог надстроек Office берёт только общие папки.`,
    );
  return share;
}

/**
 * The registry file that makes `share` a trusted add-in catalog shown in the menu, for the current user, as
 * Microsoft's page «Sideload Office Add-ins on Windows from a network share» gives it (16.0 is Office 2016, 2019,
 * 2021, 2024 and Microsoft 365 alike). UTF-16LE with a byte-order mark and CRLF, as regedit writes it: a share
 * named in Cyrillic arrives intact.
 */
export function catalogReg(share: string): Buffer {
  const escaped = catalogShare(share).replace(/\\/g, '\\\\');
  const text = [
    'Windows Registry Editor Version 5.00',
    '',
    `[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}]`,
    `"Id"="${CATALOG_ID}"`,
    `"Url"="${escaped}"`,
    '"Flags"=dword:00000001',
    '',
  ].join('\r\n');
  return Buffer.from('\ufeff' + text, 'utf16le');
}
