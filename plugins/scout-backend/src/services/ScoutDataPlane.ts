import { LoggerService } from '@backstage/backend-plugin-api';
import {
  asRole,
  createMigrationRunner,
  MigrationsChangedError,
  openScoutDatabase,
  PENDING_PROMOTION_SQL,
  ScoutDatabase,
  withClaims,
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
import { discoverHostedFunctions } from './hostedFolders';
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
    try {
      await migrationRunner(db, config, logger).up();
    } catch (error) {
      await db.close();
      throw explainEmbeddedDatabase(error, url ? undefined : dataDir);
    }
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
   * What a user sees of the layers. `silver` and `silver_lag_p95_s` (the
   * 95th percentile over silver of the seconds from receipt to promotion;
   * null before any promotion) are read as `authenticated` with the
   * caller's claims, so row-level security decides what counts. `bronze`,
   * `quarantine` and `pending` (bronze rows not yet promoted) are
   * operational counters that RLS keeps from users; they are read as
   * service_role and only as totals. `read_as` labels each figure's role.
   */
  async stats(userEntityRef: string) {
    // Counters first: silver, read after, never lags the pending count
    // shown with it (each read is one statement, one snapshot).
    const counters = await withClaims(
      this.db,
      { role: 'service_role', sub: 'plugin:scout' },
      tx =>
        tx.query<{ bronze: number; quarantine: number; pending: number }>(
          `select (select count(*) from scout.bronze_transactions)::int as bronze,
                  (select count(distinct transaction_id) from scout.quarantine)::int as quarantine,
                  ${PENDING_PROMOTION_SQL} as pending`,
        ),
    );
    const visible = await withClaims(
      this.db,
      { role: 'authenticated', sub: userEntityRef },
      tx =>
        tx.query<{ silver: number; silver_lag_p95_s: number | null }>(
          `select count(*)::int as silver,
                  round(percentile_cont(0.95) within group (
                    order by extract(epoch from promoted_at - received_at))
                    filter (where promoted_at is not null)::numeric, 3)::float8 as silver_lag_p95_s
           from scout.silver_transactions`,
        ),
    );
    return {
      database: this.db.kind,
      ...visible.rows[0],
      ...counters.rows[0],
      read_as: {
        authenticated: ['silver', 'silver_lag_p95_s'],
        service_role: ['bronze', 'quarantine', 'pending'],
      },
    };
  }

  migrations() {
    return migrationRunner(this.db, this.#config, this.#logger);
  }

  functions(metrics: FunctionMetrics): Record<string, EdgeFunction> {
    const { functions } = this.#config;
    if (functions.usesDevSecret) {
      this.#logger.warn(
        'ingestion tokens are checked against the development secret; set scout.functions.jwtSecret (env SCOUT_JWT_SECRET in app-config.yaml)',
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
      issuer: functions.issuer,
    };
    const { apiKey, baseUrl, model } = this.#config.embeddings;
    const embeddings = apiKey
      ? createOpenAIEmbeddings({ apiKey, baseURL: baseUrl, model })
      : createLexicalEmbeddings();
    this.#logger.info(`document embeddings: ${embeddings.model}`);
    // On PostgreSQL the functions' reads and writes run as service_role, with
    // its grants, as on Supabase; not as the schema's owner. PGlite (the
    // development default) takes COPY data from a server file device, which
    // only its superuser may read, so there they run as the owner.
    const sql =
      this.db.kind === 'pglite'
        ? this.db
        : asRole(this.db, {
            role: 'service_role',
            sub: 'scout-edge-functions',
          });
    const builtIn: Record<string, EdgeFunction> = {
      'ingest-transaction': createIngestTransaction({
        ...http,
        sql,
        jwt,
        maxBatch: functions.maxBatch,
        metrics: metrics.ingest(),
        onCommitted: () => this.promoter.notify(),
      }),
      'ingest-doc': createIngestDoc({ ...http, sql, jwt, embeddings }),
      'embed-batch': createEmbedBatch({
        ...http,
        sql,
        jwt,
        embeddings,
      }),
    };
    return { ...builtIn, ...this.#hosted({ ...http, sql, jwt }, builtIn) };
  }

  /** The function folders of scout.functions.dir that export `hosted`. */
  #hosted(options: object, builtIn: Record<string, EdgeFunction>) {
    const { dir } = this.#config.functions;
    if (!dir) return {};
    const hosted: Record<string, EdgeFunction> = {};
    const skip = new Set(Object.keys(builtIn));
    for (const { name, create } of discoverHostedFunctions(
      dir,
      skip,
      this.#logger,
    )) {
      try {
        hosted[name] = create(options);
      } catch (error) {
        this.#logger.warn(
          `edge function ${name} could not be created, so it is not hosted: ${error}`,
        );
      }
    }
    if (Object.keys(hosted).length) {
      this.#logger.info(
        `edge functions from ${dir}: ${Object.keys(hosted).join(', ')}`,
      );
    }
    return hosted;
  }
}

function migrationRunner(
  db: ScoutDatabase,
  config: ScoutConfig,
  logger: LoggerService,
) {
  return createMigrationRunner({
    db,
    directory: config.migrations.dir,
    logger,
  });
}

/**
 * A migration refused on the embedded PGlite database most often means its
 * folder was made by an older checkout whose migrations differ: it holds
 * only development and demo data, so say how to start over.
 */
function explainEmbeddedDatabase(error: unknown, dataDir?: string): unknown {
  if (!dataDir || !(error instanceof MigrationsChangedError)) return error;
  return new Error(
    `${error.message} The embedded development database in ${dataDir} was made by another version of Scout: stop the portal and delete that folder to start over with demo data.`,
    { cause: error },
  );
}
