import {
  createLakehouseS3Client,
  createTrinoSql,
  ensureBucket,
  LAKEHOUSE_NAMESPACES,
} from '@internal/backstage-plugin-scout-node';
import { type Command, parseFlags, UsageError } from '../command.ts';
import { localStackSettings } from '../stack/settings.ts';

const usage = `Usage: scout lakehouse init

Creates what the lakehouse needs on a running stack ("scout stack up"), and
leaves what exists:
  - the warehouse bucket (scout.lakehouse.s3.bucket) on the S3 store
  - the Iceberg namespaces ${LAKEHOUSE_NAMESPACES.join(
    ', ',
  )} in Trino's Iceberg catalog (scout.lakehouse.trino.catalog)
The stack's addresses come from app-config.yaml (scout.lakehouse).
`;

/** `scout lakehouse init`: bucket and namespaces, idempotent. */
export const lakehouseCommand: Command = {
  name: 'lakehouse',
  summary: 'Create the warehouse bucket and Iceberg namespaces (idempotent)',
  usage,
  async run(args) {
    const { positionals } = parseFlags({ args, allowPositionals: true });
    if (positionals.length !== 1 || positionals[0] !== 'init') {
      throw new UsageError('say "init"');
    }
    const settings = await localStackSettings();
    const hint = ' (is the stack up? ./scripts/yarn scout stack up)';

    const s3 = createLakehouseS3Client(settings.s3);
    try {
      const bucket = await ensureBucket(s3, settings.s3.bucket).catch(
        (error: Error) => {
          throw new Error(`${error.message}${hint}`);
        },
      );
      process.stdout.write(`bucket ${settings.s3.bucket}: ${bucket}\n`);
    } finally {
      s3.destroy();
    }

    const trino = createTrinoSql({
      server: settings.trino.url,
      user: settings.trino.user,
    });
    const catalog = settings.trino.icebergCatalog;
    const existing = await trino(`show schemas from ${catalog}`).catch(
      (error: Error) => {
        throw new Error(`${error.message}${hint}`);
      },
    );
    const names = new Set(existing.map(([name]) => String(name)));
    for (const namespace of LAKEHOUSE_NAMESPACES) {
      if (!names.has(namespace)) {
        await trino(`create schema if not exists ${catalog}.${namespace}`);
      }
      process.stdout.write(
        `namespace ${catalog}.${namespace}: ${
          names.has(namespace) ? 'exists' : 'created'
        }\n`,
      );
    }
    return 0;
  },
};
