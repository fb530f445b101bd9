{{ config(properties=partitioned_by(['day'])) }}

-- ${{ values.title }} per Manila calendar day{% for g in values.grain %}, ${{ g }}{% endfor %}: the number of
-- records{% for m in values.measures %}, ${{ m.aggregate }}(${{ m.field }}){% endfor %}.
select
  day,
{% for g in values.grain %}
  ${{ g }},
{% endfor %}
{% for m in values.measures %}
{% for f in values.fields %}
{% if f.name == m.field %}
{% if m.aggregate == 'sum' and f.type == 'amount' %}
  {{ money('sum(${{ f.name }})') }} as sum_${{ f.name }},
{% elif m.aggregate == 'sum' and f.type != 'double' %}
  {{ int_sum('${{ f.name }}') }} as sum_${{ f.name }},
{% elif m.aggregate == 'avg' %}
  cast(avg(${{ f.name }}) as double) as avg_${{ f.name }},
{% else %}
  ${{ m.aggregate }}(${{ f.name }}) as ${{ m.aggregate }}_${{ f.name }},
{% endif %}
{% endif %}
{% endfor %}
{% endfor %}
  count(*) as records
from {{ ref('silver_${{ values.name }}') }}
group by day{% for g in values.grain %}, ${{ g }}{% endfor %}

