import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

/** /dashboards; its title and the plugin's icon make the nav item. */
export const dashboardsPage = PageBlueprint.make({
  params: {
    path: '/dashboards',
    title: 'Dashboards',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/DashboardsPage').then(m => <m.DashboardsPage />),
  },
});
