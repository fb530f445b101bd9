import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Alert, Container, Flex, Text } from '@backstage/ui';
import type { DashboardList } from '@internal/backstage-plugin-superset-common';
import { useSearchParams } from 'react-router-dom';
import { dashboardHref, rootRouteRef } from '../routes';
import { EmptyState, WithDashboards } from './common';
import { DashboardCard } from './DashboardCard';
import styles from './dashboards.module.css';
import { EmbeddedDashboard } from './embed/EmbeddedDashboard';

const PROVISION = './scripts/yarn scout superset provision';

function DashboardsView(props: { list: DashboardList }) {
  const { dashboards, superset } = props.list;
  const [params] = useSearchParams();
  const root = useRouteRef(rootRouteRef)?.() ?? '/dashboards';
  const wanted = params.get('dashboard');

  if (dashboards.length === 0) {
    return (
      <EmptyState title="Superset has no embeddable dashboard yet">
        <Text variant="body-medium" color="secondary">
          Run {PROVISION} to create the dashboards of
          platform-manifests/superset and enable their embedding, then reload
          this page.
        </Text>
      </EmptyState>
    );
  }
  // The first one unless the address names another.
  const selected = wanted
    ? dashboards.find(d => d.slug === wanted)
    : dashboards[0];

  return (
    <Flex direction="column" gap="4">
      <ul className={styles.list} aria-label="Dashboards">
        {dashboards.map(d => (
          <li key={d.slug}>
            <DashboardCard
              dashboard={d}
              href={dashboardHref(root, d.slug)}
              selected={d === selected}
            />
          </li>
        ))}
      </ul>
      {selected ? (
        <section aria-label={`Dashboard ${selected.title}`}>
          <EmbeddedDashboard
            key={selected.slug}
            dashboard={selected}
            supersetUrl={superset.url}
          />
        </section>
      ) : (
        <Alert
          status="warning"
          icon
          title={`No embeddable dashboard is called ${wanted}`}
          description={`Pick one above, or run ${PROVISION} if ${wanted} is new in platform-manifests/superset.`}
        />
      )}
    </Flex>
  );
}

/**
 * /dashboards: the Superset dashboards that can be embedded, and the one
 * `?dashboard=<slug>` selects (the first by default) embedded below.
 */
export function DashboardsPage() {
  return (
    <Container py="4">
      <Flex direction="column" gap="4">
        <Text variant="body-medium" color="secondary">
          Superset dashboards over the lakehouse, opened with your own access
          (row-level security follows your groups).
        </Text>
        <WithDashboards>
          {list => <DashboardsView list={list} />}
        </WithDashboards>
      </Flex>
    </Container>
  );
}
