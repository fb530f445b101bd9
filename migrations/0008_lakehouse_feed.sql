-- The lakehouse reads silver incrementally. Each silver row records the id of
-- the transaction that wrote it. A load takes the rows whose writer is older
-- than the oldest transaction still running (pg_snapshot_xmin): every such
-- writer has committed or rolled back, so no row can later appear below that
-- mark. An ingest sequence would not do: numbers are taken before commit, so
-- a slow writer can commit a low number after a load has passed it.
alter table scout.silver_transactions
  add column source_xid bigint not null default (pg_current_xact_id()::text::bigint);
alter table scout.silver_line_items
  add column source_xid bigint not null default (pg_current_xact_id()::text::bigint);

create index silver_transactions_source_xid on scout.silver_transactions using brin (source_xid);
create index silver_line_items_source_xid on scout.silver_line_items using brin (source_xid);

-- Every pipeline run: what it loaded, what it built, and how it ended.
create table scout.pipeline_runs (
  run_id text primary key,
  engine text not null check (engine in ('trino', 'duckdb')),
  trigger text not null,
  branch text,
  status text not null check (status in ('running', 'published', 'failed')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  -- Silver rows with from_xid <= source_xid < to_xid went into bronze.
  from_xid bigint,
  to_xid bigint,
  -- Rows per layer after the run, e.g. {"bronze": 120, "gold": 40}.
  rows jsonb not null default '{}',
  tests_passed int,
  tests_failed int,
  -- From the oldest newly loaded transaction's ingest to its publication.
  freshness_seconds double precision,
  error text
);

create index pipeline_runs_started_at on scout.pipeline_runs (started_at desc);
-- One run at a time: a second one would load the same watermark range.
create unique index pipeline_runs_one_running on scout.pipeline_runs ((true))
  where status = 'running';

alter table scout.pipeline_runs enable row level security;
create policy service_role_all on scout.pipeline_runs
  for all to service_role using (true) with check (true);
grant all on scout.pipeline_runs to service_role;
