import type { DashboardList } from '@internal/backstage-plugin-superset-common';
import { ReactNode } from 'react';
import { useDashboards } from '../../hooks/useDashboards';
import { ErrorPanel } from './ErrorPanel';
import { LoadingPanel } from './LoadingPanel';
import { SupersetStatePanel } from './SupersetStatePanel';

/**
 * The dashboard list's loading, failure and not-ready states, shared by the
 * page and the entity tab; `children` renders the list once Superset is ready.
 */
export function WithDashboards(props: {
  children: (list: DashboardList) => ReactNode;
}) {
  const list = useDashboards();
  if (list.error) {
    return (
      <ErrorPanel
        what="The dashboard list"
        error={list.error}
        onRetry={list.retry}
      />
    );
  }
  if (!list.value) return <LoadingPanel label="Loading dashboards" />;
  if (list.value.superset.state !== 'ready') {
    return <SupersetStatePanel superset={list.value.superset} />;
  }
  return <>{props.children(list.value)}</>;
}
