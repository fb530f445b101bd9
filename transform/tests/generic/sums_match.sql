{# Fails on every row whose column differs from the sum of a column of another
   model over the rows sharing its key, e.g. a receipt total against the sum of
   its line amounts. A row with no matching rows must be zero. #}
{% test sums_match(model, column_name, to, to_column, key) %}
with detail as (
  select {{ key }} as match_key, sum({{ to_column }}) as detail_sum
  from {{ to }}
  group by {{ key }}
)

select
  m.{{ key }} as match_key,
  m.{{ column_name }} as expected,
  coalesce(d.detail_sum, 0) as actual
from {{ model }} as m
left join detail as d on d.match_key = m.{{ key }}
where m.{{ column_name }} <> coalesce(d.detail_sum, 0)
{% endtest %}
