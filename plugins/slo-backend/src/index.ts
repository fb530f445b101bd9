/**
 * The SLO backend plugin: SLO status, error budgets and history at
 * /api/slo, read-only actions, and Alertmanager's webhook.
 *
 * @packageDocumentation
 */
export { sloPlugin as default } from './plugin';
export { loadSloSpecs } from './services/loadDefinitions';
