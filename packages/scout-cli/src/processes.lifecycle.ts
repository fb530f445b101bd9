// Run by scripts/test.sh under Node's test runner (not jest: each case runs
// the real CLI, which starts backends, PostgreSQL, dbt or a JVM, for up to a
// minute). Every command that starts processes is stopped mid-way, or fails,
// or succeeds, and nothing it started may be left running or holding its port.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from './bench/backend.ts';
import { portAnswers } from './stack/health.ts';
import {
  assertFree,
  assertNothingLeft,
  ChildCommand,
  MINUTES,
} from './testing/childCommand.ts';
import {
  createScratchRoot,
  freePort,
  type ScratchRoot,
} from './testing/scratchRoot.ts';

const SHARED_PG_PORT = Number(process.env.SCOUT_PG_PORT ?? 54329);

const scout = (args: string[], env: Record<string, string> = {}) =>
  new ChildCommand(join(repoRoot, 'scripts/yarn'), ['scout', ...args], {
    cwd: repoRoot,
    env,
  });

let scratch: ScratchRoot;
before(async () => {
  scratch = await createScratchRoot(repoRoot);
});
after(() => scratch?.dispose());

test(
  'bench ingest: on success, stops its backend and the PostgreSQL it started',
  { timeout: 10 * MINUTES },
  async () => {
    const port = 7221;
    await assertFree(port, scratch.pgPort);
    const command = scout(
      [
        'bench',
        'ingest',
        '--db',
        'postgres',
        '--count',
        '2000',
        '--batch',
        '500',
        '--concurrency',
        '2',
        '--singles',
        '10',
        '--port',
        String(port),
      ],
      scratch.env,
    );
    await command.waitFor(/starting PostgreSQL/, 2 * MINUTES);
    const exit = await command.finish(8 * MINUTES);
    assert.equal(exit.code, 0, command.stderr.slice(-3000));
    const result = JSON.parse(command.stdout.trim().split('\n').pop()!);
    for (const key of [
      'tx_per_s',
      'raw_copy_tx_per_s',
      'copy_ratio',
      'silver_lag_p95_s',
    ]) {
      assert.ok(key in result, `no ${key} in ${command.stdout}`);
    }
    assert.equal(command.startedGroups().length, 1);
    await assertNothingLeft(command, [], [port, scratch.pgPort]);
    assert.equal(await scratch.postgresRunning(), false, command.stderr);
  },
);

test(
  'bench ingest: SIGTERM mid-run stops its backend, exit 143',
  { timeout: 5 * MINUTES },
  async () => {
    const port = 7222;
    await assertFree(port);
    const command = scout([
      'bench',
      'ingest',
      '--db',
      'pglite',
      '--count',
      '400000',
      '--batch',
      '1000',
      '--port',
      String(port),
    ]);
    await command.waitFor(/\[bench\] sending/, 4 * MINUTES);
    const seen = command.descendants();
    command.kill('SIGTERM');
    assert.deepEqual(await command.finish(MINUTES), {
      code: 143,
      signal: null,
    });
    await assertNothingLeft(command, seen, [port]);
  },
);

test(
  'bench pipeline: Ctrl-C stops its backend and leaves a running PostgreSQL alone, exit 130',
  { timeout: 5 * MINUTES },
  async () => {
    const port = 7223;
    await assertFree(port);
    const sharedUp = await portAnswers(SHARED_PG_PORT);
    const command = scout([
      'bench',
      'pipeline',
      '--engine',
      'duckdb',
      '--transactions',
      '1000',
      '--port',
      String(port),
    ]);
    await command.waitFor(/\[scout\] started backend/, 4 * MINUTES);
    const seen = command.descendants();
    command.killGroup('SIGINT');
    assert.deepEqual(await command.finish(MINUTES), {
      code: 130,
      signal: null,
    });
    await assertNothingLeft(command, seen, [port]);
    assert.equal(await portAnswers(SHARED_PG_PORT), sharedUp);
  },
);

test(
  'bench lakehouse: when Trino is not there, stops the PostgreSQL it started, exit 1',
  { timeout: 5 * MINUTES },
  async () => {
    const port = 7224;
    await assertFree(port, scratch.pgPort);
    const command = scout(
      [
        'bench',
        'lakehouse',
        '--engine',
        'trino',
        '--transactions',
        '100',
        '--port',
        String(port),
      ],
      { ...scratch.env, SCOUT_TRINO_PORT: String(await freePort()) },
    );
    await command.waitFor(/starting PostgreSQL/, 2 * MINUTES);
    const exit = await command.finish(3 * MINUTES);
    assert.equal(exit.code, 1, command.stderr.slice(-3000));
    assert.deepEqual(command.startedGroups(), [], 'it started a backend');
    await assertNothingLeft(command, [], [port, scratch.pgPort]);
    assert.equal(await scratch.postgresRunning(), false, command.stderr);
  },
);

