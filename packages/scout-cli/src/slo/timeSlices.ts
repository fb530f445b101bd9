import type { SloDefinition } from '@internal/backstage-plugin-slo-common';

/**
 * Our own rules, beside Sloth's: one series per time-slice SLO that is 1 in
 * a bad minute and 0 in a good one. Sloth has no time-slice SLI; its raw SLI
 * could compute the share of bad minutes only with a subquery per window
 * (`[3d:1m]` evaluates the gauge 4,320 times per rule run, which promtool's
 * sample limit refuses). Recording the minute once makes each window a plain
 * `avg_over_time` over this series, in the same rule shape Sloth writes.
 */
export const TIME_SLICE_BAD_RULE = 'scout:slo_time_slice_bad:bool';
/** The label naming the SLO id on TIME_SLICE_BAD_RULE. */
export const TIME_SLICE_ID_LABEL = 'slo_id';

/** The rule group holding a service's time slices. */
export function timeSliceGroupName(service: string): string {
  return `scout-slo-time-slices-${service}`;
}

/**
 * The Prometheus rule file (a YAML-ready object) recording, every minute,
 * whether each time-slice SLO of `definitions` is in a bad minute:
 * `(time() - max(gauge{labels})) > bool threshold`. Without the gauge no
 * sample is recorded, so that minute counts neither way (a fresh Prometheus
 * would otherwise read every window as all bad). Undefined when the service
 * has no time-slice SLO.
 */
export function timeSliceRules(
  service: string,
  definitions: readonly SloDefinition[],
) {
  const rules = definitions.flatMap(def => {
    if (def.sli.type !== 'timeslice') return [];
    const labels = Object.entries(def.sli.labels)
      .map(([name, value]) => `${name}="${value}"`)
      .join(',');
    const gauge = `${def.sli.metric}${labels ? `{${labels}}` : ''}`;
    return [
      {
        record: TIME_SLICE_BAD_RULE,
        expr: `(time() - max(${gauge})) > bool ${def.sli.thresholdSeconds}`,
        labels: { [TIME_SLICE_ID_LABEL]: def.id },
      },
    ];
  });
  if (!rules.length) return undefined;
  return {
    groups: [
      {
        name: timeSliceGroupName(service),
        // One sample per slice: TimeSliceSli.sliceSeconds is always 60.
        interval: '1m',
        rules,
      },
    ],
  };
}
