export { scoutApiRef } from './ScoutApi';
export type { ScoutApi } from './ScoutApi';
export { ScoutClient } from './ScoutClient';
