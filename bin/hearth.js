#!/usr/bin/env node
// The `hearth` command: runs the TypeScript CLI through tsx, so `npx hearth` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};
try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch (err) {
  io.err(`hearth: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
