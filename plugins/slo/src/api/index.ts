export { sloApiRef } from './SloApi';
export type { SloApi, SloQuery } from './SloApi';
export { SloClient } from './SloClient';
export { SloError } from './SloError';
