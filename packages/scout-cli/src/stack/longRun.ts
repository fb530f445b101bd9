import { spawn } from 'node:child_process';

/**
 * Runs a long build or install step (go build, pip install) with its output
 * captured: every 15 s it logs `progress(seconds, count)`, where count is how
 * many output lines `counts` matched so far (packages compiled, collected).
 * Resolves with the exit code, the count and the output's last 64 KiB, for
 * the caller's error message; rejects only when the program cannot start.
 */
export function runLong(
  command: string,
  args: string[],
  options: {
    cwd?: string;
    env: NodeJS.ProcessEnv;
    counts: (line: string) => boolean;
    progress: (seconds: number, count: number) => string;
    log: (line: string) => void;
  },
): Promise<{ code: number | null; output: string; count: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = Date.now();
    let output = '';
    let count = 0;
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      count += text.split('\n').filter(options.counts).length;
      output = (output + text).slice(-64 * 1024);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      options.log(options.progress(seconds, count));
    }, 15_000);
    child.on('error', error => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', code => {
      clearInterval(timer);
      resolve({ code, output, count });
    });
  });
}
