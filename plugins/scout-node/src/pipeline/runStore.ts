import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import type { LakehouseEngine, PipelineRun } from './types';

type Row = {
  run_id: string;
  engine: LakehouseEngine;
  trigger: string;
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
};

const iso = (value: Date | string) => new Date(value).toISOString();
const num = (value: string | number | null) =>
  value === null ? null : Number(value);

function toRun(row: Row): PipelineRun {
  return {
    runId: row.run_id,
    engine: row.engine,
    trigger: row.trigger,
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
  };
}

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
  }): Promise<void> {
    await this.sql.query(
      `update scout.pipeline_runs
         set status = 'failed', finished_at = now(), error = 'abandoned: the run stopped without finishing'
       where status = 'running' and started_at < now() - interval '${ABANDONED_AFTER}'`,
    );
    try {
      await this.sql.query(
        `insert into scout.pipeline_runs (run_id, engine, trigger, status)
         values ($1, $2, $3, 'running')`,
        [run.runId, run.engine, run.trigger],
      );
    } catch (error) {
      if (String(error).includes('pipeline_runs_one_running')) {
        const [running] = await this.list({ limit: 1, status: 'running' });
        throw new Error(
          `another pipeline run is in progress (${
            running?.runId ?? 'unknown'
          }, started ${running?.startedAt ?? '?'})`,
        );
      }
      throw error;
    }
  }

  async update(
    runId: string,
    fields: Partial<Omit<PipelineRun, 'runId' | 'engine' | 'trigger'>>,
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

  async get(runId: string): Promise<PipelineRun | undefined> {
    const { rows } = await this.sql.query<Row>(
      'select * from scout.pipeline_runs where run_id = $1',
      [runId],
    );
    return rows[0] && toRun(rows[0]);
  }

  /** Newest first. */
  async list(options: {
    limit: number;
    status?: PipelineRun['status'];
  }): Promise<PipelineRun[]> {
    const { rows } = await this.sql.query<Row>(
      `select * from scout.pipeline_runs
       where $1::text is null or status = $1
       order by started_at desc limit $2`,
      [options.status ?? null, options.limit],
    );
    return rows.map(toRun);
  }
}
