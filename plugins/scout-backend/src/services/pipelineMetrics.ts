import type { LoggerService } from '@backstage/backend-plugin-api';
import type { PipelineRun } from '@internal/backstage-plugin-scout-node';
import { Counter, Gauge, Registry } from 'prom-client';
import type { GoldFreshness, GoldNewest } from './goldFreshness';

/**
 * The metrics the freshness and pipeline SLOs read, served at
 * /api/scout/metrics: runs by outcome (this backend's, counted as they
 * end), and, read from the database at each scrape (GoldFreshness), gold's
 * newest row per engine and the last published run. A gauge whose value is
 * unknown, or whose read failed, has no sample: absent, never 0.
 */
export class PipelineMetrics {
  readonly registry = new Registry();
  readonly #freshness: GoldFreshness;
  readonly #logger: LoggerService;
  #failing = false;
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

  constructor(options: { freshness: GoldFreshness; logger: LoggerService }) {
    this.#freshness = options.freshness;
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
