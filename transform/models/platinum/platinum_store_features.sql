-- ML features per store as of the last sale day in silver: 7- and 28-day
-- rolling sales, basket stats, recency / frequency / monetary, and 28-day
-- growth against the 28 days before. Stores without sales get zeros.
with as_of as (
  select max(sale_date) as as_of_date from {{ ref('silver_transactions') }}
),

windowed as (
  select
    t.store_id,
    t.sale_date,
    t.total,
    t.item_count,
    t.units,
    t.sale_date > {{ days_before('as_of.as_of_date', 7) }} as in_7d,
    t.sale_date > {{ days_before('as_of.as_of_date', 28) }} as in_28d,
    t.sale_date <= {{ days_before('as_of.as_of_date', 28) }}
      and t.sale_date > {{ days_before('as_of.as_of_date', 56) }} as in_prev_28d
  from {{ ref('silver_transactions') }} as t
  cross join as_of
),

per_store as (
  select
    store_id,
    max(sale_date) as last_sale_date,
    sum(case when in_7d then total else 0 end) as revenue_7d,
    count(case when in_7d then 1 end) as transactions_7d,
    sum(case when in_28d then total else 0 end) as revenue_28d,
    count(case when in_28d then 1 end) as transactions_28d,
    sum(case when in_28d then item_count else 0 end) as items_28d,
    sum(case when in_28d then units else 0 end) as units_28d,
    count(distinct case when in_28d then sale_date end) as active_days_28d,
    sum(case when in_prev_28d then total else 0 end) as revenue_prev_28d,
    count(case when in_prev_28d then 1 end) as transactions_prev_28d
  from windowed
  group by store_id
)

select
  store.store_id,
  store.region_code,
  store.store_type,
  store.active,
  as_of.as_of_date,
  {{ money('coalesce(s.revenue_7d, 0)') }} as revenue_7d,
  coalesce(s.transactions_7d, 0) as transactions_7d,
  {{ money('coalesce(s.revenue_28d, 0)') }} as revenue_28d,
  coalesce(s.transactions_28d, 0) as transactions_28d,
  {{ money('round(' ~ ratio('s.revenue_28d', 's.transactions_28d') ~ ', 2)') }} as avg_basket_value_28d,
  round({{ ratio('s.items_28d', 's.transactions_28d') }}, 2) as avg_items_28d,
  round({{ ratio('s.units_28d', 's.transactions_28d') }}, 2) as avg_units_28d,
  {{ days_between('s.last_sale_date', 'as_of.as_of_date') }} as recency_days,
  coalesce(s.active_days_28d, 0) as frequency_days_28d,
  {{ money('round(' ~ ratio('s.revenue_28d', 's.active_days_28d') ~ ', 2)') }} as monetary_per_active_day_28d,
  {{ money('coalesce(s.revenue_prev_28d, 0)') }} as revenue_prev_28d,
  coalesce(s.transactions_prev_28d, 0) as transactions_prev_28d,
  round({{ ratio('s.revenue_28d - s.revenue_prev_28d', 's.revenue_prev_28d') }}, 4) as revenue_growth_28d,
  round({{ ratio('s.transactions_28d - s.transactions_prev_28d', 's.transactions_prev_28d') }}, 4)
    as transactions_growth_28d
from {{ ref('silver_stores') }} as store
cross join as_of
left join per_store as s on s.store_id = store.store_id
