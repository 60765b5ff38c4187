/**
 * `npm run demo` — the main job on built-in sample data, for a machine without desktop Excel:
 * writes the sample municipality's 66 school workbooks (seed 000's Tomsk, autumn 2023) and the list of expected
 * schools to demo/received/, stamps blank forms to demo/, merges the received files into demo/Свод.xlsx (the
 * consolidated Appendix 3 and 2, registers, «Показатели» with charts, «Аналитическая справка»), builds the pane
 * and serves it at http://127.0.0.1:3000 so a person can pick the same files in a browser and do it by hand.
 * `--no-serve` stops after the files are written.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { writeSample } from './sample';
import { main as cli } from '../src/cli/main';
import { serveDist } from './serveDist';

const ROOT = path.join(__dirname, '..');
const DEMO = path.join(ROOT, 'demo');
const RECEIVED = path.join(DEMO, 'received');
const io = { stdout: process.stdout, stderr: process.stderr };

async function run(): Promise<number> {
  const serve = !process.argv.includes('--no-serve');
  fs.mkdirSync(DEMO, { recursive: true });
  if (!fs.existsSync(path.join(RECEIVED, 'units.csv'))) {
    process.stdout.write('1/4 Пример: отчёты 66 школ (как в осенней кампании 2023 г. в Томске) → demo/received/\n');
    await writeSample(RECEIVED);
  } else {
    process.stdout.write('1/4 Пример уже есть: demo/received/\n');
  }
  process.stdout.write('2/4 Бланки форм → demo/Бланк прил. 2.xlsx, demo/Бланк прил. 3.xlsx\n');
  for (const [form, name] of [['plan', 'Бланк прил. 2.xlsx'], ['report', 'Бланк прил. 3.xlsx']] as const) {
    const code = await cli(['stamp', form, '--out', path.join(DEMO, name), '--season', 'autumn', '--year', '2023', '--unit', 'Город Томск', '--force'], io);
    if (code !== 0) return code;
  }
  process.stdout.write('3/4 Свод → demo/Свод.xlsx\n');
  const out = path.join(DEMO, 'Свод.xlsx');
  fs.rmSync(out, { force: true }); // the demo's own output, regenerated from scratch each run
  const code = await cli(['merge', RECEIVED, '--out', out, '--units', path.join(RECEIVED, 'units.csv'), '--deadline', '2023-10-19', '--unit', 'Город Томск', '--season', 'autumn', '--year', '2023'], io);
  if (code !== 0) return code;
  if (!serve) return 0;
  process.stdout.write('4/4 Сборка панели (webpack)…\n');
  const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) return built.status ?? 1;
  const server = await serveDist(Number(process.env.PORT ?? 3000));
  process.stdout.write(
    `\nПанель открыта в режиме браузера: ${server.url}/taskpane.html\n` +
      `Выберите в ней файлы из ${RECEIVED} — проверка, свод и сводка пойдут так же, как в Excel.\n` +
      `Готовый свод: ${out} (откройте в Excel или LibreOffice).\nОстановить: Ctrl+C.\n`,
  );
  return new Promise<number>(() => undefined); // serve until interrupted
}

run().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`Демонстрация не удалась: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
