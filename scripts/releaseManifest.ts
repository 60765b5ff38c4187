/**
 * The release manifest, made from the development one (manifest.xml) for the address where the pane is hosted.
 * Pure text in, text out: the development manifest stays the single source of the ribbon, strings and
 * requirements; a release changes only what depends on where and what is released.
 *
 * Two Ids, so a developer can have both installed side by side (Office keys an add-in by its Id):
 *  - PRODUCT_ID is Профкампания's — every release carries it, updates keep it, IT departments deploy it;
 *  - manifest.xml (npm start) carries DEV_ID and the display name «Профкампания (разработка)».
 */

export const PRODUCT_ID = '5b7e3c1a-9d42-4f6e-8a1b-2c3d4e5f6a70';
export const DEV_ID = 'dbae3d3a-d3e4-49ce-b4c4-4af14c92f1c3';
/** Where manifest.xml points: the webpack dev server (webpack.config.js, DEV_PORT). */
export const DEV_ORIGIN = 'https://localhost:3000';

const PRODUCT_DISPLAY_NAME = `<DisplayName DefaultValue="Профкампания">
    <Override Locale="en-US" Value="Career Campaign"/>
  </DisplayName>`;

/** Thrown for what the person running the release must fix; the message says what, in Russian. */
export class ReleaseError extends Error {}

/** package.json's "0.1.0" as the manifest's four-part "0.1.0.0" (each part 0…65535, as Office requires). */
export function manifestVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m || m.slice(1).some((p) => Number(p) > 65535))
    throw new ReleaseError(
      `Версия «${version}» в package.json не подходит для манифеста: нужна вида 1.2.3 (три числа до 65535, без суффиксов вроде -beta).`,
    );
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The hosting address, checked: https, no query or fragment, not this machine; always ends with «/». */
export function releaseBase(raw: string | undefined): URL {
  if (!raw)
    throw new ReleaseError(
      'Не указан адрес, по которому будет размещена надстройка. Пример: npm run release -- --url https://example.org/profkampaniya/ ' +
        '(или переменная окружения PROFKAMPANIYA_URL).',
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ReleaseError(`«${raw}» — не адрес. Пример: https://example.org/profkampaniya/`);
  }
  if (url.protocol !== 'https:')
    throw new ReleaseError(`Адрес «${raw}» должен начинаться с https:// — Office открывает надстройки только по HTTPS.`);
  if (url.search || url.hash || url.username || url.password)
    throw new ReleaseError(`В адресе «${raw}» не должно быть «?», «#» или имени пользователя: укажите папку, например https://example.org/profkampaniya/`);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname))
    throw new ReleaseError(
      `Адрес «${raw}» указывает на этот компьютер: с него надстройку не откроют другие. Для разработки есть npm start и manifest.xml.`,
    );
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The development manifest with every dev-server URL moved under `base`, the product's Id and display name and
 * the version from package.json. Fails rather than ship a manifest that still names localhost.
 */
export function releaseManifest(devXml: string, opts: { base: URL; version: string }): string {
  const base = escapeXml(opts.base.href);
  const origin = escapeXml(opts.base.origin);
  const replaceOnce = (xml: string, re: RegExp, by: string, what: string) => {
    if (!re.test(xml)) throw new ReleaseError(`В manifest.xml не найден элемент ${what}: манифест разработки изменён, поправьте scripts/releaseManifest.ts.`);
    return xml.replace(re, by);
  };
  let xml = devXml;
  xml = replaceOnce(xml, /<Id>[^<]*<\/Id>/, `<Id>${PRODUCT_ID}</Id>`, '<Id>');
  xml = replaceOnce(xml, /<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(opts.version)}</Version>`, '<Version>');
  xml = replaceOnce(xml, /<DisplayName[\s\S]*?<\/DisplayName>/, PRODUCT_DISPLAY_NAME, '<DisplayName>');
  // AppDomain is an origin; every other URL is a page or an icon under the dev server's root.
  xml = xml.split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`);
  xml = xml.split(`${DEV_ORIGIN}/`).join(base);
  xml = xml.replace(
    /^\s*URLs point at the webpack dev server[\s\S]*?releaseManifest\.ts\)\.\n/m,
    // Not the address itself: a .рф one is «xn--…», and XML forbids «--» inside a comment (Office refuses the file).
    `  Release ${opts.version} (npm run release): every URL points at the hosting address it was given. The development manifest is manifest.xml.\n`,
  );
  const left = /localhost|127\.0\.0\.1/.exec(xml);
  if (left) throw new ReleaseError(`В манифесте выпуска остался адрес разработки («${left[0]}»): поправьте manifest.xml или scripts/releaseManifest.ts.`);
  for (const [, body] of xml.matchAll(/<!--([\s\S]*?)-->/g))
    if (body.includes('--') || body.endsWith('-'))
      throw new ReleaseError('В комментарии манифеста два дефиса подряд («--»): XML этого не допускает, Office не примет файл. Поправьте комментарий в manifest.xml.');
  return xml;
}

