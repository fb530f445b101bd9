import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  eventsServiceFactory,
  eventsServiceRef,
  EventsService,
} from '@backstage/plugin-events-node';
import { PIPELINE_RUN_TOPIC } from '@internal/backstage-plugin-scout-node';
import { catalogModuleLakehouse } from './module';

// A lakehouse backend with no tables, and a scout plugin whose events
// service the test publishes through, both in the same test backend.
const lakehouseWithNoTables = createBackendPlugin({
  pluginId: 'lakehouse',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.use((req, res, next) => {
          if (req.path !== '/catalogs') return next();
          return res.json({ items: [] });
        });
      },
    });
  },
});

function scoutPublisher(found: { events?: EventsService }) {
  return createBackendPlugin({
    pluginId: 'scout',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          found.events = events;
        },
      });
    },
  });
}

async function startWith(data: object) {
  const providers: EntityProvider[] = [];
  const scout: { events?: EventsService } = {};
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
      lakehouseWithNoTables,
      scoutPublisher(scout),
      eventsServiceFactory,
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' }, ...data },
      }),
    ],
  });
  return { providers, scheduler, scout };
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

  it('refreshes when another plugin announces a published run', async () => {
    const { providers, scout } = await startWith({});
    const connection: jest.Mocked<EntityProviderConnection> = {
      applyMutation: jest.fn(),
      refresh: jest.fn(),
    };
    await providers[0].connect(connection);

    await scout.events!.publish({
      topic: PIPELINE_RUN_TOPIC,
      eventPayload: {
        runId: 'r1',
        engine: 'duckdb',
        status: 'published',
        finishedAt: '2025-01-01T00:00:00Z',
      },
    });
    // The scheduled task never ran (its runner is a mock): the event did it,
    // over HTTP to the lakehouse backend.
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [],
    });
  });
});
