import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  DiscoveryService,
  SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  LINEAGE_UPDATED_TOPIC,
  PIPELINE_RUN_TOPIC,
  PipelineRunEventPayload,
} from '@internal/backstage-plugin-scout-node';
import { LakehouseTableProvider } from './LakehouseTableProvider';

// A stand-in for the lakehouse backend: canned answers per path, overridable
// per test, and the Authorization header of every request. And one for the
// lineage backend's POST /api/v1/upstream, answering from `upstreamOf` as
// the store would: every name asked for, exactly, in the order asked.
type Answer = { status: number; body: unknown };
type Dataset = { namespace: string; name: string };

const answers = new Map<string, Answer>();
const upstreamOf = new Map<string, Dataset[]>();
const authorizations: (string | undefined)[] = [];
const lineageAuthorizations: (string | undefined)[] = [];
const lineageRequests: { method?: string; url?: string; body: unknown }[] = [];
const UPSTREAM = '/api/lineage/api/v1/upstream';
let server: Server;
let baseUrl: string;

function ok(body: unknown): Answer {
  return { status: 200, body };
}

// The body that the backend's error handler sends for a thrown error.
function failure(status: number, name: string, message: string): Answer {
  return {
    status,
    body: {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
  };
}

function summary(namespace: string, name: string) {
  return {
    namespace,
    name,
    rowCount: 10,
    sizeBytes: 1000,
    fileCount: 1,
    lastUpdated: '2025-01-01T00:00:00Z',
  };
}

function detail(namespace: string, name: string, description: string | null) {
  return {
    summary: summary(namespace, name),
    description,
    columns: [],
    partitionSpec: [],
    properties: {},
    health: {
      fileCount: 1,
      totalBytes: 1000,
      averageFileBytes: 1000,
      targetFileBytes: 1000,
      smallFileCount: 1,
    },
  };
}

function serveLakehouse() {
  answers.clear();
  upstreamOf.clear();
  const set = (path: string, answer: Answer) =>
    answers.set(`/api/lakehouse${path}`, answer);
  set(
    '/catalogs',
    ok({
      items: [
        { name: 'iceberg', engine: 'trino', defaultRef: 'main' },
        { name: 'local', engine: 'duckdb', defaultRef: 'main' },
      ],
    }),
  );
  set(
    '/catalogs/iceberg/namespaces',
    ok({
      items: [
        { name: 'bronze', tableCount: 1 },
        { name: 'gold', tableCount: 1 },
      ],
    }),
  );
  set(
    '/catalogs/iceberg/namespaces/bronze/tables',
    ok({ items: [summary('bronze', 'transactions')] }),
  );
  set(
    '/catalogs/iceberg/namespaces/bronze/tables/transactions',
    ok(detail('bronze', 'transactions', null)),
  );
  set(
    '/catalogs/iceberg/namespaces/gold/tables',
    ok({ items: [summary('gold', 'gold_payment_mix')] }),
  );
  set(
    '/catalogs/iceberg/namespaces/gold/tables/gold_payment_mix',
    ok(detail('gold', 'gold_payment_mix', 'Payment methods per day.')),
  );
  set(
    '/catalogs/local/namespaces',
    ok({ items: [{ name: 'gold', tableCount: 1 }] }),
  );
  set(
    '/catalogs/local/namespaces/gold/tables',
    ok({ items: [summary('gold', 'gold_payment_mix')] }),
  );
  // No detail route for local: that table's detail answers 404.
  return set;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = text ? JSON.parse(text) : undefined;
    if (req.url?.startsWith('/api/lakehouse/')) {
      authorizations.push(req.headers.authorization);
    } else {
      lineageAuthorizations.push(req.headers.authorization);
      lineageRequests.push({ method: req.method, url: req.url, body });
    }
    const answer =
      answers.get(req.url ?? '') ??
      (req.method === 'POST' && req.url === UPSTREAM
        ? ok({
            items: (body.names as string[]).map(name => ({
              name,
              upstream: upstreamOf.get(name) ?? [],
            })),
          })
        : failure(404, 'NotFoundError', 'no such'));
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise(resolve => server.close(resolve));
});

beforeEach(() => {
  authorizations.length = 0;
  lineageAuthorizations.length = 0;
  lineageRequests.length = 0;
});

function discoveryAt(url: () => string): DiscoveryService {
  return {
    getBaseUrl: async pluginId => `${url()}/api/${pluginId}`,
    getExternalBaseUrl: async pluginId => `${url()}/api/${pluginId}`,
  };
}

/**
 * Connects a provider on a real in-process events service and returns a
 * function that runs its scheduled task once and the events service as the
 * scout backend sees it.
 */
