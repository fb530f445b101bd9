/**
 * The scout database for Node: PostgreSQL or the embedded PGlite, and the
 * runner for the repository's SQL migrations.
 *
 * @packageDocumentation
 */

export type {
  QueryResult,
  ScoutDatabase,
  SqlQueryable,
  SqlTransaction,
} from './db/types';
export { openScoutDatabase } from './db/openScoutDatabase';
export type { ScoutDatabaseOptions } from './db/openScoutDatabase';
export { createMigrationRunner } from './migrations/createMigrationRunner';
export type {
  AppliedMigration,
  MigrationRunner,
} from './migrations/createMigrationRunner';
export type { MigrationStatus } from './migrations/migrationStatus';
export { defaultMigrationsDirectory } from './migrations/migrationFiles';
