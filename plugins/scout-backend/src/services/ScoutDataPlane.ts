import { LoggerService } from '@backstage/backend-plugin-api';
import {
  createMigrationRunner,
  defaultMigrationsDirectory,
  openScoutDatabase,
  PENDING_PROMOTION_SQL,
  ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import {
  createEmbedBatch,
  createIngestDoc,
  createIngestTransaction,
  createLexicalEmbeddings,
  createOpenAIEmbeddings,
} from '@internal/scout-edge-functions';
import { ScoutConfig } from '../config';
import { seedDemoData } from './demoData';
import { EdgeFunction } from './FunctionHost';
import { FunctionMetrics } from './metrics';
import { Promoter } from './Promoter';

/**
 * The scout database and the edge functions over it. Opens PostgreSQL or
 * PGlite, applies pending migrations, seeds demo data on first start, and
 * promotes bronze to silver in the background.
 */
export class ScoutDataPlane {
  readonly db: ScoutDatabase;
  readonly promoter: Promoter;
  readonly #config: ScoutConfig;
  readonly #logger: LoggerService;

  private constructor(
    db: ScoutDatabase,
    promoter: Promoter,
    config: ScoutConfig,
    logger: LoggerService,
  ) {
    this.db = db;
    this.promoter = promoter;
    this.#config = config;
    this.#logger = logger;
  }

  static async create(
    config: ScoutConfig,
    logger: LoggerService,
    metrics: FunctionMetrics,
  ) {
    const { url, dataDir } = config.database;
    const db = await openScoutDatabase(url ? { url } : { dataDir });
    logger.info(
      url
        ? 'scout database: PostgreSQL'
        : `scout database: PGlite in ${dataDir ?? 'memory'}`,
    );
    await migrationRunner(db, logger).up();
    const promoter = Promoter.start(db, logger, metrics.promotion());
    const plane = new ScoutDataPlane(db, promoter, config, logger);
    if (config.demo.enabled) {
      await seedDemoData(db, config.demo.transactions, logger);
      // The first pipeline run and the gold views should see the demo sales.
      await promoter.drain();
    }
    return plane;
  }

  /** Stops promotion (waiting for the round in flight), then closes the database. */
  async close() {
    await this.promoter.stop();
    await this.db.close();
  }

  /**
   * Row counts per layer, and which database serves them: bronze, silver and
   * quarantined transactions; `pending`, bronze rows not yet promoted; and
   * `silver_lag_p95_s`, the 95th percentile over silver of the seconds from
   * receipt to promotion (null before any promotion).
   */
  async stats() {
    const { rows } = await this.db.query<{
      bronze: number;
      silver: number;
      quarantine: number;
      silver_lag_p95_s: number | null;
      pending: number;
    }>(
      // One statement, so every count comes from the same snapshot.
      `select (select count(*) from scout.bronze_transactions)::int as bronze,
              (select count(*) from scout.silver_transactions)::int as silver,
              (select count(distinct transaction_id) from scout.quarantine)::int as quarantine,
              (select round(percentile_cont(0.95) within group (
                         order by extract(epoch from promoted_at - received_at))::numeric, 3)::float8
               from scout.silver_transactions where promoted_at is not null) as silver_lag_p95_s,
              ${PENDING_PROMOTION_SQL} as pending`,
    );
    return { database: this.db.kind, ...rows[0] };
  }

  migrations() {
    return migrationRunner(this.db, this.#logger);
  }

  functions(metrics: FunctionMetrics): Record<string, EdgeFunction> {
    const { functions } = this.#config;
    if (functions.usesDevSecret) {
      this.#logger.warn(
        'ingestion tokens are checked against the development secret; set scout.functions.jwtSecret or SCOUT_JWT_SECRET',
      );
    }
    const http = {
      allowedOrigins: functions.allowedOrigins,
      maxBodyBytes: functions.maxBodyBytes,
      // 5xx bodies say only that an error happened; the details are logged here.
      onServerError: (
        error: unknown,
        context: { requestId: string; request: Request },
      ) => {
        const name = new URL(context.request.url).pathname.split('/').pop();
        const cause = (error as { cause?: unknown }).cause;
        this.#logger.error(
          `edge function ${name} failed; request_id ${context.requestId}${
            cause ? `; cause: ${String(cause)}` : ''
          }`,
          error instanceof Error ? error : { error: String(error) },
        );
      },
    };
    const jwt = {
      audience: functions.audience,
      secret: functions.jwtSecret,
      jwksUrl: functions.jwksUrl,
    };
    const { apiKey, baseUrl, model } = this.#config.embeddings;
    const embeddings = apiKey
      ? createOpenAIEmbeddings({ apiKey, baseURL: baseUrl, model })
      : createLexicalEmbeddings();
    this.#logger.info(`document embeddings: ${embeddings.model}`);
    return {
      'ingest-transaction': createIngestTransaction({
        ...http,
        sql: this.db,
        jwt,
        maxBatch: functions.maxBatch,
        metrics: metrics.ingest(),
        onCommitted: () => this.promoter.notify(),
      }),
      'ingest-doc': createIngestDoc({ ...http, sql: this.db, jwt, embeddings }),
      'embed-batch': createEmbedBatch({
        ...http,
        sql: this.db,
        jwt,
        embeddings,
      }),
    };
  }
}

function migrationRunner(db: ScoutDatabase, logger: LoggerService) {
  return createMigrationRunner({
    db,
    directory: defaultMigrationsDirectory(),
    logger,
  });
}
