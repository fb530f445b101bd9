import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { lakehouseTablePreviewPermission } from '@internal/backstage-plugin-lakehouse-common';
import express from 'express';
import Router from 'express-promise-router';
import { assertIdentifier } from './engines/sql';
import {
  parseCommitLimit,
  parseDiffRefs,
  parsePreviewParams,
  parseRef,
} from './request/parseQuery';
import { trinoUser } from './request/trinoUser';
import { createOpenApiRouter } from './schema/openapi';
import { LakehouseService } from './services/LakehouseService';
import { LakehouseMetrics } from './services/metrics';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  permissions: PermissionsService;
  service: LakehouseService;
  metrics: LakehouseMetrics;
  /** The most rows one preview page returns. */
  maxPreviewRows: number;
};

/**
 * The API of src/schema/openapi.yaml. Its validator rejects malformed
 * names, references and numbers with 400 before any handler runs; the
 * handlers check names again before they reach an engine.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, auditor, permissions, service, metrics, maxPreviewRows } =
    options;
  const api = await createOpenApiRouter();
  // Metadata: people, and other plugins (the catalog module) with service tokens.
  const reader = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const table = (params: { namespace: string; table: string }) => ({
    namespace: assertIdentifier('namespace', params.namespace),
    table: assertIdentifier('table', params.table),
  });

  api.get('/catalogs', async (req, res) => {
    await reader(req);
    res.json({ items: service.catalogs() });
  });

  api.get('/catalogs/:catalog/namespaces', async (req, res) => {
    await reader(req);
    const engine = service.engine(req.params.catalog);
    res.json({ items: await engine.listNamespaces() });
  });

  api.get(
    '/catalogs/:catalog/namespaces/:namespace/tables',
    async (req, res) => {
      await reader(req);
      const engine = service.engine(req.params.catalog);
      const namespace = assertIdentifier('namespace', req.params.namespace);
      res.json({ items: await engine.listTables(namespace) });
    },
  );

  api.get(
    '/catalogs/:catalog/namespaces/:namespace/tables/:table',
    async (req, res) => {
      await reader(req);
      res.json(
        await service.describeTable(req.params.catalog, table(req.params)),
      );
    },
  );

  api.get(
    '/catalogs/:catalog/namespaces/:namespace/tables/:table/snapshots',
    async (req, res) => {
      await reader(req);
      const engine = service.engine(req.params.catalog);
      res.json({ items: await engine.listSnapshots(table(req.params)) });
    },
  );

  api.get(
    '/catalogs/:catalog/namespaces/:namespace/tables/:table/partitions',
    async (req, res) => {
      await reader(req);
      const engine = service.engine(req.params.catalog);
      res.json(await engine.listPartitions(table(req.params)));
    },
  );

  api.get(
    '/catalogs/:catalog/namespaces/:namespace/tables/:table/commits',
    async (req, res) => {
      await reader(req);
      const engine = service.engine(req.params.catalog);
      res.json({
        items: await engine.listCommits({
          ...table(req.params),
          ref: parseRef(req.query.ref),
          limit: parseCommitLimit(req.query.limit),
        }),
      });
    },
  );

  // Reads rows as the calling person, so only users who may preview, and audited.
  api.get(
    '/catalogs/:catalog/namespaces/:namespace/tables/:table/preview',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const [decision] = await permissions.authorize(
        [{ permission: lakehouseTablePreviewPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `You may not preview lakehouse rows: it needs the ${lakehouseTablePreviewPermission.name} permission.`,
        );
      }
      const engine = service.engine(req.params.catalog);
      const params = parsePreviewParams(req.query, maxPreviewRows);
      const ref = table(req.params);
      const event = await auditor.createEvent({
        eventId: 'table-preview',
        severityLevel: 'low',
        request: req,
        meta: { catalog: req.params.catalog, ...ref, ...params },
      });
      try {
        const preview = await engine.preview({
          ...ref,
          ...params,
          user: trinoUser(credentials),
        });
        await event.success({ meta: { rows: preview.rows.length } });
        res.json(preview);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

  api.get('/catalogs/:catalog/refs', async (req, res) => {
    await reader(req);
    const engine = service.engine(req.params.catalog);
    res.json({ items: await engine.listRefs() });
  });

  api.get('/catalogs/:catalog/diff', async (req, res) => {
    await reader(req);
    const engine = service.engine(req.params.catalog);
    const { from, to } = parseDiffRefs(req.query);
    res.json({ items: await engine.diff(from, to) });
  });

  const router = Router();
  router.use(metrics.middleware());
  // For the Prometheus scraper's static token (backend.auth.externalAccess);
  // people cannot scrape.
  router.get('/metrics', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res
      .type(metrics.registry.contentType)
      .send(await metrics.registry.metrics());
  });
  router.use(api);
  return router;
}
