import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { lineageApi } from './apis';
import { lineageEntityContent } from './entityContents';
import { LineageIcon } from './LineageIcon';
import { lineagePage } from './pages';
import {
  lakehouseTableRouteRef,
  pipelineRunRouteRef,
  rootRouteRef,
} from './routes';

export const lineagePlugin = createFrontendPlugin({
  pluginId: 'lineage',
  title: 'Lineage',
  icon: <LineageIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [lineageApi, lineagePage, lineageEntityContent],
  routes: { root: rootRouteRef },
  externalRoutes: {
    lakehouseTable: lakehouseTableRouteRef,
    pipelineRun: pipelineRunRouteRef,
  },
});
