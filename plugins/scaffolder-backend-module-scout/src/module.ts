import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { defaultMigrationsDirectory } from '@internal/backstage-plugin-scout-node';
import { resolve } from 'node:path';
import { createCatalogCheckAction } from './actions/catalogCheck';
import { createMigrationCheckAction } from './actions/migrationCheck';
import { createSloCheckAction } from './actions/sloCheck';

/**
 * Scout's scaffolder actions: the checks a template runs on what it
 * generated, so a change that would not build is refused before it is
 * published. The applied migrations are those the scout plugin applies
 * (`scout.migrations.dir`, default migrations/ in the source checkout).
 */
export const scaffolderModuleScout = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'scout',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        const configured = config.getOptionalString('scout.migrations.dir');
        scaffolder.addActions(
          createMigrationCheckAction({
            appliedDirectory: () =>
              configured ? resolve(configured) : defaultMigrationsDirectory(),
          }),
          createSloCheckAction(),
          createCatalogCheckAction(),
        );
      },
    });
  },
});
