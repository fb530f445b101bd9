import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

export const lakehousePage = PageBlueprint.make({
  params: {
    path: '/lakehouse',
    title: 'Lakehouse',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/LakehousePage').then(m => <m.LakehousePage />),
  },
});
