export { supersetApiRef } from './SupersetApi';
export type { SupersetApi } from './SupersetApi';
export { SupersetClient } from './SupersetClient';
