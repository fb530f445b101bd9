-- Bronze ${{ values.title | lower }}: every record ingest-${{ values.slug }} accepted,
-- with the request that carried it. Typed columns: the function's zod schema
-- checked each value against these types' bounds before the insert.
create table scout.bronze_${{ values.name }} (
  ingest_seq bigint generated always as identity primary key,
{% for f in values.fields %}
  ${{ f.name }} ${{ values.types[f.type].postgres }} not null,
{% endfor %}
  request_id text not null,
  received_at timestamptz not null default now(),
  -- The writer's transaction id: the lakehouse load appends the rows whose
  -- writer committed since the last load (as for silver, see 0008).
  source_xid bigint not null default (pg_current_xact_id()::text::bigint)
);

create index bronze_${{ values.name }}_source_xid on scout.bronze_${{ values.name }} (source_xid);

-- Like every table of the schema (0007): row-level security, and the
-- functions' service_role reaches it through its own policy.
alter table scout.bronze_${{ values.name }} enable row level security;
create policy service_role_all on scout.bronze_${{ values.name }}
  for all to service_role using (true) with check (true);
grant all on scout.bronze_${{ values.name }} to service_role;
