import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readLakehouseConfig } from './config';
import { createRouter } from './router';
import { LakehouseService } from './services/LakehouseService';
import { LakehouseMetrics } from './services/metrics';

/**
 * The lakehouse browser's backend: catalogs, layers and tables with their
 * schema, snapshots, files, Nessie history and a row preview, at
 * /api/lakehouse, served by Trino and Nessie or by DuckDB.
 */
export const lakehousePlugin = createBackendPlugin({
  pluginId: 'lakehouse',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, httpAuth, httpRouter, auditor, lifecycle }) {
        const settings = readLakehouseConfig(config);
        const service = await LakehouseService.create({
          config: settings,
          logger,
        });
        lifecycle.addShutdownHook(() => service.close());
        httpRouter.addAuthPolicy({
          path: '/metrics',
          allow: 'unauthenticated',
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            auditor,
            service,
            metrics: LakehouseMetrics.create(),
            maxPreviewRows: settings.preview.maxRows,
          }),
        );
      },
    });
  },
});
