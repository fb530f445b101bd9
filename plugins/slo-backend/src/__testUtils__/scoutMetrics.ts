import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The portal's SLO metrics under their real names, in a registry a test
 * drives: served at /api/scout/metrics (service credentials, as
 * scout-backend serves them) by a stand-in `scout` plugin, for the embedded
 * sampler. The real-Prometheus test (prometheus.test.ts) scrapes the real
 * scout plugin instead (scoutBackend.ts).
 */
export function scoutMetrics() {
  const registry = new Registry();
  const requests = new Counter({
    name: 'scout_function_requests_total',
    help: 'Edge function requests by function and HTTP status.',
    labelNames: ['function', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'scout_function_request_duration_seconds',
    help: 'Edge function latency.',
    labelNames: ['function'],
    buckets: [0.1, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const goldNewest = new Gauge({
    name: 'scout_gold_newest_row_timestamp_seconds',
    help: 'Newest gold row.',
    labelNames: ['layer', 'engine'],
    registers: [registry],
  });
  const lastSuccess = new Gauge({
    name: 'scout_pipeline_last_success_timestamp_seconds',
    help: 'Last published pipeline run.',
    labelNames: ['engine'],
    registers: [registry],
  });
  const plugin = createBackendPlugin({
    pluginId: 'scout',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.get('/metrics', async (req, res) => {
            await httpAuth.credentials(req, { allow: ['service'] });
            res.type(registry.contentType).send(await registry.metrics());
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return {
    plugin,
    registry,
    /** `count` requests of `fn` answered with `status` in `seconds`. */
    request(fn: string, status: number, count: number, seconds = 0.05) {
      requests.inc({ function: fn, status: String(status) }, count);
      for (let i = 0; i < Math.min(count, 50); i++) {
        duration.observe({ function: fn }, seconds);
      }
    },
    /** Gold (postgres engine) newest row at `epochSeconds`. */
    goldAt(epochSeconds: number) {
      goldNewest.set({ layer: 'gold', engine: 'postgres' }, epochSeconds);
    },
    pipelineAt(epochSeconds: number) {
      lastSuccess.set({ engine: 'duckdb' }, epochSeconds);
    },
  };
}
