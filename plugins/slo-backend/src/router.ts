import type {
  AuditorService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { refuseUnstorableText } from '@internal/backstage-plugin-scout-node';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi';
import type { AlertReceiver } from './services/AlertReceiver';
import type { SloService } from './services/SloService';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  slos: SloService;
  alerts: AlertReceiver;
  auditor?: AuditorService;
};

/**
 * The API of src/schema/openapi.yaml: people and plugins read status and
 * history; Alertmanager (service credentials: its static token) posts
 * alerts. The validator refuses malformed input, and text no database
 * keeps as sent, with a 400 before any handler runs; query parameters
 * only filter and never reach PromQL.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, slos, alerts } = options;
  const api = await createOpenApiRouter({
    middleware: [express.json({ limit: '4mb' }), refuseUnstorableText],
  });
  const reader = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  api.get('/slos', async (req, res) => {
    await reader(req);
    res.json(
      await slos.list({ owner: req.query.owner, entity: req.query.entity }),
    );
  });

  api.get('/slos/:id', async (req, res) => {
    await reader(req);
    res.json(await slos.get(req.params.id));
  });

  api.get('/slos/:id/history', async (req, res) => {
    await reader(req);
    res.json(await slos.history(req.params.id, req.query.days ?? 30));
  });

  api.post('/alerts', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await alerts.receive(req.body, req));
  });

  return api;
}
