-- Bronze keeps every accepted payload as it arrived; silver holds the typed,
-- validated rows; quarantine holds what failed validation, with the reason.

create table scout.bronze_transactions (
  ingest_seq bigint generated always as identity,
  transaction_id uuid primary key,
  payload jsonb not null,
  source text not null,
  request_id text not null,
  received_at timestamptz not null default now()
);

-- Downstream loads read bronze "since the last ingest_seq". The sequence only
-- grows, so a BRIN index serves that range scan at almost no insert cost.
create index bronze_transactions_ingest_seq on scout.bronze_transactions using brin (ingest_seq);

create table scout.silver_transactions (
  transaction_id uuid,
  store_id text not null,
  device_id text,
  occurred_at timestamptz not null,
  -- The calendar day in Asia/Manila, where the stores are.
  sale_date date not null,
  payment_method text not null,
  total numeric(12, 2) not null,
  item_count int not null,
  units int not null,
  received_at timestamptz not null,
  primary key (transaction_id, sale_date)
) partition by range (sale_date);

create table scout.silver_line_items (
  transaction_id uuid,
  line_no int,
  sale_date date not null,
  store_id text not null,
  sku text not null,
  quantity int not null,
  unit_price numeric(10, 2) not null,
  amount numeric(12, 2) not null,
  primary key (transaction_id, line_no, sale_date)
) partition by range (sale_date);

-- One partition per month for 2024-01 .. 2027-12; anything outside lands in
-- the default partitions.
do $$
declare
  month date;
  parent text;
begin
  for month in
    select generate_series(date '2024-01-01', date '2027-12-01', interval '1 month')::date
  loop
    foreach parent in array array['silver_transactions', 'silver_line_items'] loop
      execute format(
        'create table scout.%I partition of scout.%I for values from (%L) to (%L)',
        parent || '_' || to_char(month, 'YYYY_MM'),
        parent,
        month,
        (month + interval '1 month')::date
      );
    end loop;
  end loop;
end
$$;

create table scout.silver_transactions_default partition of scout.silver_transactions default;
create table scout.silver_line_items_default partition of scout.silver_line_items default;

create table scout.quarantine (
  transaction_id uuid not null,
  reason text not null,
  detail text,
  payload jsonb not null,
  quarantined_at timestamptz not null default now(),
  primary key (transaction_id, reason)
);
