{{ config(properties=partitioned_by(['sale_date'])) }}

-- One row per receipt line, from the latest load that carried it.
with ranked as (
  select
    *,
    row_number() over (
      partition by transaction_id, line_no
      order by loaded_at desc, load_id desc, source_xid desc
    ) as load_rank
  from {{ source('bronze', 'line_items') }}
)

select
  transaction_id,
  line_no,
  sale_date,
  store_id,
  region_code,
  sku,
  quantity,
  {{ money('unit_price', 10) }} as unit_price,
  {{ money('amount', 12) }} as amount,
  source_xid,
  load_id,
  loaded_at
from ranked
where load_rank = 1
