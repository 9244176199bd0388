// Reading a command's options: `--name value` pairs among its arguments.
import { UsageError } from './command.ts';

/**
 * The value after `name` in `args` (`--at 2026-03-31`), or undefined when `name` is not given.
 * `name` given without a value (last, or followed by another `--option`) is a usage error.
 */
export function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}
