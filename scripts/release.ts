/**
 * `npm run release -- --url https://example.org/profkampaniya/` (or PROFKAMPANIYA_URL=…): a release for that address.
 *  1. builds the pane (webpack, production) into release/profkampaniya-<version>/;
 *  2. writes there the release manifest (scripts/releaseManifest.ts) as manifest.xml and, made from it, the one for
 *     Office with the shared runtime (SharedRuntime 1.1) as manifest-shared-runtime.xml; README.txt saying
 *     for which address and version it was made, and index.html, which sends the folder's address to the pane;
 *     web.config (IIS) and setup/: the nginx configuration and, given --share, the registry file of the
 *     shared-folder catalog (scripts/hosting.ts);
 *  3. packs the folder into release/profkampaniya-<version>.zip.
 * The folder's contents are what the web server hosts at the address; manifest.xml is what IT installs
 * (docs/установка.md). The version comes from package.json only.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { NGINX_FILE, REG_FILE, SETUP_DIR, catalogReg, catalogShare, iisWebConfig, nginxConfig } from './hosting';
import { PRODUCT_ID, ReleaseError, SHARED_MANIFEST_FILE, manifestVersion, releaseBase, releaseManifest, sharedRuntimeManifest } from './releaseManifest';

const ROOT = path.join(__dirname, '..');

const USAGE = `Выпуск Профкампании для размещения на веб-сервере.

Использование: npm run release -- --url https://example.org/profkampaniya/ [--share \\\\сервер\\папка] [--out папка]
  --url    адрес (https), по которому будет доступна папка выпуска; можно задать переменной PROFKAMPANIYA_URL
  --share  общая сетевая папка, куда положат manifest.xml для Excel на Windows (каталог надстроек): выпуск
           получит setup/pk-catalog.reg, который делает её доверенным каталогом; переменная PROFKAMPANIYA_SHARE
  --out    куда положить выпуск (по умолчанию release/)
Получится release/profkampaniya-<версия>.zip и та же папка рядом: её содержимое разместите по адресу,
а manifest.xml из неё установите (docs/установка.md).`;

function parseArgs(argv: string[]): { url?: string; share?: string; out: string; help: boolean } {
  const o = {
    url: process.env.PROFKAMPANIYA_URL || undefined,
    share: process.env.PROFKAMPANIYA_SHARE || undefined,
    out: path.join(ROOT, 'release'),
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ReleaseError(`После ${flag} нужно значение.\n\n${USAGE}`);
      return v;
    };
    if (flag === '--url') o.url = value();
    else if (flag === '--share') o.share = value();
    else if (flag === '--out') o.out = path.resolve(value());
    else if (flag === '--help' || flag === '-h') o.help = true;
    else throw new ReleaseError(`Неизвестный параметр «${argv[i]}».\n\n${USAGE}`);
  }
  return o;
}

/** Every file under `dir`, as paths relative to it with «/», sorted (a stable archive). */
export function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** `dir`'s files in a .zip under the folder `folder/` — one folder, so unpacking never scatters files. */
export async function packFolder(dir: string, folder: string): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date();
  for (const rel of listFiles(dir)) zip.file(`${folder}/${rel}`, fs.readFileSync(path.join(dir, rel)), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A static server shows index.html for the folder: it sends the browser on to the pane. */
export const INDEX_HTML = `<!doctype html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'" />
    <meta http-equiv="refresh" content="0; url=taskpane.html" />
    <title>Профкампания</title>
  </head>
  <body><p><a href="taskpane.html">Открыть Профкампанию</a></p></body>
</html>
`;

function readme(base: URL, version: string, share: string | undefined): string {
  return [
    `Профкампания ${version} — выпуск для адреса ${base.href}`,
    '',
    `1. Разместите содержимое этой папки на веб-сервере так, чтобы ${base.href}taskpane.html открывался по HTTPS`,
    '   (любой статический сервер; серверный код не нужен). Готовые настройки:',
    `   nginx — ${NGINX_FILE} (в /etc/nginx/conf.d/), IIS — web.config (уже в корне папки).`,
    `2. Установите надстройку манифестом manifest.xml из этой папки (он же доступен как ${base.href}manifest.xml):`,
    share
      ? `   Excel на Windows — положите manifest.xml в общую папку ${share} и запустите на компьютерах ${REG_FILE}`
      : '   Excel на Windows — общая папка-каталог (выпуск с --share \\\\сервер\\папка добавит файл реестра для неё);',
    '   Excel в Интернете и Microsoft 365 — там, где они доступны организации.',
    `   Для Excel в Интернете, Microsoft 365 (версия 2002 и новее), Excel 2021/2024 и Excel для Mac 16.35+ можно вместо`,
    `   него установить ${SHARED_MANIFEST_FILE} — та же надстройка с общей средой выполнения (SharedRuntime 1.1):`,
    '   кнопки ленты сами открывают панель на нужном разделе. Office 2016/2019 её не установит — там только manifest.xml.',
    '   Устанавливайте один из двух манифестов, не оба (у них один идентификатор).',
    `   Идентификатор надстройки: ${PRODUCT_ID} (у всех выпусков один, обновление его сохраняет).`,
    `3. Без установки: ${base.href}taskpane.html в обычном браузере — работа с файлами (LibreOffice, Р7-Офис, МойОфис,`,
    '   старый Office): бланки, проверка полученных файлов, свод.',
    '',
    'Подробно: docs/установка.md и раздел «Releasing and hosting» в README.md репозитория Профкампании.',
    '',
  ].join('\r\n');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const base = releaseBase(args.url);
  const share = args.share === undefined ? undefined : catalogShare(args.share);
  nginxConfig(base, '0.0.0'); // an address nginx cannot take stops the release before the slow build
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  manifestVersion(version); // a version the manifest cannot carry stops the release before the slow build
  const name = `profkampaniya-${version}`;
  const dir = path.join(args.out, name);

  console.log(`Сборка панели (webpack, production) в ${path.relative(ROOT, dir) || dir} …`);
  const webpack = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const built = spawnSync(process.execPath, [webpack, '--mode', 'production', '--output-path', dir], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new ReleaseError(`Сборка не удалась (webpack, код ${built.status ?? built.signal}): см. сообщения выше.`);

  const manifest = releaseManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), { base, version });
  fs.writeFileSync(path.join(dir, 'manifest.xml'), manifest);
  fs.writeFileSync(path.join(dir, SHARED_MANIFEST_FILE), sharedRuntimeManifest(manifest));
  fs.writeFileSync(path.join(dir, 'README.txt'), '\ufeff' + readme(base, version, share));
  // The folder's own address opens the pane too (the address coordinators are given for the browser mode).
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  // The server's settings: IIS reads web.config from the folder itself; nginx's file and the .reg are for IT.
  fs.writeFileSync(path.join(dir, 'web.config'), iisWebConfig(version, listFiles(dir)));
  fs.mkdirSync(path.join(dir, SETUP_DIR), { recursive: true });
  fs.writeFileSync(path.join(dir, NGINX_FILE), nginxConfig(base, version));
  if (share) fs.writeFileSync(path.join(dir, REG_FILE), catalogReg(share));

  const zipPath = path.join(args.out, `${name}.zip`);
  const zip = await packFolder(dir, name);
  fs.writeFileSync(zipPath, zip);
  const files = listFiles(dir);
  console.log(
    [
      '',
      `Готово: ${zipPath} (${(zip.length / 1024).toFixed(0)} КБ, файлов: ${files.length}).`,
      `Разместите содержимое папки ${name}/ по адресу ${base.href} (HTTPS),`,
      `затем установите ${name}/manifest.xml (Id ${PRODUCT_ID}, версия ${manifestVersion(version)}) — см. docs/установка.md;`,
      `для Office с общей средой выполнения (Excel в Интернете, Microsoft 365, Excel 2021+) — вместо него ${name}/${SHARED_MANIFEST_FILE}.`,
      `Настройки сервера: ${name}/${NGINX_FILE} (nginx), ${name}/web.config (IIS).`,
      share
        ? `Каталог надстроек: manifest.xml — в ${share}, на компьютерах — ${name}/${REG_FILE}.`
        : 'Для каталога надстроек в общей папке добавьте --share \\\\сервер\\папка: выпуск получит файл реестра.',
      `Проверка после размещения: ${base.href}taskpane.html должен открыться в браузере.`,
    ].join('\n'),
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof ReleaseError ? e.message : `Выпуск не удался: ${(e as Error).stack}`);
      process.exit(e instanceof ReleaseError ? 2 : 1);
    },
  );
}
