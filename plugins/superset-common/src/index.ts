/**
 * What the superset plugins share: the Superset API's client and types,
 * generated from superset-backend's src/schema/openapi.yaml, and the
 * annotation that ties a catalog entity to its dashboard.
 *
 * @packageDocumentation
 */
export * from './schema/openapi/generated';

/**
 * On a dashboard's catalog entity (catalog/dashboards.yaml, generated from
 * platform-manifests/superset): the dashboard's slug in Superset.
 */
export const SUPERSET_DASHBOARD_ANNOTATION = 'scout.io/superset-dashboard';
