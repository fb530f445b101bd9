import type { SloDefinition } from '@internal/backstage-plugin-slo-common';
import { toSlothSpecs } from './slothSpec.ts';
import { timeSliceRules } from './timeSlices.ts';

const base = {
  displayName: 'Fresh gold',
  description: 'Gold under an hour old.',
  window: '30d' as const,
  owner: 'group:default/data-engineering',
  entity: 'resource:default/scout-pg-gold',
};
const freshness: SloDefinition = {
  ...base,
  id: 'scout-pg-gold-freshness',
  service: 'scout-pg-gold',
  name: 'freshness',
  objective: 0.99,
  alertName: 'ScoutPgGoldFreshnessSLOBurn',
  sli: {
    type: 'timeslice',
    metric: 'scout_gold_newest_row_timestamp_seconds',
    labels: { layer: 'gold', engine: 'postgres' },
    thresholdSeconds: 3600,
    sliceSeconds: 60,
  },
};
const availability: SloDefinition = {
  ...base,
  id: 'scout-pg-gold-availability',
  service: 'scout-pg-gold',
  name: 'availability',
  objective: 0.999,
  alertName: 'ScoutPgGoldAvailabilitySLOBurn',
  sli: {
    type: 'ratio',
    errorQuery: 'e[{{.window}}]',
    totalQuery: 't[{{.window}}]',
  },
};

describe('toSlothSpecs', () => {
  it('writes one prometheus/v1 spec per service, SLOs by name, objectives in percent', () => {
    const [spec] = toSlothSpecs([freshness, availability]);
    expect(spec.version).toBe('prometheus/v1');
    expect(spec.slos.map(s => [s.name, s.objective])).toEqual([
      ['availability', 99.9],
      ['freshness', 99],
    ]);
    expect(spec.slos[0].sli).toEqual({
      events: { error_query: 'e[{{.window}}]', total_query: 't[{{.window}}]' },
    });
    expect(spec.slos[0].alerting).toMatchObject({
      name: 'ScoutPgGoldAvailabilitySLOBurn',
      page_alert: { labels: { severity: 'page' } },
      ticket_alert: { labels: { severity: 'ticket' } },
    });
    expect(spec.slos[0].labels).toEqual({
      scout_owner: 'group:default/data-engineering',
      scout_entity: 'resource:default/scout-pg-gold',
    });
  });

  it('reads a time-slice SLI from our recorded bad minutes', () => {
    const [spec] = toSlothSpecs([freshness]);
    expect(spec.slos[0].sli).toEqual({
      raw: {
        error_ratio_query:
          'max(avg_over_time(scout:slo_time_slice_bad:bool{slo_id="scout-pg-gold-freshness"}[{{.window}}]))',
      },
    });
  });
});

describe('timeSliceRules', () => {
  it('records each minute as bad when the gauge is older than the threshold', () => {
    expect(timeSliceRules('scout-pg-gold', [availability, freshness])).toEqual({
      groups: [
        {
          name: 'scout-slo-time-slices-scout-pg-gold',
          interval: '1m',
          rules: [
            {
              record: 'scout:slo_time_slice_bad:bool',
              expr: '(time() - max(scout_gold_newest_row_timestamp_seconds{layer="gold",engine="postgres"})) > bool 3600',
              labels: { slo_id: 'scout-pg-gold-freshness' },
            },
          ],
        },
      ],
    });
  });

  it('writes nothing for a service without time slices', () => {
    expect(timeSliceRules('scout-pg-gold', [availability])).toBeUndefined();
  });
});
