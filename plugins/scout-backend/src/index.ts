export { scoutPlugin as default } from './plugin';
export {
  productionRootConfigServiceFactory,
  productionRootConfigServiceFactoryWithOptions,
} from './productionRootConfig';
export { compressedAssets } from './services/compressedAssets';
export { httpMetrics } from './services/httpMetrics';
