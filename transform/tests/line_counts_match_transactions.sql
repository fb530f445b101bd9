-- item_count and units on each transaction are the count of its lines and the
-- sum of their quantities.
with lines as (
  select transaction_id, count(*) as item_count, sum(quantity) as units
  from {{ ref('silver_line_items') }}
  group by transaction_id
)

select t.transaction_id, t.item_count, t.units, lines.item_count as line_count, lines.units as line_units
from {{ ref('silver_transactions') }} as t
left join lines on lines.transaction_id = t.transaction_id
where t.item_count <> coalesce(lines.item_count, 0)
   or t.units <> coalesce(lines.units, 0)
