import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * Scout data plane: the scout database and the edge functions the backend
   * hosts. The shared lakehouse connections (`scout.lakehouse`) are
   * described by @internal/backstage-plugin-scout-node.
   */
  scout?: {
    database?: {
      /**
       * A PostgreSQL URL for the scout schema. Unset: embedded PGlite under
       * `dataDir`, for development only.
       * @visibility secret
       */
      url?: string;
      /** PGlite data directory, relative to the backend's working directory; unset keeps PGlite in memory. */
      dataDir?: string;
    };
    migrations?: {
      /**
       * The folder of the NNNN_*.sql migrations applied at start, relative
       * to the backend's working directory. Default migrations/ in the
       * source checkout.
       */
      dir?: string;
    };
    /** Seeds reference data and demo transactions into an empty database. Default true. */
    demo?: {
      enabled?: boolean;
      /** Demo transactions to generate. Default 50000. */
      transactions?: number;
    };
    /**
     * Embeddings for ingest-doc and embed-batch: any OpenAI-compatible server.
     * Without an API key the functions use a local lexical embedding (shared
     * words, not meaning).
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
      /** The issuer (`iss`) that ingestion tokens must carry; unchecked when unset. */
      issuer?: string;
      /**
       * HS256 secret for ingestion tokens. Outside production, with neither
       * this nor `jwksUrl`, the public development secret is used (with a
       * warning).
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
      /**
       * A folder of edge functions: each subfolder whose index exports
       * `hosted` is served at /api/scout/functions/<folder>, beside the
       * built-in three, from the next start. Default in development: the
       * checkout's edge-functions/; in production none.
       */
      dir?: string;
    };
    /** The scheduled pipeline: bronze load, dbt build on a branch, publish. */
    pipeline?: {
      /** Default true. */
      enabled?: boolean;
      /** Default every 15 minutes, the first run 30 s after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      dbt?: {
        /**
         * The dbt project (dbt_project.yml and profiles.yml), relative to the
         * backend's working directory. Default transform/ in the source
         * checkout.
         */
        projectDir?: string;
        /**
         * The dbt executable: a path, or a name on PATH. Development default:
         * the checkout's scripts/dbt (it installs dbt into .venv on first
         * use). Required in production.
         */
        executable?: string;
      };
    };
  };
}
