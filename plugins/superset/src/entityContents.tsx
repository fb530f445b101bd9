import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { SUPERSET_DASHBOARD_ANNOTATION } from '@internal/backstage-plugin-superset-common';

/** Dashboard entities: their `scout.io/superset-dashboard` names the slug. */
export const hasDashboardFilter = {
  [`metadata.annotations.${SUPERSET_DASHBOARD_ANNOTATION}`]: { $exists: true },
};

/** The "Dashboard" tab, on every entity that names a Superset dashboard. */
export const dashboardEntityContent = EntityContentBlueprint.make({
  name: 'dashboard',
  params: {
    path: '/dashboard',
    title: 'Dashboard',
    filter: hasDashboardFilter,
    loader: () =>
      import('./components/EntityDashboardContent').then(m => (
        <m.EntityDashboardContent />
      )),
  },
});
