import { randomBytes } from 'node:crypto';
import vm from 'node:vm';
import { Client } from 'pg';
import { openScoutDatabase } from '../db/openScoutDatabase';
import { ScoutDatabase } from '../db/types';
import { createMigrationRunner } from '../migrations/createMigrationRunner';
import { defaultMigrationsDirectory } from '../migrations/migrationFiles';

/** Hands out fresh, empty databases of one kind for one test file. */
export type TestDatabases = {
  kind: 'pglite' | 'postgres';
  /** A new empty database. */
  create(): Promise<ScoutDatabase>;
  /** A new database with every migration of the repository applied. */
  createMigrated(): Promise<ScoutDatabase>;
  /**
   * Config for code that opens the database itself: a fresh empty server
   * database's URL, or nothing for PGlite (which then runs in memory).
   */
  createUrl(): Promise<string | undefined>;
  /** Closes (and on the server drops) every database made so far. */
  cleanup(): Promise<void>;
};

type Made = { db?: ScoutDatabase; url?: string; drop?: () => Promise<void> };

function testDatabasesOf(
  kind: TestDatabases['kind'],
  open: () => Promise<{ db: ScoutDatabase; drop?: () => Promise<void> }>,
  openUrl: () => Promise<Made> = async () => ({}),
): TestDatabases {
  const made: Made[] = [];
  const create = async () => {
    const entry = await open();
    made.push(entry);
    return entry.db;
  };
  const createUrl = async () => {
    const entry = await openUrl();
    made.push(entry);
    return entry.url;
  };
  return {
    kind,
    create,
    createUrl,
    async createMigrated() {
      const db = await create();
      await createMigrationRunner({
        db,
        directory: defaultMigrationsDirectory(),
      }).up();
      return db;
    },
    async cleanup() {
      for (const { db, drop } of made.splice(0)) {
        await db?.close();
        await drop?.();
      }
    },
  };
}

// One database per create() on the server (scout_t_<random>), made and
// dropped through the server's URL, so test files never share state.
function postgresDatabases(adminUrl: string): TestDatabases {
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const fresh = async () => {
    const name = `scout_t_${randomBytes(6).toString('hex')}`;
    await admin(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => admin(`drop database ${name} with (force)`),
    };
  };
  return testDatabasesOf(
    'postgres',
    async () => {
      const { url, drop } = await fresh();
      return { db: await openScoutDatabase({ url }), drop };
    },
    fresh,
  );
}

const missingServer =
  'SCOUT_TEST_DATABASE_URL is not set, so there is no PostgreSQL server to test against. ' +
  'Start one with pg_start from scripts/lib/postgres.sh and export the URL it prints.';

/**
 * The databases to run a test file against: PGlite always, and the real
 * PostgreSQL server at SCOUT_TEST_DATABASE_URL. Without that URL the server
 * tests fail in CI and are skipped, with the reason printed, elsewhere.
 */
export function testDatabases(): TestDatabases[] {
  const pglite = testDatabasesOf('pglite', async () => {
    // PGlite loads its WASM with import(), which Jest only allows when Node
    // runs with this flag (vm.SyntheticModule exists only then).
    if (!('SyntheticModule' in vm)) {
      throw new Error(
        "PGlite cannot load under Jest without Node's --experimental-vm-modules: run the tests with NODE_OPTIONS=--experimental-vm-modules.",
      );
    }
    return { db: await openScoutDatabase({}) };
  });
  const url = process.env.SCOUT_TEST_DATABASE_URL;
  if (url) return [pglite, postgresDatabases(url)];
  if (process.env.CI) {
    return [
      pglite,
      testDatabasesOf(
        'postgres',
        () => Promise.reject(new Error(missingServer)),
        () => Promise.reject(new Error(missingServer)),
      ),
    ];
  }
  // eslint-disable-next-line no-console
  console.warn(`Skipping the PostgreSQL tests: ${missingServer}`);
  return [pglite];
}
