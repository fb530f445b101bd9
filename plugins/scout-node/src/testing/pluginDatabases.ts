import { resolvePackagePath } from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import { randomBytes } from 'node:crypto';

/**
 * A backend plugin's own tables, migrated from `<packageName>/migrations`,
 * on the databases the backend runs on: SQLite (the embedded default)
 * always, and PostgreSQL when SCOUT_TEST_DATABASE_URL names a server
 * (scripts/test.sh sets it; each database made here is dropped again by
 * closeAll).
 */
export function pluginTestDatabases(packageName: string): {
  ids: string[];
  init(id: string): Promise<Knex>;
  closeAll(): Promise<void>;
} {
  const migrations = resolvePackagePath(packageName, 'migrations');
  const prefix = packageName.replace(/^.*plugin-/, '').replace(/\W/g, '_');
  const url = process.env.SCOUT_TEST_DATABASE_URL;
  const opened: (() => Promise<void>)[] = [];
  return {
    ids: url ? ['SQLITE_3', 'POSTGRES'] : ['SQLITE_3'],
    async init(id) {
      let db: Knex;
      if (id === 'SQLITE_3') {
        db = knexFactory({
          client: 'better-sqlite3',
          connection: ':memory:',
          useNullAsDefault: true,
        });
        opened.push(() => db.destroy());
      } else {
        const name = `${prefix}_test_${randomBytes(4).toString('hex')}`;
        const admin = knexFactory({ client: 'pg', connection: url });
        await admin.raw(`create database ${name}`);
        const target = new URL(url!);
        target.pathname = `/${name}`;
        db = knexFactory({ client: 'pg', connection: target.toString() });
        opened.push(async () => {
          await db.destroy();
          await admin.raw(`drop database if exists ${name}`);
          await admin.destroy();
        });
      }
      await db.migrate.latest({ directory: migrations });
      return db;
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map(close => close()));
    },
  };
}
