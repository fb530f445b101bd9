-- Bronze store visits: every record ingest-store-visits accepted,
-- with the request that carried it. Typed columns: the function's zod schema
-- checked each value against these types' bounds before the insert.
create table scout.bronze_store_visits (
  ingest_seq bigint generated always as identity primary key,
  visit_id uuid not null,
  store_id text not null,
  visited_at timestamptz not null,
  visitors int not null,
  spend numeric(12, 2) not null,
  dwell_minutes double precision not null,
  first_visit boolean not null,
  note text not null,
  request_id text not null,
  received_at timestamptz not null default now(),
  -- The writer's transaction id: the lakehouse load appends the rows whose
  -- writer committed since the last load (as for silver, see 0008).
  source_xid bigint not null default (pg_current_xact_id()::text::bigint)
);

create index bronze_store_visits_source_xid on scout.bronze_store_visits (source_xid);

-- Like every table of the schema (0007): row-level security, and the
-- functions' service_role reaches it through its own policy.
alter table scout.bronze_store_visits enable row level security;
create policy service_role_all on scout.bronze_store_visits
  for all to service_role using (true) with check (true);
grant all on scout.bronze_store_visits to service_role;
