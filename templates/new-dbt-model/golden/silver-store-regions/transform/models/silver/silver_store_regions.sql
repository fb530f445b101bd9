-- Stores per region: "active" ones as the latest load says # not history.
select
  region_code,
  count(*) as stores,
  count(case when active then 1 end) as active_stores
from {{ source('bronze', 'stores') }}
where loaded_at = (select max(loaded_at) from {{ source('bronze', 'stores') }})
group by region_code
