// Placeholder until the merge command lands (owned by the helper building it).
import type { CliIO } from './io';
export async function merge(_args: string[], io: CliIO): Promise<number> {
  io.stderr.write('Команда merge ещё не готова.\n');
  return 2;
}
