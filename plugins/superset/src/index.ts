/**
 * Superset dashboards in the portal: the Dashboards page (/dashboards, the
 * embeddable dashboards and the selected one embedded) and the "Dashboard"
 * tab of every entity annotated `scout.io/superset-dashboard`. Guest tokens
 * come from plugins/superset-backend.
 *
 * @packageDocumentation
 */
export { supersetPlugin as default } from './plugin';
export { supersetApiRef } from './api';
export type { SupersetApi } from './api';
