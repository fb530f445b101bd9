import { main } from './cli.ts';
import type { Command } from './command.ts';
import { benchCommand } from './commands/bench.ts';
import { generateCommand } from './commands/generate.ts';
import { imageCommand } from './commands/image.ts';
import { lakehouseCommand } from './commands/lakehouse.ts';
import { lineageCommand } from './commands/lineage.ts';
import { migrateCommand } from './commands/migrate.ts';
import { pipelineCommand } from './commands/pipeline.ts';
import { sloCommand } from './commands/slo.ts';
import { stackCommand } from './commands/stack.ts';
import { supersetCommand } from './commands/superset.ts';
import { tokenCommand } from './commands/token.ts';

/** Every `scout` command: one file each under ./commands, listed here. */
const commands: Command[] = [
  generateCommand,
  tokenCommand,
  migrateCommand,
  benchCommand,
  stackCommand,
  lakehouseCommand,
  pipelineCommand,
  lineageCommand,
  sloCommand,
  imageCommand,
  supersetCommand,
];

main(commands);
