-- The store dimension as of its latest full refresh.
select
  store_id,
  name,
  store_type,
  active,
  city_code,
  city_name,
  province_code,
  region_code,
  region_name,
  loaded_at
from {{ source('bronze', 'stores') }}
where loaded_at = (select max(loaded_at) from {{ source('bronze', 'stores') }})
