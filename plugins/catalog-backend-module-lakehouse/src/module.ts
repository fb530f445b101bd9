import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readLakehouseProviderConfig } from './config';
import { LakehouseTableProvider } from './LakehouseTableProvider';

/** Adds each lakehouse table to the catalog as a Resource. */
export const catalogModuleLakehouse = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'lakehouse',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({
        config,
        logger,
        scheduler,
        discovery,
        auth,
        events,
        processing,
      }) {
        const { schedule, appBaseUrl } = readLakehouseProviderConfig(config);
        processing.addEntityProvider(
          LakehouseTableProvider.create({
            discovery,
            auth,
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(schedule),
            events,
            appBaseUrl,
          }),
        );
      },
    });
  },
});
