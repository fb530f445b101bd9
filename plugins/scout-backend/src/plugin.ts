import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { scoutPermissions } from '@internal/backstage-plugin-scout-common/permissions';
import { readScoutConfig } from './config';
import { createRouter } from './router';
import { FunctionHost } from './services/FunctionHost';
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
      },
      async init(deps) {
        const plane = await ScoutDataPlane.create(
          readScoutConfig(deps.config),
          deps.logger,
        );
        deps.lifecycle.addShutdownHook(() => plane.db.close());
        deps.permissionsRegistry.addPermissions(scoutPermissions);
        const metrics = FunctionMetrics.create();
        const host = new FunctionHost(plane.functions(metrics), metrics);
        deps.httpRouter.addAuthPolicy({
          path: '/functions',
          allow: 'unauthenticated',
        });
        deps.httpRouter.addAuthPolicy({
          path: '/metrics',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({ ...deps, plane, host, metrics }),
        );
      },
    });
  },
});
