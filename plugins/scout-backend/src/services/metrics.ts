import {
  Counter,
  Histogram,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';
import type { IngestMetrics } from '@internal/scout-edge-functions';
import type { PromotionObserver } from './Promoter';

/** Prometheus metrics of the hosted edge functions, served at /api/scout/metrics. */
export class FunctionMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: 'scout_function_requests_total',
    help: 'Edge function requests by function and HTTP status.',
    labelNames: ['function', 'status'],
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: 'scout_function_request_duration_seconds',
    help: 'Edge function latency, from request to response.',
    labelNames: ['function'],
    // 2 s: the ingest latency SLO's threshold (platform-manifests/observability/slos).
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly #rows = new Counter({
    name: 'scout_ingest_transactions_total',
    help: 'Transactions by outcome: accepted, duplicate or rejected at ingest; promoted or quarantined (by reason) afterwards.',
    labelNames: ['outcome', 'reason'],
    registers: [this.registry],
  });

  readonly #promotionLag = new Histogram({
    name: 'scout_promotion_lag_seconds',
    help: 'Seconds from a transaction reaching bronze to its promotion to silver or quarantine.',
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  static create() {
    const metrics = new FunctionMetrics();
    collectDefaultMetrics({
      register: metrics.registry,
      prefix: 'scout_backend_',
    });
    return metrics;
  }

  observeRequest(fn: string, status: number, seconds: number) {
    this.#requests.inc({ function: fn, status: String(status) });
    this.#duration.observe({ function: fn }, seconds);
  }

  /** Promotion rounds: transactions promoted or quarantined (by reason), and the lag. */
  promotion(): PromotionObserver {
    return round => {
      this.#rows.inc({ outcome: 'promoted', reason: '' }, round.promoted);
      for (const [reason, count] of Object.entries(round.reasons)) {
        this.#rows.inc({ outcome: 'quarantined', reason }, count);
      }
      const now = Date.now() / 1000;
      for (const received of round.receivedAt) {
        this.#promotionLag.observe(now - received);
      }
    };
  }

  /** The counters ingest-transaction reports into. */
  ingest(): IngestMetrics {
    return {
      written: ({ accepted, duplicates }) => {
        this.#rows.inc({ outcome: 'accepted', reason: '' }, accepted);
        this.#rows.inc({ outcome: 'duplicate', reason: '' }, duplicates);
      },
      rejected: (reason, transactions) => {
        this.#rows.inc({ outcome: 'rejected', reason }, transactions);
      },
    };
  }
}
