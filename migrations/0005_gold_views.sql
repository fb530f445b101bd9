-- Gold: business views over silver. They are plain views owned by the
-- migration user, so readers need SELECT on the view only, not on the tables
-- behind it. Revenue is always the sum of line amounts (exact numeric).

create view scout.gold_daily_store_sales as
with transactions as (
  select sale_date, store_id, count(*) as transactions, sum(units) as units
  from scout.silver_transactions
  group by sale_date, store_id
),
revenue as (
  select sale_date, store_id, sum(amount) as revenue
  from scout.silver_line_items
  group by sale_date, store_id
)
select
  transactions.sale_date as sales_date,
  transactions.store_id,
  province.region_code,
  transactions.transactions,
  transactions.units,
  coalesce(revenue.revenue, 0) as revenue
from transactions
left join revenue using (sale_date, store_id)
join scout.stores store using (store_id)
join scout.cities city using (city_code)
join scout.provinces province using (province_code);

create view scout.gold_region_category_sales as
select
  line.sale_date as sales_date,
  province.region_code,
  product.category_id,
  sum(line.quantity) as units,
  sum(line.amount) as revenue
from scout.silver_line_items line
join scout.products product using (sku)
join scout.stores store using (store_id)
join scout.cities city using (city_code)
join scout.provinces province using (province_code)
group by line.sale_date, province.region_code, product.category_id;

create view scout.gold_product_performance as
select
  product.sku,
  product.name as product_name,
  product.brand_id,
  product.category_id,
  sum(line.quantity) as units,
  sum(line.amount) as revenue,
  count(distinct line.store_id) as stores
from scout.products product
join scout.silver_line_items line using (sku)
group by product.sku;

create view scout.gold_basket_size as
select
  sale_date as sales_date,
  store_id,
  count(*) as transactions,
  round(avg(item_count), 2) as avg_items,
  round(avg(units), 2) as avg_units,
  round(avg(total), 2) as avg_total
from scout.silver_transactions
group by sale_date, store_id;

-- Line amounts summed per transaction, for the views that group transactions
-- by something only the transaction row carries.
create view scout.gold_payment_mix as
with per_transaction as (
  select t.sale_date, t.payment_method, coalesce(sum(line.amount), 0) as revenue
  from scout.silver_transactions t
  left join scout.silver_line_items line using (transaction_id, sale_date)
  group by t.sale_date, t.transaction_id, t.payment_method
),
per_method as (
  select sale_date, payment_method, count(*) as transactions, sum(revenue) as revenue
  from per_transaction
  group by sale_date, payment_method
)
select
  sale_date as sales_date,
  payment_method,
  transactions,
  revenue,
  round(revenue / nullif(sum(revenue) over (partition by sale_date), 0), 4) as share_of_revenue
from per_method;

create view scout.gold_hourly_sales as
with per_transaction as (
  select
    t.occurred_at at time zone 'Asia/Manila' as local_time,
    coalesce(sum(line.amount), 0) as revenue
  from scout.silver_transactions t
  left join scout.silver_line_items line using (transaction_id, sale_date)
  group by t.transaction_id, t.sale_date, t.occurred_at
)
select
  extract(hour from local_time)::int as hour_of_day,
  extract(isodow from local_time)::int as weekday,
  count(*) as transactions,
  sum(revenue) as revenue
from per_transaction
group by 1, 2;
