export interface Config {
  /** The lineage store (/api/lineage). */
  lineage?: {
    /**
     * The deepest graph, column-lineage or impact query, in hops (a hop is
     * one job between two datasets, or one field-to-field edge). Deeper
     * requests get a 400. Default 20.
     */
    maxDepth?: number;
    /**
     * The most nodes one query answers. A query that would answer more gets
     * a 400 that says to lower the depth. Default 2000.
     */
    maxNodes?: number;
    /**
     * Dataset names rewritten before they enter the graph (the stored
     * event keeps the name it was sent with): the first rule whose
     * `pattern` (a JavaScript regular expression) matches replaces that
     * match with `replacement` (`$1` and the like work). For example, a
     * pipeline run writes through its own Trino catalog, whose tables are
     * main's once the run publishes.
     */
    datasetNameRewrites?: Array<{ pattern: string; replacement: string }>;
  };
}
