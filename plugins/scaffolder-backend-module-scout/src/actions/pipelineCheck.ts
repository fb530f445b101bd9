import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './pipelineCheck.examples';
import { pipelineProblems } from './pipelineRules';

/**
 * `scout:pipeline:check`: refuses a new pipeline's values that JSON schema
 * cannot: a field name that PostgreSQL or Trino reads as a keyword, grain
 * and measures that name no field, a day that comes from no timestamp or
 * date, an aggregate that does not fit its field's type. Runs first, so
 * nothing is generated from values that would not build. Reads only; the
 * same in a dry run.
 */
export function createPipelineCheckAction() {
  return createTemplateAction({
    id: 'scout:pipeline:check',
    description:
      "Checks a new data pipeline's fields, day, grain and measures against each other and against SQL's reserved words; fails listing every problem.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        fields: z =>
          z
            .array(
              z
                .object({
                  name: z.string().describe('Column and JSON property name'),
                  type: z
                    .string()
                    .describe(
                      "The template's field type (integer, bigint, amount, double: numbers; timestamp, date: days)",
                    ),
                })
                // A field's other keys (its description) are not checked.
                .passthrough(),
            )
            .min(1)
            .describe('The records’ fields'),
        dayField: z =>
          z
            .string()
            .describe(
              'The timestamp or date field whose day the gold model groups by',
            ),
        grain: z =>
          z
            .array(z.string())
            .describe('The fields the gold model groups by, beside the day'),
        measures: z =>
          z
            .array(
              z.object({
                field: z.string(),
                aggregate: z.enum(['sum', 'count', 'avg', 'min', 'max']),
              }),
            )
            .describe(
              'What the gold model aggregates, each as <aggregate>_<field>',
            ),
      },
    },
    async handler(ctx) {
      const problems = await pipelineProblems(ctx.input);
      if (problems.length) {
        throw new InputError(
          `the pipeline's values do not check:\n${problems
            .map(p => `  ${p}`)
            .join('\n')}`,
        );
      }
      ctx.logger.info(
        `${ctx.input.fields.length} fields; gold by day of ${
          ctx.input.dayField
        }${ctx.input.grain.map(g => `, ${g}`).join('')}`,
      );
    },
  });
}
