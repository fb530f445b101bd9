import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  scoutMigrationsApplyPermission,
  scoutPipelineRunPermission,
} from '@internal/backstage-plugin-scout-node';
import express from 'express';
import type { Registry } from 'prom-client';
import Router from 'express-promise-router';
import { createGuardedAction } from './guardedAction';
import { parseRunsQuery, parseSummaryHours } from './request/parseQuery';
import { createOpenApiRouter } from './schema/openapi';
import { toApiRun, toApiRunDetail } from './services/apiRuns';
import { FunctionHost } from './services/FunctionHost';
import { IngestSummaryService } from './services/IngestSummary';
import { LakehousePipeline, StartedRun } from './services/LakehousePipeline';
import { PipelineOverviewService } from './services/PipelineOverview';
import { ScoutDataPlane } from './services/ScoutDataPlane';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  plane: ScoutDataPlane;
  host: FunctionHost;
  /** What /metrics serves: the functions', pipeline's and HTTP metrics. */
  metrics: Registry;
  pipeline: LakehousePipeline;
  ingest: IngestSummaryService;
  overview: PipelineOverviewService;
};

/**
 * The API of src/schema/openapi.yaml, whose validator rejects malformed
 * queries and run ids with 400 before a handler runs; beside it, outside
 * the spec, the edge functions and /metrics.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, plane, host, metrics, pipeline, ingest, overview } =
    options;
  const guardedAction = createGuardedAction(options);
  const api = await createOpenApiRouter();
  const reader = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  // Read under row-level security as the person who asks; a service has
  // no user to put in the claims, and reads its own data through SQL.
  api.get('/stats', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await plane.stats(credentials.principal.userEntityRef));
  });

  api.get('/migrations', async (req, res) => {
    await reader(req);
    res.json({ migrations: await plane.migrations().status() });
  });

  api.post('/migrations/apply', async (req, res) => {
    const applied = await guardedAction(
      req,
      {
        permission: scoutMigrationsApplyPermission,
        refusal: 'You may not apply scout migrations',
        eventId: 'scout-migrations-apply',
        severityLevel: 'high',
        meta: names => ({ applied: names }),
      },
      async () => (await plane.migrations().up()).map(m => m.name),
    );
    res.json({ applied });
  });

  api.get('/ingest/summary', async (req, res) => {
    await reader(req);
    res.json(await ingest.summary(parseSummaryHours(req.query)));
  });

  api.get('/pipeline/overview', async (req, res) => {
    await reader(req);
    res.json(await overview.overview());
  });

  api.get('/pipeline/runs', async (req, res) => {
    await reader(req);
    const { limit, status } = parseRunsQuery(req.query);
    res.json({ runs: (await pipeline.runs(limit, status)).map(toApiRun) });
  });

  // Answers 202 as soon as the run is recorded; the run goes on, and its
  // end is audited and announced on the events service.
  api.post('/pipeline/runs', async (req, res) => {
    const { run } = await guardedAction<StartedRun>(
      req,
      {
        permission: scoutPipelineRunPermission,
        refusal: 'You may not run the lakehouse pipeline',
        eventId: 'scout-pipeline-run',
        severityLevel: 'medium',
        ended: async started => {
          const ended = await started.done;
          return {
            meta: { runId: ended.runId, status: ended.status },
            error:
              ended.status === 'failed'
                ? new Error(ended.error ?? 'the run failed')
                : undefined,
          };
        },
      },
      credentials =>
        pipeline.start(
          'api',
          'userEntityRef' in credentials.principal
            ? credentials.principal.userEntityRef
            : undefined,
        ),
    );
    res
      .status(202)
      .location(`${req.baseUrl}/pipeline/runs/${run.runId}`)
      .json({ run: toApiRun(run) });
  });

  api.get('/pipeline/runs/:runId', async (req, res) => {
    await reader(req);
    res.json({ run: toApiRunDetail(await pipeline.run(req.params.runId)) });
  });

  const router = Router();
  // Edge functions check their own bearer JWT; the body stays a raw stream.
  router.all('/functions/:name', async (req, res) => {
    await host.handle(req.params.name, req, res);
  });
  // For the Prometheus scraper's static token (backend.auth.externalAccess);
  // people cannot scrape.
  router.get('/metrics', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  router.use(api);
  return router;
}
