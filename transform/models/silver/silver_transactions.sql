{{ config(properties=partitioned_by(['sale_date'])) }}

-- One row per transaction: the copy from the latest load wins. Rows are kept
-- as loaded (no filtering), so bad data fails the tests instead of vanishing.
-- line_total comes from silver_line_items, which makes this model depend on
-- it: the sums_match test then runs before any gold model and a receipt whose
-- total disagrees with its lines stops the build before gold is written.
with ranked as (
  select
    *,
    row_number() over (
      partition by transaction_id
      order by loaded_at desc, load_id desc, source_xid desc
    ) as load_rank
  from {{ source('bronze', 'transactions') }}
),

lines as (
  select transaction_id, sum(amount) as line_total
  from {{ ref('silver_line_items') }}
  group by transaction_id
)

select
  ranked.transaction_id,
  ranked.store_id,
  ranked.device_id,
  ranked.region_code,
  ranked.city_code,
  ranked.occurred_at,
  ranked.sale_date,
  ranked.payment_method,
  {{ money('ranked.total', 12) }} as total,
  {{ money('coalesce(lines.line_total, 0)', 12) }} as line_total,
  ranked.item_count,
  ranked.units,
  ranked.received_at,
  ranked.source_xid,
  ranked.load_id,
  ranked.loaded_at
from ranked
left join lines on lines.transaction_id = ranked.transaction_id
where ranked.load_rank = 1
