-- Sales per store and week (weeks start on Monday).
select
  cast(date_trunc('week', t.sale_date) as date) as week_start,
  t.store_id,
  s.region_code,
  count(*) as transactions,
  sum(t.total) as revenue
from {{ ref('silver_transactions') }} as t
join {{ ref('silver_stores') }} as s on s.store_id = t.store_id
group by 1, 2, 3
