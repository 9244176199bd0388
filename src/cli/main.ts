// The `hearth` command line. Commands are discovered from ./commands so each area adds its own.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError, type CliIo, type Command } from './command.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

export async function loadCommands(): Promise<Command[]> {
  const files = readdirSync(dir).filter(
    (f) => /^[\w-]+\.(ts|js)$/.test(f) && !/\.(test|d)\.(ts|js)$/.test(f),
  );
  const commands = await Promise.all(
    files.map(
      async (f) =>
        ((await import(pathToFileURL(path.join(dir, f)).href)) as { command: Command }).command,
    ),
  );
  return commands.sort((a, b) => a.name.localeCompare(b.name));
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const width = Math.max(...commands.map((c) => c.name.length));
    io.out(
      [
        'Usage: hearth <command> [options]',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        'Run `hearth <command> --help` for a command’s options.',
      ].join('\n'),
    );
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`hearth: unknown command "${name}". Run \`hearth --help\` for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`hearth ${name}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    throw err;
  }
}
