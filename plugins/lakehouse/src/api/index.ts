export { lakehouseApiRef } from './LakehouseApi';
export type { LakehouseApi, PreviewQuery, TableRef } from './LakehouseApi';
export { LakehouseClient } from './LakehouseClient';
