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
  };
}
