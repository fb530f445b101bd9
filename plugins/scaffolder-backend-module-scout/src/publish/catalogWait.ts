import { ForwardedError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { exampleStep } from './examples';

/**
 * `scout:catalog:wait`: waits until the catalog has processed what the run
 * registered, so the run's "in the catalog" link opens the entity instead
 * of "Entity not found" (registration only queues the location). Reads as
 * the runner; polls every `intervalMs` up to `timeoutMs`, then fails naming
 * the entity. A dry run registers nothing and so waits for nothing.
 */
export function createCatalogWaitAction(options: {
  catalog: CatalogService;
  timeoutMs?: number;
  intervalMs?: number;
}) {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 500;
  return createTemplateAction({
    id: 'scout:catalog:wait',
    description:
      'Waits until the catalog lists the entity a run registered, so its link opens it.',
    examples: [
      exampleStep('Wait for the catalog', 'scout:catalog:wait', {
        entityRef: 'component:default/ingest-pos-returns',
      }),
    ],
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'The registered entity (kind:namespace/name); absent in a dry run, which registers nothing',
            ),
      },
    },
    async handler(ctx) {
      if (ctx.isDryRun) return;
      const { entityRef } = ctx.input;
      if (!entityRef) {
        throw new InputError(
          'scout:catalog:wait needs the registered entityRef',
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const started = Date.now();
      for (;;) {
        try {
          if (
            await options.catalog.getEntityByRef(entityRef, { credentials })
          ) {
            ctx.logger.info(
              `${entityRef} is in the catalog after ${Date.now() - started} ms`,
            );
            return;
          }
        } catch (error) {
          throw new ForwardedError(`Could not read ${entityRef}`, error);
        }
        if (Date.now() - started >= timeoutMs) {
          throw new Error(
            `${entityRef} was registered but the catalog did not list it within ${
              timeoutMs / 1000
            } s; its location may have failed to process (see the catalog's errors)`,
          );
        }
        await new Promise(r => setTimeout(r, intervalMs));
      }
    },
  });
}
