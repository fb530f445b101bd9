import {
  SLO_ALERTS,
  type SloDefinition,
  WINDOW_PLACEHOLDER,
} from '@internal/backstage-plugin-slo-common';
import { TIME_SLICE_BAD_RULE, TIME_SLICE_ID_LABEL } from './timeSlices.ts';

/**
 * One Sloth `prometheus/v1` spec per service, written from our OpenSLO
 * specs. Sloth reads OpenSLO v1alpha itself, but its loader turns off both
 * alerts of every OpenSLO SLO (PageAlertMeta/TicketAlertMeta Disable) and
 * reads ratioMetrics only; its own spec format has neither limit, so Sloth
 * still writes every rule and alert from this.
 */
export type SlothSpec = {
  version: 'prometheus/v1';
  service: string;
  slos: SlothSlo[];
};

type SlothSlo = {
  name: string;
  objective: number;
  description: string;
  labels: Record<string, string>;
  sli:
    | { events: { error_query: string; total_query: string } }
    | { raw: { error_ratio_query: string } };
  alerting: {
    name: string;
    annotations: Record<string, string>;
    page_alert: { labels: Record<string, string> };
    ticket_alert: { labels: Record<string, string> };
  };
};

/**
 * A time-slice SLI as an error ratio over `{{.window}}`: the share of
 * minutes that timeSlices.ts recorded as bad (a plain range over a recorded
 * series: a subquery would evaluate the gauge 4,320 times per 3d rule run).
 */
export function timeSliceErrorRatioQuery(def: SloDefinition): string {
  return `max(avg_over_time(${TIME_SLICE_BAD_RULE}{${TIME_SLICE_ID_LABEL}="${def.id}"}[${WINDOW_PLACEHOLDER}]))`;
}

// Sloth takes objectives in percent; 0.999 * 100 is 99.9 only after rounding.
const percent = (ratio: number) => Number((ratio * 100).toFixed(6));

function toSlothSlo(def: SloDefinition): SlothSlo {
  return {
    name: def.name,
    objective: percent(def.objective),
    description: def.description,
    // On every recorded series and alert: Alertmanager and the portal find
    // the owner and the catalog entity without the specs.
    labels: { scout_owner: def.owner, scout_entity: def.entity },
    sli:
      def.sli.type === 'ratio'
        ? {
            events: {
              error_query: def.sli.errorQuery,
              total_query: def.sli.totalQuery,
            },
          }
        : { raw: { error_ratio_query: timeSliceErrorRatioQuery(def) } },
    alerting: {
      name: def.alertName,
      annotations: { summary: `${def.displayName}: ${def.description}` },
      page_alert: { labels: { [SLO_ALERTS.severityLabel]: SLO_ALERTS.page } },
      ticket_alert: {
        labels: { [SLO_ALERTS.severityLabel]: SLO_ALERTS.ticket },
      },
    },
  };
}

/** Groups definitions by service into Sloth specs, sorted by service then SLO. */
export function toSlothSpecs(
  definitions: readonly SloDefinition[],
): SlothSpec[] {
  const byService = new Map<string, SloDefinition[]>();
  for (const def of definitions) {
    byService.set(def.service, [...(byService.get(def.service) ?? []), def]);
  }
  return [...byService.keys()].sort().map(service => ({
    version: 'prometheus/v1',
    service,
    slos: byService
      .get(service)!
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(toSlothSlo),
  }));
}
