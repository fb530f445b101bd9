import { ConflictError } from '@backstage/errors';
import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import type {
  LakehouseEngine,
  PipelineRun,
  PipelineRunDetail,
  RunStep,
  RunTest,
} from './types';

type Row = {
  run_id: string;
  engine: LakehouseEngine;
  trigger: string;
  started_by: string | null;
  branch: string | null;
  status: PipelineRun['status'];
  started_at: Date | string;
  finished_at: Date | string | null;
  from_xid: string | number | null;
  to_xid: string | number | null;
  rows: Record<string, number>;
  tests_passed: number | null;
  tests_failed: number | null;
  freshness_seconds: number | null;
  error: string | null;
  steps: RunStep[];
  tests?: RunTest[];
};

const iso = (value: Date | string) => new Date(value).toISOString();
const num = (value: string | number | null) =>
  value === null ? null : Number(value);

function toRun(row: Row): PipelineRun {
  return {
    runId: row.run_id,
    engine: row.engine,
    trigger: row.trigger,
    startedBy: row.started_by,
    branch: row.branch,
    status: row.status,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    fromXid: num(row.from_xid),
    toXid: num(row.to_xid),
    rows: row.rows,
    testsPassed: row.tests_passed,
    testsFailed: row.tests_failed,
    freshnessSeconds: row.freshness_seconds,
    error: row.error,
    steps: row.steps,
  };
}

// A test that did not pass comes first; within each group, dbt's order.
const TEST_ORDER: Record<RunTest['status'], number> = {
  error: 0,
  fail: 0,
  warn: 1,
  skipped: 2,
  pass: 3,
};

// The list's columns: every one but the tests, which only a run's detail reads.
const RUN_COLUMNS = `run_id, engine, trigger, started_by, branch, status, started_at,
  finished_at, from_xid, to_xid, rows, tests_passed, tests_failed,
  freshness_seconds, error, steps`;

/** A run older than this that still says "running" died without finishing. */
const ABANDONED_AFTER = '2 hours';

/** The run history in scout.pipeline_runs. */
export class RunStore {
  constructor(private readonly sql: SqlQueryable) {}

  /**
   * Records a new running run. Throws when another run is running: the
   * unique index on running runs makes this check race-free.
   */
  async start(run: {
    runId: string;
    engine: LakehouseEngine;
    trigger: string;
    startedBy?: string;
    steps?: RunStep[];
  }): Promise<void> {
    await this.#expireAbandoned();
    try {
      await this.sql.query(
        `insert into scout.pipeline_runs (run_id, engine, trigger, started_by, steps, status)
         values ($1, $2, $3, $4, $5, 'running')`,
        [
          run.runId,
          run.engine,
          run.trigger,
          run.startedBy ?? null,
          JSON.stringify(run.steps ?? []),
        ],
      );
    } catch (error) {
      if (String(error).includes('pipeline_runs_one_running')) {
        const running = await this.running();
        // ConflictError: a caller that raced another start answers 409.
        throw new ConflictError(
          `another pipeline run is in progress (${
            running?.runId ?? 'unknown'
          }, started ${running?.startedAt ?? '?'})`,
        );
      }
      throw error;
    }
  }

  /** The run in progress, if any; a long-dead one is marked abandoned first. */
  async running(): Promise<PipelineRun | undefined> {
    await this.#expireAbandoned();
    const [run] = await this.list({ limit: 1, status: 'running' });
    return run;
  }

  async #expireAbandoned() {
    await this.sql.query(
      `update scout.pipeline_runs
         set status = 'failed', finished_at = now(), error = 'abandoned: the run stopped without finishing',
             steps = (select coalesce(jsonb_agg(case when s->>'status' = 'running'
                        then s || '{"status": "failed", "detail": "abandoned"}'::jsonb else s end
                        order by n), '[]')
                      from jsonb_array_elements(steps) with ordinality as e(s, n))
       where status = 'running' and started_at < now() - interval '${ABANDONED_AFTER}'`,
    );
  }

  async update(
    runId: string,
    fields: Partial<
      Omit<PipelineRun, 'runId' | 'engine' | 'trigger' | 'startedBy'>
    > & { tests?: RunTest[] },
  ): Promise<void> {
    const columns: Record<string, unknown> = {
      branch: fields.branch,
      status: fields.status,
      finished_at: fields.finishedAt,
      from_xid: fields.fromXid,
      to_xid: fields.toXid,
      rows: fields.rows === undefined ? undefined : JSON.stringify(fields.rows),
      tests_passed: fields.testsPassed,
      tests_failed: fields.testsFailed,
      freshness_seconds: fields.freshnessSeconds,
      error: fields.error,
      steps:
        fields.steps === undefined ? undefined : JSON.stringify(fields.steps),
      tests:
        fields.tests === undefined ? undefined : JSON.stringify(fields.tests),
    };
    const set = Object.entries(columns).filter(([, v]) => v !== undefined);
    if (set.length === 0) return;
    await this.sql.query(
      `update scout.pipeline_runs set ${set
        .map(([name], i) => `${name} = $${i + 2}`)
        .join(', ')} where run_id = $1`,
      [runId, ...set.map(([, v]) => v)],
    );
  }

  /** The run with every dbt test it ran, failures first; undefined when unknown. */
  async get(runId: string): Promise<PipelineRunDetail | undefined> {
    const { rows } = await this.sql.query<Row>(
      'select * from scout.pipeline_runs where run_id = $1',
      [runId],
    );
    if (!rows[0]) return undefined;
    // A stable sort: dbt's order within each group.
    const tests = [...(rows[0].tests ?? [])].sort(
      (a, b) => TEST_ORDER[a.status] - TEST_ORDER[b.status],
    );
    return { ...toRun(rows[0]), tests };
  }

  /** Newest first. */
  async list(options: {
    limit: number;
    status?: PipelineRun['status'];
  }): Promise<PipelineRun[]> {
    const { rows } = await this.sql.query<Row>(
      `select ${RUN_COLUMNS} from scout.pipeline_runs
       where $1::text is null or status = $1
       order by started_at desc limit $2`,
      [options.status ?? null, options.limit],
    );
    return rows.map(toRun);
  }
}
