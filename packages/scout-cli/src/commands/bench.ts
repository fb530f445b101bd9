import {
  type Command,
  parseFlags,
  parseInteger,
  UsageError,
} from '../command.ts';
import { benchIngest } from '../bench/ingest.ts';
import { benchPipeline } from '../bench/pipeline.ts';

const usage = `Usage: scout bench ingest [--db pglite|postgres] [--count N] [--batch B] [--concurrency C] [--singles S]
       scout bench pipeline [--transactions N,M,...] [--engine trino|duckdb]

ingest    Starts a backend on a fresh database (PGlite, or the project's local
          PostgreSQL started by scripts/lib/postgres.sh), drives
          ingest-transaction over HTTP and prints one JSON line: tx/s, batch
          and single-request latency (p50, p95), the database, and the silver
          count afterwards.
pipeline  For each N: ingests N transactions into a fresh PostgreSQL database
          through ingest-transaction, runs the pipeline into an empty
          lakehouse and prints one JSON line: bronze load time, dbt time per
          layer, and freshness (ingest to gold). Trino needs the stack
          (\`yarn scout stack up\`).

Options:
  --db D             pglite or postgres (default pglite)
  --count N          transactions sent in batches (default 200000)
  --batch B          transactions per request (default 5000)
  --concurrency C    requests in flight (default 4)
  --singles S        single-transaction requests afterwards, one at a time (default 500)
  --transactions L   pipeline: comma-separated sizes (default 100000,1000000)
  --engine E         pipeline: trino or duckdb (default trino)
  --seed S           generator seed (default 1)
  --port P           the bench backend's port (default 7107)
`;

/** `scout bench ingest`: the ingestion benchmark. */
export const benchCommand: Command = {
  name: 'bench',
  summary: 'Benchmark ingestion or the lakehouse pipeline (JSON lines)',
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
        transactions: { type: 'string', default: '100000,1000000' },
        engine: { type: 'string', default: 'trino' },
      },
    });
    const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
    if (positionals[0] === 'pipeline') {
      if (values.engine !== 'trino' && values.engine !== 'duckdb') {
        throw new UsageError('--engine must be trino or duckdb');
      }
      for (const size of values.transactions.split(',')) {
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
    if (positionals[0] !== 'ingest')
      throw new UsageError('the benchmark to run is "ingest" or "pipeline"');
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
