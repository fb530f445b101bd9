export { sloApiRef } from './SloApi';
export type { SloApi, SloQuery } from './SloApi';
export { SloClient } from './SloClient';
