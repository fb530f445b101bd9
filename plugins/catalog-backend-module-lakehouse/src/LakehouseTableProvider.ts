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
import { DefaultApiClient } from '@internal/backstage-plugin-lakehouse-common';
import { readLakehouseTables } from './readLakehouseTables';
import { LakehouseTable, tableEntities } from './tableEntity';

/**
 * Puts every lakehouse table in the catalog as a Resource, read from the
 * lakehouse backend on a schedule and applied as a full mutation.
 */
export class LakehouseTableProvider implements EntityProvider {
  readonly #client: DefaultApiClient;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #appBaseUrl: string;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    appBaseUrl: string;
  }): LakehouseTableProvider {
    return new LakehouseTableProvider(options);
  }

  private constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    appBaseUrl: string;
  }) {
    this.#client = new DefaultApiClient({ discoveryApi: options.discovery });
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#appBaseUrl = options.appBaseUrl;
  }

  getProviderName(): string {
    return 'LakehouseTableProvider';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await this.#taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.#refresh(connection),
    });
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
    const entities = tableEntities(tables, this.#appBaseUrl);
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
