import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, toError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import { DefaultApiClient } from '@internal/backstage-plugin-lakehouse-common';
import { generatedClientOptions } from '@internal/backstage-plugin-scout-client';
import {
  LINEAGE_UPDATED_TOPIC,
  PIPELINE_RUN_TOPIC,
  PipelineRunEventPayload,
} from '@internal/backstage-plugin-scout-node';
import { readLakehouseTables } from './readLakehouseTables';
import { readLineageUpstream } from './readLineageUpstream';
import { LakehouseTable, tableEntities } from './tableEntity';

type ProviderOptions = {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
  /** Pipeline runs that publish trigger a refresh; the schedule is the fallback. */
  events: EventsService;
  appBaseUrl: string;
};

/**
 * Puts every lakehouse table in the catalog as a Resource, read from the
 * lakehouse backend, with dependsOn the tables the lineage store says it is
 * built from, and applied as a full mutation: when a pipeline run publishes
 * (PIPELINE_RUN_TOPIC), when the static pass records lineage
 * (LINEAGE_UPDATED_TOPIC) and on a schedule.
 */
export class LakehouseTableProvider implements EntityProvider {
  readonly #client: DefaultApiClient;
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #events: EventsService;
  readonly #appBaseUrl: string;
  // Refreshes run one after another, so an event during a scheduled refresh
  // cannot apply its older result last.
  #queue: Promise<void> = Promise.resolve();

  static create(options: ProviderOptions): LakehouseTableProvider {
    return new LakehouseTableProvider(options);
  }

  private constructor(options: ProviderOptions) {
    // Table names may hold emoji, which the generated client mis-encodes.
    this.#client = new DefaultApiClient(
      generatedClientOptions({
        discoveryApi: options.discovery,
        fetchApi: { fetch },
      }),
    );
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#events = options.events;
    this.#appBaseUrl = options.appBaseUrl;
  }

  getProviderName(): string {
    return 'LakehouseTableProvider';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await this.#taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.#enqueue(connection),
    });
    await this.#events.subscribe({
      id: this.getProviderName(),
      topics: [PIPELINE_RUN_TOPIC, LINEAGE_UPDATED_TOPIC],
      onEvent: params =>
        params.topic === LINEAGE_UPDATED_TOPIC
          ? this.#enqueue(connection)
          : this.#onPipelineRun(params, connection),
    });
  }

  async #onPipelineRun(
    { eventPayload }: EventParams,
    connection: EntityProviderConnection,
  ): Promise<void> {
    // A failed run published nothing, so the tables are as they were.
    const run = eventPayload as Partial<PipelineRunEventPayload>;
    if (run.status !== 'published') return;
    this.#logger.info(`Lakehouse: pipeline run ${run.runId} published`);
    await this.#enqueue(connection);
  }

  #enqueue(connection: EntityProviderConnection): Promise<void> {
    this.#queue = this.#queue
      .then(() => this.#refresh(connection))
      .catch(error =>
        this.#logger.error('Lakehouse tables not applied', toError(error)),
      );
    return this.#queue;
  }

  /** The lineage store's upstream tables; none when it cannot tell. */
  async #upstream(tables: LakehouseTable[]): Promise<Map<string, string[]>> {
    try {
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: 'lineage',
      });
      return await readLineageUpstream({
        tables,
        discovery: this.#discovery,
        token,
      });
    } catch (error) {
      this.#logger.warn(
        `Lakehouse tables get no dependsOn from lineage this time: ${error}`,
      );
      return new Map();
    }
  }

  async #refresh(connection: EntityProviderConnection): Promise<void> {
    let tables: LakehouseTable[];
    try {
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: 'lakehouse',
      });
      tables = await readLakehouseTables({
        client: this.#client,
        token,
        logger: this.#logger,
      });
    } catch (error) {
      // A full mutation replaces everything this provider gave before, so on
      // any failure none is applied and the last tables stay in the catalog.
      if (error instanceof ServiceUnavailableError) {
        this.#logger.warn(
          `Lakehouse tables not refreshed, keeping the previous ones: ${error.message}`,
        );
      } else {
        this.#logger.error(
          'Lakehouse tables not refreshed, keeping the previous ones',
          toError(error),
        );
      }
      return;
    }
    const entities = tableEntities(
      tables,
      this.#appBaseUrl,
      await this.#upstream(tables),
    );
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.#logger.info(`Lakehouse: ${entities.length} tables in the catalog`);
  }
}
