export interface Config {
  /**
   * The lakehouse browser (/api/lakehouse): Iceberg tables through Trino and
   * Nessie, or the embedded Parquet lakehouse through DuckDB.
   */
  lakehouse?: {
    /**
     * duckdb: the Parquet files the scout pipeline builds. trino: the
     * Iceberg tables through Trino and Nessie. Default: the shared
     * `scout.lakehouse.engine`, so one setting drives the pipeline and the
     * browser. Where Trino, Nessie and the S3 store are is the shared
     * `scout.lakehouse.trino`, `.nessie` and `.s3`.
     */
    engine?: 'duckdb' | 'trino';
    duckdb?: {
      /**
       * The Parquet lakehouse folder, relative to the backend's working
       * directory. Default `scout.lakehouse.dir`.
       */
      dir?: string;
    };
    trino?: {
      /** The Iceberg catalog on Nessie's default branch. Default `scout.lakehouse.trino.catalog`, else iceberg. */
      catalog?: string;
    };
    nessie?: {
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
