import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import { refuseUnstorableText } from '@internal/backstage-plugin-scout-node';
import { refuseStaticEvents } from './request/eventKind';
import { parseNodeId } from './request/nodeId';
import { refuseUndecodableQuery } from './request/queryEncoding';
import { createOpenApiRouter } from './schema/openapi';
import { DbtArtifactImporter } from './services/DbtArtifactImporter';
import { FieldLineage } from './services/FieldLineage';
import { LineageGraph } from './services/LineageGraph';
import { LineageStore } from './services/LineageStore';
import type { RunEvent } from './services/runEvent';

/** The largest run event accepted (a bigger one gets a 400). */
const MAX_EVENT_BYTES = '16mb';
/** The largest dbt artifacts accepted: big projects' manifests run to tens of MB. */
const MAX_ARTIFACT_BYTES = '256mb';
const ARTIFACTS_PATH = '/dbt-artifacts';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  store: LineageStore;
  graph: LineageGraph;
  fields: FieldLineage;
  importer: DbtArtifactImporter;
};

/**
 * The API of src/schema/openapi.yaml. Its validator refuses a malformed
 * event or query with a 400 naming the path before any handler runs.
 * Producers write with service credentials (a plugin, or the static
 * external-access token Trino's listener sends); people and plugins read.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, store, graph, fields, importer } = options;
  // Events carry every column's lineage: far past express.json's 100 kB.
  const events = express.json({ limit: MAX_EVENT_BYTES });
  const artifacts = express.json({ limit: MAX_ARTIFACT_BYTES });
  const api = await createOpenApiRouter({
    middleware: [
      refuseUndecodableQuery,
      (req, res, next) =>
        (req.path === ARTIFACTS_PATH ? artifacts : events)(req, res, next),
      refuseUnstorableText,
      refuseStaticEvents,
    ],
  });
  const reader = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  api.post('/api/v1/lineage', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    // The validator checked the shape and left eventTime the string it was.
    await store.record(req.body as unknown as RunEvent);
    res.status(201).end();
  });

  api.post('/api/v1/lineage/batch', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const results = await store.recordAll(req.body as unknown as RunEvent[]);
    const recorded = results.filter(r => r.recorded).length;
    res.status(201).json({ recorded, replays: results.length - recorded });
  });

  api.post(ARTIFACTS_PATH, async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await importer.importJson(req.body));
  });

  api.get('/api/v1/lineage', async (req, res) => {
    await reader(req);
    const node = parseNodeId(req.query.nodeId);
    if (node.type === 'datasetField') {
      throw new InputError(
        'the lineage graph takes a dataset: or job: nodeId; fields are at /api/v1/column-lineage',
      );
    }
    res.json(await graph.lineage(node, req.query.depth ?? 2));
  });

  api.get('/api/v1/column-lineage', async (req, res) => {
    await reader(req);
    const node = parseNodeId(req.query.nodeId);
    if (node.type === 'job') {
      throw new InputError(
        'column lineage takes a datasetField: or dataset: nodeId',
      );
    }
    const dataset =
      node.type === 'datasetField'
        ? { namespace: node.namespace, name: node.dataset }
        : { namespace: node.namespace, name: node.name };
    const field = node.type === 'datasetField' ? node.field : undefined;
    res.json(
      await fields.columnLineage(
        dataset,
        field,
        req.query.depth ?? 2,
        req.query.withDownstream ?? false,
      ),
    );
  });

  api.get('/api/v1/search', async (req, res) => {
    await reader(req);
    res.json(
      await graph.search(req.query.q, req.query.filter, req.query.limit ?? 20),
    );
  });

  api.get('/recent', async (req, res) => {
    await reader(req);
    res.json({ items: await graph.recentlyWritten(req.query.limit ?? 20) });
  });

  // A read with a body: a list of names does not fit in a URL.
  api.post('/api/v1/upstream', async (req, res) => {
    await reader(req);
    res.json({ items: await graph.upstreamByNames(req.body.names) });
  });

  api.get('/impact', async (req, res) => {
    await reader(req);
    const node = parseNodeId(req.query.nodeId);
    const nodeId = req.query.nodeId;
    if (node.type === 'datasetField') {
      res.json({ nodeId, ...(await fields.impact(node)) });
    } else {
      res.json({ nodeId, ...(await graph.downstream(node)), fields: [] });
    }
  });

  return api;
}
