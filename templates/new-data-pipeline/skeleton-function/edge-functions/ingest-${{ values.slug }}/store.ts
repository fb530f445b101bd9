import type { Sql } from '@internal/backstage-plugin-scout-common';
import type { ${{ values.pascal }}Record } from './schema';

/**
 * Writes a validated batch to scout.bronze_${{ values.name }} in one statement,
 * so all of it or none: one array per column, unnested into rows, each
 * with the request's id. Returns the number of records written.
 */
export async function insertRecords(
  sql: Sql,
  records: ${{ values.pascal }}Record[],
  requestId: string,
): Promise<number> {
  await sql.query(
    `insert into scout.bronze_${{ values.name }} (${{ values.fields | join(', ', 'name') }}, request_id)
     select ${{ values.fields | join(', ', 'name') }}, $${{ (values.fields | length) + 1 }}
     from unnest({% for f in values.fields %}$${{ loop.index }}::${{ values.types[f.type].postgres }}[]{% if not loop.last %}, {% endif %}{% endfor %})
       as t(${{ values.fields | join(', ', 'name') }})`,
    [
{% for f in values.fields %}
      records.map(r => r.${{ f.name }}),
{% endfor %}
      requestId,
    ],
  );
  return records.length;
}
