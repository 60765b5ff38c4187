/** What a CLI command writes to; tests pass string buffers, the binary passes process streams. */
export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}

/**
 * Minimal option parser: `--name value`, `--flag`, and positionals. Unknown options are refused with a Russian
 * message, so a typo never silently changes what a command does.
 */
export function parseArgs(
  args: string[],
  spec: { values?: string[]; flags?: string[]; repeatable?: string[] },
): { positionals: string[]; values: Record<string, string[]>; flags: Set<string> } {
  const values: Record<string, string[]> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  const valueNames = new Set([...(spec.values ?? []), ...(spec.repeatable ?? [])]);
  const flagNames = new Set(spec.flags ?? []);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (flagNames.has(name)) {
        flags.add(name);
      } else if (valueNames.has(name)) {
        const v = inline ?? args[++i];
        if (v === undefined || (inline === undefined && v.startsWith('--')))
          throw new UsageError(`Для параметра --${name} не указано значение.`);
        if (values[name] && !(spec.repeatable ?? []).includes(name))
          throw new UsageError(`Параметр --${name} указан дважды.`);
        (values[name] ??= []).push(v);
      } else {
        throw new UsageError(`Неизвестный параметр: ${a}.`);
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, values, flags };
}
