import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import { type Tone, ToneChip } from '@internal/backstage-plugin-scout-react';
import {
  DefaultApiClient,
  type SloStatus,
} from '@internal/backstage-plugin-slo-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';

/**
 * The catalog entity whose freshness SLO covers a layer, by
 * `<catalog>/<layer>`: the lakehouse gold, whichever engine serves it
 * (Iceberg on Trino, or the embedded DuckDB catalog). Layers not listed
 * have no freshness SLO and get no badge.
 */
export const LAYER_SLO_ENTITIES: Record<string, string> = {
  'iceberg/gold': 'resource:default/iceberg-gold',
  'lakehouse/gold': 'resource:default/iceberg-gold',
};

const TONE: Record<SloStatus['status'], Tone> = {
  ok: 'success',
  burning: 'warning',
  exhausted: 'danger',
  'no-data': 'warning',
};

function minutes(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  return seconds < 3600
    ? `${Math.round(seconds / 60)} min`
    : `${Number((seconds / 3600).toFixed(1))} h`;
}

function describe(slo: SloStatus): string {
  if (slo.status === 'no-data') return 'Freshness SLO: no data yet';
  const budget =
    slo.errorBudgetRemaining === null
      ? ''
      : ` · ${Math.round(slo.errorBudgetRemaining * 100)} % budget left`;
  return `Freshness ${slo.status}: newest row ${minutes(
    slo.currentValueSeconds,
  )} old (limit ${minutes(slo.thresholdSeconds)})${budget}`;
}

/**
 * A table's freshness from the SLO covering its layer (GET
 * /api/slo/slos?entity=...): nothing for a layer without one, and a muted
 * note when the SLO service cannot be read, so the table page still works.
 */
export function FreshnessBadge(props: { catalog: string; namespace: string }) {
  const entity = LAYER_SLO_ENTITIES[`${props.catalog}/${props.namespace}`];
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const client = useMemo(
    () => new DefaultApiClient({ discoveryApi, fetchApi }),
    [discoveryApi, fetchApi],
  );
  const slos = useAsync(async () => {
    if (!entity) return [];
    const response = await client.listSlos({ query: { entity } });
    if (!response.ok) throw new Error(`${response.status}`);
    const { items } = await response.json();
    return items.filter(s => s.sliType === 'timeslice');
  }, [client, entity]);

  if (!entity || slos.loading) return null;
  if (slos.error) {
    return (
      <Text variant="body-small" color="secondary">
        freshness SLO unavailable
      </Text>
    );
  }
  return (
    <>
      {(slos.value ?? []).map(slo => (
        <ToneChip
          key={slo.id}
          tone={TONE[slo.status]}
          label={describe(slo)}
          wrap
          role="status"
          aria-label={describe(slo)}
          title={slo.displayName}
        />
      ))}
    </>
  );
}
