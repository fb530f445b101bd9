import { randomBytes } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshPostgresDatabase, repoRoot } from './backend.ts';
import { startBenchBackend } from './benchBackend.ts';
import {
  BENCH_NAMESPACE as NS,
  COLUMNS,
  dbtManifest,
  project,
  runEvent,
} from './lineageProject.ts';
import { percentile } from './stats.ts';

const DEPTH = 5;
/** Events per request on the batch route, and requests in flight. */
const BATCH = 100;
const BATCH_CONCURRENCY = 2;
/** Issue targets: single events a second, query p95 (ms), static pass (s). */
const TARGETS = { events_per_s: 1000, query_p95_ms: 100, static_pass_s: 10 };

/** Where the bench backend keeps its tables, and how the JSON line names it. */
const DATABASES = {
  sqlite: 'sqlite in memory (the embedded default)',
  postgres: 'postgresql (the production profile)',
} as const;
export type LineageBenchDatabase = keyof typeof DATABASES;

/**
 * The lineage store over HTTP, on the embedded default's database (SQLite
 * in memory) or on a fresh database of the project's local PostgreSQL
 * (what production runs on): ingests `runs` runs of a generated 500-model
 * project (one COMPLETE event per model and run, `concurrency` in flight,
 * posted by a producer process of its own), posts them all again as
 * replays, ingests as many later events through the batch route, then
 * times `requests` graph, column-lineage and impact queries at depth 5 on
 * silver and gold nodes.
 */
