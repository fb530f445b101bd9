/**
 * The scout API's client and types, generated from scout-backend's
 * OpenAPI spec (src/schema/openapi.yaml there). Kept apart from
 * scout-common, the domain package, which imports nothing of Backstage.
 *
 * @packageDocumentation
 */
export * from './schema/openapi/generated';
export {
  generatedClientOptions,
  repairSurrogateEscapes,
} from './generatedClient';

/**
 * Marks the catalog entities that show the lakehouse pipeline's runs in a
 * Pipeline tab (the dbt component and the processing System); the value
 * names the pipeline, `lakehouse`.
 */
export const SCOUT_PIPELINE_ANNOTATION = 'scout.io/pipeline';
