import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import { catalogModuleLakehouse } from './module';

async function startWith(data: object) {
  const providers: EntityProvider[] = [];
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: jest.fn(() => ({ run: jest.fn() })),
  });
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (...added: unknown[]) =>
            providers.push(...(added.flat() as EntityProvider[])),
        },
      ],
    ],
    features: [
      catalogModuleLakehouse,
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' }, ...data },
      }),
    ],
  });
  return { providers, scheduler };
}

describe('catalogModuleLakehouse', () => {
  it('registers the provider, every 10 minutes by default', async () => {
    const { providers, scheduler } = await startWith({});
    expect(providers.map(p => p.getProviderName())).toEqual([
      'LakehouseTableProvider',
    ]);
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 15 },
    });
  });

  it('takes its schedule from catalog.providers.lakehouse.schedule', async () => {
    const { scheduler } = await startWith({
      catalog: {
        providers: {
          lakehouse: {
            schedule: { frequency: { minutes: 2 }, timeout: { seconds: 30 } },
          },
        },
      },
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 2 },
      timeout: { seconds: 30 },
    });
  });
});
