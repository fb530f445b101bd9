import { runCli } from './cli.ts';
import type { Command } from './command.ts';
import { benchCommand } from './commands/bench.ts';
import { generateCommand } from './commands/generate.ts';
import { migrateCommand } from './commands/migrate.ts';
import { tokenCommand } from './commands/token.ts';

/** Every `scout` command: one file each under ./commands, listed here. */
const commands: Command[] = [
  generateCommand,
  tokenCommand,
  migrateCommand,
  benchCommand,
];

runCli(commands, process.argv.slice(2)).then(code => {
  process.exitCode = code;
});
