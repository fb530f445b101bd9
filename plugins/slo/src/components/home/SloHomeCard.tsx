import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import { useSlos } from '../../hooks';
import { formatTime } from '@internal/backstage-plugin-scout-react';
import { formatBudget, formatBurn } from '../../lib/format';
import { firingAlerts, sortByBudget } from '../../lib/slos';
import { rootRouteRef } from '../../routes';
import { EmptyState, ErrorPanel, LoadingRows, StatusChip } from '../common';
import styles from '../entity/entity.module.css';

/** How many SLOs the card lists: those with the least budget left. */
export const HOME_SLO_COUNT = 4;

/**
 * Home card: the SLOs with the least error budget left, and the SLO
 * alerts firing now; each links to the SLO page.
 */
export function SloHomeCard() {
  const slos = useSlos();
  const root = useRouteRef(rootRouteRef);
  const page = root?.() ?? '/slo';

  if (slos.error) {
    return (
      <ErrorPanel
        what="The SLO status"
        error={slos.error}
        onRetry={slos.retry}
      />
    );
  }
  if (!slos.value) return <LoadingRows rows={4} label="Loading SLOs" />;
  const all = slos.value.items;
  if (all.length === 0) {
    return (
      <EmptyState
        title="No SLOs are defined"
        description="Add OpenSLO specs under platform-manifests/observability/slos."
      />
    );
  }
  const least = sortByBudget(all).slice(0, HOME_SLO_COUNT);
  const firing = firingAlerts(all);
  return (
    <Flex direction="column" gap="3">
      <section aria-labelledby="slo-home-least">
        <Text as="h3" id="slo-home-least" variant="body-medium" weight="bold">
          Least error budget left
        </Text>
        <ul className={styles.list}>
          {least.map(slo => (
            <li key={slo.id} className={styles.item}>
              <StatusChip status={slo.status} />
              <div>
                <Link
                  href={`${page}?${new URLSearchParams({ owner: slo.owner })}`}
                >
                  {slo.displayName}
                </Link>
                <Text as="div" variant="body-small" color="secondary">
                  {`Budget ${formatBudget(
                    slo.errorBudgetRemaining,
                  )} · burn 1 h ${formatBurn(slo.burnRates['1h'])}`}
                </Text>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="slo-home-alerts">
        <Text as="h3" id="slo-home-alerts" variant="body-medium" weight="bold">
          Alerts firing now
        </Text>
        {firing.length === 0 ? (
          <Text as="p" variant="body-small" color="secondary">
            No SLO alert is firing.
          </Text>
        ) : (
          <ul className={styles.list}>
            {firing.map(({ slo, alert }, i) => (
              <li key={`${slo.id}-${i}`} className={styles.item}>
                <Text variant="body-small" color="danger" weight="bold">
                  {alert.severity}
                </Text>
                <div>
                  <Text as="div" variant="body-medium">
                    {slo.displayName}
                  </Text>
                  <Text as="div" variant="body-small" color="secondary">
                    {`since ${formatTime(alert.since)} · burn 1 h ${formatBurn(
                      slo.burnRates['1h'],
                    )}`}
                  </Text>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Link href={page}>{`All ${all.length} SLOs`}</Link>
    </Flex>
  );
}
