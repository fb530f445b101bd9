-- Every gold table that carries revenue adds up, per day, to silver: receipt
-- totals for the transaction-grain tables, line amounts for the line-grain one.
with expected as (
  select 'gold_daily_store_sales' as model, sale_date, sum(total) as revenue
  from {{ ref('silver_transactions') }}
  group by sale_date
  union all
  select 'gold_payment_mix', sale_date, sum(total)
  from {{ ref('silver_transactions') }}
  group by sale_date
  union all
  select 'gold_region_category_sales', sale_date, sum(amount)
  from {{ ref('silver_line_items') }}
  group by sale_date
),

actual as (
  select 'gold_daily_store_sales' as model, sale_date, sum(revenue) as revenue
  from {{ ref('gold_daily_store_sales') }}
  group by sale_date
  union all
  select 'gold_payment_mix', sale_date, sum(revenue)
  from {{ ref('gold_payment_mix') }}
  group by sale_date
  union all
  select 'gold_region_category_sales', sale_date, sum(revenue)
  from {{ ref('gold_region_category_sales') }}
  group by sale_date
)

select
  coalesce(expected.model, actual.model) as model,
  coalesce(expected.sale_date, actual.sale_date) as sale_date,
  expected.revenue as silver_revenue,
  actual.revenue as gold_revenue
from expected
full outer join actual
  on actual.model = expected.model and actual.sale_date = expected.sale_date
where expected.revenue is null
   or actual.revenue is null
   or expected.revenue <> actual.revenue
