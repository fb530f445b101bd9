import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  brands,
  categories,
  cities,
  devices,
  products,
  provinces,
  regions,
  stores,
} from '@internal/backstage-plugin-scout-common';
import {
  openScoutDatabase,
  ScoutDatabaseOptions,
} from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoutPlugin } from '../plugin';

jest.setTimeout(180_000);

const REFERENCE = {
  regions: regions.length,
  provinces: provinces.length,
  cities: cities.length,
  brands: brands.length,
  categories: categories.length,
  products: products.length,
  stores: stores.length,
  devices: devices.length,
};

/** Starts the scout plugin on `database` (which seeds it) and stops it again. */
async function restart(database: ScoutDatabaseOptions, transactions: number) {
  const backend = await startTestBackend({
    features: [
      scoutPlugin,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          scout: {
            database,
            demo: { enabled: true, transactions },
            pipeline: { enabled: false },
            functions: { jwtSecret: 'demo-data-test-secret' },
          },
        },
      }),
    ],
  });
  await backend.stop();
}

/** Runs fn on the database while no backend holds it. */
async function onDatabase<T>(
  database: ScoutDatabaseOptions,
  fn: (db: Awaited<ReturnType<typeof openScoutDatabase>>) => Promise<T>,
) {
  const db = await openScoutDatabase(database);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const counts = (database: ScoutDatabaseOptions) =>
  onDatabase(database, async db => {
    const tables = [...Object.keys(REFERENCE), 'bronze_transactions'];
    const { rows } = await db.query<Record<string, number>>(
      `select ${tables
        .map(t => `(select count(*)::int from scout.${t}) as ${t}`)
        .join(', ')}`,
    );
    return rows[0];
  });

describe.each(testDatabases())(
  'demo seeding across restarts on $kind',
  databases => {
    const dirs: string[] = [];
    // The same database for every start: a server database, or PGlite in
    // a folder (in memory it would not outlive the backend).
    const freshDatabase = async (): Promise<ScoutDatabaseOptions> => {
      if (databases.kind === 'postgres') {
        return { url: await databases.createUrl() };
      }
      const dir = await mkdtemp(join(tmpdir(), 'scout-demo-'));
      dirs.push(dir);
      return { dataDir: dir };
    };
    afterAll(async () => {
      await databases.cleanup();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }, 60_000);

    it('starts three times with demo.transactions 0: dimensions once, bronze empty', async () => {
      const database = await freshDatabase();
      for (let start = 0; start < 3; start++) await restart(database, 0);
      expect(await counts(database)).toEqual({
        ...REFERENCE,
        bronze_transactions: 0,
      });
    });

    it('completes partly loaded dimensions and seeds an empty bronze once', async () => {
      const database = await freshDatabase();
      await restart(database, 0);
      // Dimensions loaded, one row missing from two of them, bronze empty.
      await onDatabase(database, async db => {
        await db.query('delete from scout.devices where device_id = $1', [
          devices[0].device_id,
        ]);
        await db.query('delete from scout.products where sku = $1', [
          products[0].sku,
        ]);
      });
      await restart(database, 40);
      await restart(database, 40);
      expect(await counts(database)).toEqual({
        ...REFERENCE,
        bronze_transactions: 40,
      });
    });
  },
);
