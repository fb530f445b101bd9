import type { Layer } from '../layers';

export type Field = { name: string; type?: string };

/**
 * What ran an assertion: `dbt`, `great_expectations`, or another
 * producer's URI; old servers say nothing, which means dbt.
 */
export type AssertionSource = string;

/** One data quality assertion (a dbt test or a GX expectation). */
export type QualityAssertion = {
  assertion: string;
  success: boolean;
  source?: AssertionSource;
  column?: string;
  status?: string;
  message?: string;
  failures?: number;
  failingRowsQuery?: string;
  /** Where dbt kept the failing rows (`store_failures`). */
  failingRowsTable?: string;
};

/** A dataset's newest data quality assertions and their counts. */
export type DatasetQuality = {
  eventTime?: string;
  passed: number;
  warned: number;
  failed: number;
  assertions: QualityAssertion[];
};

/** The last Scout pipeline run that built or checked a dataset. */
export type LastRun = {
  runId: string;
  status: 'published' | 'failed';
  engine: string;
  /** ISO 8601. */
  finishedAt: string;
  /** The rows it left; null when the run did not count them. */
  rows: number | null;
};

/** The newest event that wrote a dataset, from any producer. */
export type LastWrite = {
  job: { namespace: string; name: string };
  runId: string;
  /** The event's type: COMPLETE, FAIL, START, … */
  state: string;
  /** The rows its outputStatistics facet reported; null without one. */
  rows: number | null;
  /** ISO 8601. */
  eventTime: string;
};

/** An owner as an ownership facet names it (`team:payments`). */
export type Owner = { name: string; type?: string };

/** dbt source freshness of a source table. */
export type Freshness = {
  status: 'pass' | 'warn' | 'error' | 'runtime error';
  maxLoadedAt: string | null;
  /** When it was checked; null when the check could not run. */
  snapshottedAt: string | null;
  ageSeconds: number | null;
  warnAfterSeconds: number | null;
  errorAfterSeconds: number | null;
  /** dbt's error, when the check could not run. */
  message?: string;
};

/** The other name of a renamed dataset, and when it was renamed. */
export type RenamedDataset = {
  /** Its node id. */
  id: string;
  namespace: string;
  name: string;
  /** ISO 8601. */
  eventTime?: string;
};

export type DatasetNode = {
  id: string;
  kind: 'dataset';
  namespace: string;
  name: string;
  layer: Layer;
  fields: Field[];
  /** When the lineage store last recorded the dataset (ISO 8601). */
  updatedAt?: string;
  quality?: DatasetQuality;
  lastRun?: LastRun;
  freshness?: Freshness;
  /**
   * What the newest event that wrote it did to it (OpenLineage
   * lifecycleStateChange: DROP, TRUNCATE, …); undefined for a plain write.
   * RENAME on both names of a rename.
   */
  lifecycleState?: string;
  /** Its old name, when the newest event renamed it and said from what. */
  renamedFrom?: RenamedDataset;
  /** Its new name, when it was renamed since its last write: gone here. */
  renamedTo?: RenamedDataset;
  /** The newest event that wrote it, whoever sent it. */
  lastWrite?: LastWrite;
  /** Its owners as producers name them (OpenLineage's ownership facet). */
  owners?: Owner[];
  /** A dataset upstream of it has a failing assertion. */
  upstreamFailed: boolean;
};

export type JobNode = {
  id: string;
  kind: 'job';
  namespace: string;
  name: string;
  sql?: string;
  latestRun?: { runId: string; state?: string };
};

export type LineageNode = DatasetNode | JobNode;

/** One edge, data flowing from `from` to `to` (dataset → job → dataset). */
export type GraphEdge = { from: string; to: string };

export type Direction = 'upstream' | 'downstream';

/**
 * The part of the lineage graph loaded so far. `edges` also holds the
 * edges that lead out of it, to nodes not loaded yet: they are what an
 * "expand" would fetch. Never mutated: every transform returns a new one.
 */
export type LineageGraph = {
  nodes: ReadonlyMap<string, LineageNode>;
  /** Keyed `from>to`. */
  edges: ReadonlyMap<string, GraphEdge>;
};

export const edgeKey = (e: GraphEdge) => `${e.from}>${e.to}`;
