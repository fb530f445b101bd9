import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  scoutMigrationsApplyPermission,
  scoutPipelineRunPermission,
} from '@internal/backstage-plugin-scout-node';
import { JsonObject } from '@backstage/types';
import express from 'express';
import Router from 'express-promise-router';
import { FunctionHost } from './services/FunctionHost';
import { LakehousePipeline } from './services/LakehousePipeline';
import { FunctionMetrics } from './services/metrics';
import { ScoutDataPlane } from './services/ScoutDataPlane';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  plane: ScoutDataPlane;
  host: FunctionHost;
  metrics: FunctionMetrics;
  pipeline: LakehousePipeline;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, plane, host, metrics, pipeline } =
    options;
  const router = Router();

  // Edge functions check their own bearer JWT; the body stays a raw stream.
  router.all('/functions/:name', async (req, res) => {
    await host.handle(req.params.name, req, res);
  });

  // For the Prometheus scraper's static token (backend.auth.externalAccess);
  // people cannot scrape.
  router.get('/metrics', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res
      .type(metrics.registry.contentType)
      .send(await metrics.registry.metrics());
  });

  // Read under row-level security as the person who asks; a service has
  // no user to put in the claims, and reads its own data through SQL.
  router.get('/stats', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await plane.stats(credentials.principal.userEntityRef));
  });

  router.get('/migrations', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ migrations: await plane.migrations().status() });
  });

  /**
   * An action that changes the platform: the caller needs `permission`, and
   * the outcome is written as an auditor event. A refusal names the
   * permission, so the caller knows what to ask their platform team for.
   */
  async function guardedAction<T>(
    req: express.Request,
    action: {
      permission: BasicPermission;
      /** What the caller may not do, e.g. "You may not apply scout migrations". */
      refusal: string;
      eventId: string;
      severityLevel: 'medium' | 'high';
      meta: (result: T) => JsonObject;
    },
    run: () => Promise<T>,
  ): Promise<T> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: action.permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${action.refusal}: it needs the ${action.permission.name} permission.`,
      );
    }
    const event = await auditor.createEvent({
      eventId: action.eventId,
      severityLevel: action.severityLevel,
      request: req,
    });
    try {
      const result = await run();
      await event.success({ meta: action.meta(result) });
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  router.post('/migrations/apply', async (req, res) => {
    const applied = await guardedAction(
      req,
      {
        permission: scoutMigrationsApplyPermission,
        refusal: 'You may not apply scout migrations',
        eventId: 'scout-migrations-apply',
        severityLevel: 'high',
        meta: result => ({ applied: result }),
      },
      () => plane.migrations().up(),
    );
    res.json({ applied });
  });

  router.get('/pipeline/runs', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const limit = Number(req.query.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw new InputError('limit must be an integer from 1 to 500');
    }
    res.json({ runs: await pipeline.runs(limit) });
  });

  // Runs the pipeline now and answers when it ends: 200 with the run,
  // published or failed (a failed run is a result, not a server error).
  router.post('/pipeline/runs', async (req, res) => {
    const run = await guardedAction(
      req,
      {
        permission: scoutPipelineRunPermission,
        refusal: 'You may not run the lakehouse pipeline',
        eventId: 'scout-pipeline-run',
        severityLevel: 'medium',
        meta: result => ({ runId: result.runId, status: result.status }),
      },
      () => pipeline.run('api'),
    );
    res.json({ run });
  });

  return router;
}
