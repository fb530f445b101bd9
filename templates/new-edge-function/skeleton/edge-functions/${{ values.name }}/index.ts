{% set pascal = values.name | replace('-', ' ') | title | replace(' ', '') %}
{% set zod = {
  string: 'z.string()',
  number: 'z.number()',
  integer: 'z.int()',
  boolean: 'z.boolean()',
  uuid: 'z.uuid()',
  'date-time': 'z.iso.datetime({ offset: true })'
} %}
import { z } from 'zod';
import type { JwtOptions } from '../_shared/auth';
import { postEndpoint, RequestContext } from '../_shared/endpoint';
import { HttpOptions, json, readJson } from '../_shared/http';
import { problemsOf } from '../ingest-doc/problems';

/** A token needs this scope, unless its role is service_role. */
const SCOPE = '${{ values.scope }}';

// Exactly these fields, each required: an unknown key is a problem too.
const bodySchema = z.strictObject({
{% for field in values.fields %}
  ${{ field.name }}: ${{ zod[field.type] }},
{% endfor %}
});

export type ${{ pascal }}Input = z.infer<typeof bodySchema>;

export type ${{ pascal }}Options = HttpOptions & {
  jwt: JwtOptions;
  /** The function's work on a valid body; what it returns is the 200 body. */
  run: (input: ${{ pascal }}Input, ctx: RequestContext) => Promise<unknown>;
};

/**
 * POST: ${{ values.description | replace('*/', '* /') }}
 *
 * Needs a bearer JWT with SCOPE or service_role. Answers 200 with what `run`
 * returns, or 400 `{ error, problems }` for a body the schema refuses
 * (without calling `run`).
 */
export function create${{ pascal }}(
  options: ${{ pascal }}Options,
): (req: Request) => Promise<Response> {
  return postEndpoint(options, SCOPE, async (req, ctx) => {
    const body = await readJson(req, options.maxBodyBytes);
    const parsed = bodySchema.safeParse(body);
    if (!parsed.success) {
      return json(req, options, 400, {
        error: 'The request is invalid; nothing was done.',
        problems: problemsOf(parsed.error.issues),
      });
    }
    return json(req, options, 200, await options.run(parsed.data, ctx));
  });
}
