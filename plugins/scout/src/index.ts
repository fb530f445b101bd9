/**
 * The Scout data plane in the portal: the Pipeline page (run history, each
 * run's steps, dbt tests and rows, "Run now" that follows the run), the
 * Pipeline tab on the entities annotated `scout.io/pipeline`, and the Scout
 * home cards (pipeline runs, ingest volume, lakehouse layers, attention).
 *
 * @packageDocumentation
 */
export { scoutPlugin as default } from './plugin';
export { scoutApiRef } from './api';
export type { ScoutApi } from './api';
