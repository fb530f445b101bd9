export { lakehousePlugin as default } from './plugin';
