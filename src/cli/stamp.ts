// Placeholder until the stamp command lands (owned by the helper building it).
import type { CliIO } from './io';
export async function stamp(_args: string[], io: CliIO): Promise<number> {
  io.stderr.write('Команда stamp ещё не готова.\n');
  return 2;
}
