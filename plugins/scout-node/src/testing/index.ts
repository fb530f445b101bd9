/**
 * Helpers for tests and benchmarks: fresh scout databases, and ingest
 * through a running backend's edge function.
 *
 * @packageDocumentation
 */

export { testDatabases } from './testDatabases';
export type { TestDatabases } from './testDatabases';
export { ingestTransactions, serviceRoleToken } from './ingest';
export { pluginTestDatabases } from './pluginDatabases';
