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
export { asRole, SCOUT_API_ROLES, withClaims } from './db/claims';
export type { ScoutApiRole, ScoutClaims } from './db/claims';
export type { ScoutDatabaseOptions } from './db/openScoutDatabase';
export { createMigrationRunner } from './migrations/createMigrationRunner';
export type {
  AppliedMigration,
  MigrationRunner,
} from './migrations/createMigrationRunner';
export type { MigrationStatus } from './migrations/migrationStatus';
export { defaultMigrationsDirectory } from './migrations/migrationFiles';
export { MigrationsChangedError } from './migrations/migrationStatus';
export {
  icebergCatalogProperties,
  icebergStack,
  LAKEHOUSE_NAMESPACES,
  readLakehouseStack,
} from './lakehouse/stack';
export type {
  IcebergStack,
  LakehouseStack,
  PostgresConnection,
  S3Connection,
  TrinoConnection,
} from './lakehouse/stack';
export { lakehouseStackServiceRef } from './lakehouse/stackService';
export { loadRepositoryConfig } from './lakehouse/repositoryConfig';
export { DEV_JWT_SECRET } from './devSecret';
export { quoteIdentifier, quoteLiteral, quoteQualifiedName } from './sql/quote';
export {
  createTrinoQuery,
  createTrinoSql,
  TrinoQueryError,
  TrinoUnavailableError,
} from './lakehouse/trino';
export type {
  TrinoQuery,
  TrinoResult,
  TrinoSql,
  TrinoSqlOptions,
  TrinoStatementOptions,
} from './lakehouse/trino';
export { createLakehouseS3Client, ensureBucket } from './lakehouse/s3';
export { repositoryRoot } from './repoRoot';
export {
  PENDING_PROMOTION_SQL,
  pendingPromotion,
  promoteBronze,
} from './promotion/promoteBronze';
export { PROMOTION_LINEAGE } from './promotion/lineage';
export type { PromotionRound } from './promotion/promoteBronze';
export {
  runPipeline,
  newRunId,
  publishedArtifactsDir,
  runArtifactsDir,
} from './pipeline/runPipeline';
export { parseExpectationsResults } from './pipeline/expectations';
export type {
  ExpectationResult,
  ExpectationsResults,
  ExpectationsRunner,
} from './pipeline/expectations';
export { dbtEnvironment, developmentDbt } from './pipeline/dbt';
export { spawnLogged } from './pipeline/spawnLogged';
export type { DbtSettings } from './pipeline/dbt';
export type {
  PipelineTimings,
  RunPipelineOptions,
} from './pipeline/runPipeline';
export { createLakehouseTarget } from './pipeline/createLakehouseTarget';
export { RunStore } from './pipeline/runStore';
export {
  NessieClient,
  NessieError,
  NessieUnavailableError,
} from './pipeline/nessie';
export type {
  NessieContent,
  NessieDiffEntry,
  NessieEntry,
  NessieLogEntry,
  NessieReference,
} from './pipeline/nessie';
export { TrinoTarget } from './pipeline/trinoTarget';
export type { TrinoTargetOptions } from './pipeline/trinoTarget';
export { DuckdbTarget } from './pipeline/duckdbTarget';
export { createTrinoSandbox } from './pipeline/trinoSandbox';
export type { TrinoSandbox } from './pipeline/trinoSandbox';
export type {
  LakehouseEngine,
  LakehouseTarget,
  PipelineRun,
  XidRange,
} from './pipeline/types';
export {
  scoutMigrationsApplyPermission,
  scoutPermissions,
  scoutPipelineRunPermission,
} from './permissions';
export { isLoopbackHost } from './loopback';
export { bronzeLoadJobs } from './pipeline/bronzeSource';
export { parseBronzeEntry, readBronzeEntries } from './pipeline/bronzeEntries';
export type { BronzeEntry } from './pipeline/bronzeEntries';
export { LINEAGE_UPDATED_TOPIC, PIPELINE_RUN_TOPIC } from './pipeline/events';
export type { PipelineRunEventPayload } from './pipeline/events';
export type {
  PipelineRunDetail,
  RunStep,
  RunStepName,
  RunTest,
} from './pipeline/types';
export {
  chartData,
  parseJson,
  rison,
  SupersetApiError,
  SupersetClient,
} from './superset/client';
export type { Row, SupersetApi } from './superset/client';
export { SUPERSET_DEV_DEFAULTS } from './superset/devDefaults';
export { refuseUnstorableText, unstorableTextAt } from './http/storableText';
