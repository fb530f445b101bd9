import { LoggerService } from '@backstage/backend-plugin-api';
import {
  createMigrationRunner,
  defaultMigrationsDirectory,
  openScoutDatabase,
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

/**
 * The scout database and the edge functions over it. Opens PostgreSQL or
 * PGlite, applies pending migrations and seeds demo data on first start.
 */
export class ScoutDataPlane {
  readonly db: ScoutDatabase;
  readonly #config: ScoutConfig;
  readonly #logger: LoggerService;

  private constructor(
    db: ScoutDatabase,
    config: ScoutConfig,
    logger: LoggerService,
  ) {
    this.db = db;
    this.#config = config;
    this.#logger = logger;
  }

  static async create(config: ScoutConfig, logger: LoggerService) {
    const { url, dataDir } = config.database;
    const db = await openScoutDatabase(url ? { url } : { dataDir });
    logger.info(
      url
        ? 'scout database: PostgreSQL'
        : `scout database: PGlite in ${dataDir ?? 'memory'}`,
    );
    const plane = new ScoutDataPlane(db, config, logger);
    await plane.migrations().up();
    if (config.demo.enabled) {
      await seedDemoData(db, config.demo.transactions, logger);
    }
    return plane;
  }

  /** Row counts per layer, and which database serves them. */
  async stats() {
    const { rows } = await this.db.query<{
      bronze: number;
      silver: number;
      quarantine: number;
    }>(
      `select (select count(*) from scout.bronze_transactions)::int as bronze,
              (select count(*) from scout.silver_transactions)::int as silver,
              (select count(distinct transaction_id) from scout.quarantine)::int as quarantine`,
    );
    return { database: this.db.kind, ...rows[0] };
  }

  migrations() {
    return createMigrationRunner({
      db: this.db,
      directory: defaultMigrationsDirectory(),
      logger: this.#logger,
    });
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
