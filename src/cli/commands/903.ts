// `hearth 903 <sub-command>`: each sub-command is a file in ./903/ exporting `subcommand`, so
// export and import slot in without editing this file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError, type CliIo, type Command } from '../command.ts';

export interface SubCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '903');

async function subcommands(): Promise<SubCommand[]> {
  const files = readdirSync(dir).filter(
    (f) => /^[\w-]+\.(ts|js)$/.test(f) && !/\.(test|d)\.(ts|js)$/.test(f),
  );
  const subs = await Promise.all(
    files.map(
      async (f) =>
        ((await import(pathToFileURL(path.join(dir, f)).href)) as { subcommand: SubCommand })
          .subcommand,
    ),
  );
  return subs.sort((a, b) => a.name.localeCompare(b.name));
}

const usage = [
  'Usage: hearth 903 <sub-command> [options]',
  '',
  '  validate <dir> --year 2025/26 [--prev <dir>] [--la <code>] [--format text|json|csv|html]',
  '  rules --year 2025/26 [--format text|json]',
  '',
  'Run `hearth 903 <sub-command> --help` for details.',
].join('\n');

export const command: Command = {
  name: '903',
  summary: 'SSDA903 return: validate files, list rules',
  usage,
  async run(args, io) {
    const [name, ...rest] = args;
    const subs = await subcommands();
    const sub = subs.find((s) => s.name === name);
    if (!sub) throw new UsageError(name ? `unknown sub-command "${name}"` : 'which sub-command?');
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(sub.usage);
      return 0;
    }
    return sub.run(rest, io);
  },
};
