import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Scout data plane: the scout database and the edge functions the backend hosts. */
  scout?: {
    database?: {
      /**
       * A PostgreSQL URL for the scout schema. The env variable
       * SCOUT_DATABASE_URL is used when this is unset; without either, the
       * backend uses embedded PGlite under `dataDir`.
       * @visibility secret
       */
      url?: string;
      /** PGlite data directory, relative to the backend's working directory; unset keeps PGlite in memory. */
      dataDir?: string;
    };
    /** Seeds reference data and demo transactions into an empty database. Default true. */
    demo?: {
      enabled?: boolean;
      /** Demo transactions to generate. Default 50000. */
      transactions?: number;
    };
    /**
     * Embeddings for ingest-doc and embed-batch: any OpenAI-compatible server.
     * Without an API key (here, SCOUT_EMBEDDINGS_API_KEY or OPENAI_API_KEY)
     * the functions use a local lexical embedding (shared words, not meaning).
     */
    embeddings?: {
      /** @visibility secret */
      apiKey?: string;
      /** e.g. http://localhost:8000/v1 for a self-hosted server. */
      baseUrl?: string;
      /** Default text-embedding-3-small. */
      model?: string;
    };
    functions?: {
      /** Audience that ingestion tokens must carry. Default `scout`. */
      audience?: string;
      /**
       * HS256 secret for ingestion tokens. Env SCOUT_JWT_SECRET is used when
       * unset; the development default is `scout-dev-secret-change-me`.
       * @visibility secret
       */
      jwtSecret?: string;
      /** A JWKS URL; when set, tokens are verified against it instead of the secret. */
      jwksUrl?: string;
      /** Browser origins allowed by CORS. Default: app.baseUrl. */
      allowedOrigins?: string[];
      /** Largest accepted request body. Default 16 MiB. */
      maxBodyBytes?: number;
      /** Most transactions in one batch. Default 10000. */
      maxBatch?: number;
    };
    /**
     * The lakehouse the pipeline builds. duckdb (default): Parquet files under
     * `dir`, built by dbt on DuckDB, no Java needed. trino: Iceberg tables on
     * the lakehouse stack (`yarn scout stack up`); where Trino, Nessie and the
     * S3 store listen comes from SCOUT_TRINO_PORT, SCOUT_NESSIE_PORT,
     * SCOUT_S3_PORT and the S3 keys' env variables. Env SCOUT_LAKEHOUSE_ENGINE
     * is used when `engine` is unset.
     */
    lakehouse?: {
      engine?: 'duckdb' | 'trino';
      /** DuckDB's lakehouse folder, relative to the backend's working directory. Default .scout/lakehouse in the repository. */
      dir?: string;
    };
    /** The scheduled pipeline: bronze load, dbt build on a branch, publish. */
    pipeline?: {
      /** Default true. */
      enabled?: boolean;
      /** Default every 15 minutes, the first run 30 s after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
