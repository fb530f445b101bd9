import type { Sql } from '@internal/backstage-plugin-scout-common';
import type { StoreVisitsRecord } from './schema';

/**
 * Writes a validated batch to scout.bronze_store_visits in one statement,
 * so all of it or none: one array per column, unnested into rows, each
 * with the request's id. Returns the number of records written.
 */
export async function insertRecords(
  sql: Sql,
  records: StoreVisitsRecord[],
  requestId: string,
): Promise<number> {
  await sql.query(
    `insert into scout.bronze_store_visits (visit_id, store_id, visited_at, visitors, spend, dwell_minutes, first_visit, note, request_id)
     select visit_id, store_id, visited_at, visitors, spend, dwell_minutes, first_visit, note, $9
     from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::numeric(12, 2)[], $6::double precision[], $7::boolean[], $8::text[])
       as t(visit_id, store_id, visited_at, visitors, spend, dwell_minutes, first_visit, note)`,
    [
      records.map(r => r.visit_id),
      records.map(r => r.store_id),
      records.map(r => r.visited_at),
      records.map(r => r.visitors),
      records.map(r => r.spend),
      records.map(r => r.dwell_minutes),
      records.map(r => r.first_visit),
      records.map(r => r.note),
      requestId,
    ],
  );
  return records.length;
}
