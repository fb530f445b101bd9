import { z } from 'zod';

/**
 * The OpenSLO `openslo/v1alpha` SLO documents we accept: the version Sloth
 * v0.16.0 reads (github.com/OpenSLO/oslo/pkg/manifest/v1alpha), narrowed to
 * what our generator turns into rules. Sloth unmarshals these leniently and
 * its v1alpha `metadata` holds only `name` and `displayName`, so owner and
 * catalog entity ride in `metadata.annotations` (where OpenSLO v1 puts
 * annotations): Sloth ignores them, we require them.
 */

/** Annotation naming the owning catalog group, e.g. `group:default/sre`. */
export const OWNER_ANNOTATION = 'scout.io/owner';
/** Annotation naming the catalog entity the SLO covers, e.g. `component:default/ingest-doc`. */
export const ENTITY_ANNOTATION = 'scout.io/entity';
/** Annotation on catalog entities listing their SLO ids, comma separated. */
export const CATALOG_SLOS_ANNOTATION = 'scout.io/slos';

/** Sloth's templating placeholder, replaced by each rule window (5m, 30m, ... 3d). */
export const WINDOW_PLACEHOLDER = '{{.window}}';

// Kubernetes-style names: they become Prometheus label values and file names.
const dnsLabel = z
  .string()
  .max(63, 'at most 63 characters')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'lower-case letters, digits and dashes, starting and ending with a letter or digit',
  );

const groupRef = z
  .string('a full group ref is required, e.g. group:default/sre')
  .regex(
    /^group:[a-z0-9][-a-z0-9]*\/[a-z0-9][-a-z0-9._]*$/,
    'a full group ref, e.g. group:default/sre',
  );

const entityRef = z
  .string('a full entity ref is required, e.g. component:default/ingest-doc')
  .regex(
    /^(component|resource|system|api|domain):[a-z0-9][-a-z0-9]*\/[a-z0-9][-a-z0-9._]*$/,
    'a full ref of a component, resource, system, api or domain, e.g. component:default/ingest-doc',
  );

const metricSource = z.object({
  // Sloth also takes `sloth`; our specs name the system that evaluates them.
  source: z.literal('prometheus', 'must be "prometheus"'),
  queryType: z.literal('promql', 'must be "promql"'),
  query: z.string().trim().min(1, 'a PromQL query is required'),
});

const windowedQuery = metricSource.extend({
  query: metricSource.shape.query.refine(
    q => q.includes(WINDOW_PLACEHOLDER),
    `must use the ${WINDOW_PLACEHOLDER} placeholder for the rule window, as Sloth takes it`,
  ),
});

// Sloth accepts only day-based windows; every rule set here is 30 days.
const timeWindow = z.object({
  unit: z.literal('Day', 'must be "Day" (Sloth supports day windows only)'),
  count: z.literal(30, 'must be 30 (the 30d window every SLO here uses)'),
  isRolling: z.literal(true, 'must be true (rolling window)'),
});

const target = z
  .number('must be a number')
  .gt(0, 'must be above 0')
  .lt(1, 'must be below 1 (a ratio, e.g. 0.999)');

const objectiveBase = z.object({
  displayName: z.string().max(1050).optional(),
  target,
});

const occurrencesObjective = objectiveBase.extend({
  ratioMetrics: z.object(
    {
      good: windowedQuery,
      total: windowedQuery,
      counter: z.boolean().optional(),
    },
    'ratioMetrics (good and total queries) is required for Occurrences',
  ),
});

const timeslicesObjective = objectiveBase.extend({
  // age of the newest good data <= value seconds makes a good minute
  op: z.literal(
    'lte',
    'must be "lte" (the age must stay at or below the value)',
  ),
  value: z
    .number('must be a number of seconds')
    .int('must be whole seconds')
    .positive('must be above 0 seconds'),
});

// Exactly one objective: Sloth names objective i of SLO n `<n>-<i>`, one per
// document keeps the id `<service>-<name>`.
const one = <T extends z.ZodType>(item: T) =>
  z
    .array(item, 'a list with one objective is required')
    .length(1, 'exactly one objective per spec (one SLO id per file)');

const specBase = z.object({
  service: dnsLabel,
  description: z
    .string('a description is required')
    .trim()
    .min(1, 'a description is required')
    .max(1050, 'at most 1050 characters'),
  timeWindows: z
    .array(timeWindow, 'one 30-day rolling time window is required')
    .length(1, 'exactly one time window'),
});

const noIndicator = z.undefined({
  error: 'Occurrences SLOs take ratioMetrics, not an indicator',
});

/** The `spec` of a request SLO: good and total events (Sloth's events SLI). */
export const occurrencesSpecSchema = specBase.extend({
  budgetingMethod: z.literal('Occurrences'),
  indicator: noIndicator.optional(),
  objectives: one(occurrencesObjective),
});

/**
 * The `spec` of a freshness or batch SLO: a time-slice SLI over one
 * minute slices. The indicator is the age in seconds of the newest good data,
 * written exactly as `time() - max(<gauge>{<label>="<value>", ...})`.
 */
export const timeslicesSpecSchema = specBase.extend({
  budgetingMethod: z.literal('Timeslices'),
  indicator: z.object(
    { thresholdMetric: metricSource },
    'indicator.thresholdMetric is required for Timeslices',
  ),
  objectives: one(timeslicesObjective),
});

/** One OpenSLO v1alpha SLO document, as we accept it. */
export const sloDocumentSchema = z.object({
  apiVersion: z.literal('openslo/v1alpha', 'must be "openslo/v1alpha"'),
  kind: z.literal('SLO', 'must be "SLO"'),
  metadata: z.object({
    name: dnsLabel,
    displayName: z
      .string()
      .min(1)
      .max(63, 'at most 63 characters (OpenSLO v1alpha)'),
    annotations: z.object(
      { [OWNER_ANNOTATION]: groupRef, [ENTITY_ANNOTATION]: entityRef },
      `annotations ${OWNER_ANNOTATION} and ${ENTITY_ANNOTATION} are required`,
    ),
  }),
  spec: z.discriminatedUnion('budgetingMethod', [
    occurrencesSpecSchema,
    timeslicesSpecSchema,
  ]),
});

/** A parsed OpenSLO v1alpha SLO document. */
export type SloDocument = z.infer<typeof sloDocumentSchema>;
