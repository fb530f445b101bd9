export { lineageApiRef } from './LineageApi';
export type { LineageApi, SearchQuery } from './LineageApi';
export { LineageClient } from './LineageClient';
