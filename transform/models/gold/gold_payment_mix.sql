{{ config(properties=partitioned_by(['sale_date'])) }}

-- How each region paid each day: count and revenue per payment method and the
-- method's share of that day's and region's transactions and revenue.
with per_method as (
  select
    sale_date,
    region_code,
    payment_method,
    count(*) as transactions,
    sum(total) as revenue
  from {{ ref('silver_transactions') }}
  group by sale_date, region_code, payment_method
)

select
  sale_date,
  region_code,
  payment_method,
  transactions,
  {{ money('revenue') }} as revenue,
  round({{ ratio('transactions', 'sum(transactions) over (partition by sale_date, region_code)') }}, 4)
    as share_of_transactions,
  round({{ ratio('revenue', 'sum(revenue) over (partition by sale_date, region_code)') }}, 4)
    as share_of_revenue
from per_method
