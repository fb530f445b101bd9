import {
  createExternalRouteRef,
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

/**
 * One pipeline run on the scout plugin's Pipeline page, where "Run pipeline
 * now" sends the reader to follow the run it started.
 */
export const pipelineRunRouteRef = createExternalRouteRef({
  params: ['runId'],
  defaultTarget: 'scout.run',
});
