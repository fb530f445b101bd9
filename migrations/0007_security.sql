-- Who may do what. anon: nothing. authenticated: read silver and gold.
-- service_role: everything in the schema. Tested with the real roles.

-- New functions are executable by PUBLIC unless revoked; anon is part of PUBLIC.
revoke all on schema scout from public;
revoke execute on all functions in schema scout from public;

grant usage on schema scout to authenticated, service_role;

-- Row-level security on every table, partitions included, so that a grant
-- added later never opens a table by accident. service_role gets a policy on
-- each table it reaches through (partitions are reached through their parent).
do $$
declare
  t record;
begin
  for t in
    select c.oid::regclass as name, c.relispartition
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'scout' and c.relkind in ('r', 'p')
  loop
    execute format('alter table %s enable row level security', t.name);
    if not t.relispartition then
      execute format(
        'create policy service_role_all on %s for all to service_role using (true) with check (true)',
        t.name
      );
    end if;
  end loop;
end
$$;

create policy authenticated_read on scout.silver_transactions
  for select to authenticated using (true);
create policy authenticated_read on scout.silver_line_items
  for select to authenticated using (true);

grant select on
  scout.silver_transactions,
  scout.silver_line_items,
  scout.gold_daily_store_sales,
  scout.gold_region_category_sales,
  scout.gold_product_performance,
  scout.gold_basket_size,
  scout.gold_payment_mix,
  scout.gold_hourly_sales
to authenticated;

grant all on all tables in schema scout to service_role;
grant all on all sequences in schema scout to service_role;
grant execute on all functions in schema scout to service_role;
