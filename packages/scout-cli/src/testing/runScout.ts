// Runs the real `scout` CLI as a child process for tests.
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = repositoryRoot();
const cliDir = resolve(repoRoot, 'packages/scout-cli');

export type ScoutRun = { code: number | null; stdout: string; stderr: string };

/**
 * `scout <args>` as `yarn scout` starts it (the package's `start` script, on
 * this Node, with SCOUT_CALLER_CWD at the repository root), without Yarn's
 * few seconds of start-up per call. `viaYarn` takes the documented path,
 * `./scripts/yarn scout`, end to end. `pipeTo` pipes stdout into a shell
 * command, under pipefail.
 */
export function runScout(
  args: string[],
  options: {
    env?: Record<string, string>;
    pipeTo?: string;
    viaYarn?: boolean;
  } = {},
): Promise<ScoutRun> {
  const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
  const command = options.viaYarn
    ? ['./scripts/yarn', 'scout', ...args]
    : [
        process.execPath,
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'src/index.ts',
        ...args,
      ];
  const line = command.map(quote).join(' ');
  const script = options.pipeTo
    ? `set -o pipefail; ${line} | ${options.pipeTo}`
    : line;
  const child = spawn('bash', ['-c', script], {
    cwd: options.viaYarn ? repoRoot : cliDir,
    env: { ...process.env, SCOUT_CALLER_CWD: repoRoot, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', code => done({ code, stdout, stderr }));
  });
}
