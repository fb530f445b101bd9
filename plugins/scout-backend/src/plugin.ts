import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Registry } from 'prom-client';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  lakehouseStackServiceRef,
  scoutPermissions,
} from '@internal/backstage-plugin-scout-node';
import { readScoutConfig } from './config';
import { assertProductionProfile } from './productionProfile';
import { createRouter } from './router';
import { FunctionHost } from './services/FunctionHost';
import { IngestSummaryService } from './services/IngestSummary';
import { LakehousePipeline } from './services/LakehousePipeline';
import { GoldFreshness } from './services/goldFreshness';
import { httpMetrics } from './services/httpMetrics';
import { FunctionMetrics } from './services/metrics';
import { PipelineMetrics } from './services/pipelineMetrics';
import { SourceFreshness } from './services/sourceFreshness';
import { PipelineOverviewService } from './services/PipelineOverview';
import { ScoutDataPlane } from './services/ScoutDataPlane';

// The one catalog of lakehouse-backend's DuckDB engine (DuckdbEngine.ts);
// Trino's is the stack's configured Iceberg catalog.
const DUCKDB_CATALOG = 'lakehouse';

/**
 * The scout data plane: the scout database, its migrations, the hosted
 * edge functions at /api/scout/functions/<name>, and the lakehouse pipeline,
 * whose finished runs it announces on the events service.
 */
export const scoutPlugin = createBackendPlugin({
  pluginId: 'scout',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        instanceMetadata: coreServices.rootInstanceMetadata,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        lakehouseStack: lakehouseStackServiceRef,
      },
      async init(deps) {
        // The backend checks at config load (productionRootConfig.ts); this
        // keeps the plugin safe in a backend that does not.
        assertProductionProfile(deps.config);
        const config = readScoutConfig(deps.config);
        const metrics = FunctionMetrics.create();
        const plane = await ScoutDataPlane.create(config, deps.logger, metrics);
        const pipelineMetrics = new PipelineMetrics({
          freshness: new GoldFreshness({
            db: plane.db,
            engine: deps.lakehouseStack.engine,
          }),
          sources: new SourceFreshness({
            db: plane.db,
            engine: deps.lakehouseStack.engine,
            projectDir: config.pipeline.dbt.projectDir,
            logger: deps.logger,
          }),
          logger: deps.logger,
        });
        // The root HTTP router counts requests by plugin: these are the ids.
        httpMetrics.setPlugins(
          (await deps.instanceMetadata.getInstalledPlugins()).map(
            p => p.pluginId,
          ),
        );
        const pipeline = new LakehousePipeline({
          db: plane.db,
          stack: deps.lakehouseStack,
          dbt: config.pipeline.dbt,
          logger: deps.logger,
          events: deps.events,
          databaseUrl: config.database.url,
          onEnd: outcome => pipelineMetrics.runEnded(outcome),
        });
        if (config.pipeline.enabled) {
          await deps.scheduler.scheduleTask({
            id: 'scout-lakehouse-pipeline',
            ...config.pipeline.schedule,
            fn: async () => {
              await pipeline.runToEnd('schedule');
            },
          });
        }
        deps.lifecycle.addShutdownHook(() => plane.close());
        deps.permissionsRegistry.addPermissions(scoutPermissions);
        const host = new FunctionHost(
          plane.functions(metrics),
          metrics,
          deps.logger,
        );
        const ingest = new IngestSummaryService(plane.db);
        const overview = new PipelineOverviewService({
          pipeline,
          ingest,
          staleAfterSeconds: config.pipeline.staleAfterSeconds,
          catalogs: {
            duckdb: DUCKDB_CATALOG,
            trino: deps.lakehouseStack.trino?.catalog ?? 'iceberg',
          },
        });
        deps.httpRouter.addAuthPolicy({
          path: '/functions',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            plane,
            host,
            metrics: Registry.merge([
              metrics.registry,
              pipelineMetrics.registry,
              httpMetrics.registry,
            ]),
            pipeline,
            ingest,
            overview,
          }),
        );
      },
    });
  },
});
