import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createMigrationRunner,
  openScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { examples } from './migrationCheck.examples';
import {
  type Migration,
  numberingProblems,
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

/**
 * Applies every migration in name order to a new in-memory PGlite with
 * the platform's migration runner. Returns the failing file and
 * PostgreSQL's message, or undefined when all apply.
 */
async function applyProblem(
  migrations: Migration[],
): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'scout-migration-check-'));
  const db = await openScoutDatabase({});
  try {
    for (const m of migrations) await writeFile(join(dir, m.name), m.sql);
    const runner = createMigrationRunner({ db, directory: dir });
    try {
      await runner.up();
      return undefined;
    } catch (error) {
      const failed = (await runner.status()).find(s => s.state !== 'applied');
      return `${failed?.name ?? 'a migration'} does not apply: ${
        (error as Error).message
      }`;
    }
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `scout:migration:check`: checks a migrations folder a template changed
 * before it is published: forward-only numbering against the platform's
 * applied migrations (none edited, renamed or removed; new ones numbered
 * on without gaps), PostgreSQL's own parser (libpg-query) on every file,
 * then the whole folder applied in order to a scratch PGlite. Reads only;
 * the same in a dry run.
 */
export function createMigrationCheckAction(options: {
  /** The platform's migrations folder: what is applied today. */
  appliedDirectory: () => string;
}) {
  return createTemplateAction({
    id: 'scout:migration:check',
    description:
      'Checks a changed migrations folder: forward-only numbering, PostgreSQL syntax, and that every file applies to a scratch database.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .describe(
              'The migrations folder after the change (the applied files plus the new ones), relative to the workspace',
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
      const proposed = (
        await readWorkspaceFiles(ctx.workspacePath, ctx.input.path, ['.sql'])
      ).map(f => ({ name: basename(f.path), sql: f.text }));
      const applied = await readFolder(options.appliedDirectory());
      const added = proposed
        .filter(m => !applied.some(a => a.name === m.name))
        .map(m => m.name);
      const problems = numberingProblems(applied, proposed);
      for (const m of proposed) {
        const problem = await syntaxProblem(m);
        if (problem) problems.push(problem);
      }
      if (!problems.length) {
        ctx.logger.info(
          `applying ${proposed.length} migrations to a scratch database`,
        );
        const problem = await applyProblem(proposed);
        if (problem) problems.push(problem);
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