export async function benchLineage(
  options: {
    runs: number;
    concurrency: number;
    db: LineageBenchDatabase;
    requests: number;
    port: number;
  },
  progress: (msg: string) => void,
) {
  // The static pass runs sqlglot in the project venv, which the backend
  // finds as .venv at start: make it first, as scripts/dbt does on first
  // use (minutes from PyPI on a new machine).
  progress('setting up the project venv (scripts/dbt --version)');
  await promisify(execFile)(join(repoRoot, 'scripts/dbt'), ['--version']);
  const token = randomBytes(24).toString('hex');
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  const backend = await startBenchBackend({
    name: 'lineage',
    port: options.port,
    progress,
    config: () => ({
      backend: {
        ...(options.db === 'postgres' && {
          // Every plugin's schema in one fresh database, as production has
          // it; dropped and made again by the next run.
          database: {
            client: 'pg',
            connection: freshPostgresDatabase('scout_bench_lineage'),
            pluginDivisionMode: 'schema',
          },
        }),
        auth: {
          externalAccess: [
            { type: 'static', options: { token, subject: 'lineage-producer' } },
          ],
        },
      },
    }),
    // SQLite in memory, as app-config.yaml has it.
    inMemoryDatabases: options.db === 'sqlite' ? ['lineage'] : [],
    // The plugin itself, in this process, as packages/backend adds it.
    // eslint-disable-next-line @backstage/no-mixed-plugin-imports
    features: [import('@internal/backstage-plugin-lineage-backend')],
  });
  try {
    const models = project();
    // Run r's events: one per model, an hour after run r - 1's.
    const runEvents = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) =>
        models.map(m =>
          runEvent(m, new Date(Date.UTC(2026, 11, 1, from + i)).toISOString()),
        ),
      ).flat();
    const bodies = runEvents(0, options.runs).map(e => JSON.stringify(e));
    progress(
      `ingesting ${bodies.length} events one per request (${models.length} models x ${options.runs} runs)`,
    );
    // Posts every body one per request; its seconds, and the backend's CPU
    // time meanwhile: what the rate costs, whatever else the machine does.
    const postSingles = async () => {
      const before = process.cpuUsage();
      const seconds = await postEvents({
        url: `${backend.baseUrl}/api/lineage/api/v1/lineage`,
        token,
        concurrency: options.concurrency,
        bodies,
      });
      return { seconds, cpu: process.cpuUsage(before) };
    };
    const ingest = await postSingles();
    // The same events again: each is now a replay, which the store absorbs
    // with one insert that writes nothing. What a single event costs when
    // the store has (almost) nothing to do: the route's own ceiling.
    progress(`posting the same ${bodies.length} events again (all replays)`);
    const replay = await postSingles();
    // The same number of later runs' events through the batch route.
    const later = runEvents(options.runs, 2 * options.runs);
    const batches = Array.from(
      { length: Math.ceil(later.length / BATCH) },
      (_, i) => JSON.stringify(later.slice(i * BATCH, (i + 1) * BATCH)),
    );
    progress(`ingesting ${later.length} more in batches of ${BATCH}`);
    const batchSeconds = await postEvents({
      url: `${backend.baseUrl}/api/lineage/api/v1/lineage/batch`,
      token,
      concurrency: BATCH_CONCURRENCY,
      bodies: batches,
    });

    const middle = models.filter(m => /\.(silver|gold)\./.test(m.name));
    const pick = (i: number) => middle[(i * 37) % middle.length].name;
    const routes: Record<string, (i: number) => string> = {
      graph: i =>
        `/api/v1/lineage?depth=${DEPTH}&nodeId=${encodeURIComponent(
          `dataset:${NS}:${pick(i)}`,
        )}`,
      column_lineage: i =>
        `/api/v1/column-lineage?depth=${DEPTH}&withDownstream=true&nodeId=${encodeURIComponent(
          `datasetField:${NS}:${pick(i)}:c${i % COLUMNS}`,
        )}`,
      impact: i =>
        `/impact?nodeId=${encodeURIComponent(
          `datasetField:${NS}:${pick(i)}:c${i % COLUMNS}`,
        )}`,
    };
    const latency: Record<
      string,
      { p50_ms: number | null; p95_ms: number | null }
    > = {};
    for (const [name, path] of Object.entries(routes)) {
      const times: number[] = [];
      for (let i = 0; i < options.requests + 3; i++) {
        const t = performance.now();
        const res = await fetch(`${backend.baseUrl}/api/lineage${path(i)}`, {
          headers,
        });
        if (res.status !== 200)
          throw new Error(`${name}: ${res.status} ${await res.text()}`);
        await res.json();
        if (i >= 3) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      latency[name] = {
        p50_ms: percentile(times, 50),
        p95_ms: percentile(times, 95),
      };
    }
    // The static pass: the generated project's 500 models, then the real
    // Scout project, compiled here by dbt (about 10 s, not timed).
    const importArtifacts = async (manifest: unknown) => {
      const t = performance.now();
      const res = await fetch(`${backend.baseUrl}/api/lineage/dbt-artifacts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ manifest }),
      });
      if (res.status !== 200)
        throw new Error(`dbt-artifacts: ${res.status} ${await res.text()}`);
      const result = await res.json();
      return { ...result, wall_s: (performance.now() - t) / 1000 };
    };
    progress(`static pass over ${models.length} generated models`);
    const generated = await importArtifacts(dbtManifest(models));
    progress('compiling the Scout dbt project for the static pass');
    const scout = await importArtifacts(await compileScout());
    const eventsPerSecond = Math.round(bodies.length / ingest.seconds);
    // What misses its target, so a reader need not compare by hand.
    const overTarget = [
      ...(eventsPerSecond < TARGETS.events_per_s ? ['events_per_s'] : []),
      ...Object.entries(latency)
        .filter(([, v]) => (v.p95_ms ?? 0) > TARGETS.query_p95_ms)
        .map(([k]) => `${k}_p95_ms`),
      ...(generated.seconds > TARGETS.static_pass_s ? ['static_pass_s'] : []),
    ];
    return {
      bench: 'lineage',
      database: DATABASES[options.db],
      models: models.length,
      events: bodies.length,
      concurrency: options.concurrency,
      events_per_s: eventsPerSecond,
      replay_events_per_s: Math.round(bodies.length / replay.seconds),
      replay_cpu_ms_per_event: cpuMsPerEvent(replay.cpu, bodies.length),
      batch_size: BATCH,
      batch_concurrency: BATCH_CONCURRENCY,
      batch_events_per_s: Math.round(later.length / batchSeconds),
      ingest_cpu_ms_per_event: cpuMsPerEvent(ingest.cpu, bodies.length),
      depth: DEPTH,
      requests: options.requests,
      ...Object.fromEntries(
        Object.entries(latency).flatMap(([k, v]) => [
          [`${k}_p50_ms`, v.p50_ms],
          [`${k}_p95_ms`, v.p95_ms],
        ]),
      ),
      // Derivation (sqlglot) alone, then with recording the events.
      static_pass_s: generated.seconds,
      static_import_s: Number(generated.wall_s.toFixed(2)),
      static_pass_fields: generated.fields,
      scout_static_pass_s: scout.seconds,
      scout_static_pass_fields: scout.fields,
      targets: TARGETS,
      over_target: overTarget,
      load_average: Number(loadavg()[0].toFixed(1)),
    };
  } finally {
    await backend.stop();
  }
}

/** The backend's CPU time (user and system) per event, in ms. */
function cpuMsPerEvent(cpu: NodeJS.CpuUsage, events: number): number {
  return Number(((cpu.user + cpu.system) / 1000 / events).toFixed(3));
}

/**
 * Posts the events from ./postEvents.mjs, a process of its own, and returns
 * the seconds the posts took.
 */
async function postEvents(input: {
  url: string;
  token: string;
  concurrency: number;
  bodies: string[];
}): Promise<number> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'packages/scout-cli/src/bench/postEvents.mjs')],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', d => (stdout += d));
  child.stderr.on('data', d => (stderr += d));
  child.stdin.end(JSON.stringify(input));
  const code = await new Promise<number | null>(resolve =>
    child.on('close', resolve),
  );
  if (code !== 0) throw new Error(`posting events: ${stderr.trim()}`);
  return JSON.parse(stdout).seconds;
}

/**
 * The Scout project's compiled manifest.json, from `scripts/dbt compile` on
 * the embedded engine's target in a temporary folder (no data needed).
 */
async function compileScout(): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'scout-bench-dbt-'));
  try {
    await promisify(execFile)(
      join(repoRoot, 'scripts/dbt'),
      ['compile', '--target', 'duckdb', '--target-path', join(dir, 'target')],
      { env: { ...process.env, SCOUT_LAKEHOUSE_DIR: dir } },
    );
    return JSON.parse(
      await readFile(join(dir, 'target/manifest.json'), 'utf8'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
