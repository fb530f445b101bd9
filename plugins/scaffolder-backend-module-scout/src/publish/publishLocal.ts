import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { execFile } from 'node:child_process';
import { access, cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exampleStep, repoInput } from './examples';
import { LOCAL_GIT_LOCATION } from './localGit';

const run = promisify(execFile);

/** Picks the entity a run's "Open in catalog" link shows: a Component first. */
const mainEntity = (refs: string[]) =>
  refs.find(r => r.startsWith('component:')) ?? refs[0];

/**
 * `scout:publish:local`: the embedded default's publisher, for a portal
 * with no Gitea. Commits the workspace as the first commit on `main` of a
 * new Git repository `<directory>/<repo>` (the `git` CLI), then registers
 * its `catalog-info.yaml` (a `scout-local-git` location, which the catalog
 * module of this package reads) as the run's initiator: the policy decides
 * who may register. A repository of that name is a
 * ConflictError; a failed registration removes the repository again, so a
 * run leaves both or neither. A dry run checks the name and the conflict
 * and writes nothing.
 */
export function createPublishLocalAction(options: {
  /** Where the local repositories live (scout.templates.localGitDir). */
  directory: () => string;
  catalog: CatalogService;
}) {
  return createTemplateAction({
    id: 'scout:publish:local',
    description:
      "Publishes the workspace as a new repository in the portal's local Git and registers its catalog-info.yaml.",
    examples: [
      exampleStep('Publish to the local Git', 'scout:publish:local', {
        repo: 'pos-returns',
      }),
    ],
    supportsDryRun: true,
    schema: {
      input: {
        repo: repoInput,
      },
      output: {
        remoteUrl: z => z.string().describe('file:// URL of the repository'),
        entityRef: z =>
          z.string().describe('The main entity registered from it'),
      },
    },
    async handler(ctx) {
      const root = options.directory();
      const target = join(root, ctx.input.repo);
      const exists = await access(target).then(
        () => true,
        () => false,
      );
      if (exists) {
        throw new ConflictError(
          `A repository named ${ctx.input.repo} already exists in the portal's local Git; choose another name`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish to ${target}`);
        return;
      }
      await mkdir(root, { recursive: true });
      try {
        await cp(ctx.workspacePath, target, { recursive: true });
        const who = ctx.user?.ref ?? 'scout-portal';
        const git = (...args: string[]) => run('git', args, { cwd: target });
        await git('init', '--quiet', '--initial-branch', 'main');
        await git('add', '--all');
        await git(
          '-c',
          'user.name=Scout Portal',
          '-c',
          'user.email=scaffolder@scout.invalid',
          'commit',
          '--quiet',
          '--message',
          `Scaffolded by ${
            ctx.templateInfo?.entityRef ?? 'a template'
          } for ${who}`,
        );
        const location = { type: LOCAL_GIT_LOCATION, target: ctx.input.repo };
        const credentials = await ctx.getInitiatorCredentials();
        // Only a dry run answers with the location's entities; the real add
        // answers none and processes them later (as catalog:register does).
        const { entities } = await options.catalog.addLocation(
          { ...location, dryRun: true },
          { credentials },
        );
        await options.catalog.addLocation(location, { credentials });
        // The dry run lists the location itself too: not what a run made.
        const refs = entities
          .filter(e => e.kind !== 'Location')
          .map(
            e =>
              `${e.kind.toLocaleLowerCase('en-US')}:${
                e.metadata.namespace ?? 'default'
              }/${e.metadata.name}`,
          );
        ctx.logger.info(
          `Published to ${target}; registered ${refs.join(', ')}`,
        );
        ctx.output('remoteUrl', `file://${target}`);
        ctx.output('entityRef', mainEntity(refs));
      } catch (error) {
        await rm(target, { recursive: true, force: true });
        throw error;
      }
    },
  });
}
