import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readLineageConfig, readStaticPassConfig } from './config';
import { createRouter } from './router';
import { DbtArtifactImporter } from './services/DbtArtifactImporter';
import { subscribeToPipelineRuns } from './services/pipelineRuns';
import { recordPlatformLineage } from './services/platformLineage';
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
        logger: coreServices.logger,
        events: eventsServiceRef,
      },
      async init({ config, database, httpAuth, httpRouter, logger, events }) {
        const limits = readLineageConfig(config);
        const staticPass = readStaticPassConfig(config);
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
        const store = new LineageStore(db, limits.datasetNameRewrites);
        const importer = new DbtArtifactImporter(store, staticPass.python);
        httpRouter.use(
          await createRouter({
            httpAuth,
            store,
            graph,
            fields: new FieldLineage(db, graph),
            importer,
          }),
        );
        await subscribeToPipelineRuns({
          events,
          store,
          python: staticPass.python,
          pipeline: staticPass.pipeline,
          logger,
        });
        // In the background: the portal serves while Python derives the views.
        recordPlatformLineage({
          store,
          python: staticPass.python,
          migrationsDir: staticPass.migrations,
          namespace: staticPass.pipeline.namespace,
          logger,
        }).then(
          ({ jobs, recorded }) =>
            logger.info(
              `lineage: ${jobs} platform jobs (edge functions, promotion, Postgres views), ${recorded} changed since the last start`,
            ),
          error =>
            logger.warn(
              `lineage: could not record the platform's lineage: ${error}`,
            ),
        );
      },
    });
  },
});
