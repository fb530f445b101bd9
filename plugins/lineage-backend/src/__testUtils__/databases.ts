import { pluginTestDatabases } from '@internal/backstage-plugin-scout-node/testing';

/** The lineage store's tables on SQLite, and on PostgreSQL when SCOUT_TEST_DATABASE_URL is set. */
export const lineageDatabases = () =>
  pluginTestDatabases('@internal/backstage-plugin-lineage-backend');
