{{ config(properties=partitioned_by(['sale_date'])) }}

-- Sales per store and Manila calendar day. Revenue is the exact sum of
-- receipt totals (equal to the line sums: see the sums_match test on silver).
select
  sale_date,
  store_id,
  region_code,
  count(*) as transactions,
  {{ int_sum("units") }} as units,
  {{ money('sum(total)') }} as revenue
from {{ ref('silver_transactions') }}
group by sale_date, store_id, region_code
