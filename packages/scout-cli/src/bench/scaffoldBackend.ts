import { loadRepositoryConfig } from '@internal/backstage-plugin-scout-node';
import { scoutPermissionsServiceFactory } from '@internal/backstage-plugin-permission-backend-module-scout';
import { catalogModuleScoutLocalGit } from '@internal/backstage-plugin-scaffolder-backend-module-scout';
import { join } from 'node:path';
import { startBenchBackend } from './benchBackend.ts';
import { repoRoot } from './backend.ts';

/** The guest of the local portal, a platform-team member (catalog/development.yaml). */
export const GUEST = 'user:development/guest';

/**
 * A backend in this process for the scaffold bench, wired as the portal's:
 * the catalog (the platform's entities and templates/, read from the
 * checkout), the scaffolder with Scout's actions and publish:gitea, auth
 * with guest sign-in, and the permission backend with the Scout policy.
 * The Gitea integration is the checkout's (app-config.yaml, with env), so
 * runs publish to the local stack's Gitea when it answers, else to
 * `localGitDir`.
 */
export async function startScaffoldBackend(options: {
  port: number;
  localGitDir: string;
  progress: (msg: string) => void;
}) {
  const repoConfig = await loadRepositoryConfig({ env: process.env });
  const integrations = repoConfig.getOptional('integrations') ?? {};
  return startBenchBackend({
    name: 'scaffold',
    port: options.port,
    progress: options.progress,
    config: baseUrl => ({
      app: { baseUrl },
      permission: { enabled: true },
      integrations: integrations as any,
      auth: {
        providers: {
          guest: {
            dangerouslyAllowOutsideDevelopment: true,
            userEntityRef: GUEST,
            ownershipEntityRefs: [GUEST, 'group:default/platform-team'],
          },
        },
      },
      catalog: {
        rules: [
          {
            allow: [
              'Component',
              'System',
              'API',
              'Resource',
              'Location',
              'Domain',
              'Group',
              'User',
              'Template',
            ],
          },
        ],
        locations: ['catalog/all.yaml', 'catalog/development.yaml'].map(
          file => ({ type: 'file', target: join(repoRoot, file) }),
        ),
      },
      scout: {
        migrations: { dir: join(repoRoot, 'migrations') },
        templates: { localGitDir: options.localGitDir },
      },
    }),
    features: [
      import('@backstage/plugin-auth-backend'),
      import('@backstage/plugin-auth-backend-module-guest-provider'),
      import('@backstage/plugin-permission-backend'),
      import('@internal/backstage-plugin-permission-backend-module-scout'),
      scoutPermissionsServiceFactory,
      import('@backstage/plugin-catalog-backend'),
      import(
        '@backstage/plugin-catalog-backend-module-scaffolder-entity-model'
      ),
      import('@backstage/plugin-scaffolder-backend'),
      import('@backstage/plugin-scaffolder-backend-module-gitea'),
      import('@internal/backstage-plugin-scaffolder-backend-module-scout'),
      catalogModuleScoutLocalGit,
    ],
  });
}
