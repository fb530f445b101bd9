import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry } from 'prom-client';

/** Methods that keep their name as a label; any other counts as OTHER. */
const METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);
const API_PATH = /^\/api\/([^/]+)/;
// The events bus's long poll: it waits for events by design, so its time is
// not latency (it would spend the portal's latency budget while idle).
const LONG_POLL = /^\/api\/events\/bus\/v1\/subscriptions\/[^/]+\/events\/?$/i;

/**
 * Request counts and latency of every backend `/api/<plugin>/...` request,
 * labelled `plugin` (an installed plugin's id, or `other`), `method` and
 * `status`: label values come from fixed sets, never from raw paths, so
 * the series stay bounded whatever clients send. Requests outside /api
 * (the app's assets, health checks) and the events bus's long polls
 * (`GET /api/events/bus/v1/subscriptions/<id>/events`) are not counted.
 */
export class HttpMetrics {
  readonly registry = new Registry();
  #plugins: ReadonlySet<string> = new Set();
  readonly #requests = new Counter({
    name: 'scout_http_requests_total',
    help: 'Backend API requests by plugin, method and HTTP status.',
    labelNames: ['plugin', 'method', 'status'],
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: 'scout_http_request_duration_seconds',
    help: 'Backend API latency, from the request reaching the backend to the last byte of its response.',
    labelNames: ['plugin', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });

  /** The installed plugins' ids; a request to any other `/api/<id>` counts as `other`. */
  setPlugins(ids: Iterable<string>) {
    this.#plugins = new Set(ids);
  }

  /** The `plugin` label of a request path; undefined outside /api. */
  pluginOf(path: string): string | undefined {
    const match = API_PATH.exec(path);
    if (!match) return undefined;
    // Express routes case-insensitively: /api/Scout reaches the scout plugin.
    const id = match[1].toLowerCase();
    return this.#plugins.has(id) ? id : 'other';
  }

  /**
   * Express middleware for the root HTTP router, mounted before all others
   * so the time includes every middleware. Records once the response is
   * sent; a request the client abandons before that is not counted.
   */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const plugin = this.pluginOf(req.path);
      if (plugin !== undefined && !LONG_POLL.test(req.path)) {
        const started = process.hrtime.bigint();
        const method = METHODS.has(req.method) ? req.method : 'OTHER';
        res.once('finish', () => {
          const labels = { plugin, method, status: String(res.statusCode) };
          this.#requests.inc(labels);
          this.#duration.observe(
            labels,
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        });
      }
      next();
    };
  }
}

/**
 * The backend's one instance: the root HTTP router, which exists before any
 * plugin and cannot be handed a service, records into it
 * (packages/backend), and the scout plugin serves it at /api/scout/metrics.
 */
export const httpMetrics = new HttpMetrics();
