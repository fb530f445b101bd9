import {
  type Command,
  parseFlags,
  parseInteger,
  UsageError,
} from '../command.ts';
import { benchIngest } from '../bench/ingest.ts';
import { benchLakehouse } from '../bench/lakehouse.ts';
import { benchLineage } from '../bench/lineage.ts';
import { benchPermission } from '../bench/permission.ts';
import { benchPipeline } from '../bench/pipeline.ts';
import { benchScaffold } from '../bench/scaffold.ts';
import { benchSlo } from '../bench/slo.ts';
import { benchSuperset } from '../bench/superset.ts';

const usage = `Usage: scout bench ingest [--db pglite|postgres] [--count N] [--batch B] [--concurrency C] [--singles S]
       scout bench pipeline [--transactions N,M,...] [--engine trino|duckdb] [--port P]
       scout bench lakehouse [--engine trino|duckdb] [--transactions N] [--requests R] [--url URL] [--port P]
       scout bench permission [--requests R]
       scout bench lineage [--db sqlite|postgres] [--runs N] [--concurrency C] [--requests R]
       scout bench slo [--count N] [--requests R] [--prometheus-port P]
       scout bench scaffold [--runs N]
       scout bench superset [--url URL] [--requests R] [--runs N]

ingest    Starts a backend on a fresh database (PGlite, or the project's local
          PostgreSQL started by scripts/lib/postgres.sh), drives
          ingest-transaction over HTTP, waits until promotion to silver has
          caught up, then COPYs the same batches as bronze rows into a bare
          table on the same server (the machine's own yardstick) and prints
          one JSON line: tx_per_s (HTTP), raw_copy_tx_per_s, copy_ratio (the
          two divided), batch and single-request latency (p50, p95 ms),
          silver_lag_p95_s, the database, and the silver and quarantine
          counts afterwards. Targets: copy_ratio >= 0.7, silver_lag_p95_s < 5,
          single_p95_ms < 20.
pipeline  For each N: ingests N transactions into a fresh PostgreSQL database
          through ingest-transaction, runs the pipeline into an empty
          lakehouse and prints one JSON line: bronze load time, dbt time per
          layer, and freshness (ingest to gold). Trino needs the stack
          (\`./scripts/yarn scout stack up\`).
lakehouse Latency of the lakehouse browser API: ingests N transactions into a
          fresh PostgreSQL database, runs the pipeline (a sandbox branch on
          Trino, or a new folder on DuckDB), starts a backend serving that
          lakehouse and prints one JSON line: p50 and p95 per route (the
          metadata routes and a 100-row preview of gold_daily_store_sales),
          after three warm-up requests each. With --url it measures a running
          backend instead, whose gold must be populated. Trino needs the stack.
permission
          What the permission policy adds to a request: starts a backend in
          this process (real auth, the permission backend and the Scout
          policy), signs in a platform-team member as guest, and times one
          handler with and without a scout.pipeline.run check, alternating,
          after 200 warm-up requests each. Prints one JSON line: p50 and p95
          of both, their differences (p50_added_ms, p95_added_ms), the ratio
          of the medians, the check alone as the handler sees it
          (authorize_*), the policy's own decision in it (policy_*), and
          the CPU time per request with and without the check (cpu_*), which
          other load disturbs less. Target: p95_added_ms < 2.
slo       The SLO overview (GET /api/slo/slos) against real Prometheus:
          generates N SLO specs (default 50) and Sloth-shaped recorded series
          for them (a rule file), starts Prometheus on --prometheus-port
          (default 19190) and a backend with the slo plugin in this process,
          and prints one JSON line: overview p50/p95/max in ms over R
          requests (default 200). Target: p95 < 300 ms.
lineage   The lineage store over HTTP on the embedded default's database
          (SQLite in memory), or with --db postgres on a fresh database of
          the project's local PostgreSQL (the production profile): starts
          a backend in this process with the lineage plugin, sends N runs
          of a generated 500-model project (one OpenLineage event per model
          and run, C in flight), the same events again (all replays: the
          route with next to no store work), and N later runs through the
          batch route, then times R graph, column-lineage (both ways) and
          impact queries at depth 5 on silver and gold nodes, then sends
          the same project as a dbt manifest through the static pass (and
          the Scout project, compiled by dbt). Prints one JSON line: events_per_s,
          replay_events_per_s, batch_events_per_s, p50 and p95 per query,
          static_pass_s (sqlglot's derivation) and static_import_s (with
          recording). Targets: events_per_s >= 1000, p95 < 100 ms,
          static_pass_s < 10.
scaffold  The software templates through the scaffolder API: starts a
          backend in this process wired as the portal's (catalog with
          templates/, scaffolder with Scout's actions and publish:gitea,
          guest sign-in, the Scout policy), then per template a dry run and a
          full run (checks, publication, catalog registration) of a made-up
          source, N times (default 1). Full runs publish to the local stack's
          Gitea when it answers (the repositories stay there), else to a
          temporary local Git folder. Prints one JSON line: the median
          dry_run_s and full_run_s per template, and where runs published.
          Target: a full "New data pipeline" run under 60 s.
superset  Superset embedded in a RUNNING portal (it starts nothing: run
          ./scripts/start.sh, ./scripts/yarn scout stack up postgres
          superset and ./scripts/yarn scout superset provision first): R
          guest tokens minted through /api/superset as the guest,
          round-robin over the dashboards, then N cold loads in headless
          Chromium of the Dashboards page on the first dashboard by title
          (after 2 timed apart, which warm Superset's workers), each timed
          until its first chart has drawn inside the embedded frame. Prints
          one JSON line:
          mint_p50_ms, mint_p95_ms, first_chart_runs_ms and its median.
          Targets: mint p95 < 200 ms, first chart < 5 s.

Whatever a benchmark starts (backends, a PostgreSQL that was not running,
a Trino sandbox, dbt) is stopped when it ends, fails, or gets Ctrl-C or
SIGTERM (exit code 130 or 143).

Options:
  --db D             ingest: pglite or postgres (default pglite);
                     lineage: sqlite or postgres (default sqlite)
  --count N          transactions sent in batches (default 200000)
  --batch B          transactions per request (default 5000)
  --concurrency C    requests in flight (default 4)
  --singles S        single-transaction requests afterwards, one at a time (default 500)
  --transactions L   pipeline: comma-separated sizes (default 100000,1000000);
                     lakehouse: one size (default 20000)
  --engine E         pipeline, lakehouse: trino or duckdb (default trino)
  --requests R       timed requests per route: lakehouse (default 50),
                     permission (default 2000), lineage (default 100),
                     superset (default 100)
  --runs N           lineage: runs of the project ingested (default 3);
                     scaffold: runs per template (default 1);
                     superset: cold loads in Chromium (default 3)
  --url U            lakehouse: a running backend, e.g. http://127.0.0.1:7007;
                     superset: the portal (default http://localhost:7007)
  --seed S           generator seed (default 1)
  --port P           the bench backend's port (default 7107)
`;

