import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scoutMigrationsApplyPermission } from '@internal/backstage-plugin-scout-common/permissions';
import express from 'express';
import Router from 'express-promise-router';
import { FunctionHost } from './services/FunctionHost';
import { FunctionMetrics } from './services/metrics';
import { ScoutDataPlane } from './services/ScoutDataPlane';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  plane: ScoutDataPlane;
  host: FunctionHost;
  metrics: FunctionMetrics;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, plane, host, metrics } = options;
  const router = Router();

  // Edge functions check their own bearer JWT; the body stays a raw stream.
  router.all('/functions/:name', async (req, res) => {
    await host.handle(req.params.name, req, res);
  });

  router.get('/metrics', async (_req, res) => {
    res
      .type(metrics.registry.contentType)
      .send(await metrics.registry.metrics());
  });

  router.get('/stats', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await plane.stats());
  });

  router.get('/migrations', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ migrations: await plane.migrations().status() });
  });

  router.post('/migrations/apply', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: scoutMigrationsApplyPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not apply scout migrations.');
    }
    const event = await auditor.createEvent({
      eventId: 'scout-migrations-apply',
      severityLevel: 'high',
      request: req,
    });
    try {
      const applied = await plane.migrations().up();
      await event.success({ meta: { applied } });
      res.json({ applied });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
