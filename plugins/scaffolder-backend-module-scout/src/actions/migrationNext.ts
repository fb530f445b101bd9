import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readdir } from 'node:fs/promises';
import { examples } from './migrationNext.examples';
import { nextNumber } from './migrationRules';

/**
 * `scout:migration:next`: the number a template's new migration takes, the
 * one after the platform's highest applied migration, so that
 * `scout:migration:check` finds it numbered on without a gap. Reads only;
 * the same in a dry run.
 */
export function createMigrationNextAction(options: {
  /** The platform's migrations folder: what is applied today. */
  appliedDirectory: () => string;
}) {
  return createTemplateAction({
    id: 'scout:migration:next',
    description:
      "Gives the number of a new migration: the one after the platform's highest applied migration, as 0012 and as the file name prefix 0012_.",
    examples,
    supportsDryRun: true,
    schema: {
      output: {
        number: z =>
          z
            .string()
            .regex(/^\d{4}$/)
            .describe('The next migration number, four digits, e.g. 0012'),
        prefix: z =>
          z
            .string()
            .describe("The new migration file's name prefix, e.g. 0012_"),
      },
    },
    async handler(ctx) {
      const number = nextNumber(await readdir(options.appliedDirectory()));
      ctx.logger.info(`the next migration is ${number}`);
      ctx.output('number', number);
      ctx.output('prefix', `${number}_`);
    },
  });
}
