import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cleanup, trackProcessGroup } from '../processes.ts';
import { stackRoot } from '../stack/paths.ts';
import { usePostgres } from '../stack/postgres.ts';

export type BenchDatabase = 'pglite' | 'postgres';

/** The repository root (where backstage.json is): scripts run relative to it. */
export const repoRoot = repositoryRoot();

/**
 * A URL to a fresh, empty database on the project's local PostgreSQL, so
 * counts after a run are exact. Starts the cluster when it is not running,
 * and then stops it again when the command ends.
 */
export function freshPostgresDatabase(name: string): string {
  const admin = new URL(usePostgres(stackRoot()));
  execFileSync('psql', [
    admin.toString(),
    '-qc',
    `drop database if exists ${name}`,
    '-c',
    `create database ${name}`,
  ]);
  admin.pathname = `/${name}`;
  return admin.toString();
}

/** A backend started by the bench, on its own port and database. */
export class BenchBackend {
  private constructor(
    private readonly child: ChildProcess,
    private readonly cleanup: Cleanup,
    readonly url: string,
    readonly log: string,
  ) {}

  static async start(options: {
    db: BenchDatabase;
    databaseUrl?: string;
    port: number;
  }) {
    const dir = mkdtempSync(join(tmpdir(), 'scout-bench-'));
    const config = join(dir, 'app-config.bench.yaml');
    writeFileSync(
      config,
      [
        'backend:',
        `  baseUrl: http://localhost:${options.port}`,
        `  listen: { port: ${options.port}, host: 127.0.0.1 }`,
        'scout:',
        // Reference data only: the bench brings its own transactions.
        '  demo: { enabled: true, transactions: 0 }',
        '  pipeline: { enabled: false }',
        options.db === 'pglite'
          ? `  database: { dataDir: ${join(dir, 'pglite')} }`
          : '',
      ].join('\n'),
    );
    const log = join(dir, 'backend.log');
    const out = openSync(log, 'w');
    // Only the bench's own database: never one inherited from the shell.
    const { SCOUT_DATABASE_URL: _inherited, ...env } = process.env;
    if (options.databaseUrl) env.SCOUT_DATABASE_URL = options.databaseUrl;
    // Plain node with Backstage's transform: no file watcher that would
    // restart the backend when the tree changes during a run.
    env.NODE_ENV = 'development';
    const child = spawn(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        '--require',
        join(repoRoot, 'packages/scout-cli/src/bench/exitWithStarter.cjs'),
        'src/index.ts',
        '--config',
        '../../app-config.yaml',
        '--config',
        config,
      ],
      {
        cwd: join(repoRoot, 'packages/backend'),
        env,
        // fd 3: a pipe that ends with this process (./exitWithStarter.cjs).
        stdio: ['ignore', out, out, 'pipe'],
        detached: true,
      },
    );
    closeSync(out); // the child has its own copy
    if (child.pid === undefined) throw new Error('the backend did not start');
    // Stopped when the command ends, however it ends (../processes.ts).
    const cleanup = trackProcessGroup(
      `backend on :${options.port}`,
      child.pid,
      {
        // Its PGlite files go with it (tens of MB); its log stays for a look.
        after: async () =>
          rmSync(join(dir, 'pglite'), { recursive: true, force: true }),
      },
    );
    const backend = new BenchBackend(
      child,
      cleanup,
      `http://127.0.0.1:${options.port}`,
      log,
    );
    try {
      await backend.waitReady(180_000);
    } catch (error) {
      await backend.stop();
      throw error;
    }
    return backend;
  }

  private async waitReady(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`the backend exited; see ${this.log}`);
      const res = await fetch(
        `${this.url}/.backstage/health/v1/readiness`,
      ).catch(() => undefined);
      if (res?.ok) return;
      await new Promise(r => setTimeout(r, 300));
    }
    throw new Error(
      `the backend was not ready within ${timeoutMs / 1000}s; see ${this.log}`,
    );
  }

  /** A guest user's Backstage token, for the plugin's user routes. */
  guestToken(): Promise<string> {
    return guestToken(this.url);
  }

  /** SIGTERM to the backend's process group (it leads its own); resolves once the group is gone. */
  stop(): Promise<void> {
    return this.cleanup.stop();
  }

  /** A crash: SIGKILL to the backend's process group, resolved once yarn has exited. */
  async kill() {
    if (
      !this.child.pid ||
      this.child.exitCode !== null ||
      this.child.signalCode !== null
    )
      return;
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    process.kill(-this.child.pid, 'SIGKILL');
    await exited;
    await this.stop(); // the rest of its group, if any
  }
}

/** Signs in to a backend as the guest user, as the sign-in page does. */
export async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(
      `${baseUrl} gave no guest token (${res.status}); is guest sign-in enabled?`,
    );
  }
  return (await res.json()).backstageIdentity.token;
}
