-- ML features per SKU as of the last sale day in silver: 7- and 28-day units
-- and revenue, 28-day growth against the 28 days before, and store reach.
with as_of as (
  select max(sale_date) as as_of_date from {{ ref('silver_line_items') }}
),

windowed as (
  select
    line.sku,
    line.store_id,
    line.quantity,
    line.amount,
    line.sale_date > {{ days_before('as_of.as_of_date', 7) }} as in_7d,
    line.sale_date > {{ days_before('as_of.as_of_date', 28) }} as in_28d,
    line.sale_date <= {{ days_before('as_of.as_of_date', 28) }}
      and line.sale_date > {{ days_before('as_of.as_of_date', 56) }} as in_prev_28d
  from {{ ref('silver_line_items') }} as line
  cross join as_of
),

per_sku as (
  select
    sku,
    {{ int_sum('case when in_7d then quantity else 0 end') }} as units_7d,
    sum(case when in_7d then amount else 0 end) as revenue_7d,
    {{ int_sum('case when in_28d then quantity else 0 end') }} as units_28d,
    sum(case when in_28d then amount else 0 end) as revenue_28d,
    {{ int_sum('case when in_prev_28d then quantity else 0 end') }} as units_prev_28d,
    sum(case when in_prev_28d then amount else 0 end) as revenue_prev_28d,
    count(distinct case when in_28d then store_id end) as stores_28d
  from windowed
  group by sku
),

selling_stores as (
  select count(distinct store_id) as stores_28d
  from windowed
  where in_28d
)

select
  product.sku,
  product.category_id,
  product.brand_id,
  as_of.as_of_date,
  coalesce(p.units_7d, 0) as units_7d,
  {{ money('coalesce(p.revenue_7d, 0)') }} as revenue_7d,
  coalesce(p.units_28d, 0) as units_28d,
  {{ money('coalesce(p.revenue_28d, 0)') }} as revenue_28d,
  coalesce(p.units_prev_28d, 0) as units_prev_28d,
  {{ money('coalesce(p.revenue_prev_28d, 0)') }} as revenue_prev_28d,
  round({{ ratio('p.units_28d - p.units_prev_28d', 'p.units_prev_28d') }}, 4) as units_growth_28d,
  round({{ ratio('p.revenue_28d - p.revenue_prev_28d', 'p.revenue_prev_28d') }}, 4) as revenue_growth_28d,
  coalesce(p.stores_28d, 0) as store_reach_28d,
  round({{ ratio('coalesce(p.stores_28d, 0)', 'selling_stores.stores_28d') }}, 4) as store_reach_share_28d,
  {{ money('round(' ~ ratio('p.revenue_28d', 'p.units_28d') ~ ', 2)', 10) }} as avg_unit_price_28d
from {{ ref('silver_products') }} as product
cross join as_of
cross join selling_stores
left join per_sku as p on p.sku = product.sku
