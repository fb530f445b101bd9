import { Text } from '@backstage/ui';
import type { Source, SloStatus } from '@internal/backstage-plugin-slo-common';
import { useId } from 'react';
import {
  formatSeconds,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import {
  formatBudget,
  formatBurn,
  formatObjective,
  formatPercent,
} from '../../lib/format';
import { EntityLink, StatusChip } from '../common';
import { BudgetChart } from './BudgetChart';
import styles from './slo.module.css';

/** Why an SLO has no SLI yet, by where its data would come from. */
export function noDataReason(source: Source): string {
  return source === 'prometheus'
    ? 'No SLI yet: Prometheus holds no series for this SLO. Check that it scrapes the portal and loads the rules of scout slo generate.'
    : 'No SLI yet: the portal samples its own metrics once a minute, so the first value appears after the first requests or pipeline run it measures.';
}

function Fact(props: { term: string; children: string }) {
  return (
    <div>
      <dt>
        <Text variant="body-small" color="secondary">
          {props.term}
        </Text>
      </dt>
      <dd>
        <Text variant="body-medium">{props.children}</Text>
      </dd>
    </div>
  );
}

/**
 * One SLO: its status, remaining budget, SLI against the objective, burn
 * rates (multiples of the budget), alerts, owner and entity, and the
 * 30-day budget chart.
 */
export function SloCard(props: {
  slo: SloStatus;
  source: Source;
  /** The level of its heading: 2 on the page, 3 inside a tab. */
  level?: 2 | 3;
}) {
  const { slo, source } = props;
  const headingId = useId();
  const Heading = props.level === 3 ? 'h3' : 'h2';
  const burn = slo.burnRates;
  const alerts = slo.alerts;
  return (
    <article aria-labelledby={headingId} className={styles.slo}>
      <div className={styles.head}>
        <Text
          as={Heading}
          id={headingId}
          variant="title-x-small"
          className={styles.title}
        >
          {slo.displayName}
        </Text>
        <StatusChip status={slo.status} />
        <Text variant="body-small" color="secondary">
          {slo.id}
        </Text>
      </div>
      {slo.description && (
        <Text variant="body-small" color="secondary">
          {slo.description}
        </Text>
      )}
      <dl className={styles.facts}>
        <Fact term="Error budget">
          {formatBudget(slo.errorBudgetRemaining)}
        </Fact>
        <Fact term="SLI, 30 days">
          {`${formatPercent(slo.sli, 2)} (objective ${formatObjective(
            slo.objective,
          )})`}
        </Fact>
        <Fact term="Burn rate, 1 h">{formatBurn(burn['1h'])}</Fact>
        <Fact term="Burn rate, 6 h">{formatBurn(burn['6h'])}</Fact>
        <Fact term="Burn rate, 3 d">{formatBurn(burn['3d'])}</Fact>
        {slo.sliType === 'timeslice' && (
          <Fact term="Now">
            {`${formatSeconds(slo.currentValueSeconds)} (limit ${formatSeconds(
              slo.thresholdSeconds,
            )})`}
          </Fact>
        )}
      </dl>
      {slo.status === 'no-data' && (
        <Text variant="body-small">{noDataReason(source)}</Text>
      )}
      {alerts.length > 0 && (
        <ul className={styles.list} aria-label={`Alerts of ${slo.displayName}`}>
          {alerts.map((a, i) => (
            <li key={`${a.severity}-${i}`}>
              <Text
                variant="body-medium"
                color={a.state === 'firing' ? 'danger' : 'warning'}
              >
                {`${a.severity === 'page' ? 'Page' : 'Ticket'} alert ${
                  a.state
                } since ${formatTime(a.since)}`}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Text variant="body-small" color="secondary">
        Owner <EntityLink entityRef={slo.owner} /> · covers{' '}
        <EntityLink entityRef={slo.entity} />
      </Text>
      <BudgetChart id={slo.id} displayName={slo.displayName} />
    </article>
  );
}
