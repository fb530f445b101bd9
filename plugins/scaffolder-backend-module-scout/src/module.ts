import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { defaultMigrationsDirectory } from '@internal/backstage-plugin-scout-node';
import { resolve } from 'node:path';
import { createCatalogCheckAction } from './actions/catalogCheck';
import { createDbtCheckAction, readDbtCheckSettings } from './actions/dbtCheck';
import { createMigrationCheckAction } from './actions/migrationCheck';
import { createMigrationNextAction } from './actions/migrationNext';
import { createPipelineCheckAction } from './actions/pipelineCheck';
import { createSloCheckAction } from './actions/sloCheck';
import { createCatalogWaitAction } from './publish/catalogWait';
import { localGitDirectory } from './publish/localGit';
import { createPublishLocalAction } from './publish/publishLocal';
import {
  createPublishTargetAction,
  type PublishMode,
} from './publish/publishTarget';

const PUBLISH_MODES: PublishMode[] = ['auto', 'gitea'];

function publishMode(config: Config): PublishMode {
  const mode = config.getOptionalString('scout.templates.publish') ?? 'auto';
  if (!PUBLISH_MODES.includes(mode as PublishMode)) {
    throw new Error(
      `scout.templates.publish is "${mode}"; say ${PUBLISH_MODES.join(' or ')}`,
    );
  }
  return mode as PublishMode;
}

/**
 * Scout's scaffolder actions: the checks a template runs on what it
 * generated, so a change that would not build is refused before it is
 * published, and where it publishes. The applied migrations are those the
 * scout plugin applies (`scout.migrations.dir`, default migrations/ in the
 * source checkout). Publishing: `scout.templates.publish` (`auto`, the
 * default: Gitea when it answers, else local Git; `gitea`: Gitea only),
 * `scout.templates.owner` (the Gitea organization, default `scout`) and
 * `scout.templates.localGitDir` (default .scout/git in the checkout).
 */
export const scaffolderModuleScout = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'scout',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, catalog }) {
        const configured = config.getOptionalString('scout.migrations.dir');
        scaffolder.addActions(
          createMigrationCheckAction({
            appliedDirectory: () =>
              configured ? resolve(configured) : defaultMigrationsDirectory(),
          }),
          createMigrationNextAction({
            appliedDirectory: () =>
              configured ? resolve(configured) : defaultMigrationsDirectory(),
          }),
          createPipelineCheckAction(),
          createSloCheckAction(),
          createCatalogCheckAction({ catalog }),
          createDbtCheckAction({ dbt: readDbtCheckSettings(config) }),
          createPublishTargetAction({
            integrations: ScmIntegrations.fromConfig(config),
            owner: config.getOptionalString('scout.templates.owner') ?? 'scout',
            mode: publishMode(config),
          }),
          createCatalogWaitAction({ catalog }),
          createPublishLocalAction({
            catalog,
            directory: localGitDirectory(config),
          }),
        );
      },
    });
  },
});