/** The second manifest's file name in a release: for Office that runs the shared runtime (see sharedRuntimeManifest). */
export const SHARED_MANIFEST_FILE = 'manifest-shared-runtime.xml';

/**
 * The same add-in (same Id, ribbon, strings) with the pane's page as one shared JavaScript runtime, made from a
 * manifest of ours (development or release) — never kept by hand. As «Configure your Office Add-in to use a shared
 * runtime» gives it for the add-in only manifest (learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-
 * to-use-a-shared-runtime): the SharedRuntime 1.1 set in <Requirements>; <Runtimes><Runtime resid="Taskpane.Url"
 * lifetime="long"/></Runtimes> first in the Workbook <Host> (long is what makes it shared); <FunctionFile> moved to
 * Taskpane.Url, so the ribbon's functions run in the pane's page; and no <TaskpaneId> under the Host («Good practice:
 * avoid multiple task panes»: a shared runtime supports one task pane).
 * Because of the requirement, Office without SharedRuntime 1.1 does not run it at all ("the add-in won't run in that
 * application or platform, and won't display in My Add-ins", «Specify Office applications and API requirements»;
 * the set's page, «Shared runtime requirement sets»: Excel on the web, Microsoft 365 Version 2002+, Excel 2021 and
 * later, Mac 16.35+ — not Office 2016/2019): there, and for anyone unsure, the first manifest stays, with its
 * commands page and localStorage hand-off.
 */
export function sharedRuntimeManifest(xml: string): string {
  const replaceOnce = (from: string | RegExp, to: string, what: string) => {
    const n = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
    if (n !== 1) throw new ReleaseError(`В манифесте ${n === 0 ? 'не найден' : 'больше одного'} ${what}: манифест изменён, поправьте sharedRuntimeManifest в scripts/releaseManifest.ts.`);
    xml = xml.replace(from, to);
  };
  replaceOnce(/( *)<Set Name="ExcelApi" MinVersion="[^"]*"\/>\n/, '$&$1<Set Name="SharedRuntime" MinVersion="1.1"/>\n', 'набор ExcelApi в <Requirements>');
  replaceOnce(/( *)<Host xsi:type="Workbook">\n/, '$&$1  <Runtimes>\n$1    <Runtime resid="Taskpane.Url" lifetime="long"/>\n$1  </Runtimes>\n', '<Host xsi:type="Workbook">');
  replaceOnce('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>');
  replaceOnce(/\n *<TaskpaneId>[^<]*<\/TaskpaneId>/, '', '<TaskpaneId>');
  // Commands.Url is used nowhere now: an unused resource is dropped rather than left to puzzle a reader.
  replaceOnce(/\n *<bt:Url id="Commands\.Url" DefaultValue="[^"]*"\/>/, '', '<bt:Url id="Commands.Url">');
  xml = xml.replace(/<!--\n/, '<!--\n  Shared runtime (SharedRuntime 1.1): generated from manifest.xml by scripts/releaseManifest.ts, sharedRuntimeManifest.\n');
  return xml;
}