/** `scout bench ingest|pipeline|lakehouse`: the benchmarks. */
export const benchCommand: Command = {
  name: 'bench',
  summary:
    'Benchmark ingestion, the pipeline, the lakehouse browser, the permission policy, lineage, SLOs, templates or Superset (JSON lines)',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string', default: 'pglite' },
        count: { type: 'string', default: '200000' },
        batch: { type: 'string', default: '5000' },
        concurrency: { type: 'string', default: '4' },
        singles: { type: 'string', default: '500' },
        seed: { type: 'string', default: '1' },
        port: { type: 'string', default: '7107' },
        transactions: { type: 'string' },
        engine: { type: 'string', default: 'trino' },
        requests: { type: 'string' },
        url: { type: 'string' },
        runs: { type: 'string', default: '3' },
        'prometheus-port': { type: 'string', default: '19190' },
      },
    });
    const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
    if (positionals[0] === 'pipeline') {
      if (values.engine !== 'trino' && values.engine !== 'duckdb') {
        throw new UsageError('--engine must be trino or duckdb');
      }
      const sizes = values.transactions ?? '100000,1000000';
      for (const size of sizes.split(',')) {
        const result = await benchPipeline(
          {
            engine: values.engine,
            transactions: parseInteger('transactions', size.trim(), 1),
            seed: parseInteger('seed', values.seed, 0),
            port: parseInteger('port', values.port, 1),
          },
          progress,
        );
        process.stdout.write(`${JSON.stringify(result)}\n`);
      }
      return;
    }
    if (positionals[0] === 'lakehouse') {
      if (values.engine !== 'trino' && values.engine !== 'duckdb') {
        throw new UsageError('--engine must be trino or duckdb');
      }
      const result = await benchLakehouse(
        {
          engine: values.engine,
          transactions: parseInteger(
            'transactions',
            values.transactions ?? '20000',
            1,
          ),
          requests: parseInteger('requests', values.requests ?? '50', 1),
          seed: parseInteger('seed', values.seed, 0),
          port: parseInteger('port', values.port, 1),
          url: values.url,
        },
        progress,
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    if (positionals[0] === 'slo') {
      const result = await benchSlo(
        {
          // --count's default (200000) is ingest's; SLOs default to 50.
          count: parseInteger(
            'count',
            args.some(a => a === '--count' || a.startsWith('--count='))
              ? values.count
              : '50',
            1,
          ),
          requests: parseInteger('requests', values.requests ?? '200', 1),
          port: parseInteger('port', values.port, 1),
          prometheusPort: parseInteger(
            'prometheus-port',
            values['prometheus-port'],
            1,
          ),
        },
        progress,
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    if (positionals[0] === 'lineage') {
      const given = args.some(a => a === '--db' || a.startsWith('--db='));
      const db = given ? values.db : 'sqlite';
      if (db !== 'sqlite' && db !== 'postgres') {
        throw new UsageError('lineage: --db must be sqlite or postgres');
      }
      const result = await benchLineage(
        {
          db,
          runs: parseInteger('runs', values.runs, 1),
          concurrency: parseInteger('concurrency', values.concurrency, 1),
          requests: parseInteger('requests', values.requests ?? '100', 1),
          port: parseInteger('port', values.port, 1),
        },
        progress,
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    if (positionals[0] === 'scaffold') {
      const given = args.some(a => a === '--runs' || a.startsWith('--runs='));
      const result = await benchScaffold({
        runs: parseInteger('runs', given ? values.runs : '1', 1),
        port: parseInteger('port', values.port, 1),
        progress,
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    if (positionals[0] === 'superset') {
      const result = await benchSuperset(
        {
          url: values.url ?? 'http://localhost:7007',
          requests: parseInteger('requests', values.requests ?? '100', 1),
          runs: parseInteger('runs', values.runs, 1),
        },
        progress,
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    if (positionals[0] === 'permission') {
      const result = await benchPermission(
        {
          requests: parseInteger('requests', values.requests ?? '2000', 1),
          port: parseInteger('port', values.port, 1),
        },
        progress,
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    if (positionals[0] !== 'ingest')
      throw new UsageError(
        'the benchmark to run is "ingest", "pipeline", "lakehouse", "permission", "slo", "lineage", "scaffold" or "superset"',
      );
    if (values.db !== 'pglite' && values.db !== 'postgres') {
      throw new UsageError('--db must be pglite or postgres');
    }
    const result = await benchIngest(
      {
        db: values.db,
        count: parseInteger('count', values.count, 1),
        batch: parseInteger('batch', values.batch, 1),
        concurrency: parseInteger('concurrency', values.concurrency, 1),
        singles: parseInteger('singles', values.singles, 0),
        seed: parseInteger('seed', values.seed, 0),
        port: parseInteger('port', values.port, 1),
      },
      progress,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
};
