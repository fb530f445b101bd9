// A scratch checkout for tests that must see a command start (and stop) its
// own PostgreSQL: SCOUT_STACK_ROOT points the CLI at it, so the cluster of
// scripts/lib/postgres.sh lives in its .scout, on a port of its own, and the
// cluster everybody else uses is never touched.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresRunning, runPostgresScript } from '../stack/postgres.ts';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type ScratchRoot = {
  root: string;
  pgPort: number;
  /** The variables that point `scout` at it. */
  env: Record<string, string>;
  postgresRunning(): Promise<boolean>;
  dispose(): Promise<void>;
};

export async function createScratchRoot(
  repoRoot: string,
): Promise<ScratchRoot> {
  const root = mkdtempSync(join(tmpdir(), 'scout-scratch-'));
  // The postgres user (pg_as_owner, when we are root) must reach .scout/postgres.
  chmodSync(root, 0o755);
  // toolchain.sh takes SCOUT_ROOT from where it sits, so the scripts are
  // linked in; .tools is not, since it writes a yarn shim naming the root.
  // The stack's downloads are in the machine cache, shared as they are.
  for (const entry of ['scripts', '.yarn', 'platform-manifests']) {
    symlinkSync(join(repoRoot, entry), join(root, entry));
  }
  mkdirSync(join(root, '.tools'));
  symlinkSync(join(repoRoot, '.tools/node'), join(root, '.tools/node'));
  const pgPort = await freePort();
  const env = { SCOUT_STACK_ROOT: root, SCOUT_PG_PORT: String(pgPort) };
  return {
    root,
    pgPort,
    env,
    postgresRunning: () => postgresRunning(root),
    async dispose() {
      await runPostgresScript(root, 'pg_stop').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
