export { scoutPlugin as default } from './plugin';
export {
  productionRootConfigServiceFactory,
  productionRootConfigServiceFactoryWithOptions,
} from './productionRootConfig';
export { httpMetrics } from './services/httpMetrics';
