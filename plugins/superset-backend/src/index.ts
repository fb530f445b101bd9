/**
 * The superset backend plugin: embeddable Superset dashboards and per-caller
 * guest tokens at /api/superset.
 *
 * @packageDocumentation
 */
export { supersetPlugin as default } from './plugin';
