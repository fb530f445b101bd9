import type { SloDocument } from './openslo';
import { ENTITY_ANNOTATION, OWNER_ANNOTATION } from './openslo';

/**
 * A request SLI as Sloth's `events` SLI takes it: PromQL of bad and of all
 * events per second, each with the `{{.window}}` placeholder. The spec's
 * OpenSLO `good` query becomes `errorQuery = (total) - (good)`.
 */
export type RequestRatioSli = {
  type: 'ratio';
  errorQuery: string;
  totalQuery: string;
};

/**
 * A time-slice SLI for freshness and batch SLOs: a one-minute slice is bad
 * when `time() - max(metric{labels})` exceeds `thresholdSeconds`; a slice
 * without the gauge is not counted. The metric is a Unix timestamp in
 * seconds (e.g. scout_gold_newest_row_timestamp_seconds).
 */
export type TimeSliceSli = {
  type: 'timeslice';
  metric: string;
  labels: Record<string, string>;
  thresholdSeconds: number;
  sliceSeconds: 60;
};

/**
 * One SLO, as a backend needs it to report status without reading YAML:
 * select its recorded series with `{sloth_id="<id>"}` (see SLOTH_RULES).
 */
export type SloDefinition = {
  /** `<service>-<name>`: the `sloth_id` label of every generated series. */
  id: string;
  /** The `sloth_service` label; names the Grafana dashboard too. */
  service: string;
  /** The `sloth_slo` label (OpenSLO metadata.name). */
  name: string;
  displayName: string;
  description: string;
  /** Target ratio of good events or good minutes, 0 < objective < 1. */
  objective: number;
  /** The rolling SLO period; every SLO here uses 30 days. */
  window: '30d';
  /** The owning catalog group, e.g. `group:default/data-engineering`. */
  owner: string;
  /** The catalog entity covered, e.g. `component:default/ingest-transaction`. */
  entity: string;
  /** The `alertname` of its burn-rate alerts (page and ticket share it). */
  alertName: string;
  sli: RequestRatioSli | TimeSliceSli;
};

/** A fault in a spec: the file, the YAML path within it, and why. */
export type SloSpecProblem = { file: string; path: string; reason: string };

const METRIC = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const THRESHOLD_QUERY = new RegExp(
  `^time\\(\\)\\s*-\\s*max\\(\\s*(${METRIC})\\s*(?:\\{([^}]*)\\})?\\s*\\)$`,
);
const LABEL_MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"([^"\\]*)"\s*$/;

/**
 * Reads `time() - max(metric{a="x",b="y"})` into its metric and equality
 * labels; any other shape is refused, so the generator never has to
 * understand arbitrary PromQL. Returns a reason string on refusal.
 */
export function parseThresholdQuery(
  query: string,
): { metric: string; labels: Record<string, string> } | string {
  const match = THRESHOLD_QUERY.exec(query.trim());
  if (!match) {
    return 'must be exactly time() - max(<gauge>{<label>="<value>", ...}) over a Unix-seconds timestamp gauge';
  }
  const labels: Record<string, string> = {};
  const body = match[2]?.trim();
  for (const part of body ? body.replace(/,\s*$/, '').split(',') : []) {
    const label = LABEL_MATCHER.exec(part);
    if (!label) {
      return `label matcher "${part.trim()}" must be name="value" (equality only)`;
    }
    if (label[1] in labels) return `label "${label[1]}" is matched twice`;
    labels[label[1]] = label[2];
  }
  return { metric: match[1], labels };
}

/** The alert name for an SLO id: `ingest-doc-latency` → `IngestDocLatencySLOBurn`. */
export function alertNameOf(id: string): string {
  const words = id.split('-').map(w => w[0].toUpperCase() + w.slice(1));
  return `${words.join('')}SLOBurn`;
}

/** Turns a schema-valid document into a definition, or the problem that stops it. */
export function toSloDefinition(
  doc: SloDocument,
  file: string,
): SloDefinition | SloSpecProblem {
  const { metadata, spec } = doc;
  const id = `${spec.service}-${metadata.name}`;
  const base = {
    id,
    service: spec.service,
    name: metadata.name,
    displayName: metadata.displayName,
    description: spec.description,
    objective: spec.objectives[0].target,
    window: '30d' as const,
    owner: metadata.annotations[OWNER_ANNOTATION],
    entity: metadata.annotations[ENTITY_ANNOTATION],
    alertName: alertNameOf(id),
  };
  if (spec.budgetingMethod === 'Occurrences') {
    const { good, total } = spec.objectives[0].ratioMetrics;
    return {
      ...base,
      sli: {
        type: 'ratio',
        errorQuery: `(${total.query}) - (${good.query})`,
        totalQuery: total.query,
      },
    };
  }
  const parsed = parseThresholdQuery(spec.indicator.thresholdMetric.query);
  if (typeof parsed === 'string') {
    return {
      file,
      path: 'spec.indicator.thresholdMetric.query',
      reason: parsed,
    };
  }
  return {
    ...base,
    sli: {
      type: 'timeslice',
      ...parsed,
      thresholdSeconds: spec.objectives[0].value,
      sliceSeconds: 60,
    },
  };
}
