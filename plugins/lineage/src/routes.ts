import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The Lineage page; `?node=<nodeId>` selects the graph's centre. */
export const rootRouteRef = createRouteRef();

/** A table in the lakehouse browser, for the dataset panel's link. */
export const lakehouseTableRouteRef = createExternalRouteRef({
  params: ['catalog', 'namespace', 'table'],
  defaultTarget: 'lakehouse.table',
});

/** One Scout pipeline run, for the dataset panel's last run. */
export const pipelineRunRouteRef = createExternalRouteRef({
  params: ['runId'],
  defaultTarget: 'scout.run',
});
