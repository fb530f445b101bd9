/**
 * How a job outside dbt moves data, for the lineage store: the edge functions
 * that write bronze and the promotion from bronze to silver. Each declaration
 * lives beside the code it describes, and a test there checks it against what
 * the code does.
 *
 * Postgres tables are named as Trino's postgresql catalog names them
 * (`postgresql.scout.<table>`), the one spelling every producer uses; a JSON
 * key inside a jsonb column is the field `<column>.<key>` (`payload.total`,
 * `payload.items.sku`). A request body is a dataset of its own, in
 * PLATFORM_API_NAMESPACE.
 */
export type PlatformJob = {
  /** The job's name: the edge function's (`ingest-transaction`) or `scout.promote`. */
  name: string;
  kind: 'edge-function' | 'promotion';
  description: string;
  /** The file that holds the code, relative to the repository root. */
  source: string;
  inputs: PlatformDataset[];
  outputs: (PlatformDataset & { fields: PlatformField[] })[];
};

/** A dataset a platform job reads or writes; namespace defaults to the Postgres tables'. */
export type PlatformDataset = {
  namespace?: string;
  name: string;
  /** Its fields, when the job knows them (a request body's keys). */
  schema?: { name: string; type?: string }[];
};

/** One output field and the input fields its value is computed from. */
export type PlatformField = {
  name: string;
  type?: string;
  from: {
    namespace?: string;
    dataset: string;
    field: string;
    subtype: 'IDENTITY' | 'TRANSFORMATION' | 'AGGREGATION';
  }[];
};

/** Where request bodies sent to the edge functions live as datasets. */
export const PLATFORM_API_NAMESPACE = 'scout://edge-functions';
