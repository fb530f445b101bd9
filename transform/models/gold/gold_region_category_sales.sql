{{ config(properties=partitioned_by(['sale_date'])) }}

-- Units and revenue per day, region and product category, from receipt lines.
select
  line.sale_date,
  line.region_code,
  product.category_id,
  product.category_name,
  {{ int_sum("line.quantity") }} as units,
  {{ money('sum(line.amount)') }} as revenue
from {{ ref('silver_line_items') }} as line
join {{ ref('silver_products') }} as product on product.sku = line.sku
group by line.sale_date, line.region_code, product.category_id, product.category_name
