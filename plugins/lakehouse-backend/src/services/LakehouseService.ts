import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { LakehouseConfig } from '../config';
import { DuckdbEngine } from '../engines/duckdb/DuckdbEngine';
import { TrinoEngine } from '../engines/trino/TrinoEngine';
import type { LakehouseEngine, TableRef } from '../engines/types';
import type { Catalog, TableDetail } from '../schema/openapi/generated/models';
import { DbtDocs } from './DbtDocs';

/**
 * The lakehouse browser: the configured engine behind its catalog name,
 * with descriptions from dbt where the engine has none.
 */
export class LakehouseService {
  static async create(options: {
    config: LakehouseConfig;
    logger: LoggerService;
  }): Promise<LakehouseService> {
    const { config, logger } = options;
    const engine: LakehouseEngine = config.trino
      ? TrinoEngine.create({
          trino: config.trino,
          nessie: {
            url: config.trino.nessieUrl,
            defaultRef: config.nessie.defaultRef,
          },
          icebergProperties: config.trino.icebergProperties,
          targetFileBytes: config.health.targetFileBytes,
        })
      : await DuckdbEngine.create({
          dir: config.duckdb.dir,
          targetFileBytes: config.health.targetFileBytes,
        });
    logger.info(
      `Serving lakehouse catalog ${engine.catalog.name} on ${config.engine}`,
    );
    // Not awaited: an engine that is down must not hold up the backend.
    engine.probe().then(
      problem => problem && logger.warn(`Lakehouse: ${problem}`),
      error => logger.warn(`Lakehouse: the engine check failed: ${error}`),
    );
    return new LakehouseService(engine, new DbtDocs(config.dbtManifest));
  }

  private constructor(
    private readonly lakehouse: LakehouseEngine,
    private readonly docs: DbtDocs,
  ) {}

  catalogs(): Catalog[] {
    return [this.lakehouse.catalog];
  }

  /** The engine serving `catalog`; NotFoundError for any other name. */
  engine(catalog: string): LakehouseEngine {
    if (catalog !== this.lakehouse.catalog.name) {
      throw new NotFoundError(
        `No lakehouse catalog ${catalog}; this backend serves ${this.lakehouse.catalog.name}`,
      );
    }
    return this.lakehouse;
  }

  /** A table's detail; dbt's docs fill the description and column comments. */
  async describeTable(catalog: string, ref: TableRef): Promise<TableDetail> {
    const detail = await this.engine(catalog).getTable(ref);
    const docs = await this.docs.table(ref.namespace, ref.table);
    if (!docs) return detail;
    return {
      ...detail,
      description: detail.description ?? docs.description,
      columns: detail.columns.map(c => ({
        ...c,
        comment: c.comment ?? docs.columns.get(c.name) ?? null,
      })),
    };
  }

  close(): Promise<void> {
    return this.lakehouse.close();
  }
}
