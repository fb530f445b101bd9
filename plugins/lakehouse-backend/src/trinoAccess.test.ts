import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createTrinoSandbox,
  readLakehouseStack,
  TrinoSandbox,
} from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import request from 'supertest';
import { localTrino } from './__testUtils__/scoutLakehouse';
import { lakehousePlugin } from './plugin';

// Trino's own access control (platform-manifests/config/trino/etc/rules.json
// and groups.txt, which `./scripts/yarn scout stack up` installs) on the real stack: a
// preview runs as the person who asks, and Trino decides what they may read.
// A sandbox (an empty Nessie branch playing main) gets one bronze and one
// silver table, written by the pipeline's user.

jest.setTimeout(60_000);

const { appConfig, trinoUrl, trinoUp } = localTrino();
const [postgres] = testDatabases().filter(d => d.kind === 'postgres');

// analytics; data-engineering; platform-team (catalog/org.yaml, development.yaml)
const LIZA = 'user:default/liza.garcia';
const ANA = 'user:default/ana.cruz';
const GUEST = 'user:development/guest';

describe("Trino's access control behind the lakehouse preview", () => {
  let sandbox: TrinoSandbox | undefined;
  let server: Parameters<typeof request>[0] | undefined;

  beforeAll(async () => {
    if (!(await trinoUp)) {
      const reason = `no Trino answers at ${await trinoUrl}; start the stack with ./scripts/yarn scout stack up`;
      if (process.env.CI) throw new Error(reason);
      // eslint-disable-next-line no-console
      console.warn(`Skipping the Trino access control tests: ${reason}`);
      return;
    }
    if (!postgres) {
      throw new Error(
        'the Trino tests need the stack PostgreSQL: export SCOUT_TEST_DATABASE_URL',
      );
    }
    const url = (await postgres.createUrl())!;
    sandbox = await createTrinoSandbox({
      stack: readLakehouseStack(await appConfig),
      databaseName: new URL(url).pathname.slice(1),
    });
    for (const layer of ['bronze', 'silver']) {
      await sandbox.trino(
        `create table ${sandbox.mainCatalog}.${layer}.transactions as
         select * from (values ('${layer}-1', 10), ('${layer}-2', 20)) t(transaction_id, total)`,
      );
    }
    ({ server } = await startTestBackend({
      features: [
        lakehousePlugin,
        mockServices.rootConfig.factory({
          data: {
            scout: {
              lakehouse: (await appConfig)
                .getConfig('scout.lakehouse')
                .get() as object,
            },
            lakehouse: {
              engine: 'trino',
              trino: { catalog: sandbox.mainCatalog },
              nessie: { defaultRef: sandbox.main },
            },
          },
        }),
      ],
    }));
  }, 300_000);

  afterAll(async () => {
    await sandbox?.dispose();
    await postgres?.cleanup();
  }, 120_000);

  const preview = (layer: string, user: string) =>
    request(server!)
      .get(
        `/api/lakehouse/catalogs/${
          sandbox!.mainCatalog
        }/namespaces/${layer}/tables/transactions/preview`,
      )
      .set('authorization', mockCredentials.user.header(user));
  /** Runs `fn` when the stack is up (otherwise beforeAll said why not). */
  const onStack = (fn: (sb: TrinoSandbox) => Promise<void>) => async () => {
    if (sandbox && server) await fn(sandbox);
  };

  it(
    'refuses an analyst a bronze preview: Trino denies it, the API answers 403',
    onStack(async sb => {
      const res = await preview('bronze', LIZA);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({
        name: 'NotAllowedError',
        message: `Trino: Access Denied: Cannot select from table ${sb.mainCatalog}.bronze.transactions`,
      });
      // Trino ran the query as liza.garcia and refused it itself.
      const refused = await sb.trino(
        `select state, error_code from system.runtime.queries
         where "user" = 'liza.garcia'
           and strpos(query, '"${sb.mainCatalog}"."bronze"."transactions"') > 0`,
      );
      expect(refused).toEqual([['FAILED', 'PERMISSION_DENIED']]);
    }),
  );

  it(
    'previews bronze for data engineering and the platform team',
    onStack(async () => {
      for (const user of [ANA, GUEST]) {
        const res = await preview('bronze', user);
        expect({ user, status: res.status }).toEqual({ user, status: 200 });
        expect(res.body.rows).toEqual([
          ['bronze-1', 10],
          ['bronze-2', 20],
        ]);
      }
    }),
  );

  it(
    'previews silver for the analyst',
    onStack(async () => {
      const res = await preview('silver', LIZA);
      expect(res.status).toBe(200);
      expect(res.body.rows).toEqual([
        ['silver-1', 10],
        ['silver-2', 20],
      ]);
    }),
  );
});
