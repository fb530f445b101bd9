import { pluginTestDatabases } from '@internal/backstage-plugin-scout-node/testing';

/** The SLO tables on SQLite, and on PostgreSQL when SCOUT_TEST_DATABASE_URL is set. */
export const sloDatabases = () =>
  pluginTestDatabases('@internal/backstage-plugin-slo-backend');
