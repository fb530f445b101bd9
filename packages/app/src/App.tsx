import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import visualizerPlugin from '@backstage/plugin-app-visualizer';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import { catalogGraphModule } from './modules/catalogGraph';
import { catalogIndexModule } from './modules/catalogIndex';
import { scaffolderModule } from './modules/scaffolder';
import { notFoundModule } from './modules/notFound';

// The visualizer shows the app's extension tree: a tool for frontend work,
// so only the development server has it (app-config.yaml excludes it from
// package discovery; built bundles are production).
const developmentOnly =
  process.env.NODE_ENV === 'development' ? [visualizerPlugin] : [];

export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    signInModule,
    catalogGraphModule,
    catalogIndexModule,
    scaffolderModule,
    notFoundModule,
    ...developmentOnly,
  ],
});
