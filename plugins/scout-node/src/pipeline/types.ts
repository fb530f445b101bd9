import type { BronzeEntry } from './bronzeEntries';

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
   * Appends the silver rows of `range` to bronze, refreshes the dimension
   * tables, and loads `entries` (the dbt project's bronze/*.yml). Returns
   * the number of transactions appended.
   *
   * An appended entry takes [its own watermark, range.to): the max
   * source_xid its bronze table holds + 1, or 0 while it is empty. The
   * single watermark of transactions and line_items (nextXid) would not do:
   * it moves only when a transaction arrives, so a run without one would
   * load the entry's rows of the last range again; and it would skip the
   * rows a new entry's table got before the entry existed. Its own is sound
   * for the reason transactions' is: every writer below range.to has ended
   * (settledXid), so no row can appear later below what a load reached.
   */
  loadBronze(
    range: XidRange,
    loadId: string,
    entries: readonly BronzeEntry[],
  ): Promise<number>;
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

/**
 * The steps of a run, in the order it takes them: promote (bronze to silver
 * in PostgreSQL), expectations (Great Expectations over Postgres silver),
 * branch (open the run's branch or staging folder), bronze (load new silver
 * rows), freshness (dbt source freshness, informational), dbt (build and test
 * every layer), publish (merge to main), release (free the branch or folder,
 * publish dbt's artifacts).
 */
export type RunStepName =
  | 'promote'
  | 'expectations'
  | 'branch'
  | 'bronze'
  | 'freshness'
  | 'dbt'
  | 'publish'
  | 'release';

/** One step of a run; `skipped` once the run ended without reaching it. */
export type RunStep = {
  name: RunStepName;
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  /** ISO 8601; null for a skipped step. */
  startedAt: string | null;
  finishedAt: string | null;
  /** One line on what the step did or why it failed. */
  detail: string | null;
};

/**
 * One check of a run: a dbt test from its run_results.json, or a Great
 * Expectations expectation from the expectations step's results.json.
 */
export type RunTest = {
  /**
   * e.g. test.scout.not_null_silver_transactions_transaction_id.1a2b, or
   * gx.scout.silver_transactions.total.expect_column_values_to_be_between.3
   */
  uniqueId: string;
  name: string;
  /**
   * The model (or source, as `source.table`) the test checks, when dbt names
   * one; for an expectation, the Postgres table (`scout.silver_transactions`).
   */
  model: string | null;
  /** Who ran the check; a test recorded before expectations existed has none (dbt). */
  source?: 'dbt' | 'great_expectations';
  status: 'pass' | 'fail' | 'error' | 'warn' | 'skipped';
  /** Rows that failed the test. */
  failures: number | null;
  message: string | null;
  seconds: number;
};

/** One row of scout.pipeline_runs. */
export type PipelineRun = {
  runId: string;
  engine: LakehouseEngine;
  trigger: string;
  /** The user entity ref of whoever started it through the API. */
  startedBy: string | null;
  branch: string | null;
  status: 'running' | 'published' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  fromXid: number | null;
  toXid: number | null;
  rows: Record<string, number>;
  /** dbt tests and expectations together. */
  testsPassed: number | null;
  testsFailed: number | null;
  freshnessSeconds: number | null;
  error: string | null;
  steps: RunStep[];
};

/** A run with every dbt test and expectation it ran, failures first. */
export type PipelineRunDetail = PipelineRun & { tests: RunTest[] };
