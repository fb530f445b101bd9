{{ config(properties=partitioned_by(['sale_date'])) }}

-- Basket size per store and day: average receipt value, lines and units.
select
  sale_date,
  store_id,
  region_code,
  count(*) as transactions,
  {{ money('round(' ~ ratio('sum(total)', 'count(*)') ~ ', 2)') }} as avg_basket_value,
  round({{ ratio('sum(item_count)', 'count(*)') }}, 2) as avg_items,
  round({{ ratio('sum(units)', 'count(*)') }}, 2) as avg_units
from {{ ref('silver_transactions') }}
group by sale_date, store_id, region_code
