/** The engine a pipeline run builds the lakehouse with. */
export type LakehouseEngine = 'trino' | 'duckdb';

/** Silver rows with from <= source_xid < to. */
export type XidRange = { from: number; to: number };

/**
 * Where one pipeline run writes the lakehouse: a Nessie branch seen through
 * Trino, or a staging folder of Parquet files for DuckDB. Nothing a run
 * writes is visible on `main` until `publish`.
 */
export interface LakehouseTarget {
  readonly engine: LakehouseEngine;
  /** Opens the run's isolated copy of main; returns its name (the branch). */
  begin(runId: string): Promise<string>;
  /** The first source_xid that the run's bronze does not hold yet. */
  nextXid(): Promise<number>;
  /**
   * Appends the silver rows of `range` to bronze, and refreshes the
   * dimension tables. Returns the number of transactions appended.
   */
  loadBronze(range: XidRange, loadId: string): Promise<number>;
  /** The dbt target name and environment that build on the run's copy. */
  dbt(): { target: string; env: Record<string, string> };
  /** Rows per table on the run's copy, keyed `layer.table`. */
  countRows(): Promise<Record<string, number>>;
  /** Makes the run's copy the new main: once it resolves, main holds the run. */
  publish(): Promise<void>;
  /**
   * After publish: frees what the run held (its catalog and branch, or its
   * staging folder). Its failure leaves the run published.
   */
  release(): Promise<void>;
  /** Ends a failed run: frees what it held, keeps the branch for inspection. */
  abandon(): Promise<void>;
}

/** One row of scout.pipeline_runs. */
export type PipelineRun = {
  runId: string;
  engine: LakehouseEngine;
  trigger: string;
  branch: string | null;
  status: 'running' | 'published' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  fromXid: number | null;
  toXid: number | null;
  rows: Record<string, number>;
  testsPassed: number | null;
  testsFailed: number | null;
  freshnessSeconds: number | null;
  error: string | null;
};