async function connectProvider(discovery = discoveryAt(() => baseUrl)) {
  const logger = mockServices.logger.mock();
  const events = DefaultEventsService.create({ logger, useEventBus: 'never' });
  let task: SchedulerServiceTaskFunction | undefined;
  const provider = LakehouseTableProvider.create({
    discovery,
    auth: mockServices.auth({ pluginId: 'catalog' }),
    logger,
    taskRunner: {
      run: async ({ fn }) => {
        task = fn;
      },
    },
    events: events.forPlugin('catalog'),
    appBaseUrl: 'http://localhost:3000',
  });
  const connection: jest.Mocked<EntityProviderConnection> = {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  };
  await provider.connect(connection);
  const runOnce = async () => {
    await task!(new AbortController().signal);
  };
  return {
    connection,
    logger,
    runOnce,
    scoutEvents: events.forPlugin('scout'),
  };
}

function runEvent(status: PipelineRunEventPayload['status']): {
  topic: string;
  eventPayload: PipelineRunEventPayload;
} {
  return {
    topic: PIPELINE_RUN_TOPIC,
    eventPayload: {
      runId: `run-${status}`,
      engine: 'duckdb',
      status,
      finishedAt: '2025-01-01T00:00:00Z',
    },
  };
}

describe('LakehouseTableProvider', () => {
  it('applies every table of every catalog as a full mutation', async () => {
    serveLakehouse();
    const { connection, logger, runOnce } = await connectProvider();
    await runOnce();

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(
      entities.map(({ entity, locationKey }) => ({
        name: entity.metadata.name,
        ref: entity.metadata.annotations?.['scout.io/lakehouse-table'],
        type: entity.spec?.type,
        description: entity.metadata.description,
        locationKey,
      })),
    ).toEqual([
      {
        name: 'bronze-transactions',
        ref: 'iceberg/bronze/transactions',
        type: 'iceberg-table',
        description:
          'The transactions table of the bronze layer in lakehouse catalog iceberg.',
        locationKey: 'LakehouseTableProvider',
      },
      {
        name: 'gold-gold-payment-mix',
        ref: 'iceberg/gold/gold_payment_mix',
        type: 'iceberg-table',
        description: 'Payment methods per day.',
        locationKey: 'LakehouseTableProvider',
      },
      {
        name: 'local-gold-gold-payment-mix',
        ref: 'local/gold/gold_payment_mix',
        type: 'lakehouse-table',
        description:
          'The gold_payment_mix table of the gold layer in lakehouse catalog local.',
        locationKey: 'LakehouseTableProvider',
      },
    ]);
    // The missing detail costs a description, not the table.
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('No detail for lakehouse table local/gold'),
    );
    // Every request carried the catalog's plugin-to-plugin token.
    expect(new Set(authorizations)).toEqual(
      new Set([
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:catalog'),
          targetPluginId: 'lakehouse',
        }),
      ]),
    );
    expect(authorizations).toHaveLength(9);
  });

  it('reads the detail of a table whose name holds an emoji', async () => {
    const set = serveLakehouse();
    const name = 'sales📈';
    set(
      '/catalogs/iceberg/namespaces/gold/tables',
      ok({ items: [summary('gold', name)] }),
    );
    // The path as UTF-8, which the backend decodes; not uri-template's
    // unit-by-unit escapes of the emoji's surrogates.
    set(
      `/catalogs/iceberg/namespaces/gold/tables/${encodeURIComponent(name)}`,
      ok(detail('gold', name, 'Sales, with a chart in the name.')),
    );
    const { connection, logger, runOnce } = await connectProvider();
    await runOnce();
    const mutation = connection.applyMutation.mock.calls[0][0];
    const entities = mutation.type === 'full' ? mutation.entities : [];
    const sales = entities.find(
      ({ entity }) =>
        entity.metadata.annotations?.['scout.io/lakehouse-table'] ===
        `iceberg/gold/${name}`,
    );
    expect(sales?.entity.metadata.description).toBe(
      'Sales, with a chart in the name.',
    );
    expect(logger.warn).not.toHaveBeenCalledWith(expect.stringContaining(name));
  });

  it('adds the tables the lineage store says a table is built from to dependsOn', async () => {
    serveLakehouse();
    const NS = 'trino://127.0.0.1:8080';
    const GOLD = 'iceberg.gold.gold_payment_mix';
    const BRONZE = 'iceberg.bronze.transactions';
    upstreamOf.set(GOLD, [
      { namespace: 'duckdb://scout', name: BRONZE },
      { namespace: NS, name: BRONZE },
      // A job that reads and writes the table does not make it its own input.
      { namespace: NS, name: GOLD },
      { namespace: NS, name: 'postgresql.scout.stores' },
    ]);
    const { connection, scoutEvents } = await connectProvider();
    // The static pass announcing new lineage refreshes the tables.
    await scoutEvents.publish({
      topic: LINEAGE_UPDATED_TOPIC,
      eventPayload: { recorded: 3 },
    });
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    const entities = mutation.type === 'full' ? mutation.entities : [];
    const dependsOn = Object.fromEntries(
      entities.map(({ entity }) => [
        entity.metadata.name,
        entity.spec?.dependsOn,
      ]),
    );
    // The Postgres source is not a lakehouse table: it is left out.
    expect(dependsOn['gold-gold-payment-mix']).toEqual([
      'component:default/dbt',
      'resource:default/bronze-transactions',
    ]);
    expect(dependsOn['bronze-transactions']).toBeUndefined();
    // Every table's upstream in one request.
    expect(lineageRequests).toEqual([
      {
        method: 'POST',
        url: UPSTREAM,
        body: {
          names: [BRONZE, GOLD, 'local.gold.gold_payment_mix'],
        },
      },
    ]);
    expect(new Set(lineageAuthorizations)).toEqual(
      new Set([
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:catalog'),
          targetPluginId: 'lineage',
        }),
      ]),
    );
  });

  it('asks lineage once per refresh, however many tables there are', async () => {
    const set = serveLakehouse();
    const { connection, runOnce } = await connectProvider();
    await runOnce();
    expect(lineageRequests).toHaveLength(1);

    // Fifty times the tables (their detail answers 404: they get no
    // description), with lineage for some of them.
    const many = Array.from({ length: 150 }, (_, i) => `t${i}`);
    set(
      '/catalogs/iceberg/namespaces/gold/tables',
      ok({ items: many.map(name => summary('gold', name)) }),
    );
    many
      .slice(1)
      .forEach((name, i) =>
        upstreamOf.set(`iceberg.gold.${name}`, [
          { namespace: 'trino://x', name: `iceberg.gold.${many[i]}` },
        ]),
      );
    lineageRequests.length = 0;
    await runOnce();
    expect(lineageRequests).toHaveLength(1);
    const mutation = connection.applyMutation.mock.calls[1][0];
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(entities).toHaveLength(152);
    expect(
      entities.find(e => e.entity.metadata.name === 'gold-t149')?.entity.spec
        ?.dependsOn,
    ).toEqual(['component:default/dbt', 'resource:default/gold-t148']);
  });

  it('gives no dependsOn when lineage does not answer', async () => {
    serveLakehouse();
    answers.set(UPSTREAM, failure(503, 'ServiceUnavailableError', 'down'));
    const { connection, logger, runOnce } = await connectProvider();
    await runOnce();

    const mutation = connection.applyMutation.mock.calls[0][0];
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(entities).toHaveLength(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('lineage /api/v1/upstream answered 503'),
    );
  });

  it('refreshes when a pipeline run publishes, without the schedule', async () => {
    serveLakehouse();
    const { connection, scoutEvents } = await connectProvider();

    // A failed run wrote nothing: no refresh.
    await scoutEvents.publish(runEvent('failed'));
    expect(connection.applyMutation).not.toHaveBeenCalled();

    // publish resolves once the subscriber has handled the event.
    await scoutEvents.publish(runEvent('published'));
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(
      mutation.type === 'full' &&
        mutation.entities.map(({ entity }) => entity.metadata.name),
    ).toEqual([
      'bronze-transactions',
      'gold-gold-payment-mix',
      'local-gold-gold-payment-mix',
    ]);
  });

  it('applies event and scheduled refreshes one after another', async () => {
    serveLakehouse();
    const { connection, runOnce, scoutEvents } = await connectProvider();
    let applying = 0;
    let overlapped = false;
    connection.applyMutation.mockImplementation(async () => {
      overlapped ||= applying > 0;
      applying += 1;
      await new Promise(resolve => setTimeout(resolve, 20));
      applying -= 1;
    });

    await Promise.all([runOnce(), scoutEvents.publish(runEvent('published'))]);
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
    expect(overlapped).toBe(false);
  });

  it('keeps the previous tables when the backend answers 503', async () => {
    const set = serveLakehouse();
    set(
      '/catalogs',
      failure(503, 'ServiceUnavailableError', 'Trino is not reachable'),
    );
    const { connection, logger, runOnce } = await connectProvider();
    await runOnce();

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Trino is not reachable'),
    );
  });

  it('applies nothing when one listing fails midway', async () => {
    const set = serveLakehouse();
    set(
      '/catalogs/local/namespaces/gold/tables',
      failure(503, 'ServiceUnavailableError', 'DuckDB is busy'),
    );
    const { connection, logger, runOnce } = await connectProvider();
    await runOnce();

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('DuckDB is busy'),
    );
  });

  it('keeps the previous tables when the backend is unreachable', async () => {
    // A port that was just free and is closed again: connection refused.
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));

    const { connection, logger, runOnce } = await connectProvider(
      discoveryAt(() => `http://127.0.0.1:${port}`),
    );
    await runOnce();

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('The lakehouse backend is unreachable'),
    );
  });

  it('logs an error and applies nothing on any other failure', async () => {
    const set = serveLakehouse();
    set('/catalogs', failure(401, 'AuthenticationError', 'bad token'));
    const { connection, logger, runOnce } = await connectProvider();
    await runOnce();

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      'Lakehouse tables not refreshed, keeping the previous ones',
      expect.objectContaining({
        name: 'AuthenticationError',
        message: expect.stringContaining('bad token'),
      }),
    );
  });
});
