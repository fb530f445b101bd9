import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { readLineageConfig } from './config';
import { createRouter } from './router';
import { FieldLineage } from './services/FieldLineage';
import { LineageGraph } from './services/LineageGraph';
import { LineageStore } from './services/LineageStore';

/**
 * The lineage store at /api/lineage: an OpenLineage consumer at Marquez's
 * routes (POST /api/v1/lineage) and the graph, column-lineage, search and
 * impact queries, over the backend's database.
 */
export const lineagePlugin = createBackendPlugin({
  pluginId: 'lineage',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, database, httpAuth, httpRouter }) {
        const limits = readLineageConfig(config);
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await db.migrate.latest({
            directory: resolvePackagePath(
              '@internal/backstage-plugin-lineage-backend',
              'migrations',
            ),
          });
        }
        const graph = new LineageGraph(db, limits);
        httpRouter.use(
          await createRouter({
            httpAuth,
            store: new LineageStore(db, limits.datasetNameRewrites),
            graph,
            fields: new FieldLineage(db, graph),
            maxDepth: limits.maxDepth,
          }),
        );
      },
    });
  },
});