test(
  'pipeline run: SIGTERM while dbt runs stops dbt, exit 143',
  { timeout: 10 * MINUTES },
  async () => {
    // The venv first (once; minutes), so the signal never lands in a pip install.
    execFileSync(join(repoRoot, 'scripts/dbt'), ['--version'], {
      stdio: 'ignore',
    });
    const server = `postgres://postgres@127.0.0.1:${SHARED_PG_PORT}`;
    const dbUrl = `${server}/scout_lifecycle_pipeline`;
    execFileSync('psql', [
      `${server}/postgres`,
      '-qc',
      'drop database if exists scout_lifecycle_pipeline',
      '-c',
      'create database scout_lifecycle_pipeline',
    ]);
    const migrate = scout(['migrate', 'up', '--db-url', dbUrl]);
    assert.equal((await migrate.finish(3 * MINUTES)).code, 0, migrate.stderr);
    const dir = mkdtempSync(join(tmpdir(), 'scout-lifecycle-lakehouse-'));
    try {
      const command = scout([
        'pipeline',
        'run',
        '--engine',
        'duckdb',
        '--db-url',
        dbUrl,
        '--lakehouse-dir',
        dir,
      ]);
      await command.waitForProcess(/\.venv\/bin\/dbt build/, 5 * MINUTES);
      const seen = command.descendants();
      command.kill('SIGTERM');
      assert.deepEqual(await command.finish(MINUTES), {
        code: 143,
        signal: null,
      });
      await assertNothingLeft(command, seen, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  'stack up: keeps what it started on success, stops it on failure or SIGTERM',
  { timeout: 10 * MINUTES },
  async () => {
    const up = scout(['stack', 'up', 'postgres'], scratch.env);
    assert.equal((await up.finish(2 * MINUTES)).code, 0, up.stderr);
    assert.equal(await scratch.postgresRunning(), true, up.stderr);
    const down = scout(['stack', 'down', 'postgres'], scratch.env);
    assert.equal((await down.finish(MINUTES)).code, 0, down.stderr);
    assert.equal(await scratch.postgresRunning(), false, down.stderr);

    // Fails after PostgreSQL started: no Java for S3Proxy.
    const failing = scout(['stack', 'up', 'postgres', 's3'], {
      ...scratch.env,
      SCOUT_JAVA_HOME: join(scratch.root, 'no-java'),
      SCOUT_S3_PORT: String(await freePort()),
    });
    assert.equal((await failing.finish(2 * MINUTES)).code, 1, failing.stderr);
    assert.match(failing.stderr, /starting PostgreSQL[\s\S]*SCOUT_JAVA_HOME/);
    assert.equal(await scratch.postgresRunning(), false, failing.stderr);
    const pids = join(scratch.root, '.scout/stack/pids.json');
    if (existsSync(pids)) {
      assert.deepEqual(JSON.parse(readFileSync(pids, 'utf8')).services, {});
    }

    const stopped = scout(['stack', 'up', 'postgres'], scratch.env);
    await stopped.waitFor(/starting PostgreSQL/, MINUTES);
    stopped.kill('SIGTERM');
    assert.deepEqual(await stopped.finish(MINUTES), {
      code: 143,
      signal: null,
    });
    assert.equal(await scratch.postgresRunning(), false, stopped.stderr);
    assert.equal(await portAnswers(scratch.pgPort), false);

    // A JVM that is still starting (S3Proxy: the smallest download).
    const s3Port = await freePort();
    const jvm = scout(['stack', 'up', 's3'], {
      ...scratch.env,
      SCOUT_S3_PORT: String(s3Port),
    });
    await jvm.waitFor(/\[scout\] started s3/, 5 * MINUTES);
    const seen = jvm.descendants();
    jvm.kill('SIGTERM');
    assert.deepEqual(await jvm.finish(MINUTES), { code: 143, signal: null });
    await assertNothingLeft(jvm, seen, [s3Port]);
    assert.deepEqual(JSON.parse(readFileSync(pids, 'utf8')).services, {});
  },
);
