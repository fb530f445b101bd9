import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { type LakehouseStack, readLakehouseStack } from './stack';

/**
 * The shared lakehouse connections (`scout.lakehouse.*`), read once per
 * backend. The scout and lakehouse plugins take it as a dependency instead
 * of reading those keys themselves; the default factory needs no wiring.
 */
export const lakehouseStackServiceRef = createServiceRef<LakehouseStack>({
  id: 'scout.lakehouse-stack',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => readLakehouseStack(config),
    }),
});
