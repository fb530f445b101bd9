export interface Config {
  scout?: {
    /**
     * The lakehouse connections that the scout pipeline, the lakehouse
     * browser and the `scout` CLI share, read once by
     * `readLakehouseStack` (the `lakehouseStackServiceRef` service).
     */
    lakehouse?: {
      /**
       * duckdb (default): Parquet files under `dir`, built by dbt on DuckDB,
       * no services needed. trino: Iceberg tables through Trino and Nessie on
       * the S3 store; then `trino`, `nessie` and `s3` must be set.
       */
      engine?: 'duckdb' | 'trino';
      /**
       * DuckDB's Parquet lakehouse folder, relative to the backend's working
       * directory. Default .scout/lakehouse in the source checkout.
       */
      dir?: string;
      trino?: {
        /** Trino's HTTP(S) address, e.g. https://trino.example.com:8443. */
        url: string;
        /** The Trino user the pipeline and the portal's metadata reads run as. */
        user: string;
        /** The Iceberg catalog on Nessie's main branch. Default iceberg. */
        catalog?: string;
        /** Trino's catalog over the scout PostgreSQL database. Default postgresql. */
        postgresCatalog?: string;
      };
      nessie?: {
        /** Nessie's REST API v2 root, e.g. https://nessie.example.com/api/v2. */
        url: string;
      };
      /** The object store that holds the Iceberg warehouse (s3://<bucket>/warehouse). */
      s3?: {
        /** An S3-compatible endpoint (MinIO, S3Proxy); unset for AWS S3. */
        endpoint?: string;
        /** Default us-east-1. */
        region?: string;
        bucket: string;
        /**
         * An identifier, not a secret (AWS treats it so); left visible so
         * the logs' redaction does not mask every word it matches, such as
         * the local stack's `scout`.
         */
        accessKeyId: string;
        /** @visibility secret */
        secretAccessKey: string;
      };
      /**
       * How Trino reaches the scout database: the `postgresql` catalog of
       * the local stack, and the catalogs of test sandboxes.
       */
      postgres?: {
        /** e.g. jdbc:postgresql://db.example.com:5432/scout */
        jdbcUrl: string;
        /** The login name; the password is the secret. */
        user?: string;
        /** @visibility secret */
        password?: string;
      };
    };
  };
}
