/**
 * `npm run release -- --url https://example.org/profkampaniya/` (or PROFKAMPANIYA_URL=…): a release for that address.
 *  1. builds the pane (webpack, production) into release/profkampaniya-<version>/;
 *  2. writes there the release manifest (scripts/releaseManifest.ts) as manifest.xml, README.txt saying
 *     for which address and version it was made, and index.html, which sends the folder's address to the pane;
 *  3. packs the folder into release/profkampaniya-<version>.zip.
 * The folder's contents are what the web server hosts at the address; manifest.xml is what IT installs
 * (docs/установка.md). The version comes from package.json only.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { PRODUCT_ID, ReleaseError, manifestVersion, releaseBase, releaseManifest } from './releaseManifest';

const ROOT = path.join(__dirname, '..');

const USAGE = `Выпуск Профкампании для размещения на веб-сервере.

Использование: npm run release -- --url https://example.org/profkampaniya/ [--out папка]
  --url    адрес (https), по которому будет доступна папка выпуска; можно задать переменной PROFKAMPANIYA_URL
  --out    куда положить выпуск (по умолчанию release/)
Получится release/profkampaniya-<версия>.zip и та же папка рядом: её содержимое разместите по адресу,
а manifest.xml из неё установите (docs/установка.md).`;

function parseArgs(argv: string[]): { url?: string; out: string; help: boolean } {
  const o = { url: process.env.PROFKAMPANIYA_URL || undefined, out: path.join(ROOT, 'release'), help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ReleaseError(`После ${flag} нужно значение.\n\n${USAGE}`);
      return v;
    };
    if (flag === '--url') o.url = value();
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

function readme(base: URL, version: string): string {
  return [
    `Профкампания ${version} — выпуск для адреса ${base.href}`,
    '',
    `1. Разместите содержимое этой папки на веб-сервере так, чтобы ${base.href}taskpane.html открывался по HTTPS`,
    '   (любой статический сервер: nginx, IIS, Apache, хранилище объектов за HTTPS; серверный код не нужен).',
    `2. Установите надстройку манифестом manifest.xml из этой папки (он же доступен как ${base.href}manifest.xml):`,
    '   центр администрирования Microsoft 365, общая папка-каталог или Excel в Интернете.',
    `   Идентификатор надстройки: ${PRODUCT_ID} (у всех выпусков один, обновление его сохраняет).`,
    `3. Без установки: ${base.href}taskpane.html в обычном браузере — работа с файлами (для LibreOffice, Р7-Офис, старого Office).`,
    '',
    'Подробно: docs/установка.md и раздел «Hosting» в README.md репозитория Профкампании.',
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
  fs.writeFileSync(path.join(dir, 'README.txt'), '\ufeff' + readme(base, version));
  // The folder's own address opens the pane too (the address coordinators are given for the browser mode).
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);

  const zipPath = path.join(args.out, `${name}.zip`);
  const zip = await packFolder(dir, name);
  fs.writeFileSync(zipPath, zip);
  const files = listFiles(dir);
  console.log(
    [
      '',
      `Готово: ${zipPath} (${(zip.length / 1024).toFixed(0)} КБ, файлов: ${files.length}).`,
      `Разместите содержимое папки ${name}/ по адресу ${base.href} (HTTPS),`,
      `затем установите ${name}/manifest.xml (Id ${PRODUCT_ID}, версия ${manifestVersion(version)}) — см. docs/установка.md.`,
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
