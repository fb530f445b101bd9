/**
 * The lineage API's client and types, generated from lineage-backend's
 * OpenAPI spec (src/schema/openapi.yaml there), for the lineage frontend
 * and any plugin that reads the lineage graph.
 *
 * @packageDocumentation
 */
export * from './schema/openapi/generated';
export { GRAPH_TOO_LARGE } from './errors';
