import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import {
  LOCAL_GIT_LOCATION,
  LocalGitLocationProcessor,
  localGitDirectory,
} from './publish/localGit';

/**
 * The catalog's side of `scout:publish:local`: registering a repository of
 * the portal's local Git by name (location type `scout-local-git`), beside
 * Backstage's `url` locations. Nothing else is allowed through the API.
 */
export const catalogModuleScoutLocalGit = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'scout-local-git',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        locations: catalogLocationsExtensionPoint,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, locations, processing }) {
        locations.setAllowedLocationTypes(['url', LOCAL_GIT_LOCATION]);
        processing.addProcessor(
          new LocalGitLocationProcessor(localGitDirectory(config)),
        );
      },
    });
  },
});
