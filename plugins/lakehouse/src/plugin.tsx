import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { lakehouseApi } from './apis';
import { lakehouseEntityContent } from './entityContents';
import { LakehouseIcon } from './LakehouseIcon';
import { lakehousePage } from './pages';
import { pipelineRunRouteRef, rootRouteRef, tableRouteRef } from './routes';

export const lakehousePlugin = createFrontendPlugin({
  pluginId: 'lakehouse',
  title: 'Lakehouse',
  icon: <LakehouseIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [lakehouseApi, lakehousePage, lakehouseEntityContent],
  routes: { root: rootRouteRef, table: tableRouteRef },
  externalRoutes: { pipelineRun: pipelineRunRouteRef },
});
