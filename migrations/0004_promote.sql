-- Moves bronze rows to silver, or to quarantine when a check fails. Ingestion
-- calls it in the same transaction right after the bronze insert, with the ids
-- it just inserted. It is one set-based statement, with no loop over rows,
-- because this path has to keep up with 50,000 transactions a second.
-- It returns how many transactions it newly wrote to silver and to quarantine:
-- calling it again for the same ids writes nothing and returns zeros.
create function scout.promote(ids uuid[])
returns table (promoted int, quarantined int)
language sql
set search_path = pg_catalog
as $$
  with bronze as (
    select b.transaction_id, b.payload, b.received_at
    from scout.bronze_transactions b
    where b.transaction_id = any (ids)
  ),
  -- One row per line item, with the product's list price (null: unknown sku).
  items as (
    select
      bronze.transaction_id,
      item.line_no::int as line_no,
      item.value ->> 'sku' as sku,
      (item.value ->> 'quantity')::int as quantity,
      (item.value ->> 'unit_price')::numeric(10, 2) as unit_price,
      product.list_price
    from bronze
    cross join lateral jsonb_array_elements(bronze.payload -> 'items')
      with ordinality as item(value, line_no)
    left join scout.products product on product.sku = item.value ->> 'sku'
  ),
  problems as (
    select
      bronze.transaction_id,
      case when store.store_id is null then 'unknown_store' else 'inactive_store' end as reason,
      case
        when store.store_id is null then format('store %s is not in scout.stores', bronze.payload ->> 'store_id')
        else format('store %s is inactive', store.store_id)
      end as detail
    from bronze
    left join scout.stores store on store.store_id = bronze.payload ->> 'store_id'
    where store.store_id is null or not store.active
    union all
    select
      transaction_id,
      'unknown_sku',
      format('sku %s not in scout.products', string_agg(distinct sku, ', '))
    from items
    where list_price is null
    group by transaction_id
    union all
    select
      transaction_id,
      'price_out_of_range',
      string_agg(
        format('sku %s at %s (list price %s)', sku, unit_price, list_price),
        ', ' order by line_no
      )
    from items
    where unit_price not between list_price * 0.5 and list_price * 2
    group by transaction_id
  ),
  quarantined as (
    insert into scout.quarantine (transaction_id, reason, detail, payload)
    select problems.transaction_id, problems.reason, problems.detail, bronze.payload
    from problems
    join bronze using (transaction_id)
    on conflict do nothing
    returning transaction_id
  ),
  counts as (
    select transaction_id, count(*)::int as item_count, sum(quantity)::int as units
    from items
    group by transaction_id
  ),
  accepted as (
    insert into scout.silver_transactions (
      transaction_id, store_id, device_id, occurred_at, sale_date, payment_method,
      total, item_count, units, received_at
    )
    select
      bronze.transaction_id,
      bronze.payload ->> 'store_id',
      bronze.payload ->> 'device_id',
      occurred.at,
      (occurred.at at time zone 'Asia/Manila')::date,
      bronze.payload ->> 'payment_method',
      (bronze.payload ->> 'total')::numeric(12, 2),
      coalesce(counts.item_count, 0),
      coalesce(counts.units, 0),
      bronze.received_at
    from bronze
    cross join lateral (select (bronze.payload ->> 'occurred_at')::timestamptz as at) occurred
    left join counts using (transaction_id)
    where not exists (select from problems where problems.transaction_id = bronze.transaction_id)
    on conflict do nothing
    returning transaction_id, sale_date, store_id
  ),
  -- Only the lines of transactions inserted just now: a transaction and its
  -- lines are written together, so these lines cannot exist yet. That makes
  -- ON CONFLICT here unnecessary, and it would double the cost of this insert.
  lines as (
    insert into scout.silver_line_items (
      transaction_id, line_no, sale_date, store_id, sku, quantity, unit_price, amount
    )
    select
      items.transaction_id, items.line_no, accepted.sale_date, accepted.store_id,
      items.sku, items.quantity, items.unit_price, items.quantity * items.unit_price
    from items
    join accepted using (transaction_id)
  )
  select
    (select count(*) from accepted)::int,
    (select count(distinct transaction_id) from quarantined)::int
$$;
