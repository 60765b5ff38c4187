/** `profkampaniya` — the command line over the same core as the add-in. */
import { EXIT, UsageError, type CliIO } from './io';
import { stamp } from './stamp';
import { check } from './check';
import { merge } from './merge';
import { blanks } from './blanks';
import { note } from './note';
import { useNativeInflate } from '../files/nativeInflate';
// The version lives in package.json only (esbuild and tsx both inline this one field's JSON).
import { version as VERSION } from '../../package.json';
import { useDefaultPassword } from '../files/defaultPassword';

type Command = (args: string[], io: CliIO) => Promise<number>;

// Static imports: the binary runs through tsx's CommonJS hook, which does not cover dynamic import().
const COMMANDS: Record<string, { summary: string; run: Command }> = {
  stamp: { summary: 'записать бланк формы (план — прил. 2, отчёт — прил. 3) в файл .xlsx', run: stamp },
  check: { summary: 'проверить заполненные формы', run: check },
  merge: { summary: 'свести отчёты в один сводный файл', run: merge },
  blanks: { summary: 'создать для каждой организации из списка свой бланк форм', run: blanks },
  note: { summary: 'записать «Аналитическую справку» документом Word (.docx) по сводному файлу', run: note },
};

export const USAGE = `Профкампания — формы, проверка и свод отчётов профориентационной кампании.

Использование: profkampaniya <команда> [параметры]

Команды:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Справка по команде: profkampaniya <команда> --help
Версия: profkampaniya --version`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  useNativeInflate();
  useDefaultPassword();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(`profkampaniya ${VERSION}\n`);
    return EXIT.ok;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr.write(`Неизвестная команда: «${name}».\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\nСправка: profkampaniya ${name} --help\n`);
      return EXIT.usage;
    }
    io.stderr.write(`Непредвиденная ошибка: ${(e as Error).message}\nСообщите разработчикам, приложив файл, на котором она возникла.\n`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  // Exit once the output is flushed: into a pipe it is written asynchronously (a long --json would be cut short).
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) =>
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code))),
  );
}
