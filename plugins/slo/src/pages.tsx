import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

export const sloPage = PageBlueprint.make({
  params: {
    path: '/slo',
    title: 'SLOs',
    routeRef: rootRouteRef,
    loader: () => import('./components/SloPage').then(m => <m.SloPage />),
  },
});
