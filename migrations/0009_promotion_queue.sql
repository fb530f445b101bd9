-- Bronze becomes the only write an ingest request waits for. Promotion to
-- silver or quarantine runs afterwards, in large sets, from a queue that is
-- bronze itself: the rows whose writer committed after the last promotion.
--
-- Commit-safe: each bronze row records the id of the transaction that wrote
-- it (source_xid). The promotion cursor stores a whole MVCC snapshot (not a
-- number), and "promoted" means "written by a transaction visible in that
-- snapshot". A promotion round reads every row visible to its own snapshot
-- but not to the stored one, writes silver, quarantine and the new cursor in
-- one transaction, so a crash anywhere promotes nothing twice and loses
-- nothing. A slow writer is simply picked up by the round after it commits;
-- unlike a sequence or xid watermark, it holds nobody back.

-- Null for rows written before this migration: those were promoted inline.
-- bigint like silver's source_xid (0008). A B-tree, not BRIN: a round asks
-- for the newest rows only, and BRIN scans every range not yet summarized
-- by VACUUM, which on PGlite (no autovacuum) is the whole table.
alter table scout.bronze_transactions add column source_xid bigint;
alter table scout.bronze_transactions
  alter column source_xid set default (pg_current_xact_id()::text::bigint);
create index bronze_transactions_source_xid
  on scout.bronze_transactions (source_xid);

-- SHA-256 of the canonical transaction (canonicalTransaction in scout-common),
-- so that a re-used transaction_id with another sale is refused in one
-- comparison. Null for rows written before this migration.
alter table scout.bronze_transactions add column fingerprint bytea;

-- When promotion wrote the row: promoted_at - received_at is the silver lag.
alter table scout.silver_transactions add column promoted_at timestamptz;
alter table scout.silver_transactions
  alter column promoted_at set default clock_timestamp();

create table scout.promotion_cursor (
  singleton boolean primary key default true check (singleton),
  -- Every bronze row whose source_xid is visible in this snapshot is promoted.
  -- '3:3:' sees no normal transaction id: nothing is promoted yet.
  promoted pg_snapshot not null default '3:3:',
  rounds bigint not null default 0,
  updated_at timestamptz not null default now()
);
insert into scout.promotion_cursor default values;

alter table scout.promotion_cursor enable row level security;
create policy service_role_all on scout.promotion_cursor
  for all to service_role using (true) with check (true);
grant all on scout.promotion_cursor to service_role;

-- Promotion now happens in Node (promoteBronze in scout-node).
drop function scout.promote(uuid[]);
