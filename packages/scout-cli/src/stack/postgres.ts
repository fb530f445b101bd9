import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

// PostgreSQL belongs to scripts/lib/postgres.sh (pg_start/pg_stop); this
// only calls it, so there is one way the repository runs its database.
const script = (fn: string) =>
  `source scripts/lib/toolchain.sh && source scripts/lib/postgres.sh && ${fn}`;

/** pg_running: the repository's cluster (.scout/postgres/data) is up. */
export async function postgresRunning(root: string): Promise<boolean> {
  try {
    await promisify(execFile)('bash', ['-c', script('pg_running')], {
      cwd: root,
    });
    return true;
  } catch {
    return false;
  }
}

/** pg_start, or pg_stop: its progress lines go to our stderr. */
export function runPostgresScript(
  root: string,
  fn: 'pg_start' | 'pg_stop',
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script(fn)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${fn} (scripts/lib/postgres.sh) failed with exit code ${code}; log: .scout/logs/postgres.log`,
            ),
          ),
    );
  });
}

/** The postmaster's PID from its data folder, if there is one. */
export async function postgresPid(root: string): Promise<number | undefined> {
  try {
    const text = await readFile(
      join(root, '.scout', 'postgres', 'data', 'postmaster.pid'),
      'utf8',
    );
    const pid = Number(text.split('\n')[0]);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
