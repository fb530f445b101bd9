import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BenchDatabase = 'pglite' | 'postgres';

/** The repository root (where backstage.json is): scripts run relative to it. */
export const repoRoot = repositoryRoot();

/**
 * Starts (once) the project's local PostgreSQL and returns a URL to a fresh,
 * empty database on it, so counts after a run are exact.
 */
export function freshPostgresDatabase(name: string): string {
  const url = execFileSync(
    'bash',
    [
      '-c',
      'source scripts/lib/toolchain.sh && source scripts/lib/postgres.sh && pg_start >&2 && echo "$SCOUT_TEST_DATABASE_URL"',
    ],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ).trim();
  const admin = new URL(url);
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
        'src/index.ts',
        '--config',
        '../../app-config.yaml',
        '--config',
        config,
      ],
      {
        cwd: join(repoRoot, 'packages/backend'),
        env,
        stdio: ['ignore', out, out],
        detached: true,
      },
    );
    const backend = new BenchBackend(
      child,
      `http://127.0.0.1:${options.port}`,
      log,
    );
    await backend.waitReady(180_000);
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

  stop() {
    // detached: the backend leads its own process group; stop that group only.
    if (this.child.pid) process.kill(-this.child.pid, 'SIGTERM');
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
