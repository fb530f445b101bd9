export interface Config {
  /** The lineage store (/api/lineage). */
  lineage?: {
    /**
     * The deepest graph or column-lineage query, in hops (a hop is one job
     * between two datasets, or one field-to-field edge). Deeper requests get
     * a 400. Impact has no depth: it follows everything downstream, bounded
     * by maxNodes alone. Default 20.
     */
    maxDepth?: number;
    /**
     * The most nodes one query answers. A query that would answer more gets
     * a 400 (GraphTooLargeError) that says to lower the depth, or for
     * impact to walk the graph a few steps at a time. Default 2000.
     */
    maxNodes?: number;
    /**
     * Dataset names rewritten before they enter the graph (the stored
     * event keeps the name it was sent with): the first rule whose
     * `pattern` (a JavaScript regular expression) matches replaces that
     * match with `replacement` (`$1` and the like work). For example, a
     * pipeline run writes through its own Trino catalog, whose tables are
     * main's once the run publishes. With `namespace`, the dataset also
     * moves to that namespace: Trino, the DuckDB pipeline and the platform
     * jobs each name the scout database's tables in their own namespace,
     * and one rule makes each table one node.
     */
    datasetNameRewrites?: Array<{
      pattern: string;
      replacement: string;
      namespace?: string;
    }>;
    /**
     * The static pass (python/static_pass.py): column lineage derived from
     * dbt artifacts with sqlglot, for POST /dbt-artifacts and for the
     * embedded engine's pipeline runs (Trino's runs send their own events).
     */
    staticPass?: {
      /**
       * The Python that has sqlglot (transform/requirements.txt). Default:
       * the checkout's .venv/bin/python when there is one, else python3.
       */
      python?: string;
      /**
       * The SQL migrations whose views become lineage (platform jobs).
       * Default: the checkout's migrations/ when there is one.
       */
      migrations?: string;
      /** How the datasets of a published DuckDB pipeline run are named. */
      pipeline?: {
        /** Default duckdb://lakehouse. */
        namespace?: string;
        /**
         * dbt's database name to the catalog the Lakehouse page shows, so
         * dataset names match the lakehouse tables. Default {scout: lakehouse}.
         */
        renameDatabase?: { [from: string]: string };
        /**
         * The namespace of Trino's lineage (its listener's
         * `openlineage-event-listener.trino.uri`), where a Trino run's test
         * results go. Default: trino://<host>:<port> of scout.lakehouse.trino.url.
         */
        trinoNamespace?: string;
      };
    };
  };
}
