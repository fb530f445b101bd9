/**
 * The Lakehouse browser: every table per medallion layer with its schema,
 * preview, snapshots, file health and branches, as a page and as a tab on the
 * catalog Resources that stand for tables.
 *
 * @packageDocumentation
 */
export { lakehousePlugin as default } from './plugin';
export { lakehouseApiRef } from './api';
export type { LakehouseApi, TableRef } from './api';
