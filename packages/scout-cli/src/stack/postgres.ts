import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Cleanup, onCleanup } from '../processes.ts';

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

/**
 * pg_start for a command that needs the database; returns its URL
 * (SCOUT_TEST_DATABASE_URL). A cluster that was not running is stopped
 * again when the command ends; one that was running is left alone.
 * Synchronous, so no signal handler runs between the start and the
 * registration of its stop.
 */
export function usePostgres(root: string): string {
  const running =
    spawnSync('bash', ['-c', script('pg_running')], { cwd: root }).status === 0;
  // Registered first: a start that fails halfway is stopped too.
  if (!running) stopPostgresAtEnd(root);
  return execFileSync(
    'bash',
    ['-c', `${script('pg_start')} >&2 && echo "$SCOUT_TEST_DATABASE_URL"`],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ).trim();
}

/** Registers pg_stop (after `starting`, if a start is under way) to run when the command ends. */
export function stopPostgresAtEnd(
  root: string,
  starting?: Promise<unknown>,
  after?: () => Promise<unknown>,
): Cleanup {
  return onCleanup('PostgreSQL (.scout/postgres)', async () => {
    await starting?.catch(() => undefined);
    await runPostgresScript(root, 'pg_stop');
    await after?.();
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
