import { type Command, UsageError } from './command.ts';
import { handleSignals, stopStarted } from './processes.ts';

/** Where the CLI prints; a parameter so tests can capture it. */
export type Output = { out(text: string): void; err(text: string): void };

const processOutput: Output = {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
};

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map(c => c.name.length));
  const lines = commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: scout <command> [options]\n\nCommands:\n${lines.join(
    '\n',
  )}\n\nRun "scout <command> --help" for a command's options.\n`;
}

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some(
    arg => arg === '--help' || arg === '-h',
  );
}

/** Dispatches `argv` (without node and the script) to a command; resolves to the exit code. */
export async function runCli(
  commands: readonly Command[],
  argv: readonly string[],
  output: Output = processOutput,
): Promise<number> {
  const [name, ...args] = argv;
  if (
    name === undefined ||
    name === '--help' ||
    name === '-h' ||
    name === 'help'
  ) {
    (name === undefined ? output.err : output.out)(overview(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find(c => c.name === name);
  if (!command) {
    output.err(
      `scout: unknown command "${name}"\nRun "scout --help" for the list of commands.\n`,
    );
    return 2;
  }
  if (wantsHelp(args)) {
    output.out(command.usage);
    return 0;
  }
  try {
    return (await command.run(args)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(
        `scout ${name}: ${error.message}\nRun "scout ${name} --help" for usage.\n`,
      );
      return 2;
    }
    output.err(
      `scout ${name}: ${
        error instanceof Error ? error.message : String(error)
      }\n`,
    );
    return 1;
  }
}

/**
 * The process entry: runs the command named in argv, then stops whatever it
 * started however it ended (../processes.ts), and sets the exit code.
 */
export function main(commands: readonly Command[]): void {
  handleSignals();
  runCli(commands, process.argv.slice(2))
    .finally(stopStarted)
    .then(code => {
      process.exitCode = code;
    });
}
