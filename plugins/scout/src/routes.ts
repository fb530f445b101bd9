import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The Pipeline page: run history and "Run now". */
export const rootRouteRef = createRouteRef();

/** One run, with a shareable URL. */
export const runRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/runs/:runId',
});
