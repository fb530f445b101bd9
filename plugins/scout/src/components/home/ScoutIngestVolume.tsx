import { useApi } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type { IngestSummary } from '@internal/backstage-plugin-scout-client';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scoutApiRef } from '../../api';
import { formatCount } from '@internal/backstage-plugin-scout-react';
import { EmptyState, ErrorPanel, LoadingRows } from '../common';
import styles from './home.module.css';
import { IngestChart } from './IngestChart';

/** The card's window, in hours. */
const HOURS = 24;
/** How many quarantine reasons the card names. */
const REASONS = 3;

function Total(props: { label: string; value: string }) {
  return (
    <div>
      <Text as="div" variant="body-small" color="secondary">
        {props.label}
      </Text>
      <Text as="div" variant="title-x-small">
        {props.value}
      </Text>
    </div>
  );
}

function Summary({ summary }: { summary: IngestSummary }) {
  const received = summary.accepted + summary.quarantined;
  const share = received
    ? `${((summary.quarantined / received) * 100).toFixed(1)} %`
    : '—';
  const reasons = summary.quarantineReasons.slice(0, REASONS);
  return (
    <>
      <div className={styles.totals}>
        <Total label="Accepted" value={formatCount(summary.accepted)} />
        <Total label="Quarantined" value={formatCount(summary.quarantined)} />
        <Total label="Quarantine share" value={share} />
      </div>
      <div
        className={styles.chart}
        role="img"
        aria-label={`Accepted and quarantined transactions per hour over the last ${summary.hours} hours`}
      >
        <IngestChart byHour={summary.byHour} />
      </div>
      {reasons.length > 0 && (
        <div>
          <Text as="div" variant="body-small" color="secondary">
            Top quarantine reasons
          </Text>
          <ul className={styles.list}>
            {reasons.map(r => (
              <li key={r.reason} className={styles.item}>
                <Text variant="body-small" weight="bold">
                  {formatCount(r.count)}
                </Text>
                <Text variant="body-small">{r.reason}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Home card: transactions accepted and quarantined per hour over 24 h. */
export function ScoutIngestVolume() {
  const api = useApi(scoutApiRef);
  const summary = useAsyncRetry(() => api.getIngestSummary(HOURS), [api]);

  let content;
  if (summary.error) {
    content = <ErrorPanel error={summary.error} onRetry={summary.retry} />;
  } else if (!summary.value) {
    content = <LoadingRows rows={4} />;
  } else if (summary.value.accepted + summary.value.quarantined === 0) {
    content = (
      <EmptyState
        title={`No transactions received in the last ${HOURS} h`}
        description="POS devices and apps send them to the ingest-transaction edge function; the ingestion API guide in the docs shows how to send one."
      />
    );
  } else {
    content = <Summary summary={summary.value} />;
  }
  return <div className={styles.card}>{content}</div>;
}
