import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createMigrationRunner,
  openScoutDatabase,
  type ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { examples } from './migrationCheck.examples';
import {
  type Migration,
  numberingProblems,
  overlay,
  syntaxProblem,
} from './migrationRules';
import { readWorkspaceFiles } from './workspaceFiles';

async function readFolder(directory: string): Promise<Migration[]> {
  const names = (await readdir(directory)).filter(n => n.endsWith('.sql'));
  return Promise.all(
    names.sort().map(async name => ({
      name,
      sql: await readFile(join(directory, name), 'utf8'),
    })),
  );
}

/** A table the change's users read, with the columns they need. */
type ExpectedTable = { name: string; columns: { name: string }[] };

/**
 * What `table` lacks on `db`: the table itself (PostgreSQL's to_regclass
 * resolves the name), else each column that it does not have.
 */
async function tableProblems(
  db: ScoutDatabase,
  table: ExpectedTable,
): Promise<string[]> {
  const found = await db
    .query<{ column_name: string }>(
      `select attname as column_name from pg_attribute
       where attrelid = to_regclass($1) and attnum > 0 and not attisdropped`,
      [table.name],
    )
    .catch((error: Error) => error);
  if (found instanceof Error) return [`${table.name}: ${found.message}`];
  const rows = found.rows;
  if (!rows.length) {
    return [`${table.name} does not exist once the migrations apply`];
  }
  const have = new Set(rows.map(r => r.column_name));
  return table.columns
    .filter(c => !have.has(c.name))
    .map(c => `${table.name} has no column ${c.name}`);
}

/**
 * Applies every migration in name order to a new in-memory PGlite with
 * the platform's migration runner, then looks for the expected tables.
 * Returns the failing file and PostgreSQL's message, or what the tables
 * lack; empty when all apply and every table is there.
 */
async function applyProblems(
  migrations: Migration[],
  tables: ExpectedTable[],
): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'scout-migration-check-'));
  const db = await openScoutDatabase({});
  try {
    for (const m of migrations) await writeFile(join(dir, m.name), m.sql);
    const runner = createMigrationRunner({ db, directory: dir });
    try {
      await runner.up();
    } catch (error) {
      const failed = (await runner.status()).find(s => s.state !== 'applied');
      return [
        `${failed?.name ?? 'a migration'} does not apply: ${
          (error as Error).message
        }`,
      ];
    }
    const problems: string[] = [];
    for (const table of tables)
      problems.push(...(await tableProblems(db, table)));
    return problems;
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `scout:migration:check`: checks the migrations a template adds before
 * they are published. The workspace folder holds only the change; its
 * files are laid over the platform's applied migrations: a file with an
 * applied name must be identical, new ones number on without gaps.
 * PostgreSQL's own parser (libpg-query) reads every new file, then the
 * whole folder is applied in order to a scratch PGlite, where the tables
 * the change's users read must exist. A workspace without the folder adds
 * no migration. Reads only; the same in a dry run.
 */
export function createMigrationCheckAction(options: {
  /** The platform's migrations folder: what is applied today. */
  appliedDirectory: () => string;
}) {
  return createTemplateAction({
    id: 'scout:migration:check',
    description:
      "Checks the migrations a change adds over the platform's applied ones: forward-only numbering, PostgreSQL syntax, that every file applies to a scratch database, and that the tables a pipeline reads exist there.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .describe(
              "The change's migrations folder, relative to the workspace: only the new files (a file named like an applied one must be identical to it); absent when the change adds none",
            ),
        tables: z =>
          z
            .array(
              z.object({
                name: z
                  .string()
                  .describe('Schema-qualified, e.g. scout.bronze_store_visits'),
                columns: z
                  .array(z.object({ name: z.string() }).passthrough())
                  .describe(
                    "Its columns, each { name }; other keys are ignored, so a template's fields fit as they are",
                  ),
              }),
            )
            .optional()
            .describe(
              'Tables that must exist, with these columns, once the migrations apply: the Postgres table a new pipeline loads',
            ),
      },
      output: {
        added: z =>
          z
            .array(z.string())
            .describe(
              'The new migrations, by file name, in the order they apply',
            ),
      },
    },
    async handler(ctx) {
      const root = resolveSafeChildPath(ctx.workspacePath, ctx.input.path);
      const changed = existsSync(root)
        ? (
            await readWorkspaceFiles(ctx.workspacePath, ctx.input.path, [
              '.sql',
            ])
          ).map(f => ({ name: basename(f.path), sql: f.text }))
        : [];
      const applied = await readFolder(options.appliedDirectory());
      const added = changed
        .filter(m => !applied.some(a => a.name === m.name))
        .map(m => m.name);
      const problems = numberingProblems(applied, changed);
      for (const m of changed) {
        const problem = await syntaxProblem(m);
        if (problem) problems.push(problem);
      }
      if (!problems.length) {
        const all = overlay(applied, changed);
        ctx.logger.info(
          `applying ${all.length} migrations (${added.length} new) to a scratch database`,
        );
        problems.push(...(await applyProblems(all, ctx.input.tables ?? [])));
      }
      if (problems.length) {
        throw new InputError(
          `the migrations do not check:\n${problems
            .map(p => `  ${p}`)
            .join('\n')}`,
        );
      }
      ctx.logger.info(`migrations check; new: ${added.join(', ') || 'none'}`);
      ctx.output('added', added);
    },
  });
}
