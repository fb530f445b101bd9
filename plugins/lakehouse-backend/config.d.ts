export interface Config {
  /**
   * The lakehouse browser (/api/lakehouse): Iceberg tables through Trino and
   * Nessie, or the embedded Parquet lakehouse through DuckDB.
   */
  lakehouse?: {
    /**
     * duckdb (default): the Parquet files the scout pipeline builds. trino:
     * the Iceberg tables on the lakehouse stack (`yarn scout stack up`).
     * Unset, the scout plugin's `scout.lakehouse.engine` is used, then env
     * SCOUT_LAKEHOUSE_ENGINE, so one setting drives the pipeline and the
     * browser.
     */
    engine?: 'duckdb' | 'trino';
    duckdb?: {
      /**
       * The Parquet lakehouse folder, relative to the backend's working
       * directory. Default `scout.lakehouse.dir`, else .scout/lakehouse in
       * the repository.
       */
      dir?: string;
    };
    trino?: {
      /** Default http://127.0.0.1:8080 (SCOUT_TRINO_HOST, SCOUT_TRINO_PORT). */
      url?: string;
      /** The user metadata queries run as; previews run as the caller. Default scout (SCOUT_TRINO_USER). */
      user?: string;
      /** The Iceberg catalog on Nessie's default branch. Default iceberg. */
      catalog?: string;
    };
    nessie?: {
      /** The REST API v2 root. Default http://127.0.0.1:19120/api/v2 (SCOUT_NESSIE_PORT). */
      url?: string;
      /** The branch that the Trino catalog reads, shown by default. Default main. */
      defaultRef?: string;
    };
    preview?: {
      /** The most rows one preview page returns, at most 500. Default 500. */
      maxRows?: number;
    };
    health?: {
      /**
       * The data file size that file health compares against, unless the
       * table sets write.target-file-size-bytes. Default 512 MiB (Iceberg's).
       */
      targetFileBytes?: number;
    };
    /**
     * The dbt manifest that table and column descriptions come from when the
     * engine has none. Default .scout/pipeline/published/manifest.json in the
     * repository (written by each published pipeline run).
     */
    dbtManifest?: string;
  };
}
