{{ config(properties=partitioned_by(['day'])) }}

-- Quarantine reasons: the rows of scout.quarantine in its latest full copy
-- in bronze, with the Manila calendar day of quarantined_at. Rows are
-- kept as loaded (no filtering), so bad data fails the tests instead of
-- vanishing.
with ranked as (
  select
    *,
    dense_rank() over (order by loaded_at desc, load_id desc) as load_rank
  from {{ source('bronze', 'quarantine_reasons') }}
)

select
  transaction_id,
  reason,
  quarantined_at,
  cast(quarantined_at at time zone 'Asia/Manila' as date) as day,
  load_id,
  loaded_at
from ranked
where load_rank = 1
