/**
 * The lineage explorer: the OpenLineage graph of datasets and jobs that the
 * lineage backend records, with column lineage, impact and search, as a
 * page (/lineage) and as a tab on tables and pipeline components.
 *
 * @packageDocumentation
 */
export { lineagePlugin as default } from './plugin';
export { lineageApiRef } from './api';
export type { LineageApi } from './api';
