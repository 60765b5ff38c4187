/**
 * `npx tsx scripts/paneScreenshots.ts [DIR] [--out DIR]` — the pane as a coordinator sees it, in headless Chromium
 * at 320 and 450 px: the first screen, after checking, after merging (figures and the organisations) and the
 * summary, on the sample's received files (default demo/received, made by `npm run demo -- --no-serve`).
 * Writes PNGs to test-output/screens/ (or --out); a person looks at them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../src/cli/io';
import { buildPane, launch, serveDist } from '../test/e2e/harness';

async function main() {
  const { positionals, values } = parseArgs(process.argv.slice(2), { values: ['out'] });
  const root = path.join(__dirname, '..');
  const dir = positionals[0] ?? path.join(root, 'demo/received');
  const out = values.out?.[0] ?? path.join(root, 'test-output/screens');
  fs.mkdirSync(out, { recursive: true });
  const files = fs.readdirSync(dir).filter((f) => /\.(xlsx|xlsm|xlsb|xls|ods|csv|docx|doc|odt|eml|msg|mbox|zip)$/i.test(f) && f !== 'units.csv').map((f) => path.join(dir, f));
  const unitsFile = path.join(dir, 'units.csv');
  const units = fs.existsSync(unitsFile)
    ? fs.readFileSync(unitsFile, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.replace(/^"|"$/g, '').replace(/""/g, '"'))
    : [];
  buildPane();
  const server = await serveDist();
  for (const width of [320, 450]) {
    const s = await launch(width, 'refused');
    const { page } = s;
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const shot = (name: string) => page.screenshot({ path: path.join(out, `pane-${name}-${width}.png`), fullPage: true });
    await shot('first');
    await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
    await page.getByLabel('Год').fill('2023');
    await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
    await page.getByRole('tab', { name: '3. Проверка' }).click();
    await page.getByTestId('check-files').setInputFiles(files);
    await page.locator('#check').getByTestId('org-table').waitFor({ timeout: 300_000 });
    await shot('check');
    await page.getByRole('tab', { name: '4. Свод' }).click();
    await page.getByLabel('Список ожидаемых организаций (по одной в строке, необязательно)').fill(units.join('\n'));
    await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
    await page.locator('#merge').getByTestId('org-table').waitFor();
    await shot('merge');
    await page.getByRole('tab', { name: '5. Сводка' }).click();
    await shot('summary');
    await s.close();
  }
  await server.close();
  process.stdout.write(`Снимки панели: ${out}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
