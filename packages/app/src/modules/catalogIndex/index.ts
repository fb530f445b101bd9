export { catalogIndexModule } from './catalogIndexModule';
