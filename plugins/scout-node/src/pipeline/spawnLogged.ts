import { spawn } from 'node:child_process';

/** How a child process ended: its exit code and the last of its output. */
export type SpawnedOutcome = { exitCode: number; tail: string };

/**
 * Runs `executable` with `args` and hands each non-empty line it prints (out
 * and err) to `log`, after `redact`. Resolves when it exits, with the last
 * 4,000 characters of its output (redacted too) for error messages. Rejects
 * only when it cannot start (or `signal` stops it), with a message that
 * names `what`.
 */
export async function spawnLogged(
  executable: string,
  args: string[],
  options: {
    cwd: string;
    env: Record<string, string>;
    log: (line: string) => void;
    /** Names the program in the error when it cannot start. */
    what: string;
    redact?: (text: string) => string;
    /** Stops the child (a cancelled task). */
    signal?: AbortSignal;
  },
): Promise<SpawnedOutcome> {
  const { log, redact = text => text } = options;
  const child = spawn(executable, args, {
    cwd: options.cwd,
    env: options.env,
    signal: options.signal,
    stdio: 'pipe',
  });
  let tail = '';
  const forward = (stream: NodeJS.ReadableStream) => {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      // A line cut between chunks waits for its end.
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim()) log(redact(line));
      }
      tail = (tail + chunk).slice(-8000);
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', error =>
      reject(
        new Error(`Could not start ${options.what}: ${error.message}`, {
          cause: error,
        }),
      ),
    );
    child.on('close', code => resolve(code ?? 1));
  });
  // Redacted whole, then cut: a cut could leave part of a secret.
  return { exitCode, tail: redact(tail).slice(-4000) };
}
