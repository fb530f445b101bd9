import {
  resolveSafeChildPath,
  type RootConfigService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  type DbtSettings,
  developmentDbt,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { examples } from './dbtCheck.examples';
import { planBuild } from './dbtCheckPlan';
import { overlayProject } from './dbtCheckProject';
import {
  buildFailures,
  dbtError,
  type DbtScratch,
  runDbt,
} from './dbtCheckRun';
import { createEmptySources } from './dbtCheckSources';

/**
 * The check's dbt and the platform's dbt project: the pipeline's own,
 * `scout.pipeline.dbt.projectDir` (default transform/ in the source
 * checkout) and `scout.pipeline.dbt.executable`
 * (default the checkout's scripts/dbt,
 * which sets up the project venv). Resolved when a check runs, so a
 * backend without a checkout still starts.
 */
export function readDbtCheckSettings(
  config: RootConfigService,
): () => DbtSettings {
  const dir = config.getOptionalString('scout.pipeline.dbt.projectDir');
  const executable = config.getOptionalString('scout.pipeline.dbt.executable');
  return () => ({
    executable: executable ?? developmentDbt(repositoryRoot()).executable,
    projectDir: dir
      ? resolve(dir)
      : developmentDbt(repositoryRoot()).projectDir,
  });
}

/** Milliseconds as seconds, to a tenth. */
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * `scout:dbt:check`: builds the dbt models a template generated together
 * with the platform's dbt project before anything is published. The
 * workspace's files go over a scratch copy of the project; `dbt parse`
 * must pass; then `dbt build` on an empty DuckDB runs the models the
 * workspace adds or changes (after their upstream models, on empty
 * inputs) and their tests. Reads the workspace only and removes its
 * scratch folder; the same in a dry run.
 */
export function createDbtCheckAction(options: { dbt: () => DbtSettings }) {
  return createTemplateAction({
    id: 'scout:dbt:check',
    description:
      "Builds the dbt models a template generated with the platform's dbt project: dbt parse, then dbt build of the new models and their tests on an empty DuckDB.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'The dbt files the template wrote, laid out as in the dbt project (models/<layer>/*.sql and *.yml, tests/*.sql), relative to the workspace. Default transform',
            ),
        replaces: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Whether the files may replace files the platform's dbt project already has, different from its own. Default false: a generated change adds files, and one that would replace a platform model is refused, naming it",
            ),
        exclude: z =>
          z
            // A selector, never a dbt option such as --vars.
            .array(z.string().regex(/^[^-\s]/, 'a dbt selector'))
            .optional()
            .describe(
              'dbt selectors to leave out of the build, e.g. test_name:row_count_at_least: a test that needs rows fails on empty inputs',
            ),
      },
      output: {
        models: z =>
          z
            .array(z.string())
            .describe('The unique ids of the models built and tested, sorted'),
        seconds: z => z.number().describe('How long the check took'),
      },
    },
    async handler(ctx) {
      const started = performance.now();
      const path = ctx.input.path ?? 'transform';
      const from = resolveSafeChildPath(ctx.workspacePath, path);
      if (!(await stat(from).catch(() => undefined))?.isDirectory()) {
        throw new InputError(`${path} is not a folder in the workspace`);
      }
      const dbt = options.dbt();
      if (!existsSync(join(dbt.projectDir, 'dbt_project.yml'))) {
        throw new Error(
          `scout.pipeline.dbt.projectDir: no dbt_project.yml in ${dbt.projectDir}`,
        );
      }
      const root = await mkdtemp(join(tmpdir(), 'scout-dbt-check-'));
      const scratch: DbtScratch = {
        project: join(root, 'project'),
        lakehouse: join(root, 'lakehouse'),
        target: join(root, 'target'),
      };
      try {
        const changes = await overlayProject(
          dbt.projectDir,
          from,
          scratch.project,
        );
        ctx.logger.info(
          `${path} adds or changes ${changes.length} file(s) of the dbt project`,
        );
        const replaced = changes.filter(c => !c.added).map(c => c.path);
        if (replaced.length && !ctx.input.replaces) {
          throw new InputError(
            `${path} would replace ${
              replaced.length
            } file(s) of the platform's dbt project; a new model needs a name of its own:\n${replaced
              .map(p => `  ${p}`)
              .join('\n')}`,
          );
        }
        await mkdir(scratch.lakehouse);
        const run = async (command: string[]) => {
          const start = performance.now();
          const outcome = await runDbt(dbt.executable, command, scratch, {
            log: line => ctx.logger.info(line),
            signal: ctx.signal,
          });
          ctx.logger.info(
            `dbt ${command[0]} took ${seconds(performance.now() - start)} s`,
          );
          return outcome;
        };
        const parsed = await run(['parse']);
        if (parsed.exitCode !== 0) {
          throw new InputError(
            `dbt parse fails with ${path} over the platform's dbt project:\n${dbtError(
              parsed.output,
            )}`,
          );
        }
        const plan = planBuild(
          JSON.parse(
            await readFile(join(scratch.target, 'manifest.json'), 'utf8'),
          ),
          changes,
        );
        if (plan.select.length) {
          await createEmptySources(plan.sources, scratch.lakehouse);
          // dbt-duckdb's COPY does not create the folders it writes to.
          for (const schema of plan.schemas) {
            await mkdir(resolveSafeChildPath(scratch.lakehouse, schema), {
              recursive: true,
            });
          }
          const exclude = ctx.input.exclude ?? [];
          const built = await run([
            'build',
            ...['--select', ...plan.select, '--indirect-selection', 'empty'],
            ...(exclude.length ? ['--exclude', ...exclude] : []),
          ]);
          const failures = await buildFailures(scratch.target).catch(
            () => undefined,
          );
          if (failures?.length) {
            throw new InputError(
              `dbt build fails on an empty DuckDB:\n${failures
                .map(f => `  ${f}`)
                .join('\n')}`,
            );
          }
          if (built.exitCode !== 0) {
            // No failed node: dbt stopped before building anything (a
            // selector in exclude it cannot read, or its own setup).
            throw new InputError(
              `dbt build exited with ${built.exitCode}:\n${dbtError(
                built.output,
              )}`,
            );
          }
        }
        ctx.logger.info(
          `dbt check passes: ${plan.models.join(', ') || 'no new model'}`,
        );
        ctx.output('models', plan.models);
        ctx.output('seconds', seconds(performance.now() - started));
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  });
}
