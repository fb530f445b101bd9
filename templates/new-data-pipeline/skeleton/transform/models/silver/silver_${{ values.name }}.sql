{{ config(properties=partitioned_by(['day'])) }}

{% if values.sourceKind == 'function' %}
-- ${{ values.title }}: one row per record that ingest-${{ values.slug }} accepted
-- (its bronze ingest_seq), the copy from the latest load, with the Manila
-- calendar day of ${{ values.dayField }}. Rows are kept as loaded (no filtering),
-- so bad data fails the tests instead of vanishing.
with ranked as (
  select
    *,
    row_number() over (
      partition by ingest_seq
      order by loaded_at desc, load_id desc
    ) as load_rank
  from {{ source('bronze', '${{ values.name }}') }}
)
{% else %}
-- ${{ values.title }}: the rows of scout.${{ values.table }} in its latest full copy
-- in bronze, with the Manila calendar day of ${{ values.dayField }}. Rows are
-- kept as loaded (no filtering), so bad data fails the tests instead of
-- vanishing.
with ranked as (
  select
    *,
    dense_rank() over (order by loaded_at desc, load_id desc) as load_rank
  from {{ source('bronze', '${{ values.name }}') }}
)
{% endif %}

select
{% for f in values.fields %}
  ${{ f.name }},
{% endfor %}
{% for f in values.fields %}
{% if f.name == values.dayField and f.type == 'date' %}
  ${{ f.name }} as day,
{% elif f.name == values.dayField %}
  cast(${{ f.name }} at time zone 'Asia/Manila' as date) as day,
{% endif %}
{% endfor %}
{% if values.sourceKind == 'function' %}
  ingest_seq,
  request_id,
  received_at,
  source_xid,
{% endif %}
  load_id,
  loaded_at
from ranked
where load_rank = 1
