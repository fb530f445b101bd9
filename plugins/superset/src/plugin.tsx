import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { supersetApi } from './apis';
import { DashboardIcon } from './DashboardIcon';
import { dashboardEntityContent } from './entityContents';
import { dashboardsPage } from './pages';
import { rootRouteRef } from './routes';

export const supersetPlugin = createFrontendPlugin({
  pluginId: 'superset',
  title: 'Dashboards',
  icon: <DashboardIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [supersetApi, dashboardsPage, dashboardEntityContent],
  routes: { root: rootRouteRef },
});
