import { runCli } from './cli.ts';
import {
  type Command,
  parseFlags,
  parseInteger,
  UsageError,
} from './command.ts';

function capture() {
  const printed = { out: '', err: '' };
  return {
    printed,
    output: {
      out: (text: string) => void (printed.out += text),
      err: (text: string) => void (printed.err += text),
    },
  };
}

const echo: Command = {
  name: 'echo',
  summary: 'Echo a word',
  usage: 'Usage: scout echo --word W\n',
  async run(args) {
    const { values } = parseFlags({
      args,
      options: { word: { type: 'string' } },
    });
    if (!values.word) throw new UsageError('--word is required');
    if (values.word === 'boom') throw new Error('it broke');
    return values.word === 'three' ? 3 : undefined;
  },
};

describe('runCli', () => {
  it('lists the commands for --help and exits 0', async () => {
    const { printed, output } = capture();
    expect(await runCli([echo], ['--help'], output)).toBe(0);
    expect(printed.out).toContain('echo  Echo a word');
  });

  it('prints the overview to stderr and exits 2 without a command', async () => {
    const { printed, output } = capture();
    expect(await runCli([echo], [], output)).toBe(2);
    expect(printed.err).toContain('Usage: scout <command>');
  });

  it('prints a command usage for --help anywhere before --', async () => {
    const { printed, output } = capture();
    expect(
      await runCli([echo], ['echo', '--word', 'x', '--help'], output),
    ).toBe(0);
    expect(printed.out).toBe(echo.usage);
  });

  it('exits 2 with a clear message for an unknown command', async () => {
    const { printed, output } = capture();
    expect(await runCli([echo], ['ehco'], output)).toBe(2);
    expect(printed.err).toContain('unknown command "ehco"');
  });

  it('exits 2 for an unknown flag and for usage errors', async () => {
    const unknown = capture();
    expect(await runCli([echo], ['echo', '--wrod', 'x'], unknown.output)).toBe(
      2,
    );
    expect(unknown.printed.err).toContain("'--wrod'");
    const missing = capture();
    expect(await runCli([echo], ['echo'], missing.output)).toBe(2);
    expect(missing.printed.err).toContain('--word is required');
  });

  it('exits 1 on a failure and with the code a command returns', async () => {
    const failed = capture();
    expect(
      await runCli([echo], ['echo', '--word', 'boom'], failed.output),
    ).toBe(1);
    expect(failed.printed.err).toBe('scout echo: it broke\n');
    expect(
      await runCli([echo], ['echo', '--word', 'three'], capture().output),
    ).toBe(3);
    expect(
      await runCli([echo], ['echo', '--word', 'ok'], capture().output),
    ).toBe(0);
  });
});

describe('parseInteger', () => {
  it('accepts integers at or above the minimum', () => {
    expect(parseInteger('count', '0', 0)).toBe(0);
    expect(parseInteger('seed', '-7', Number.MIN_SAFE_INTEGER)).toBe(-7);
  });

  it.each(['', '1.5', '1e3', 'ten', '-1', '99999999999999999999'])(
    'rejects %j',
    value => {
      expect(() => parseInteger('count', value, 0)).toThrow(UsageError);
    },
  );
});
