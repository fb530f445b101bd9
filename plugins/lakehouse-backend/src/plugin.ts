import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { lakehousePermissions } from '@internal/backstage-plugin-lakehouse-common';
import { lakehouseStackServiceRef } from '@internal/backstage-plugin-scout-node';
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
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lakehouseStack: lakehouseStackServiceRef,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        auditor,
        lifecycle,
        permissions,
        permissionsRegistry,
        lakehouseStack,
      }) {
        const settings = readLakehouseConfig(config, lakehouseStack);
        const service = await LakehouseService.create({
          config: settings,
          logger,
        });
        lifecycle.addShutdownHook(() => service.close());
        permissionsRegistry.addPermissions(lakehousePermissions);
        httpRouter.use(
          await createRouter({
            httpAuth,
            auditor,
            permissions,
            service,
            metrics: LakehouseMetrics.create(),
            maxPreviewRows: settings.preview.maxRows,
          }),
        );
      },
    });
  },
});
