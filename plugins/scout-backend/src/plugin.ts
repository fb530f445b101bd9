import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { scoutPermissions } from '@internal/backstage-plugin-scout-common/permissions';
import { readScoutConfig } from './config';
import { createRouter } from './router';
import { FunctionHost } from './services/FunctionHost';
import { LakehousePipeline } from './services/LakehousePipeline';
import { FunctionMetrics } from './services/metrics';
import { ScoutDataPlane } from './services/ScoutDataPlane';

/**
 * The scout data plane: the scout database, its migrations, and the hosted
 * edge functions at /api/scout/functions/<name>.
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
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const config = readScoutConfig(deps.config);
        const metrics = FunctionMetrics.create();
        const plane = await ScoutDataPlane.create(config, deps.logger, metrics);
        const pipeline = new LakehousePipeline(
          plane.db,
          config.lakehouse,
          deps.logger,
        );
        if (config.pipeline.enabled) {
          await deps.scheduler.scheduleTask({
            id: 'scout-lakehouse-pipeline',
            ...config.pipeline.schedule,
            fn: async () => {
              await pipeline.run('schedule');
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
        deps.httpRouter.addAuthPolicy({
          path: '/functions',
          allow: 'unauthenticated',
        });
        deps.httpRouter.addAuthPolicy({
          path: '/metrics',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({ ...deps, plane, host, metrics, pipeline }),
        );
      },
    });
  },
});
