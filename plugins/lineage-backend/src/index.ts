/**
 * The lineage backend plugin: an OpenLineage consumer and the lineage
 * store, at /api/lineage.
 *
 * @packageDocumentation
 */
export { lineagePlugin as default } from './plugin';
