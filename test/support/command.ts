/**
 * Running a command of the command line in the test's own process, its output captured as a terminal would show it.
 * `runCommand` answers a usage error as main.ts does (exit code 2, the message on stderr); anything else throws.
 */
import { UsageError, type CliIO } from '../../src/cli/io';

export interface Captured {
  stdout: string;
  stderr: string;
}

/** An io whose output is kept in `out`. */
export function capturedIO(): { out: Captured; io: CliIO } {
  const out: Captured = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } } };
}

export async function runCommand(command: (args: string[], io: CliIO) => Promise<number>, args: string[]): Promise<{ code: number } & Captured> {
  const { out, io } = capturedIO();
  try {
    return { code: await command(args, io), ...out };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, stdout: out.stdout, stderr: out.stderr + e.message };
  }
}
