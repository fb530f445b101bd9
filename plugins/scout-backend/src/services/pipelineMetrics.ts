import type { LoggerService } from '@backstage/backend-plugin-api';
import type { PipelineRun } from '@internal/backstage-plugin-scout-node';
import { Counter, Gauge, Registry } from 'prom-client';
import type { GoldFreshness, GoldNewest } from './goldFreshness';
import type { SourceFreshness, SourceNewest } from './sourceFreshness';

/**
 * The metrics the freshness and pipeline SLOs read, served at
 * /api/scout/metrics: runs by outcome (this backend's, counted as they
 * end), and, read from the database at each scrape (GoldFreshness), gold's
 * newest row per engine and the last published run, and (SourceFreshness)
 * each bronze load entry's newest row on main. A gauge whose value is
 * unknown, or whose read failed, has no sample: absent, never 0.
 */
export class PipelineMetrics {
  readonly registry = new Registry();
  readonly #freshness: GoldFreshness;
  readonly #sources: SourceFreshness;
  readonly #logger: LoggerService;
  #failing = false;
  #sourcesFailing = false;
  readonly #runs = new Counter({
    name: 'scout_pipeline_runs_total',
    help: 'Lakehouse pipeline runs of this backend by outcome (published or failed).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly #newestRow: Gauge = new Gauge({
    name: 'scout_gold_newest_row_timestamp_seconds',
    help: 'Ingest time (received_at, Unix seconds) of the newest transaction that gold includes, per engine: postgres (the gold views) or iceberg (the lakehouse gold the pipeline published, Iceberg or DuckDB).',
    labelNames: ['layer', 'engine'],
    registers: [this.registry],
    collect: async () => {
      const { postgres, lakehouse } = await this.#read();
      const gauge = this.#newestRow;
      gauge.reset();
      if (postgres !== undefined) {
        gauge.set({ layer: 'gold', engine: 'postgres' }, postgres);
      }
      if (lakehouse !== undefined) {
        gauge.set({ layer: 'gold', engine: 'iceberg' }, lakehouse);
      }
    },
  });
  readonly #lastSuccess: Gauge = new Gauge({
    name: 'scout_pipeline_last_success_timestamp_seconds',
    help: 'When the last published lakehouse pipeline run of the engine (duckdb or trino) finished (Unix seconds).',
    // A label-less gauge always has a sample (0): the label keeps it absent.
    labelNames: ['engine'],
    registers: [this.registry],
    collect: async () => {
      const { lastSuccess } = await this.#read();
      this.#lastSuccess.reset();
      if (lastSuccess !== undefined) {
        this.#lastSuccess.set({ engine: this.#freshness.engine }, lastSuccess);
      }
    },
  });

  readonly #sourceNewest: Gauge = new Gauge({
    name: 'scout_bronze_newest_row_timestamp_seconds',
    help: "Per bronze load entry (transform/bronze/<table>.yml), on the lakehouse's main branch as the last published run left it, so also in its gold: the newest row by the entry's freshness column (append), or when that run started (replace; Unix seconds).",
    labelNames: ['table'],
    registers: [this.registry],
    collect: async () => {
      const newest = await this.#readSources();
      this.#sourceNewest.reset();
      for (const [table, at] of Object.entries(newest)) {
        this.#sourceNewest.set({ table }, at);
      }
    },
  });

  constructor(options: {
    freshness: GoldFreshness;
    sources: SourceFreshness;
    logger: LoggerService;
  }) {
    this.#freshness = options.freshness;
    this.#sources = options.sources;
    this.#logger = options.logger;
    // Both series from the start, so rate() and increase() see the first run.
    for (const outcome of ['published', 'failed']) {
      this.#runs.inc({ outcome }, 0);
    }
  }

  /** A run of this backend ended: counts it; the gauges read afresh. */
  runEnded(outcome: Exclude<PipelineRun['status'], 'running'>) {
    this.#runs.inc({ outcome });
    this.#freshness.invalidate();
    this.#sources.invalidate();
  }

  /** None when the entries cannot be read; logged when that starts and stops. */
  async #readSources(): Promise<SourceNewest> {
    try {
      const newest = await this.#sources.read();
      if (this.#sourcesFailing)
        this.#logger.info('bronze entries readable again');
      this.#sourcesFailing = false;
      return newest;
    } catch (error) {
      if (!this.#sourcesFailing) {
        this.#logger.warn(
          `cannot read the bronze entries for /metrics; their freshness series stay absent until they can: ${error}`,
        );
      }
      this.#sourcesFailing = true;
      return {};
    }
  }

  /** Nothing known when the database fails; logged when it starts and stops failing. */
  async #read(): Promise<GoldNewest> {
    try {
      const newest = await this.#freshness.read();
      if (this.#failing) this.#logger.info('gold freshness readable again');
      this.#failing = false;
      return newest;
    } catch (error) {
      if (!this.#failing) {
        this.#logger.warn(
          `cannot read gold freshness for /metrics; its gauges stay absent until it can: ${error}`,
        );
      }
      this.#failing = true;
      return {};
    }
  }
}
