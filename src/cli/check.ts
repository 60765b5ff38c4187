// Placeholder until the check command lands (owned by the helper building it).
import type { CliIO } from './io';
export async function check(_args: string[], io: CliIO): Promise<number> {
  io.stderr.write('Команда check ещё не готова.\n');
  return 2;
}
