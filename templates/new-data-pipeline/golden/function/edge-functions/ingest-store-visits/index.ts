import type { Sql } from '@internal/backstage-plugin-scout-common';
import type { JwtOptions } from '../_shared/auth';
import { postEndpoint } from '../_shared/endpoint';
import { HttpOptions, json, readJson } from '../_shared/http';
import { validateRecords } from './schema';
import { insertRecords } from './store';

export type IngestStoreVisitsOptions = HttpOptions & {
  sql: Sql;
  jwt: JwtOptions;
};

/**
 * POST one store visits record or `{ records: [...] }`, with a
 * service_role token or the `ingest` scope. All-or-nothing: a batch with any
 * problem is rejected whole with every problem listed (400); a valid batch
 * is written to scout.bronze_store_visits (200, `{ accepted }`). Not
 * idempotent: a request sent again is stored again.
 */
export function createIngestStoreVisits(
  options: IngestStoreVisitsOptions,
): (req: Request) => Promise<Response> {
  return postEndpoint(options, 'ingest', async (req, { requestId }) => {
    const body = await readJson(req, options.maxBodyBytes);
    const result = validateRecords(body);
    if (!result.ok) {
      return json(req, options, 400, {
        error: 'The payload is invalid; nothing was written.',
        problems: result.problems,
      });
    }
    const accepted = await insertRecords(
      options.sql,
      result.records,
      requestId,
    );
    return json(req, options, 200, { accepted });
  });
}

/**
 * What the portal's function host serves at
 * /api/scout/functions/ingest-store-visits once this folder is merged
 * (from its next start): the factory, given the host's HTTP options, SQL as
 * service_role and JWT settings. Supabase serves the folder as it is.
 */
export const hosted = createIngestStoreVisits;
