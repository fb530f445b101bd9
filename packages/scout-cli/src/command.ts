import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One `scout <name>` command; each lives in its own file under ./commands. */
export type Command = {
  name: string;
  /** One line for `scout --help`. */
  summary: string;
  /** The full text for `scout <name> --help`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code (default 0). */
  run(args: string[]): Promise<number | void>;
};

/** Bad input from the user: reported without a stack trace, exit code 2. */
export class UsageError extends Error {
  name = 'UsageError';
}

/** `parseArgs` (strict), with its errors turned into usage errors. */
export function parseFlags<const T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const parseError = asParseArgsError(error);
    if (parseError) throw new UsageError(parseError.message);
    throw error;
  }
}

// Checked by shape, not instanceof: Node's errors come from another realm under jest.
function asParseArgsError(error: unknown): { message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (
    !('code' in error) ||
    typeof error.code !== 'string' ||
    !error.code.startsWith('ERR_PARSE_ARGS_')
  ) {
    return undefined;
  }
  return { message: 'message' in error ? String(error.message) : error.code };
}

/** Reads an integer flag, or throws a usage error naming the flag. */
export function parseInteger(flag: string, value: string, min: number): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(number) || number < min) {
    throw new UsageError(
      `--${flag} must be an integer >= ${min}, got "${value}"`,
    );
  }
  return number;
}
