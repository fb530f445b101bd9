import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchEngineRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { LunrSearchEngineUntilIndexed } from './LunrSearchEngineUntilIndexed';

/**
 * The search engine of a backend without PostgreSQL (the embedded default):
 * Lunr, in memory, answering no results for a type not indexed yet. On
 * PostgreSQL it stands aside for search-backend-module-pg, which registers
 * its engine there (the search plugin takes exactly one).
 */
export const searchModuleScout = createBackendModule({
  pluginId: 'search',
  moduleId: 'scout-lunr',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        registry: searchEngineRegistryExtensionPoint,
      },
      async init({ config, logger, registry }) {
        const client =
          config.getOptionalString('backend.database.client') ?? 'pg';
        if (client === 'pg') return;
        registry.setSearchEngine(new LunrSearchEngineUntilIndexed({ logger }));
      },
    });
  },
});
