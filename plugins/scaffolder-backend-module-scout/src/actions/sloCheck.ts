import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import {
  parseSloSpecs,
  SloSpecError,
} from '@internal/backstage-plugin-slo-common';
import { examples } from './sloCheck.examples';
import { readWorkspaceFiles } from './workspaceFiles';

/**
 * `scout:slo:check`: validates the OpenSLO specs a template generated with
 * the portal's own SLO validator (the one `scout slo generate` and the SLO
 * backend use), so a spec that the portal would refuse is never published.
 * Reads only; the same in a dry run.
 */
export function createSloCheckAction() {
  return createTemplateAction({
    id: 'scout:slo:check',
    description:
      'Validates generated OpenSLO specs (openslo/v1alpha) with the portal SLO validator; fails with each file, path and reason.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .describe(
              'A spec file, or a directory whose *.yaml files are specs (each named <service>-<name>.yaml), relative to the workspace',
            ),
      },
      output: {
        slos: z =>
          z
            .array(z.string())
            .describe('The ids (<service>-<name>) of the valid SLOs, sorted'),
      },
    },
    async handler(ctx) {
      const files = await readWorkspaceFiles(
        ctx.workspacePath,
        ctx.input.path,
        ['.yaml'],
      );
      if (!files.length) {
        throw new InputError(`${ctx.input.path} holds no SLO spec (*.yaml)`);
      }
      let ids: string[];
      try {
        ids = parseSloSpecs(
          files.map(f => ({ file: f.path, text: f.text })),
        ).map(d => d.id);
      } catch (error) {
        if (error instanceof SloSpecError) throw new InputError(error.message);
        throw error;
      }
      ctx.logger.info(`${ids.length} valid SLO spec(s): ${ids.join(', ')}`);
      ctx.output('slos', ids);
    },
  });
}
