-- The 28-day window contains the 7-day one, and the store features' 28-day
-- revenue adds up to silver's over the same days.
with as_of as (
  select max(sale_date) as as_of_date from {{ ref('silver_transactions') }}
),

silver_28d as (
  select sum(t.total) as revenue
  from {{ ref('silver_transactions') }} as t
  cross join as_of
  where t.sale_date > {{ days_before('as_of.as_of_date', 28) }}
),

features as (
  select sum(revenue_28d) as revenue
  from {{ ref('platinum_store_features') }}
)

select 'store revenue_28d' as problem, features.revenue as got, silver_28d.revenue as expected
from features cross join silver_28d
where features.revenue <> silver_28d.revenue
union all
select 'store 7d > 28d', revenue_7d, revenue_28d
from {{ ref('platinum_store_features') }}
where revenue_7d > revenue_28d or transactions_7d > transactions_28d
union all
select 'product 7d > 28d', revenue_7d, revenue_28d
from {{ ref('platinum_product_features') }}
where revenue_7d > revenue_28d or units_7d > units_28d
