import type {
  BurnRates,
  SloHistory,
  SloList,
  SloStatus,
} from '@internal/backstage-plugin-slo-common';

export const BASE_URL = 'http://localhost:7007/api/slo';
export const EVALUATED_AT = '2026-12-01T10:00:00.000Z';

const burn = (rate: number | null): BurnRates => ({
  '5m': rate,
  '30m': rate,
  '1h': rate,
  '2h': rate,
  '6h': rate,
  '1d': rate,
  '3d': rate,
});

function slo(
  id: string,
  fields: Partial<SloStatus> & Pick<SloStatus, 'owner' | 'entity'>,
): SloStatus {
  const [service, ...name] = id.split('-');
  return {
    id,
    service,
    name: name.join('-'),
    displayName: id,
    description: `The ${id} objective.`,
    objective: 0.999,
    sliType: 'ratio',
    sli: 0.9995,
    errorBudgetRemaining: 0.5,
    burnRates: burn(0.5),
    alerts: [],
    status: 'ok',
    currentValueSeconds: null,
    thresholdSeconds: null,
    ...fields,
  };
}

export const INGEST = 'component:default/ingest-transaction';
export const GOLD = 'resource:default/iceberg-gold';
export const PORTAL = 'component:default/scout-portal';

/**
 * Four SLOs, deliberately not in budget order: ingest availability
 * burning with a page alert (12 % left), gold freshness overspent, the
 * portal fine (90 %), ingest latency without data.
 */
export const items: SloStatus[] = [
  slo('scout-portal-api-latency', {
    displayName: 'Portal API latency',
    owner: 'group:default/platform-team',
    entity: PORTAL,
    objective: 0.99,
    sli: 0.999,
    errorBudgetRemaining: 0.9,
    burnRates: burn(0.1),
  }),
  slo('ingest-transaction-availability', {
    displayName: 'ingest-transaction availability',
    owner: 'group:default/data-engineering',
    entity: INGEST,
    sli: 0.99912,
    errorBudgetRemaining: 0.12,
    burnRates: { ...burn(2.5), '1h': 15.2 },
    alerts: [
      { severity: 'page', state: 'firing', since: '2026-12-01T09:40:00Z' },
    ],
    status: 'burning',
  }),
  slo('ingest-transaction-latency', {
    displayName: 'ingest-transaction latency',
    owner: 'group:default/data-engineering',
    entity: INGEST,
    sli: null,
    errorBudgetRemaining: null,
    burnRates: burn(null),
    status: 'no-data',
  }),
  slo('iceberg-gold-freshness', {
    displayName: 'Iceberg gold freshness',
    owner: 'group:default/data-engineering',
    entity: GOLD,
    objective: 0.99,
    sliType: 'timeslice',
    sli: 0.985,
    errorBudgetRemaining: -0.5,
    burnRates: burn(1.5),
    alerts: [
      { severity: 'ticket', state: 'pending', since: '2026-12-01T08:00:00Z' },
    ],
    status: 'exhausted',
    currentValueSeconds: 5400,
    thresholdSeconds: 3600,
  }),
];

export const list = (entries = items): SloList => ({
  source: 'embedded',
  evaluatedAt: EVALUATED_AT,
  items: entries,
});

/** A day's points of budget, falling from 100 % to `to`. */
export function history(id: string, to = 0.12, count = 30): SloHistory {
  const start = Date.parse('2026-11-01T10:00:00Z');
  return {
    id,
    objective: 0.999,
    intervalSeconds: 300,
    points: Array.from({ length: count }, (_, i) => {
      const budget = 1 - ((1 - to) * i) / Math.max(1, count - 1);
      return {
        at: new Date(start + i * 86_400_000).toISOString(),
        sli: 0.999 + 0.001 * budget,
        errorBudgetRemaining: Number(budget.toFixed(4)),
        source: 'embedded' as const,
      };
    }),
  };
}
