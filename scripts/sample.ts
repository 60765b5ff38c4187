/**
 * `npm run sample -- --out DIR [--schools N] [--seed N]` — writes the sample municipality's school workbooks
 * (seed 000's Tomsk at 66 schools), each with its suggested date received as the file's modification time, and
 * the list of expected units (units.csv) beside them.
 */
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { sampleSchoolWorkbooks, type Sample } from '../src/domain/sample/schoolWorkbooks';
import { writeSchoolWorkbook } from './schoolExcel';
import { parseArgs, UsageError } from '../src/cli/io';

/** Write the sample into `dir`; returns the sample so tests know what a merge must give. */
export async function writeSample(dir: string, opts: Parameters<typeof sampleSchoolWorkbooks>[0] = {}): Promise<Sample> {
  const sample = sampleSchoolWorkbooks(opts);
  await mkdir(dir, { recursive: true });
  for (const f of sample.files) {
    const p = path.join(dir, f.file);
    // Written by another hand than ours (exceljs), as schools' workbooks are (scripts/schoolExcel.ts).
    const workbook = f.workbook; // built on reading: take it once
    const bytes = workbook ? await writeSchoolWorkbook(workbook) : f.bytes!;
    await writeFile(p, bytes);
    const when = new Date(f.received); // local time, as a coordinator's mail client would save it
    await utimes(p, when, when);
  }
  await writeFile(path.join(dir, 'units.csv'), '\uFEFFОрганизация\n' + sample.expectedUnits.map((u) => `"${u.replace(/"/g, '""')}"`).join('\n') + '\n');
  return sample;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs(argv, { values: ['out', 'schools', 'seed'] });
  const out = values.out?.[0];
  if (!out) throw new UsageError('Укажите папку: npm run sample -- --out ПАПКА [--schools N]');
  const schools = values.schools ? Number(values.schools[0]) : undefined;
  if (schools !== undefined && (!Number.isInteger(schools) || schools < 1 || schools > 100000))
    throw new UsageError(`Число школ указано неверно: «${values.schools![0]}».`);
  const seed = values.seed ? Number(values.seed[0]) : undefined;
  const started = Date.now();
  const sample = await writeSample(out, { schools, seed });
  process.stdout.write(
    `Записано файлов: ${sample.files.length} в «${out}» (+ units.csv, список ожидаемых) за ${((Date.now() - started) / 1000).toFixed(1)} с.\n` +
      `Срок отчётов: ${sample.deadline}. Ожидаемый итог: приняли участие ${sample.totals.participants} из ${sample.totals.students}, мероприятий ${sample.totals.events}.\n` +
      `Свести: npm run cli -- merge "${out}" --out свод.xlsx --units "${path.join(out, 'units.csv')}" --deadline ${sample.deadline}\n`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${e instanceof UsageError ? '' : 'Непредвиденная ошибка: '}${(e as Error).message}\n`);
      process.exit(2);
    },
  );
}
