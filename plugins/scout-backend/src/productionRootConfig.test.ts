import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { join } from 'node:path';
import { productionRootConfigServiceFactoryWithOptions } from './productionRootConfig';

// The real config files, as the image's CMD names them.
const repo = join(__dirname, '../../..');
const argv = [
  'node',
  'backend',
  '--config',
  join(repo, 'app-config.yaml'),
  '--config',
  join(repo, 'app-config.production.yaml'),
];

describe('productionRootConfigServiceFactory', () => {
  jest.setTimeout(60_000);
  let started = false;
  // Would start only if the config were accepted.
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(env) {
      env.registerInit({
        deps: { config: coreServices.rootConfig },
        async init() {
          started = true;
        },
      });
    },
  });

  it('refuses an unsafe production config before any plugin starts', async () => {
    const env = { NODE_ENV: 'production' };
    await expect(
      startTestBackend({
        features: [
          probe,
          productionRootConfigServiceFactoryWithOptions({
            argv,
            env,
            watch: false,
          }),
        ],
      }),
    ).rejects.toThrow(
      /Refusing to start in production \(NODE_ENV=production\); fix these settings:\n {2}scout\.functions\.jwtSecret: /,
    );
    expect(started).toBe(false);
  });

  it('loads the same files without checking them outside production', async () => {
    const env = { NODE_ENV: 'development' };
    const backend = await startTestBackend({
      features: [
        probe,
        productionRootConfigServiceFactoryWithOptions({
          argv,
          env,
          watch: false,
        }),
      ],
    });
    expect(started).toBe(true);
    await backend.stop();
  });
});
