import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The Lakehouse page: the layer and table navigator. */
export const rootRouteRef = createRouteRef();

/** One table, with a shareable URL. */
export const tableRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/:catalog/:namespace/:table',
});
