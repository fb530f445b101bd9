import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { exampleStep, repoInput } from './examples';

/** Where templates publish: `gitea` only, or `auto` (Gitea when it answers). */
export type PublishMode = 'gitea' | 'auto';

/**
 * `scout:publish:target`: chooses where a template publishes, so one
 * template works on the local stack and on the embedded default. With a
 * Gitea integration (`integrations.gitea`) that answers, it returns the
 * `repoUrl` for `publish:gitea` (owner `scout.templates.owner`); without
 * one, or in mode `auto` when Gitea does not answer within 3 s, the
 * portal's local Git (`scout:publish:local`). In mode `gitea` (production)
 * a Gitea that does not answer fails the run, naming its URL. A dry run
 * does not probe: it reports whether Gitea is configured.
 */
export function createPublishTargetAction(options: {
  integrations: ScmIntegrationRegistry;
  owner: string;
  mode: PublishMode;
}) {
  return createTemplateAction({
    id: 'scout:publish:target',
    description:
      "Chooses where a template publishes: the configured Gitea when it answers, otherwise the portal's local Git.",
    examples: [
      exampleStep('Choose where to publish', 'scout:publish:target', {
        repo: 'pos-returns',
      }),
    ],
    supportsDryRun: true,
    schema: {
      input: {
        repo: repoInput,
      },
      output: {
        gitea: z => z.boolean().describe('True: publish with publish:gitea'),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe("publish:gitea's repoUrl (host?owner=…&repo=…)"),
      },
    },
    async handler(ctx) {
      const gitea = options.integrations.gitea.list()[0];
      if (!gitea) {
        ctx.logger.info(
          "No Gitea is configured (integrations.gitea): publishing to the portal's local Git",
        );
        ctx.output('gitea', false);
        return;
      }
      const { host, baseUrl } = gitea.config;
      const repoUrl = `${host}?owner=${encodeURIComponent(
        options.owner,
      )}&repo=${encodeURIComponent(ctx.input.repo)}`;
      if (!ctx.isDryRun) {
        const version = `${baseUrl}/api/v1/version`;
        const answers = await fetch(version, {
          signal: AbortSignal.timeout(3000),
        }).then(
          r => r.ok,
          () => false,
        );
        if (!answers && options.mode === 'gitea') {
          throw new InputError(
            `Gitea at ${baseUrl} does not answer (${version}); nothing was published`,
          );
        }
        if (!answers) {
          ctx.logger.warn(
            `Gitea at ${baseUrl} does not answer: publishing to the portal's local Git instead (start Gitea with: ./scripts/yarn scout stack up gitea)`,
          );
          ctx.output('gitea', false);
          return;
        }
      }
      ctx.logger.info(
        `Publishing to Gitea: ${baseUrl}/${options.owner}/${ctx.input.repo}`,
      );
      ctx.output('gitea', true);
      ctx.output('repoUrl', repoUrl);
    },
  });
}
