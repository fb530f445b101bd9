import express from 'express';
import { Histogram, Registry } from 'prom-client';
import { spec } from '../schema/openapi/generated/router';

/** Request latency per API route, served at /api/lakehouse/metrics. */
export class LakehouseMetrics {
  readonly registry = new Registry();
  readonly #duration = new Histogram({
    name: 'lakehouse_request_duration_seconds',
    help: 'Lakehouse API latency per route template and HTTP status.',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });
  // The spec's path templates, e.g. /catalogs/{catalog}/namespaces.
  readonly #routes = Object.keys(spec.paths).map(template => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  }));

  static create() {
    return new LakehouseMetrics();
  }

  /** The route template a path belongs to; `other` for what the spec lacks. */
  routeOf(path: string): string {
    return this.#routes.find(r => r.pattern.test(path))?.template ?? 'other';
  }

  /** Times every request of the router it is mounted on. */
  middleware(): express.RequestHandler {
    return (req, res, next) => {
      const end = this.#duration.startTimer();
      res.on('finish', () =>
        end({
          route: this.routeOf(req.path),
          method: req.method,
          status: String(res.statusCode),
        }),
      );
      next();
    };
  }
}
