-- All-time performance per SKU (same meaning as scout.gold_product_performance
-- in Postgres), plus first and last sale day.
with sales as (
  select
    sku,
    {{ int_sum("quantity") }} as units,
    {{ money('sum(amount)') }} as revenue,
    count(distinct transaction_id) as transactions,
    count(distinct store_id) as stores,
    min(sale_date) as first_sale_date,
    max(sale_date) as last_sale_date
  from {{ ref('silver_line_items') }}
  group by sku
)

select
  product.sku,
  product.name as product_name,
  product.brand_id,
  product.brand_name,
  product.category_id,
  product.category_name,
  sales.units,
  sales.revenue,
  sales.transactions,
  sales.stores,
  sales.first_sale_date,
  sales.last_sale_date
from {{ ref('silver_products') }} as product
join sales on sales.sku = product.sku
