import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

export const lineagePage = PageBlueprint.make({
  params: {
    path: '/lineage',
    title: 'Lineage',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/LineagePage').then(m => <m.LineagePage />),
  },
});
