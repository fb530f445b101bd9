import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, ButtonLink, Flex } from '@backstage/ui';
import { SUPERSET_DASHBOARD_ANNOTATION } from '@internal/backstage-plugin-superset-common';
import { dashboardHref, rootRouteRef } from '../routes';
import { WithDashboards } from './common';
import { EmbeddedDashboard } from './embed/EmbeddedDashboard';

/** The "Dashboard" tab: the dashboard the entity's annotation names, embedded. */
export function EntityDashboardContent() {
  const { entity } = useEntity();
  const slug =
    entity.metadata.annotations?.[SUPERSET_DASHBOARD_ANNOTATION]?.trim() ?? '';
  const root = useRouteRef(rootRouteRef);

  return (
    <WithDashboards>
      {({ dashboards, superset }) => {
        const dashboard = dashboards.find(d => d.slug === slug);
        if (!dashboard) {
          return (
            <Alert
              status="warning"
              icon
              title={`${SUPERSET_DASHBOARD_ANNOTATION} names ${
                slug || '(nothing)'
              }, which is not among the embeddable dashboards`}
              description={`Superset embeds ${
                dashboards.map(d => d.slug).join(', ') || 'no dashboard yet'
              }. Run ./scripts/yarn scout superset provision if ${
                slug || 'it'
              } is in platform-manifests/superset, or fix the annotation.`}
            />
          );
        }
        return (
          <Flex direction="column" gap="3">
            {root && (
              <Flex justify="end">
                <ButtonLink
                  variant="secondary"
                  size="small"
                  href={dashboardHref(root(), dashboard.slug)}
                >
                  Open on the Dashboards page
                </ButtonLink>
              </Flex>
            )}
            <EmbeddedDashboard
              dashboard={dashboard}
              supersetUrl={superset.url}
            />
          </Flex>
        );
      }}
    </WithDashboards>
  );
}
