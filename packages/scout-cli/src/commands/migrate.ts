import {
  createMigrationRunner,
  defaultMigrationsDirectory,
  openScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { join, resolve } from 'node:path';
import { type Command, parseFlags, UsageError } from '../command.ts';
import { repoRoot } from '../bench/backend.ts';

const usage = `Usage: scout migrate <status|up> [--db-url URL] [--dir D]

Shows or applies the SQL migrations in migrations/ (or --dir) to the scout database:
a PostgreSQL server when --db-url or env SCOUT_DATABASE_URL is set, else the
portal's embedded PGlite in .scout/pglite (stop the portal first: PGlite
serves one process at a time).

Options:
  --db-url URL     postgres://... (default: env SCOUT_DATABASE_URL)
  --dir D          the migrations folder (default: migrations/ of the
                   checkout), e.g. a reviewed change's folder: the applied
                   files plus its new ones
`;

/** `scout migrate status|up`: the same runner the backend uses at start. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Show or apply the scout database migrations',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { 'db-url': { type: 'string' }, dir: { type: 'string' } },
    });
    const [action] = positionals;
    if (action !== 'status' && action !== 'up') {
      throw new UsageError('say "status" or "up"');
    }
    const url = values['db-url'] ?? process.env.SCOUT_DATABASE_URL;
    const db = await openScoutDatabase(
      url ? { url } : { dataDir: join(repoRoot, '.scout/pglite') },
    );
    try {
      const runner = createMigrationRunner({
        db,
        directory: values.dir
          ? resolve(values.dir)
          : defaultMigrationsDirectory(),
        logger: { info: msg => process.stderr.write(`${msg}\n`) },
      });
      if (action === 'up') {
        const applied = await runner.up();
        process.stdout.write(
          applied.length ? `applied ${applied.length}\n` : 'nothing to apply\n',
        );
        return 0;
      }
      const status = await runner.status();
      for (const m of status) {
        process.stdout.write(
          `${m.state.padEnd(8)} ${m.name}${
            m.appliedAt ? `  ${new Date(m.appliedAt).toISOString()}` : ''
          }\n`,
        );
      }
      return status.some(m => m.state === 'changed' || m.state === 'missing')
        ? 1
        : 0;
    } finally {
      await db.close();
    }
  },
};
