import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Link,
  Text,
} from '@backstage/ui';
import { formatBudget, formatBurn } from '../../lib/format';
import { catalogEntityRouteRef, rootRouteRef } from '../../routes';
import { EmptyState, ErrorPanel, LoadingRows, StatusChip } from '../common';
import { UnknownSlos } from './EntitySloContent';
import styles from './entity.module.css';
import { useEntitySlos } from './useEntitySlos';

/**
 * The entity overview's SLO card: each SLO's status, budget left and
 * 1-hour burn, linked to the SLOs tab for the detail.
 */
export function EntitySloCard() {
  const { entity } = useEntity();
  const slos = useEntitySlos(entity);
  const entityRoute = useRouteRef(catalogEntityRouteRef);
  // The SLOs tab hangs under the entity's page.
  const tab = entityRoute?.({
    namespace: entity.metadata.namespace ?? 'default',
    kind: entity.kind.toLocaleLowerCase('en-US'),
    name: entity.metadata.name,
  });
  const root = useRouteRef(rootRouteRef);
  const name = entity.metadata.title ?? entity.metadata.name;

  let body;
  if (slos.error) {
    body = (
      <ErrorPanel
        what={`The SLOs of ${name}`}
        error={slos.error}
        onRetry={slos.retry}
      />
    );
  } else if (!slos.items) {
    body = <LoadingRows rows={2} label="Loading SLOs" />;
  } else if (slos.items.length === 0) {
    body = (
      <EmptyState
        title={`No SLO covers ${name} yet`}
        description="Its scout.io/slos annotation names no SLO the portal knows."
      />
    );
  } else {
    body = (
      <ul className={styles.list} aria-label={`SLOs of ${name}`}>
        {slos.items.map(slo => (
          <li key={slo.id} className={styles.item}>
            <StatusChip status={slo.status} />
            <div>
              <Text as="div" variant="body-medium" weight="bold">
                {slo.displayName}
              </Text>
              <Text as="div" variant="body-small" color="secondary">
                {`Budget ${formatBudget(
                  slo.errorBudgetRemaining,
                )} · burn 1 h ${formatBurn(slo.burnRates['1h'])}`}
              </Text>
            </div>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-x-small">
          SLOs
        </Text>
      </CardHeader>
      <CardBody>
        <UnknownSlos ids={slos.unknownIds} />
        {body}
      </CardBody>
      <CardFooter>
        <div className={styles.links}>
          {tab && (
            <Link href={`${tab}/slos`}>{`Details of the SLOs of ${name}`}</Link>
          )}
          {root && <Link href={root()}>Every SLO</Link>}
        </div>
      </CardFooter>
    </Card>
  );
}
