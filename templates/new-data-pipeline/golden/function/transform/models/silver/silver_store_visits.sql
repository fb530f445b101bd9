{{ config(properties=partitioned_by(['day'])) }}

-- Store visits: one row per record that ingest-store-visits accepted
-- (its bronze ingest_seq), the copy from the latest load, with the Manila
-- calendar day of visited_at. Rows are kept as loaded (no filtering),
-- so bad data fails the tests instead of vanishing.
with ranked as (
  select
    *,
    row_number() over (
      partition by ingest_seq
      order by loaded_at desc, load_id desc
    ) as load_rank
  from {{ source('bronze', 'store_visits') }}
)

select
  visit_id,
  store_id,
  visited_at,
  visitors,
  spend,
  dwell_minutes,
  first_visit,
  note,
  cast(visited_at at time zone 'Asia/Manila' as date) as day,
  ingest_seq,
  request_id,
  received_at,
  source_xid,
  load_id,
  loaded_at
from ranked
where load_rank = 1
