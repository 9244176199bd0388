// A `hearth` command: one file in src/cli/commands/ exporting `command`. The file name is the first
// word (`hearth 903 validate` → commands/903.ts, which handles its own sub-commands).
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  name: string;
  /** One line for `hearth --help`. */
  summary: string;
  /** Full usage text for `hearth <name> --help`. */
  usage: string;
  /** Returns the exit code: 0 success, 1 findings or failure, 2 usage error. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}
