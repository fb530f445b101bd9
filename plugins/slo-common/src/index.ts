/**
 * SLO specs as code: the OpenSLO v1alpha documents under
 * platform-manifests/observability/slos (zod schemas), the SloDefinition a
 * backend reports status from, the parser, and the names of the series and
 * alerts Sloth's generated rules produce.
 *
 * @packageDocumentation
 */
export * from './openslo';
export * from './definition';
export * from './rules';
export * from './load';
// The SLO API's client and types, generated from slo-backend's
// src/schema/openapi.yaml, for the frontend and other plugins.
export * from './schema/openapi/generated';
