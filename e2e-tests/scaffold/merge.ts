import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The checkout: e2e-tests/.. */
export const repoRoot = resolve(__dirname, '..', '..');

// psql without "NOTICE: database … does not exist, skipping".
const QUIET = { ...process.env, PGOPTIONS: '--client-min-messages=warning' };

const SKIP = new Set(['node_modules', 'target', 'logs', 'dbt_packages']);

/**
 * A reviewed change merged, without touching the checkout: a scratch copy of
 * the platform's migrations/, transform/, edge-functions/ and SLO specs with the
 * published repository's files laid over them, under .scout/ (inside the
 * checkout, so the generated TypeScript resolves the workspace's packages).
 */
export function mergeIntoScratchPlatform(remoteUrl: string, name: string) {
  const root = join(repoRoot, '.scout', 'scaffold-path', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const clone = join(root, 'review');
  execFileSync('git', ['clone', '--quiet', remoteUrl, clone]);
  const platform = join(root, 'platform');
  for (const dir of [
    'migrations',
    'transform',
    'edge-functions',
    'platform-manifests/observability/slos',
  ]) {
    cpSync(join(repoRoot, dir), join(platform, dir), {
      recursive: true,
      filter: src => !SKIP.has(basename(src)),
    });
    cpSync(join(clone, dir), join(platform, dir), {
      recursive: true,
      force: true,
    });
  }
  return { root, clone, platform };
}

/**
 * A copy of `sourceUrl`'s database (schemas, rows and migration history) as
 * a new database `name` on the same server: the platform as it runs, with
 * its demo data, which the platform's own dbt tests need.
 */
export function copyDatabase(sourceUrl: string, name: string): string {
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  execFileSync(
    'psql',
    [
      sourceUrl,
      '-qc',
      `drop database if exists ${name}`,
      '-c',
      `create database ${name}`,
    ],
    { env: QUIET },
  );
  const dump = execFileSync('pg_dump', ['--no-comments', sourceUrl], {
    maxBuffer: 1024 * 1024 * 1024,
  });
  execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', url.toString()], {
    input: dump,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  // A run the portal had in progress is not running in the copy.
  execFileSync('psql', [
    url.toString(),
    '-qc',
    `update scout.pipeline_runs set status = 'failed', finished_at = now(),
       error = 'in progress when the database was copied' where status = 'running'`,
  ]);
  return url.toString();
}

/** Drops a database made by copyDatabase. */
export function dropDatabase(adminUrl: string, name: string) {
  execFileSync('psql', [adminUrl, '-qc', `drop database if exists ${name}`], {
    env: QUIET,
  });
}

/** `./scripts/yarn scout …`; throws with its output when it fails. */
export function scout(...args: string[]): string {
  return execFileSync(join(repoRoot, 'scripts', 'yarn'), ['scout', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs generated.ts's `args` (see there) and returns its JSON. */
export function runGenerated(...args: string[]): any {
  const out = execFileSync(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      join(__dirname, 'generated.ts'),
      ...args,
    ],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out);
}
