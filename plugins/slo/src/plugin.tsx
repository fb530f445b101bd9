import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { sloApi } from './apis';
import { sloEntityCard } from './entityCards';
import { sloEntityContent } from './entityContents';
import { sloHomeWidget } from './homeWidgets';
import { sloPage } from './pages';
import { catalogEntityRouteRef, rootRouteRef } from './routes';
import { SloIcon } from './SloIcon';

export const sloPlugin = createFrontendPlugin({
  pluginId: 'slo',
  title: 'SLOs',
  icon: <SloIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [sloApi, sloPage, sloEntityContent, sloEntityCard, sloHomeWidget],
  routes: { root: rootRouteRef },
  externalRoutes: { catalogEntity: catalogEntityRouteRef },
});
