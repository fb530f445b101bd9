import { randomBytes, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './backend.ts';
import { startBenchBackend } from './benchBackend.ts';
import { COLUMNS, dbtManifest, type Model, project } from './lineageProject.ts';
import { percentile } from './stats.ts';

const NS = 'trino://bench:8080';
const DEPTH = 5;

function event(model: Model, eventTime: string) {
  const columns = Array.from({ length: COLUMNS }, (_, i) => `c${i}`);
  return {
    eventType: 'COMPLETE',
    eventTime,
    producer: 'scout-bench',
    run: { runId: randomUUID() },
    job: { namespace: NS, name: `write ${model.name}` },
    inputs: model.inputs.map(name => ({ namespace: NS, name })),
    outputs: [
      {
        namespace: NS,
        name: model.name,
        facets: {
          schema: { fields: columns.map(name => ({ name, type: 'bigint' })) },
          columnLineage: {
            fields: Object.fromEntries(
              columns.map(c => [
                c,
                {
                  inputFields: model.inputs.map(name => ({
                    namespace: NS,
                    name,
                    field: c,
                  })),
                },
              ]),
            ),
          },
        },
      },
    ],
  };
}

/**
 * The lineage store over HTTP, on the embedded default's database
 * (SQLite): ingests `runs` runs of a generated 500-model project (one
 * COMPLETE event per model and run, `concurrency` in flight), then times
 * `requests` graph, column-lineage and impact queries at depth 5 on
 * silver and gold nodes.
 */
export async function benchLineage(
  options: {
    runs: number;
    concurrency: number;
    requests: number;
    port: number;
  },
  progress: (msg: string) => void,
) {
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
        auth: {
          externalAccess: [
            { type: 'static', options: { token, subject: 'lineage-producer' } },
          ],
        },
      },
    }),
    // The plugin itself, in this process, as packages/backend adds it.
    // eslint-disable-next-line @backstage/no-mixed-plugin-imports
    features: [import('@internal/backstage-plugin-lineage-backend')],
  });
  try {
    const models = project();
    const bodies = Array.from({ length: options.runs }, (_, run) =>
      models.map(m =>
        JSON.stringify(
          event(m, new Date(Date.UTC(2026, 11, 1, run)).toISOString()),
        ),
      ),
    ).flat();
    progress(
      `ingesting ${bodies.length} events (${models.length} models x ${options.runs} runs)`,
    );
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const res = await fetch(
            `${backend.baseUrl}/api/lineage/api/v1/lineage`,
            { method: 'POST', headers, body },
          );
          if (res.status !== 201)
            throw new Error(`event refused: ${res.status} ${await res.text()}`);
        }
      }),
    );
    const ingestSeconds = (performance.now() - started) / 1000;

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
    return {
      bench: 'lineage',
      database: 'sqlite (the embedded default)',
      models: models.length,
      events: bodies.length,
      concurrency: options.concurrency,
      events_per_s: Math.round(bodies.length / ingestSeconds),
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
      targets: { events_per_s: 1000, query_p95_ms: 100, static_pass_s: 10 },
      load_average: Number(loadavg()[0].toFixed(1)),
    };
  } finally {
    await backend.stop();
  }
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
