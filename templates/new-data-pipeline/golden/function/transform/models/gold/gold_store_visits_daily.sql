{{ config(properties=partitioned_by(['day'])) }}

-- Store visits per Manila calendar day, store_id: the number of
-- records, sum(visitors), sum(spend), avg(dwell_minutes), count(visit_id), max(visited_at).
select
  day,
  store_id,
  {{ int_sum('visitors') }} as sum_visitors,
  {{ money('sum(spend)') }} as sum_spend,
  cast(avg(dwell_minutes) as double) as avg_dwell_minutes,
  count(visit_id) as count_visit_id,
  max(visited_at) as max_visited_at,
  count(*) as records
from {{ ref('silver_store_visits') }}
group by day, store_id
